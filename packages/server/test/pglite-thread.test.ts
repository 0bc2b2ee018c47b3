// PGlite on its own thread (what startServer uses for a data folder): the same Db contract as the
// in-process adapter — values round-trip, transactions commit or roll back whole, errors keep their
// SQLSTATE, transactions take turns — and the server thread stays free while a query runs.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgliteDb } from '../src/index.js';
import { createPgliteThreadDb, startServer } from '../src/node.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'ipr-thread-'));
  dirs.push(d);
  return d;
};
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const dir = tempDir();
const db = await createPgliteThreadDb({ dataDir: join(dir, 'pglite') });
await db.exec('create table t (id int primary key, at timestamptz, data bytea, doc jsonb, note text)');
after(() => db.close());

test('parameters and answers round-trip: dates, bytes, JSON, null, unicode', async () => {
  const at = new Date('2026-11-29T09:00:00.123Z');
  const data = new Uint8Array([0, 1, 2, 255]);
  await db.query('insert into t values ($1, $2, $3, $4, $5)', [1, at, data, JSON.stringify({ a: [1, 'ü'] }), null]);
  const { rows } = await db.query<{ id: number; at: Date; data: Uint8Array; doc: unknown; note: string | null }>(
    'select * from t where id = $1',
    [1],
  );
  assert.equal(rows.length, 1);
  assert.ok(rows[0]!.at instanceof Date);
  assert.equal(rows[0]!.at.toISOString(), at.toISOString());
  assert.deepEqual([...rows[0]!.data], [0, 1, 2, 255]);
  assert.deepEqual(rows[0]!.doc, { a: [1, 'ü'] });
  assert.equal(rows[0]!.note, null);
});

test('a transaction commits whole when its function resolves, and nothing when it throws', async () => {
  const value = await db.transaction(async (tx) => {
    await tx.query('insert into t (id, note) values (10, $1)', ['kept']);
    await tx.query('insert into t (id, note) values (11, $1)', ['kept']);
    return (await tx.query<{ n: number }>('select count(*)::int as n from t where id in (10, 11)')).rows[0]!.n;
  });
  assert.equal(value, 2, 'the transaction sees its own writes');
  await assert.rejects(
    db.transaction(async (tx) => {
      await tx.query('insert into t (id, note) values (20, $1)', ['gone']);
      throw new Error('changed my mind');
    }),
    /changed my mind/,
  );
  // A failing statement inside: the error reaches the caller with its SQLSTATE, the rest is undone.
  await assert.rejects(
    db.transaction(async (tx) => {
      await tx.query('insert into t (id, note) values (21, $1)', ['gone']);
      await tx.query('insert into t (id) values (10)');
    }),
    (e: Error & { code?: string }) => e.code === '23505',
  );
  const { rows } = await db.query<{ id: number }>('select id from t where id >= 10 order by id');
  assert.deepEqual(
    rows.map((r) => r.id),
    [10, 11],
  );
});

test('transactions take turns: concurrent read-modify-write loses no update', async () => {
  await db.query('insert into t (id, note) values (30, $1)', ['0']);
  await Promise.all(
    Array.from({ length: 20 }, () =>
      db.transaction(async (tx) => {
        const n = Number((await tx.query<{ note: string }>('select note from t where id = 30')).rows[0]!.note);
        await new Promise((r) => setTimeout(r, 1));
        await tx.query('update t set note = $1 where id = 30', [String(n + 1)]);
      }),
    ),
  );
  assert.equal((await db.query<{ note: string }>('select note from t where id = 30')).rows[0]!.note, '20');
});

test('the server thread keeps running while the database works', async () => {
  // About a second of work in the database thread; timers on this thread must keep firing.
  let ticks = 0;
  const timer = setInterval(() => ticks++, 10);
  const t0 = performance.now();
  await db.query('select count(*) from generate_series(1, 3000000)');
  const ms = performance.now() - t0;
  clearInterval(timer);
  assert.ok(ms > 100, `the query should take a while (${Math.round(ms)} ms)`);
  // In-process PGlite would let no timer fire until the query ends.
  assert.ok(ticks >= (ms / 10) * 0.3, `${ticks} ticks in ${Math.round(ms)} ms`);
});

test('what the thread wrote is on disk for the next opener; a closed database refuses', async () => {
  const dataDir = join(tempDir(), 'pglite');
  const first = await createPgliteThreadDb({ dataDir });
  await first.exec('create table kept (v text)');
  await first.query('insert into kept values ($1)', ['after close']);
  await first.close();
  await assert.rejects(first.query('select 1'));
  const second = await createPgliteDb({ dataDir });
  assert.deepEqual((await second.query('select v from kept')).rows, [{ v: 'after close' }]);
  await second.close();
});

test('a data folder that cannot be opened fails createPgliteThreadDb, not a later query', async () => {
  const file = join(tempDir(), 'not-a-folder');
  writeFileSync(file, 'x');
  await assert.rejects(createPgliteThreadDb({ dataDir: file }));
});

test('a database thread that dies says so once; close() is not a death', async () => {
  const lost: Error[] = [];
  const dying = await createPgliteThreadDb({ onLost: (e) => lost.push(e) });
  await dying.thread.terminate();
  await assert.rejects(dying.query('select 1'), /the database thread stopped/);
  assert.equal(lost.length, 1);
  assert.match(lost[0]!.message, /the database thread stopped/);

  const closed: Error[] = [];
  const quiet = await createPgliteThreadDb({ onLost: (e) => closed.push(e) });
  await quiet.close();
  assert.deepEqual(closed, []);
});

test('startServer stops serving when its database thread dies, and says so', async () => {
  const lost: Error[] = [];
  const server = await startServer({
    port: 0,
    dataDir: tempDir(),
    seed: true,
    catalogueSize: 50,
    onDatabaseLost: (e) => lost.push(e),
  });
  assert.equal((await fetch(`${server.url}/v1/health`)).status, 200);
  await (server.db as typeof server.db & { thread: { terminate(): Promise<number> } }).thread.terminate();
  assert.equal(lost.length, 1);
  // The server closes by itself: soon nothing answers, not even the health check.
  const deadline = Date.now() + 5000;
  let answering = true;
  while (answering && Date.now() < deadline) {
    answering = await fetch(`${server.url}/v1/health`).then(
      () => true,
      () => false,
    );
    if (answering) await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(answering, false, 'the server still answers after losing its database');
  await server.close(); // the close the loss started: resolves once it is done
});
