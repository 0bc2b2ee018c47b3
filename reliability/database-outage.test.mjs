// A PostgreSQL restart in the middle of a burst: the real server (its own process) on a private
// PostgreSQL (private-postgres.mjs: never the machine's shared cluster) takes clients creating
// complaints, each with its Idempotency-Key, retrying with the same key as @ipr/client does. The
// database is stopped (`pg_ctl stop -m fast`: every session terminated, 57P01) mid-burst and
// started again. While it is away the server answers 503 server.unavailable with Retry-After,
// never 500; it reconnects by itself; afterwards every acknowledged complaint is there exactly once.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { TOKENS } from '@ipr/server/demo-accounts';
import { privatePostgres } from './private-postgres.mjs';
import { spawnServer } from './server-process.mjs';
import { draftOfA, link } from './make-fixtures.mjs';

const WORKERS = Number(process.env.OUTAGE_WORKERS ?? 12);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const cleanup = [];
after(async () => {
  for (const step of cleanup.reverse()) await step();
});

/** Product numbers 301..599, paired so that no two drafts share a link set (no 409 duplicates). */
const products = Array.from({ length: 299 }, (_, i) => 301 + i);
const draftFor = (n) =>
  draftOfA({
    productLinks: [
      link(products[n % products.length]),
      link(products[(n + 1 + Math.floor(n / products.length)) % products.length]),
    ],
    description: `Outage burst complaint ${n}.`,
  });

test('a PostgreSQL restart mid-burst: 503 with Retry-After while it is away, never 500; every acknowledged complaint exactly once', {
  timeout: 120_000,
}, async (t) => {
  const started = performance.now();
  const db = await privatePostgres();
  if (db.skip) {
    console.log(`# skipped: ${db.skip}`);
    t.skip(db.skip);
    return;
  }
  cleanup.push(() => db.destroy());
  const dataDir = mkdtempSync(join(tmpdir(), 'ipr-outage-'));
  cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const server = await spawnServer({ dataDir, databaseUrl: db.url, catalogueSize: 600 });
  cleanup.push(() => server.stop());
  console.log(
    `# private PostgreSQL on port ${db.port} and the server ready in ${Math.round(performance.now() - started)} ms`,
  );

  const stats = { answers: {}, unavailable: 0, withoutRetryAfter: 0, networkErrors: 0, serverErrors: [] };
  const acked = new Map(); // key → complaint id (the first 2xx)
  const replayedIds = new Map(); // key → every id a 2xx gave
  let phase = 'before';
  const during = { unavailable: 0 };
  let next = 0;
  let stop = false;
  // A server that died (or never recovers) must fail the test, not hang it: keys are given up then.
  const deadline = performance.now() + 40_000;
  const givenUp = [];

  /** One client: a key at a time, retried with the same key until a 2xx (as the client SDK does). */
  const worker = async () => {
    while (!stop) {
      const n = next++;
      const key = `outage-${n}`;
      const body = JSON.stringify(draftFor(n));
      for (;;) {
        if (performance.now() > deadline) {
          givenUp.push(key);
          stop = true;
          break;
        }
        let res;
        try {
          res = await fetch(`${server.url}/v1/complaints`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${TOKENS.complainantA}`,
              'content-type': 'application/json',
              'idempotency-key': key,
            },
            body,
          });
        } catch {
          stats.networkErrors++;
          await sleep(100);
          continue;
        }
        stats.answers[res.status] = (stats.answers[res.status] ?? 0) + 1;
        const text = await res.text();
        if (res.status === 200 || res.status === 201) {
          const { id } = JSON.parse(text);
          if (!acked.has(key)) acked.set(key, id);
          replayedIds.set(key, [...(replayedIds.get(key) ?? []), id]);
          break;
        }
        if (res.status === 503) {
          stats.unavailable++;
          if (phase === 'down') during.unavailable++;
          const retryAfter = Number(res.headers.get('retry-after'));
          if (!(retryAfter >= 1)) stats.withoutRetryAfter++;
          assert.equal(JSON.parse(text).code, 'server.unavailable');
          // Retry-After says seconds; a test has no time to wait that long, so a short pause.
          await sleep(150);
          continue;
        }
        stats.serverErrors.push(`${res.status} ${text.slice(0, 200)}`);
        if (res.status >= 500) {
          await sleep(150);
          continue;
        }
        break; // a 4xx: the test's own mistake, reported below
      }
    }
  };

  const running = Array.from({ length: WORKERS }, worker);
  await sleep(1500);
  const beforeStop = acked.size;
  phase = 'down';
  db.stop('fast');
  const stoppedAt = performance.now();
  await sleep(2000);
  const duringDown = { acked: acked.size - beforeStop };
  db.start();
  phase = 'back';
  console.log(`# database away for ${Math.round(performance.now() - stoppedAt)} ms`);
  // Let the burst go on against the restarted database, then let every client finish its key.
  const resumedAt = acked.size;
  for (let i = 0; i < 100 && acked.size < resumedAt + WORKERS * 2; i++) await sleep(100);
  stop = true;
  await Promise.all(running);
  const afterRestart = acked.size - resumedAt;
  assert.equal(
    server.child.exitCode ?? server.child.signalCode,
    null,
    `the server process is still running; its output:\n${server.output.slice(-3000)}`,
  );
  assert.deepEqual(givenUp, [], 'no client gave up on its key');

  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  cleanup.push(() => client.end());
  const { rows: keys } = await client.query(
    "select key, complaint_id from idempotency_keys where account_id = 'acc_complainant_a' and key like 'outage-%'",
  );
  const { rows: made } = await client.query(
    "select id, description from complaints where description like 'Outage burst complaint %'",
  );
  const { rows: orphans } = await client.query(
    `select c.number from complaints c
      where not exists (select 1 from complaint_products p where p.complaint_id = c.id)
         or not exists (select 1 from complaint_history h where h.complaint_id = c.id)`,
  );

  const summary = {
    keys: next,
    acknowledged: acked.size,
    acknowledgedBeforeStop: beforeStop,
    acknowledgedWhileDown: duringDown.acked,
    acknowledgedAfterRestart: afterRestart,
    answers: stats.answers,
    unavailable: stats.unavailable,
    unavailableWhileDown: during.unavailable,
    networkErrors: stats.networkErrors,
    complaintsInDatabase: made.length,
    idempotencyRecords: keys.length,
    ms: Math.round(performance.now() - started),
  };
  console.log(`# ${JSON.stringify(summary)}`);

  assert.deepEqual(stats.serverErrors, [], 'no 500 (nor any other refusal) while the database was away');
  assert.equal(stats.answers[500] ?? 0, 0);
  assert.ok(stats.unavailable > 0, 'requests made while the database was away were answered 503');
  assert.equal(stats.withoutRetryAfter, 0, 'every 503 said when to retry');
  assert.equal(stats.networkErrors, 0, 'the server itself stayed up (no connection refused or reset)');
  assert.ok(afterRestart > 0, 'the server reconnected by itself: creates succeed after the restart');
  // Every key was finally acknowledged, each once, each with one complaint, the same one on every replay.
  assert.equal(acked.size, next, 'every client got its complaint');
  for (const [key, ids] of replayedIds) assert.equal(new Set(ids).size, 1, `${key} always names one complaint`);
  assert.equal(keys.length, acked.size, 'one idempotency record per key');
  assert.equal(made.length, acked.size, 'one complaint per acknowledged key: nothing lost, nothing doubled');
  for (const k of keys) assert.equal(k.complaint_id, acked.get(k.key), `${k.key} → the complaint its client was given`);
  assert.deepEqual(orphans, [], 'no complaint without its products or history');
});
