// `npm run load`: LOAD_CLIENTS (default 200) concurrent clients create complaints (each with its
// own Idempotency-Key) and list them for LOAD_SECONDS (default 30) against the real server in a
// separate process on loopback (PGlite in a temp folder; LOAD_DATABASE_URL: that PostgreSQL, in a
// fresh schema); LOAD_PACE_MS gives each client a cycle time (a person's pace; default 0: no pause,
// saturation). Then it checks that every answer was 2xx and that the complaints in the database
// are exactly the acknowledged creates (none lost, none doubled), and prints latency percentiles
// and throughput. Results also go to reliability/results/load.json (git-ignored).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOKENS } from '@ipr/server/demo-accounts';
import { createPgliteDb } from '@ipr/server';
import { DECLARATION_VERSION } from '@ipr/validators';
import { freshSchema, spawnServer } from './server-process.mjs';

const RESULTS = fileURLToPath(new URL('./results/', import.meta.url));
const link = (n) => `https://market.example/product/p${String(n).padStart(6, '0')}`;
const CATALOGUE = 1000;
const products = Array.from({ length: CATALOGUE }, (_, i) => i + 1).filter((n) => n % 23 !== 0 && n > 30);

/** The n-th distinct pair of products: no two creates share a link set (no duplicate refusals). */
function pair(n) {
  const m = products.length;
  const i = n % m;
  const j = (i + 1 + Math.floor(n / m)) % m;
  return [link(products[i]), link(products[j])];
}

/**
 * One HTTP request on the client's own kept-alive connection (an agent of one socket per client:
 * what 200 browsers or integrations would hold).
 */
function request(agent, url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method, agent, headers: body ? { ...headers, 'content-length': Buffer.byteLength(body) } : headers },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          let data = null;
          try {
            data = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            /* not JSON */
          }
          resolve({ status: res.statusCode, data, reused: req.reusedSocket });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function percentiles(values) {
  const s = [...values].sort((a, b) => a - b);
  const at = (p) => (s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : 0);
  const r = (x) => Math.round(x * 10) / 10;
  return {
    count: s.length,
    p50: r(at(50)),
    p95: r(at(95)),
    p99: r(at(99)),
    max: r(s.at(-1) ?? 0),
    mean: r(s.reduce((a, b) => a + b, 0) / (s.length || 1)),
  };
}

export async function runLoad({
  seconds = Number(process.env.LOAD_SECONDS ?? 30),
  clients = Number(process.env.LOAD_CLIENTS ?? 200),
  databaseUrl = process.env.LOAD_DATABASE_URL,
  // Each client's cycle (a create, then a list) starts every `paceMs` (the clients' starts spread
  // over the first one): an offered load of clients / paceMs cycles per second, as people with a
  // think time make it. 0: each client starts its next cycle at once (saturation: then the mean
  // latency is clients / throughput, whatever the server, by Little's law).
  paceMs = Number(process.env.LOAD_PACE_MS ?? 0),
  log = console.log,
} = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'ipr-load-'));
  const pg = databaseUrl ? await freshSchema(databaseUrl, 'ipr_load') : null;
  const server = await spawnServer({ dataDir, catalogueSize: CATALOGUE, ...(pg ? { databaseUrl: pg.url } : {}) });
  const run = Date.now().toString(36);
  const accounts = [
    {
      id: 'acc_complainant_a',
      token: TOKENS.complainantA,
      contact: { name: 'Lin Mei', email: 'lin.mei@aurora-lighting.example', phone: '+86 755 2345 6789' },
    },
    {
      id: 'acc_complainant_b',
      token: TOKENS.complainantB,
      contact: { name: 'Jonas Weber', email: 'jonas.weber@brightstone-toys.example', phone: '+49 30 1234 5678' },
    },
  ];
  const evidence = { acc_complainant_a: 'ev_seed_a_certificate', acc_complainant_b: 'ev_seed_b_patent' };
  const totalOf = async (token) => {
    const res = await fetch(`${server.url}/v1/complaints?limit=1`, { headers: { authorization: `Bearer ${token}` } });
    return (await res.json()).total;
  };
  const before = await Promise.all(accounts.map((a) => totalOf(a.token)));

  const lat = { create: [], list: [] };
  const errors = [];
  const acked = new Map(); // key -> complaint id
  let next = 0;
  let reconnects = 0;

  // Connect phase: every client opens its connection (GET /v1/account) while the server is idle.
  // Node accepts one new connection per event-loop turn, and a server saturated by the load turns
  // its loop a few times a second: clients that connect mid-run wait seconds for their first
  // answer. That is measured separately below (LOAD_COLD=1 skips this phase to see it).
  const agents = Array.from({ length: clients }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  const headersOf = (c) => ({
    authorization: `Bearer ${accounts[c % accounts.length].token}`,
    'content-type': 'application/json',
    accept: 'application/json',
  });
  const connectStarted = performance.now();
  if (process.env.LOAD_COLD !== '1') {
    await Promise.all(
      agents.map(async (agent, c) => {
        const res = await request(agent, `${server.url}/v1/account`, { headers: headersOf(c) });
        if (res.status !== 200) errors.push(`account ${res.status}`);
      }),
    );
  }
  const connectMs = Math.round(performance.now() - connectStarted);
  const firstAnswers = [];
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();

  const client = async (c) => {
    const agent = agents[c];
    const account = accounts[c % accounts.length];
    const headers = headersOf(c);
    let cursor = null;
    let first = true;
    const answered = (ms, reused) => {
      if (first) {
        firstAnswers.push(ms);
        first = false;
      }
      if (!reused) reconnects++;
    };
    if (paceMs > 0) await new Promise((r) => setTimeout(r, Math.random() * paceMs));
    while (performance.now() < deadline) {
      const cycleStarted = performance.now();
      // Create one complaint.
      const n = next++;
      const key = `load-${run}-${n}`;
      const body = JSON.stringify({
        type: 'trademark_infringement',
        productLinks: pair(n),
        description: `Load run ${run} complaint ${n}.`,
        contact: account.contact,
        discloseContactToSupplier: false,
        isIprHolder: true,
        holder: null,
        evidence: [{ id: evidence[account.id] }],
        declaration: { goodFaith: true, accurate: true, authorised: true, version: DECLARATION_VERSION },
      });
      let t = performance.now();
      try {
        const { status, data, reused } = await request(agent, `${server.url}/v1/complaints`, {
          method: 'POST',
          headers: { ...headers, 'idempotency-key': key },
          body,
        });
        const res = { status };
        lat.create.push(performance.now() - t);
        answered(performance.now() - t, reused);
        if (res.status === 201) {
          if (acked.has(key)) errors.push(`create ${key}: acknowledged twice`);
          acked.set(key, { id: data.id, account: account.id });
        } else errors.push(`create ${res.status} ${data?.code ?? ''}`);
      } catch (e) {
        errors.push(`create network: ${e.code ?? e.message}`);
      }
      if (performance.now() >= deadline) break;
      // List: the first page, or the next one after the previous list.
      t = performance.now();
      try {
        const { status, data, reused } = await request(
          agent,
          `${server.url}/v1/complaints?limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          { headers },
        );
        const res = { status };
        lat.list.push(performance.now() - t);
        answered(performance.now() - t, reused);
        if (res.status !== 200) errors.push(`list ${res.status} ${data?.code ?? ''}`);
        else cursor = data.nextCursor && Math.random() < 0.5 ? data.nextCursor : null;
      } catch (e) {
        errors.push(`list network: ${e.code ?? e.message}`);
      }
      const rest = cycleStarted + paceMs - performance.now();
      if (paceMs > 0 && rest > 0) await new Promise((r) => setTimeout(r, Math.min(rest, deadline - performance.now())));
    }
  };
  // Responsiveness: every 250 ms a new connection asks /v1/health (no database): how long a
  // visitor arriving at a saturated server waits for anything at all.
  const probes = [];
  const probing = (async () => {
    while (performance.now() < deadline) {
      const agent = new http.Agent({ keepAlive: false });
      const t = performance.now();
      try {
        const { status } = await request(agent, `${server.url}/v1/health`);
        if (status !== 200) errors.push(`health ${status}`);
        probes.push(performance.now() - t);
      } catch (e) {
        errors.push(`health network: ${e.code ?? e.message}`);
      }
      agent.destroy();
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  await Promise.all([...Array.from({ length: clients }, (_, c) => client(c)), probing]);
  for (const a of agents) a.destroy();
  const elapsed = (performance.now() - started) / 1000;

  // Verification: the API's totals and the database itself against the acknowledged creates.
  const after = await Promise.all(accounts.map((a) => totalOf(a.token)));
  const ackedBy = (id) => [...acked.values()].filter((v) => v.account === id).length;
  const apiDelta = accounts.map((a, i) => ({
    account: a.id,
    acknowledged: ackedBy(a.id),
    listedMore: after[i] - before[i],
  }));
  await server.stop();
  const sql = pg
    ? (q, p) => pg.query(q, p)
    : async (q, p) => {
        const db = await createPgliteDb({ dataDir: join(dataDir, 'pglite') });
        try {
          return (await db.query(q, p)).rows;
        } finally {
          await db.close();
        }
      };
  const [{ n: stored }] = await sql(`select count(*)::int as n from complaints where description like $1`, [
    `Load run ${run} complaint %`,
  ]);
  const keyRows = await sql(`select key, complaint_id from idempotency_keys where key like $1`, [`load-${run}-%`]);
  const ids = new Set(keyRows.map((r) => r.complaint_id));
  const mismatched = keyRows.filter((r) => acked.get(r.key)?.id !== r.complaint_id).length;
  const noProducts = await sql(
    `select count(*)::int as n from complaints c where description like $1 and not exists (select 1 from complaint_products p where p.complaint_id = c.id)`,
    [`Load run ${run} complaint %`],
  );
  if (pg) await pg.drop();
  rmSync(dataDir, { recursive: true, force: true });

  const requests = lat.create.length + lat.list.length;
  const result = {
    when: new Date().toISOString(),
    database: pg ? 'postgresql' : 'pglite',
    clients,
    paceMs,
    seconds: Math.round(elapsed * 10) / 10,
    requests,
    throughput: {
      requestsPerSecond: Math.round(requests / elapsed),
      createsPerSecond: Math.round(lat.create.length / elapsed),
      listsPerSecond: Math.round(lat.list.length / elapsed),
    },
    latencyMs: {
      create: percentiles(lat.create),
      list: percentiles(lat.list),
      firstAnswerPerClient: percentiles(firstAnswers),
      healthOnNewConnection: percentiles(probes),
    },
    connect: { cold: process.env.LOAD_COLD === '1', connectPhaseMs: connectMs, connectionsOpenedDuringRun: reconnects },
    errors: errors.length,
    errorSamples: [...new Set(errors)].slice(0, 10),
    creates: {
      acknowledged: acked.size,
      uniqueKeys: new Set(acked.keys()).size,
      storedInDatabase: stored,
      idempotencyRecords: keyRows.length,
      distinctComplaints: ids.size,
      keyIdMismatches: mismatched,
      withoutProducts: noProducts[0].n,
    },
    apiTotals: apiDelta,
    startupMs: server.startupMs,
    cpus: (await import('node:os')).cpus().length,
  };
  result.ok =
    result.errors === 0 &&
    stored === acked.size &&
    keyRows.length === acked.size &&
    ids.size === acked.size &&
    mismatched === 0 &&
    noProducts[0].n === 0 &&
    apiDelta.every((d) => d.acknowledged === d.listedMore);
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'load.json'), JSON.stringify(result, null, 2));

  const row = (name, p) =>
    `${name.padEnd(7)} ${String(p.count).padStart(7)} ${String(p.p50).padStart(8)} ${String(p.p95).padStart(8)} ${String(p.p99).padStart(8)} ${String(p.max).padStart(8)}`;
  log(
    `load: ${clients} clients${paceMs ? ` (a cycle every ${paceMs} ms each)` : ' (no pause)'} for ${result.seconds} s on ${result.database} (${result.cpus} CPUs, shared): ${requests} requests, ${result.throughput.requestsPerSecond} req/s (${result.throughput.createsPerSecond} creates/s, ${result.throughput.listsPerSecond} lists/s)`,
  );
  log(`latency ms   count      p50      p95      p99      max`);
  log(row('create', result.latencyMs.create));
  log(row('list', result.latencyMs.list));
  log(
    row('first', result.latencyMs.firstAnswerPerClient) +
      `   (each client's first answer in the run; ${result.connect.cold ? 'cold: clients connect as the run starts' : `connections opened beforehand in ${connectMs} ms`}; ${reconnects} opened during the run)`,
  );
  log(
    row('health', result.latencyMs.healthOnNewConnection) +
      '   (a new connection every 250 ms asking /v1/health, which needs no database)',
  );
  log(`errors: ${result.errors}${result.errors ? ' ' + JSON.stringify(result.errorSamples) : ''}`);
  log(
    `creates: ${acked.size} acknowledged, ${stored} in the database, ${keyRows.length} idempotency records -> ${ids.size} distinct complaints; API totals grew by ${apiDelta.map((d) => `${d.listedMore} (${d.account}, ${d.acknowledged} acknowledged)`).join(', ')}`,
  );
  log(
    `${result.ok ? 'OK' : 'FAILED'}: ${result.ok ? 'no errors, nothing lost, nothing doubled' : 'see above'} (results in ${join(RESULTS, 'load.json')})`,
  );
  return result;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await runLoad();
  process.exit(result.ok ? 0 : 1);
}
