// Faults: the real server as a separate process takes a burst of concurrent creates (each with its
// Idempotency-Key) and evidence uploads, is SIGKILLed mid-burst, and is restarted on the same data.
// Then: every acknowledged (2xx) complaint and evidence file is there and whole; nothing is
// half-written; clients retrying every key get their complaint (201 or 200 replay), one per key.
// On PGlite (a data folder on disk), and on PostgreSQL when TEST_DATABASE_URL is set (a fresh schema).
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIprClient } from '@ipr/client';
import { TOKENS } from '@ipr/server/demo-accounts';
import { createPgliteDb } from '@ipr/server';
import { DECLARATION_VERSION } from '@ipr/validators';
import { freshSchema, spawnServer } from './server-process.mjs';
import { pngOfSize, link } from './make-fixtures.mjs';

// 24 clients of one account upload at once, far past the per-account limits (429): this test is
// about kills, so the server it spawns (with this environment) runs without them.
process.env.RATE_LIMITS = 'off';

const WORKERS = Number(process.env.FAULT_WORKERS ?? 24);
const ROUNDS = Number(process.env.FAULT_ROUNDS ?? 2);
const sha256 = (b) => createHash('sha256').update(b).digest('hex');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const dirs = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Product numbers 301..599 not divisible by 23, paired so that no two drafts share a link set. */
const products = Array.from({ length: 299 }, (_, i) => 301 + i).filter((n) => n % 23 !== 0);
function draftFor(n, evidenceId) {
  const a = products[n % products.length];
  const b = products[(Math.floor(n / products.length) + 1 + n) % products.length];
  return {
    type: 'trademark_infringement',
    productLinks: a === b ? [link(a)] : [link(a), link(b)],
    description: `Fault burst complaint ${n}.`,
    contact: { name: 'Lin Mei', email: 'lin.mei@aurora-lighting.example', phone: '+86 755 2345 6789' },
    discloseContactToSupplier: false,
    isIprHolder: true,
    holder: null,
    evidence: [{ id: evidenceId }],
    declaration: { goodFaith: true, accurate: true, authorised: true, version: DECLARATION_VERSION },
  };
}

/**
 * One burst: WORKERS clients upload an evidence file then create a complaint that cites it, over
 * and over, until the server dies. Returns what was attempted and what was acknowledged.
 */
function burst(url, state) {
  const client = createIprClient({ baseUrl: url, token: TOKENS.complainantA, retry: false });
  let stop = false;
  const worker = async () => {
    while (!stop) {
      const png = pngOfSize(2048 + Math.floor(Math.random() * 60_000), randomBytes(16)); // unique content
      const up = await client.evidence.upload(new File([png], `burst-${state.uploads.length}.png`));
      state.uploads.push(1);
      if (!up.data) {
        if (up.error?.status >= 400 && up.error.status < 500)
          state.errors.push(`upload ${up.error.status} ${up.error.code}`);
        else state.lost.push('upload');
        continue;
      }
      state.evidence.push({ id: up.data.id, sha256: sha256(png), size: png.length });
      const n = state.next++;
      const key = `${state.prefix}-${n}`;
      const draft = draftFor(n, up.data.id);
      state.attempted.set(key, { n, draft });
      const made = await client.complaints.create(draft, { idempotencyKey: key });
      if (made.data)
        state.acked.set(key, { id: made.data.id, number: made.data.number, links: draft.productLinks.length });
      else if (made.error?.status >= 400 && made.error.status < 500)
        state.errors.push(`create ${made.error.status} ${made.error.code}`);
    }
  };
  const running = Array.from({ length: WORKERS }, worker);
  return {
    done: Promise.all(running),
    halt() {
      stop = true;
    },
  };
}

/** The checks after a restart (through the API), then retries of every key. */
async function verifyAfterRestart(url, state, label) {
  const client = createIprClient({ baseUrl: url, token: TOKENS.complainantA, retry: false });
  // Every acknowledged complaint is there, whole.
  for (const [key, ack] of state.acked) {
    const got = await client.complaints.get(ack.id);
    assert.ok(got.data, `${label}: acknowledged complaint ${ack.number} (${key}) lost: ${JSON.stringify(got.error)}`);
    assert.equal(got.data.products.length, ack.links, `${label}: ${ack.number} has its products`);
    assert.ok(got.data.history.length >= 1, `${label}: ${ack.number} has its history`);
  }
  // Every acknowledged evidence file is there, byte for byte.
  for (const ev of state.evidence) {
    const got = await client.evidence.download(ev.id);
    assert.ok(got.data, `${label}: acknowledged evidence ${ev.id} lost: ${JSON.stringify(got.error)}`);
    assert.equal(sha256(new Uint8Array(await got.data.arrayBuffer())), ev.sha256, `${label}: evidence ${ev.id} whole`);
  }
  // Clients retry all their keys: each gets its complaint, the acknowledged ones the same id.
  let replays = 0,
    created = 0;
  for (const [key, { draft }] of state.attempted) {
    const again = await client.complaints.create(draft, { idempotencyKey: key });
    assert.ok(again.data, `${label}: retry of ${key}: ${JSON.stringify(again.error)}`);
    const status = again.response.status;
    assert.ok(status === 200 || status === 201, `${label}: retry of ${key} answered ${status}`);
    if (status === 200) {
      replays++;
      assert.equal(again.response.headers.get('idempotent-replayed'), 'true');
    } else created++;
    const acked = state.acked.get(key);
    if (acked) assert.equal(again.data.id, acked.id, `${label}: ${key} replays the acknowledged complaint`);
    else state.acked.set(key, { id: again.data.id, number: again.data.number, links: draft.productLinks.length });
  }
  return { replays, created };
}

/** SQL checks on the database itself: nothing half-written, one complaint per key, files whole. */
async function verifyDatabase(query, store, state, label) {
  const one = async (sql, params) => (await query(sql, params))[0];
  const noProducts = await query(
    `select c.number from complaints c where not exists (select 1 from complaint_products p where p.complaint_id = c.id)`,
  );
  assert.deepEqual(noProducts, [], `${label}: complaints without products`);
  const noHistory = await query(
    `select c.number from complaints c where not exists (select 1 from complaint_history h where h.complaint_id = c.id)`,
  );
  assert.deepEqual(noHistory, [], `${label}: complaints without history`);
  const keys = await query(
    `select key, complaint_id from idempotency_keys where account_id = 'acc_complainant_a' and key like $1`,
    [`${state.prefix}-%`],
  );
  assert.equal(keys.length, state.attempted.size, `${label}: one idempotency record per key`);
  assert.ok(
    keys.every((k) => k.complaint_id),
    `${label}: no key left without its complaint`,
  );
  assert.equal(new Set(keys.map((k) => k.complaint_id)).size, keys.length, `${label}: one complaint per key`);
  for (const k of keys) assert.equal(k.complaint_id, state.acked.get(k.key)?.id, `${label}: ${k.key}`);
  const burstComplaints = await one(
    `select count(*)::int as n from complaints where description like 'Fault burst complaint %'`,
  );
  assert.equal(
    burstComplaints.n,
    state.attempted.size,
    `${label}: complaints made by the burst = keys tried (no duplicates)`,
  );
  // Every evidence row has its file, and the file's bytes are the row's sha256.
  const rows = await query(`select id, sha256, size, storage_key from evidence`);
  let checked = 0;
  for (const r of rows) {
    const bytes = await store.read(r.storage_key);
    assert.ok(bytes, `${label}: evidence ${r.id} has its file`);
    assert.equal(bytes.length, Number(r.size), `${label}: evidence ${r.id} size`);
    assert.equal(sha256(bytes), r.sha256, `${label}: evidence ${r.id} on disk matches its sha256`);
    checked++;
  }
  const acked = new Set(state.evidence.map((e) => e.id));
  assert.ok(
    [...acked].every((id) => rows.some((r) => r.id === id)),
    `${label}: every acknowledged evidence row is there`,
  );
  // Files without a row (written, then killed before the row committed) and temp files are garbage, not damage: count them.
  const known = new Set(rows.map((r) => r.storage_key));
  const files = await store.list();
  return {
    evidenceRows: rows.length,
    checked,
    orphanFiles: files.filter((f) => !known.has(f) && !f.startsWith('.tmp-')).length,
    tempFiles: files.filter((f) => f.startsWith('.tmp-')).length,
  };
}

/** The evidence files of a folder store (PGlite) … */
const folderFiles = (dir) => ({
  read: async (key) => (existsSync(join(dir, key)) ? readFileSync(join(dir, key)) : null),
  list: async () => readdirSync(dir),
});

/** … and of the database store (PostgreSQL: evidence_files and their chunks, in order). */
const databaseFiles = (query) => ({
  async read(key) {
    const [row] = await query(
      `select f.size, coalesce((select string_agg(c.data, ''::bytea order by c.n) from evidence_chunks c where c.key = f.key), ''::bytea) as data
         from evidence_files f where f.key = $1`,
      [key],
    );
    if (!row) return null;
    assert.equal(row.data.length, Number(row.size), `file ${key}: its chunks add up to its size`);
    return row.data;
  },
  list: async () => (await query('select key from evidence_files')).map((r) => r.key),
});

async function scenario({ label, dataDir, databaseUrl, query }) {
  const state = {
    prefix: `fault-${Date.now().toString(36)}`,
    next: 0,
    attempted: new Map(),
    acked: new Map(),
    evidence: [],
    uploads: [],
    errors: [],
    lost: [],
  };
  const report = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const server = await spawnServer({ dataDir, ...(databaseUrl ? { databaseUrl } : {}) });
    const before = {
      acked: state.acked.size,
      evidence: state.evidence.length,
      unacked: state.attempted.size - state.acked.size,
    };
    const b = burst(server.url, state);
    // Let the burst get going, then kill at a random moment while requests are in flight.
    const t0 = performance.now();
    while (state.acked.size - before.acked < 15 && performance.now() - t0 < 20_000) await sleep(20);
    await sleep(Math.floor(Math.random() * 250));
    await server.kill();
    b.halt();
    await b.done;
    const inFlightKeys = state.attempted.size - state.acked.size - before.unacked;
    report.push({
      round,
      ackedCreates: state.acked.size - before.acked,
      ackedUploads: state.evidence.length - before.evidence,
      unacknowledgedAtKill: inFlightKeys,
      burstMs: Math.round(performance.now() - t0),
    });
    assert.deepEqual(state.errors, [], `${label}: every answered request was 2xx`);
  }
  const server = await spawnServer({ dataDir, ...(databaseUrl ? { databaseUrl } : {}) });
  let retried;
  try {
    retried = await verifyAfterRestart(server.url, state, label);
  } finally {
    await server.stop();
  }
  const db = await verifyDatabase(
    query,
    databaseUrl ? databaseFiles(query) : folderFiles(join(dataDir, 'evidence')),
    state,
    label,
  );
  console.log(`# ${label}: ${ROUNDS} SIGKILLs mid-burst (${WORKERS} clients)`);
  for (const r of report)
    console.log(
      `#   round ${r.round}: ${r.ackedCreates} creates and ${r.ackedUploads} uploads acknowledged in ${r.burstMs} ms; ${r.unacknowledgedAtKill} creates unanswered (in flight at the kill)`,
    );
  console.log(
    `#   after restart: all ${state.evidence.length} acknowledged evidence files whole; retried ${state.attempted.size} keys: ${retried.replays} replays (200), ${retried.created} created (201, never reached the database before the kill); one complaint per key`,
  );
  console.log(
    `#   database: ${db.evidenceRows} evidence rows, each file present and matching its sha256; ${db.orphanFiles} orphan files and ${db.tempFiles} temp files from interrupted uploads (no row points at them)`,
  );
  return { state, retried, db };
}

describe('SIGKILL mid-burst, restart on the same data', () => {
  test('PGlite on disk: nothing acknowledged is lost, nothing half-written, one complaint per key', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ipr-faults-'));
    dirs.push(dataDir);
    const query = async (sql, params) => {
      const db = await createPgliteDb({ dataDir: join(dataDir, 'pglite') });
      try {
        return (await db.query(sql, params)).rows;
      } finally {
        await db.close();
      }
    };
    const { state } = await scenario({ label: 'PGlite', dataDir, query });
    assert.ok(state.acked.size >= 15 * ROUNDS);
  });

  test('PostgreSQL (TEST_DATABASE_URL, fresh schema): the same', async (t) => {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) {
      t.skip('TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/test)');
      return;
    }
    const pg = await freshSchema(url, 'ipr_faults');
    const dataDir = mkdtempSync(join(tmpdir(), 'ipr-faults-pg-'));
    dirs.push(dataDir);
    try {
      await scenario({
        label: `PostgreSQL (${pg.schema})`,
        dataDir,
        databaseUrl: pg.url,
        query: (sql, params) => pg.query(sql, params),
      });
    } finally {
      await pg.drop();
    }
  });
});
