// The reference API's numbers on this machine: `npx tsx --conditions=source bench/api.bench.ts`
// (or `npm run bench -w @ipr/server`). Start-up on an empty and a seeded data folder, product
// search latency on a 100,000-product catalogue, and req/s for list and create beside a bare hono
// route in the same run. The server runs in a child process so the load generator does not share
// its event loop. Options: CATALOGUE (default 100000), DURATION seconds per autocannon run (default 5).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { DECLARATION_VERSION } from '@ipr/validators';

const CATALOGUE = Number(process.env.CATALOGUE ?? 100_000);
const DURATION = Number(process.env.DURATION ?? 5);
const here = new URL('.', import.meta.url).pathname;

interface Child {
  proc: ChildProcess;
  url: string;
  bareUrl: string;
  startupMs: number;
  wallMs: number;
}

async function launch(dataDir: string, catalogue: number): Promise<Child> {
  const started = performance.now();
  const proc = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', join(here, 'server.ts'), dataDir, String(catalogue)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: proc.stdout! });
    rl.once('line', resolve);
    proc.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { proc, ...JSON.parse(line), wallMs: performance.now() - started };
}

async function stop(child: Child) {
  const exited = new Promise((r) => child.proc.once('exit', r));
  child.proc.kill('SIGTERM');
  await exited;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const auth = { authorization: 'Bearer demo-complainant-a' };

const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'ipr-bench-'));
  dirs.push(d);
  return d;
};

const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ');
console.log(
  `Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average at start: ${load()}`,
);

try {
  // ── start-up ──
  const demoDir = temp();
  const empty = await launch(demoDir, 5000);
  await stop(empty);
  const reopened = await launch(demoDir, 5000);
  await stop(reopened);
  const bigDir = temp();
  const bigEmpty = await launch(bigDir, CATALOGUE);
  await stop(bigEmpty);
  const big = await launch(bigDir, CATALOGUE);

  console.log('\nStart-up (startServer: open database, migrate, seed, listen; wall = incl. Node + tsx boot)');
  console.table([
    { 'data folder': 'empty → seeded (5,000 products)', startServer: ms(empty.startupMs), wall: ms(empty.wallMs) },
    { 'data folder': 'already seeded (5,000)', startServer: ms(reopened.startupMs), wall: ms(reopened.wallMs) },
    {
      'data folder': `empty → seeded (${CATALOGUE.toLocaleString('en')})`,
      startServer: ms(bigEmpty.startupMs),
      wall: ms(bigEmpty.wallMs),
    },
    {
      'data folder': `already seeded (${CATALOGUE.toLocaleString('en')})`,
      startServer: ms(big.startupMs),
      wall: ms(big.wallMs),
    },
  ]);

  // ── product search on the big catalogue, one request at a time over HTTP ──
  const queries: Record<string, string[]> = {
    'one word': ['lamp', 'toy', 'backpack', 'watch', 'mug', 'sneakers', 'headphones', 'case'],
    'two words': ['desk lamp', 'phone case', 'building blocks', 'smart watch', 'travel mug', 'running shoes'],
    prefix: ['lam', 'bluet', 'shockp', 'rechar', 'wate'],
    'chinese substring': ['台灯', '手机壳', '积木', '保温杯', '耳机', '跑步鞋'],
    'page 5': ['lamp&page=5', 'case&page=5'],
    'no match (substring fallback)': ['zzqx', 'amp desk'],
    'by link': ['@https://market.example/product/p054321', '@www.market.example/product/P000777/?x=1'],
  };
  for (let i = 0; i < 20; i++)
    await fetch(`${big.url}/v1/products?q=lamp`, { headers: auth }).then((r) => r.arrayBuffer()); // warm-up
  const rows = [];
  const all: number[] = [];
  for (const [kind, list] of Object.entries(queries)) {
    const times: number[] = [];
    for (let round = 0; round < 30; round++) {
      for (const q of list) {
        const path = q.startsWith('@')
          ? `/v1/products?link=${encodeURIComponent(q.slice(1))}`
          : `/v1/products?q=${encodeURIComponent(q.split('&')[0]!)}${q.includes('&') ? '&' + q.split('&')[1] : ''}`;
        const t = performance.now();
        const res = await fetch(big.url + path, { headers: auth });
        await res.arrayBuffer();
        times.push(performance.now() - t);
        if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      }
    }
    times.sort((a, b) => a - b);
    all.push(...times);
    rows.push({
      query: kind,
      requests: times.length,
      p50: ms(percentile(times, 50)),
      p95: ms(percentile(times, 95)),
      max: ms(times.at(-1)!),
    });
  }
  all.sort((a, b) => a - b);
  rows.push({
    query: 'all',
    requests: all.length,
    p50: ms(percentile(all, 50)),
    p95: ms(percentile(all, 95)),
    max: ms(all.at(-1)!),
  });
  console.log(`\nGET /v1/products on ${CATALOGUE.toLocaleString('en')} products (sequential, over HTTP, end to end)`);
  console.table(rows);

  // ── throughput ──
  // Each request lists another product: the same type and links as an open complaint would be a 409 duplicate.
  const draftFor = (n: number) =>
    JSON.stringify({
      type: 'trademark_infringement',
      productLinks: [`https://market.example/product/p${String(101 + (n % (CATALOGUE - 200))).padStart(6, '0')}`],
      description: 'Benchmark complaint.',
      contact: { name: 'Lin Mei', email: 'lin.mei@aurora-lighting.example', phone: '+86 755 2345 6789' },
      isIprHolder: true,
      evidence: [{ id: 'ev_seed_a_certificate' }],
      declaration: { goodFaith: true, accurate: true, authorised: true, version: DECLARATION_VERSION },
    });
  let key = 0;
  const runs: [string, autocannon.Options][] = [
    ['bare hono route (GET /bare)', { url: `${big.bareUrl}/bare` }],
    ['GET /v1/health', { url: `${big.url}/v1/health` }],
    ['GET /v1/complaints (list, 20)', { url: `${big.url}/v1/complaints?limit=20`, headers: auth }],
    [
      'POST /v1/complaints (create)',
      {
        url: `${big.url}/v1/complaints`,
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: draftFor(0),
        requests: [
          {
            setupRequest: (req: any) => ({
              ...req,
              body: draftFor(++key),
              headers: { ...req.headers, 'idempotency-key': `bench-${process.pid}-${key}` },
            }),
          },
        ],
      },
    ],
  ];
  const table = [];
  for (const [name, options] of runs) {
    const result = await autocannon({ connections: 10, duration: DURATION, ...options });
    const non2xx = result.non2xx + result.errors;
    table.push({
      route: name,
      'req/s (avg)': Math.round(result.requests.average),
      'latency p50': `${result.latency.p50} ms`,
      'latency p97.5': `${result.latency.p97_5} ms`,
      requests: result.requests.total,
      'non-2xx/errors': non2xx,
    });
  }
  console.log(
    `\nThroughput (autocannon, 10 connections, ${DURATION} s each; server in one child process, ${CATALOGUE.toLocaleString('en')} products)`,
  );
  console.table(table);
  await stop(big);
  console.log(`load average at the end: ${load()} (other work on this machine shares the CPUs)`);
} finally {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}
