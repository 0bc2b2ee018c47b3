// The reference API on PostgreSQL, beside what the database itself can do in the same run:
// creates/s at 10 and 50 connections against `pgbench` running the same transaction (the same reads,
// the same rows inserted) on the same database; the p95 of an 800-product create; `npm run load`'s
// 200 clients; an action on instance A reaching an event stream on instance B. Run alone with
// `node --conditions=source --import tsx bench/postgres.mjs`, or by `npm run bench` (SKIP_PG=1 skips
// it). Needs BENCH_DATABASE_URL or TEST_DATABASE_URL (a fresh schema is made and dropped).
// Options: PG_DURATION (seconds per throughput run, default 5), LOAD_SECONDS (default 15).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createIprClient } from '@ipr/client';
import { TOKENS } from '@ipr/server/demo-accounts';
import { DECLARATION_VERSION } from '@ipr/validators';
import { runLoad } from '../reliability/load.mjs';
import { freshSchema, spawnServer } from '../reliability/server-process.mjs';
import { hashToken } from '../packages/server/src/store/accounts.ts';

const DURATION = Number(process.env.PG_DURATION ?? 5);
const ACCOUNTS = 50;
const CATALOGUE = 2000;
const link = (n) => `https://market.example/product/p${String(n).padStart(6, '0')}`;
const percentile = (values, p) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Complainant accounts of the bench (one account's creates are serialised by design: the duplicate check). */
async function addAccounts(pg) {
  for (let i = 0; i < ACCOUNTS; i++) {
    const id = `acc_bench_${i}`;
    await pg.query(
      `insert into accounts (id, role, display_name, contact, token_hash) values ($1, 'complainant', $2, $3, $4)`,
      [
        id,
        `Bench ${i}`,
        JSON.stringify({ name: `Bench ${i}`, email: `b${i}@bench.example`, phone: '' }),
        await hashToken(`bench-${i}`),
      ],
    );
    await pg.query(
      `insert into evidence (id, account_id, name, size, extension, kind, media_type, sha256, storage_key)
       values ($1, $2, 'certificate.pdf', 1000, 'pdf', 'document', 'application/pdf', repeat('0', 64), $1)`,
      [`ev_bench_${i}`, id],
    );
  }
}

const draft = (account, links, n) => ({
  type: 'trademark_infringement',
  productLinks: links,
  description: `Bench complaint ${n}.`,
  contact: { name: `Bench ${account}`, email: `b${account}@bench.example`, phone: '+86 755 2345 6789' },
  discloseContactToSupplier: false,
  isIprHolder: true,
  holder: null,
  evidence: [{ id: `ev_bench_${account}` }],
  declaration: { goodFaith: true, accurate: true, authorised: true, version: DECLARATION_VERSION },
});

/** The n-th distinct pair of catalogue products (no two creates of an account share a link set). */
const pair = (n) => {
  const i = n % CATALOGUE;
  const j = (i + 1 + Math.floor(n / CATALOGUE)) % CATALOGUE;
  return [link(i + 1), link(j + 1)];
};

let counter = 0;
/** creates/s of the API at `connections`, each request a new key, account and link pair. */
async function apiCreates(url, connections) {
  const result = await autocannon({
    url,
    connections,
    duration: DURATION,
    requests: [
      {
        method: 'POST',
        path: '/v1/complaints',
        setupRequest(req) {
          const n = counter++;
          const account = n % ACCOUNTS;
          return {
            ...req,
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer bench-${account}`,
              'idempotency-key': `bench-${n}`,
            },
            body: JSON.stringify(draft(account, pair(Math.floor(n / ACCOUNTS)), n)),
          };
        },
      },
    ],
  });
  return {
    perSecond: result.requests.average,
    p99: result.latency.p99,
    non2xx: result.non2xx + result.errors,
  };
}

/**
 * The same transaction in SQL through pgbench: the reads before it (key, evidence, products), then
 * the lock of the account and duplicate key (the API's since it stopped serialising an account's different drafts), key claim, duplicate check, sequence, complaint, 2 products, 1 evidence link,
 * history (with its lock) and the key settled: the rows the API inserts, statement by statement (JSON is built in SQL: pgbench reads `:name` as a variable).
 */
const PGBENCH_SCRIPT = `
\\set n random(1, 1000000000000)
\\set a random(0, ${ACCOUNTS - 1})
\\set p random(1, ${CATALOGUE - 1})
select body_hash from idempotency_keys where account_id = 'acc_bench_' || :a and key = 'pgb-' || :n;
select * from evidence where account_id = 'acc_bench_' || :a and id = any(array['ev_bench_' || :a]);
select p.id, p.supplier_id from products p join accounts s on s.id = p.supplier_id
 where p.url = any(array['https://market.example/product/p' || lpad(:p::text, 6, '0'), 'https://market.example/product/p' || lpad((:p + 1)::text, 6, '0')]);
begin;
select pg_advisory_xact_lock(7305002, hashtext('acc_bench_' || :a || chr(10) || 'pgb-' || :n));
insert into idempotency_keys (account_id, key, body_hash, created_at) values ('acc_bench_' || :a, 'pgb-' || :n, 'h', now()) on conflict do nothing;
select id from complaints where account_id = 'acc_bench_' || :a and duplicate_key = 'pgb-' || :n and status = any(array['submitted']) limit 1;
insert into complaints (id, number, account_id, type, status, description, contact, disclose_contact, is_ipr_holder, holder, declaration, receipt, product_count, created_at, updated_at, duplicate_key)
 values ('pgb_' || :n, 'PGB-' || nextval('complaint_number_seq'), 'acc_bench_' || :a, 'trademark_infringement', 'submitted', 'Bench complaint.', jsonb_build_object('name', 'B', 'email', 'b@bench.example', 'phone', ''), false, true, null, jsonb_build_object('goodFaith', true), jsonb_build_object('number', 'x'), 2, now(), now(), 'pgb-' || :n);
insert into complaint_products (complaint_id, product_id, supplier_id, position)
 select 'pgb_' || :n, p.id, p.supplier_id, row_number() over (order by p.id) - 1 from products p
  where p.url = any(array['https://market.example/product/p' || lpad(:p::text, 6, '0'), 'https://market.example/product/p' || lpad((:p + 1)::text, 6, '0')]);
insert into complaint_evidence (complaint_id, evidence_id, purpose, position, original) values ('pgb_' || :n, 'ev_bench_' || :a, 'evidence', 0, false);
update idempotency_keys set complaint_id = 'pgb_' || :n where account_id = 'acc_bench_' || :a and key = 'pgb-' || :n;
select pg_advisory_xact_lock_shared(7305004);
insert into complaint_history (complaint_id, action, from_status, to_status, actor_id, actor_role, actor_name, at, reason)
 values ('pgb_' || :n, 'create', null, 'submitted', 'acc_bench_' || :a, 'complainant', 'Bench', now(), null);
commit;
`;

/** libpq's form of the schema's URL (pgbench reads `options` percent-encoded, never `+` for a space). */
const libpqUrl = (url, schema) => {
  const u = new URL(url);
  u.search = '';
  return `${u}?options=${encodeURIComponent(`-c search_path=${schema},public`)}`;
};

function pgbench(url, connections, dir) {
  const script = join(dir, 'create.sql');
  writeFileSync(script, PGBENCH_SCRIPT);
  const r = spawnSync(
    'pgbench',
    ['-n', '-M', 'prepared', '-c', String(connections), '-j', '2', '-T', String(DURATION), '-f', script, url],
    { encoding: 'utf8' },
  );
  if (r.error || r.status !== 0) throw new Error(`pgbench failed: ${r.error?.message ?? r.stderr}`);
  const tps = /tps = ([\d.]+)/.exec(r.stdout);
  const failed = /number of failed transactions: (\d+)/.exec(r.stdout);
  return { perSecond: Number(tps?.[1] ?? 0), failed: Number(failed?.[1] ?? 0) };
}

/** p50/p95 of sequential 800-product creates (each a different set: a sliding window on the catalogue). */
async function bigCreates(url, count = 20) {
  const times = [];
  for (let k = 0; k < count; k++) {
    const links = Array.from({ length: 800 }, (_, i) => link(1 + k + i));
    const t = performance.now();
    const res = await fetch(`${url}/v1/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer bench-0', 'idempotency-key': `big-${k}` },
      body: JSON.stringify(draft(0, links, `big-${k}`)),
    });
    await res.arrayBuffer();
    if (res.status !== 201) throw new Error(`800-product create: ${res.status}`);
    times.push(performance.now() - t);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), count };
}

/** An action (a create) on A until it reaches a stream on B, over `count` creates one at a time. */
async function eventLatency(aUrl, bUrl, count = 40) {
  const onA = createIprClient({ baseUrl: aUrl, token: TOKENS.complainantA, retry: false });
  const onB = createIprClient({ baseUrl: bUrl, token: TOKENS.complainantA, retry: false });
  const seen = new Map();
  const stop = new AbortController();
  await new Promise((resolve) =>
    onB.events.subscribe((e) => seen.set(e.id, performance.now()), {
      signal: stop.signal,
      onState: (s) => s === 'open' && resolve(),
    }),
  );
  const times = [];
  try {
    for (let i = 0; i < count; i++) {
      const t = performance.now();
      const made = await onA.complaints.create(
        {
          ...draft(0, [link(1900 + (i % 50)), link(1950 + i)], `ev-${i}`),
          evidence: [{ id: 'ev_seed_a_certificate' }],
        },
        { idempotencyKey: `events-${i}` },
      );
      if (!made.data) throw new Error(`create on A: ${JSON.stringify(made.error)}`);
      const until = performance.now() + 6000;
      while (!seen.has(made.data.id) && performance.now() < until) await sleep(1);
      if (!seen.has(made.data.id)) throw new Error('an event never reached B');
      times.push(seen.get(made.data.id) - t);
    }
  } finally {
    stop.abort();
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), count };
}

/** Every figure, as rows for bench/run.mjs's table (figure, measured, budget, baseline, pass, raw). */
export async function postgresRows(url) {
  const rows = [];
  const row = (figure, measured, budget, baseline, pass, raw) =>
    rows.push({ figure, measured, budget, baseline, pass, raw });
  const pg = await freshSchema(url, 'ipr_bench');
  const dirs = [mkdtempSync(join(tmpdir(), 'ipr-bench-pg-')), mkdtempSync(join(tmpdir(), 'ipr-bench-pg-'))];
  const env = process.env.RATE_LIMITS;
  process.env.RATE_LIMITS = 'off'; // the servers spawned below: throughput, not the per-account limits
  let a;
  let b;
  try {
    a = await spawnServer({ dataDir: dirs[0], databaseUrl: pg.url, catalogueSize: CATALOGUE });
    b = await spawnServer({ dataDir: dirs[1], databaseUrl: pg.url, catalogueSize: CATALOGUE });
    await addAccounts(pg);
    await apiCreates(a.url, 10); // warm-up (JIT, pool, caches)
    // Interleaved, twice each (API, pgbench, API, pgbench): both see the same moments of the
    // machine's load; the ratio is of their means (pgbench alone moved 269–593 tx/s between runs).
    const createsRow = async (apiUrl, connections, instance, budgeted) => {
      const apiRuns = [];
      const baseRuns = [];
      for (let round = 0; round < 2; round++) {
        apiRuns.push(await apiCreates(apiUrl, connections));
        baseRuns.push(pgbench(libpqUrl(url, pg.schema), connections, dirs[0]));
      }
      const mean = (runs) => runs.reduce((sum, r) => sum + r.perSecond, 0) / runs.length;
      const runs = (list) => list.map((r) => r.perSecond.toFixed(0)).join(', ');
      const api = {
        perSecond: mean(apiRuns),
        p99: Math.max(...apiRuns.map((r) => r.p99)),
        non2xx: apiRuns.reduce((sum, r) => sum + r.non2xx, 0),
        runs: apiRuns,
      };
      const base = {
        perSecond: mean(baseRuns),
        failed: baseRuns.reduce((sum, r) => sum + r.failed, 0),
        runs: baseRuns,
      };
      const ratio = api.perSecond / base.perSecond;
      row(
        `create, 2 products, ${connections} connections (PostgreSQL, ${instance})`,
        `${api.perSecond.toFixed(0)} creates/s (runs ${runs(apiRuns)}; p99 ${api.p99} ms, non-2xx ${api.non2xx})`,
        budgeted ? '≥ 50% of pgbench' : 'report',
        `pgbench, same transaction, interleaved: ${base.perSecond.toFixed(0)} tx/s (runs ${runs(baseRuns)}; ${base.failed} failed) → ${(ratio * 100).toFixed(0)}%`,
        budgeted ? api.non2xx === 0 && ratio >= 0.5 : null,
        { api, pgbench: base, ratio },
      );
    };
    // The instance as it is meant to run on PostgreSQL, one process per core (WORKERS: a request's
    // JavaScript runs on one thread per process, so one process gets one core's share at most, and
    // less on a busy machine), budgeted; the same as one process, reported. pgbench runs two threads
    // (-j 2) and a backend per connection.
    const cores = availableParallelism();
    dirs.push(mkdtempSync(join(tmpdir(), 'ipr-bench-pg-')));
    const multi = await spawnServer({
      dataDir: dirs.at(-1),
      databaseUrl: pg.url,
      catalogueSize: CATALOGUE,
      workers: cores,
    });
    try {
      await apiCreates(multi.url, 10); // warm-up
      for (const connections of [10, 50])
        await createsRow(multi.url, connections, `one instance, a process per core: WORKERS=${cores}`, true);
    } finally {
      await multi.stop();
    }
    for (const connections of [10, 50]) await createsRow(a.url, connections, 'one instance, one process', false);
    const big = await bigCreates(a.url);
    row(
      `create, 800 products (PostgreSQL, ${big.count} one at a time)`,
      `p95 ${big.p95.toFixed(0)} ms (p50 ${big.p50.toFixed(0)} ms)`,
      'p95 ≤ 150 ms',
      '—',
      big.p95 <= 150,
      big,
    );
    const events = await eventLatency(a.url, b.url);
    row(
      'event: a create on instance A reaches a stream on B',
      `p95 ${events.p95.toFixed(0)} ms (p50 ${events.p50.toFixed(0)} ms, ${events.count} creates)`,
      'p95 ≤ 200 ms',
      'poll fallback: 5,000 ms',
      events.p95 <= 200,
      events,
    );
  } finally {
    await a?.stop();
    await b?.stop();
    if (env === undefined) delete process.env.RATE_LIMITS;
    else process.env.RATE_LIMITS = env;
    await pg.drop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
  // `npm run load` on PostgreSQL (its own fresh schema and server), twice: 200 clients with a pace (a
  // create and a list every 2 s each: 100 creates/s offered, far beyond what people file) against the
  // latency budget, then 200 clients with no pause (saturation: by Little's law the mean latency is
  // then 200 ÷ throughput, so it is reported beside that bound, not budgeted).
  const seconds = Number(process.env.LOAD_SECONDS ?? 15);
  for (const paceMs of [2000, 0]) {
    const load = await runLoad({ seconds, clients: 200, paceMs, databaseUrl: url, log: () => {} });
    const create = load.latencyMs.create;
    const bound = (200 / load.throughput.requestsPerSecond) * 1000;
    row(
      `load: 200 clients, ${paceMs ? `a create and a list every ${paceMs / 1000} s each` : 'no pause (saturation)'}, ${seconds} s (PostgreSQL)`,
      `create p95 ${create.p95} ms (p50 ${create.p50}, ${load.throughput.createsPerSecond} creates/s, ${load.throughput.requestsPerSecond} req/s), ${load.errors} errors, ${load.ok ? 'nothing lost' : 'CHECK FAILED'}`,
      paceMs ? 'create p95 ≤ 250 ms, 0 errors, nothing lost' : '0 errors, nothing lost',
      paceMs
        ? '—'
        : `Little's law: mean latency ≥ 200 ÷ ${load.throughput.requestsPerSecond} req/s = ${bound.toFixed(0)} ms`,
      load.ok && (paceMs === 0 || create.p95 <= 250),
      load,
    );
  }
  return rows;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) {
    console.log('bench/postgres.mjs: set BENCH_DATABASE_URL or TEST_DATABASE_URL');
    process.exit(0);
  }
  const rows = await postgresRows(url);
  // bench/run.mjs reads the last line.
  if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
  else
    for (const r of rows)
      console.log(
        `${r.pass === false ? 'FAIL' : r.pass ? 'pass' : '    '}  ${r.figure}: ${r.measured}  [${r.budget}; ${r.baseline}]`,
      );
}
