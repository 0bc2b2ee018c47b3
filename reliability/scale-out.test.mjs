// Scale-out: two server processes (A and B) on one PostgreSQL database (a fresh schema of
// TEST_DATABASE_URL), as behind a load balancer. A file uploaded on A downloads on B byte for byte;
// a create on A reaches B's event stream through LISTEN/NOTIFY (latency measured, p50/p95); an
// idempotent replay on B of a create made on A answers the same complaint; A is SIGKILLed in the
// middle of a burst while its clients fail over to B with the same Idempotency-Keys: every
// acknowledged complaint and file is there, once. Skipped with the reason when TEST_DATABASE_URL is unset.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIprClient } from '@ipr/client';
import { TOKENS } from '@ipr/server/demo-accounts';
import { DECLARATION_VERSION } from '@ipr/validators';
import { link, pngOfSize } from './make-fixtures.mjs';
import { freshSchema, spawnServer } from './server-process.mjs';

// The burst below is one account far past the per-account limits: this test is about instances.
process.env.RATE_LIMITS = 'off';

const url = process.env.TEST_DATABASE_URL;
const sha256 = (b) => createHash('sha256').update(b).digest('hex');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** A one-product complaint on catalogue product `n` (each n once: no duplicate link sets). */
const draft = (n, evidenceId, text = 'Scale-out complaint') => ({
  type: 'copyright_infringement',
  productLinks: [link(n)],
  description: `${text} ${n}.`,
  contact: { name: 'Lin Mei', email: 'lin.mei@aurora-lighting.example', phone: '+86 755 2345 6789' },
  discloseContactToSupplier: false,
  isIprHolder: true,
  holder: null,
  evidence: [{ id: evidenceId }],
  declaration: { goodFaith: true, accurate: true, authorised: true, version: DECLARATION_VERSION },
});

if (!url) {
  test('scale-out: two instances on one PostgreSQL', (t) =>
    t.skip(
      'TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/test): the instances share a PostgreSQL',
    ));
} else {
  describe('scale-out: two instances on one PostgreSQL', () => {
    let pg;
    let a;
    let b;
    const dirs = [];
    const dataDir = () => {
      const d = mkdtempSync(join(tmpdir(), 'ipr-scale-'));
      dirs.push(d);
      return d;
    };
    before(async () => {
      pg = await freshSchema(url, 'ipr_scale');
      // One after the other: the first migrates and seeds, the second finds it done.
      a = await spawnServer({ dataDir: dataDir(), databaseUrl: pg.url });
      b = await spawnServer({ dataDir: dataDir(), databaseUrl: pg.url });
    });
    after(async () => {
      await a?.stop();
      await b?.stop();
      await pg?.drop();
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    });

    test('a file uploaded on A downloads on B, byte for byte (several 256 KiB chunks)', async () => {
      const onA = createIprClient({ baseUrl: a.url, token: TOKENS.complainantA, retry: false });
      const onB = createIprClient({ baseUrl: b.url, token: TOKENS.complainantA, retry: false });
      const png = pngOfSize(900_000, randomBytes(16));
      const up = await onA.evidence.upload(new File([png], 'shared.png'));
      assert.ok(up.data, JSON.stringify(up.error));
      const down = await onB.evidence.download(up.data.id);
      assert.ok(down.data, JSON.stringify(down.error));
      const bytes = new Uint8Array(await down.data.arrayBuffer());
      assert.equal(bytes.length, png.length);
      assert.equal(sha256(bytes), sha256(png));
      assert.equal(down.response.headers.get('content-length'), String(png.length));
      // Neither instance kept it on its own disk: only the spool folder, empty again.
      const chunks = await pg.query(
        'select count(*)::int as n from evidence_chunks c join evidence e on e.storage_key = c.key where e.id = $1',
        [up.data.id],
      );
      assert.equal(chunks[0].n, 4);
    });

    test("a create on A reaches B's event stream (LISTEN/NOTIFY, not the 5 s poll); a replay on B answers A's complaint", async () => {
      const onA = createIprClient({ baseUrl: a.url, token: TOKENS.complainantA, retry: false });
      const onB = createIprClient({ baseUrl: b.url, token: TOKENS.complainantA, retry: false });
      const seen = new Map();
      const stop = new AbortController();
      const open = new Promise((resolve) => {
        onB.events.subscribe((e) => seen.set(e.id, performance.now()), {
          signal: stop.signal,
          onState: (s) => s === 'open' && resolve(),
        });
      });
      await open;
      const evidenceId = 'ev_seed_a_certificate';
      const fromAnswer = [];
      const fromRequest = [];
      let last;
      try {
        for (let i = 0; i < 30; i++) {
          const sent = performance.now();
          const made = await onA.complaints.create(draft(100 + i, evidenceId), { idempotencyKey: `scale-live-${i}` });
          const answered = performance.now();
          assert.ok(made.data, JSON.stringify(made.error));
          last = { id: made.data.id, key: `scale-live-${i}`, draft: draft(100 + i, evidenceId) };
          const limit = answered + 4000;
          while (!seen.has(made.data.id) && performance.now() < limit) await sleep(1);
          assert.ok(seen.has(made.data.id), `complaint ${made.data.number} reached B's stream within 4 s`);
          fromAnswer.push(Math.max(0, seen.get(made.data.id) - answered));
          fromRequest.push(seen.get(made.data.id) - sent);
        }
      } finally {
        stop.abort();
      }
      const p50 = percentile(fromAnswer, 50);
      const p95 = percentile(fromAnswer, 95);
      console.log(
        `# event A→B over ${fromAnswer.length} creates: after A's answer p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms; from A's request p50 ${percentile(fromRequest, 50).toFixed(1)} ms, p95 ${percentile(fromRequest, 95).toFixed(1)} ms`,
      );
      // The fallback poll is 5 s: a p95 this far below it is the NOTIFY at work.
      assert.ok(p95 < 1000, `p95 ${p95} ms`);

      const replay = await onB.complaints.create(last.draft, { idempotencyKey: last.key });
      assert.equal(replay.response.status, 200);
      assert.equal(replay.response.headers.get('idempotent-replayed'), 'true');
      assert.equal(replay.data.id, last.id);
    });

    test('SIGKILL of A mid-burst, its clients fail over to B with the same keys: every acknowledged complaint and file, once', async () => {
      const WORKERS = 12;
      const state = { next: 0, attempted: new Map(), acked: new Map(), evidence: [], errors: [], failovers: 0 };
      const clients = {
        a: createIprClient({ baseUrl: a.url, token: TOKENS.complainantA, retry: false }),
        b: createIprClient({ baseUrl: b.url, token: TOKENS.complainantA, retry: false }),
      };
      let aDead = false;
      let stop = false;
      const netError = (r) => !r.data && (!r.error || r.error.status === 0 || r.error.status >= 500);
      /** On A until it fails, then on B: the same request again (an upload anew, a create with its key). */
      const call = async (fn) => {
        if (!aDead) {
          const r = await fn(clients.a);
          if (!netError(r)) return r;
          state.failovers++;
        }
        return fn(clients.b);
      };
      const worker = async () => {
        while (!stop && state.next < 350) {
          const png = pngOfSize(2048 + Math.floor(Math.random() * 300_000), randomBytes(16));
          const up = await call((c) => c.evidence.upload(new File([png], 'burst.png')));
          if (!up.data) {
            state.errors.push(`upload ${up.error?.status} ${up.error?.code}`);
            continue;
          }
          state.evidence.push({ id: up.data.id, sha256: sha256(png) });
          const n = state.next++;
          const key = `scale-burst-${n}`;
          const d = draft(200 + n, up.data.id, 'Scale-out burst complaint');
          state.attempted.set(key, d);
          const made = await call((c) => c.complaints.create(d, { idempotencyKey: key }));
          if (made.data) state.acked.set(key, made.data.id);
          else state.errors.push(`create ${made.error?.status} ${made.error?.code}`);
        }
      };
      const running = Promise.all(Array.from({ length: WORKERS }, worker));
      const t0 = performance.now();
      while (state.acked.size < 30 && performance.now() - t0 < 30_000) await sleep(10);
      await sleep(Math.floor(Math.random() * 200));
      const ackedBeforeKill = state.acked.size;
      await a.kill();
      aDead = true;
      while (state.acked.size < ackedBeforeKill + 30 && performance.now() - t0 < 60_000) await sleep(10);
      stop = true;
      await running;
      a = undefined;
      assert.deepEqual(state.errors, [], 'every request answered 2xx, on A or on B');

      // Through B: every acknowledged complaint and file; a retry of every key answers its complaint.
      const onB = clients.b;
      for (const ev of state.evidence) {
        const down = await onB.evidence.download(ev.id);
        assert.ok(down.data, `evidence ${ev.id}: ${JSON.stringify(down.error)}`);
        assert.equal(sha256(new Uint8Array(await down.data.arrayBuffer())), ev.sha256);
      }
      for (const [key, d] of state.attempted) {
        const again = await onB.complaints.create(d, { idempotencyKey: key });
        assert.ok(again.data, `${key}: ${JSON.stringify(again.error)}`);
        if (state.acked.has(key)) {
          assert.equal(again.response.status, 200);
          assert.equal(again.data.id, state.acked.get(key));
        }
      }
      const [{ n: complaints }] = await pg.query(
        `select count(*)::int as n from complaints where description like 'Scale-out burst complaint %'`,
      );
      assert.equal(complaints, state.attempted.size, 'one complaint per key');
      const [{ n: broken }] = await pg.query(
        `select count(*)::int as n from evidence e join evidence_files f on f.key = e.storage_key
          where f.size <> coalesce((select sum(length(c.data)) from evidence_chunks c where c.key = f.key), 0)
             or f.size <> e.size`,
      );
      assert.equal(broken, 0, 'every stored file is whole');
      console.log(
        `# SIGKILL of A after ${ackedBeforeKill} acknowledged creates (${WORKERS} clients): ${state.failovers} requests failed over to B; ${state.acked.size} creates and ${state.evidence.length} uploads acknowledged in all, each there once`,
      );
    });
  });
}
