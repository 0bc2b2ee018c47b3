// Live status across instances: the NOTIFY of migration 5's trigger reaches a listening connection
// when the history insert commits (not before, not after a rollback), and a listener whose
// connection is cut reconnects by itself and hears the next change. PostgreSQL only
// (TEST_DATABASE_URL); skipped with the reason without it. Also: writers of history never wait for
// one another, and the settled seq a stream may send up to waits for a seq still in flight.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { migrate } from '../src/index.js';
import { createPgDb, listenForHistory } from '../src/node.js';
import { LISTENER_APPLICATION_NAME } from '../src/events-pg.js';
import { settledSeqReader } from '../src/events.js';
import { recordHistory } from '../src/store/history.js';

const url = process.env.TEST_DATABASE_URL;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(10);
  }
}

if (!url) {
  test('history listener on PostgreSQL', (t) => t.skip('TEST_DATABASE_URL is not set'));
} else {
  test('a history insert notifies at commit; a cut connection reconnects and hears the next one', async () => {
    const schema = `ipr_listen_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6).toString(36)}`;
    const db = await createPgDb({ connectionString: url, schema, max: 2 });
    await migrate(db);
    await db.exec(`
      insert into accounts (id, role, display_name, contact) values ('acc_l', 'complainant', 'L', '{}');
      insert into complaints (id, number, account_id, type, status, description, contact, disclose_contact,
                              is_ipr_holder, product_count, created_at, updated_at)
        values ('cmp_l', 'IPR-2026-999999', 'acc_l', 'copyright', 'submitted', 'd', '{}', false, true, 1, now(), now());`);
    const insertHistory = (tx: { query: (sql: string) => Promise<unknown> }) =>
      tx.query(`insert into complaint_history (complaint_id, action, to_status, actor_id, actor_role, actor_name, at)
                values ('cmp_l', 'create', 'submitted', 'acc_l', 'complainant', 'L', now())`);
    let changes = 0;
    const errors: Error[] = [];
    const listener = listenForHistory({
      connectionString: url,
      onChange: () => changes++,
      onError: (e) => errors.push(e),
      retryMs: 20,
    });
    try {
      await listener.ready;
      assert.equal(listener.listening, true);
      await until(() => changes === 1); // the catch-up call on connect
      // Held open: nothing is announced until the commit.
      let release!: () => void;
      const held = new Promise<void>((r) => {
        release = r;
      });
      const committing = db.transaction(async (tx) => {
        await insertHistory(tx);
        await held;
      });
      await sleep(150);
      assert.equal(changes, 1, 'no notification before the commit');
      release();
      await committing;
      await until(() => changes === 2);
      // A rolled-back insert announces nothing.
      await db
        .transaction(async (tx) => {
          await insertHistory(tx);
          throw new Error('roll back');
        })
        .catch(() => undefined);
      await sleep(150);
      assert.equal(changes, 2, 'no notification for a rollback');

      // The listening connection is cut (a failover, an idle-session kill): it comes back by itself.
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      const { rowCount } = await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and datname = current_database()',
        [LISTENER_APPLICATION_NAME],
      );
      await admin.end();
      assert.ok(rowCount && rowCount >= 1);
      await until(() => errors.length > 0 || !listener.listening);
      await until(() => listener.listening && changes === 3); // reconnected, with its catch-up call
      await insertHistory(db);
      await until(() => changes === 4);
    } finally {
      await listener.close();
      await db.query(`drop schema ${schema} cascade`);
      await db.close();
    }
  });
}

if (url) {
  test('history writers commit concurrently; the settled seq waits for a lower seq still in flight', async () => {
    const schema = `ipr_settle_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6).toString(36)}`;
    const db = await createPgDb({ connectionString: url, schema, max: 4 });
    await migrate(db);
    await db.exec(`
      insert into accounts (id, role, display_name, contact) values ('acc_s', 'complainant', 'S', '{}');
      insert into complaints (id, number, account_id, type, status, description, contact, disclose_contact,
                              is_ipr_holder, product_count, created_at, updated_at)
        values ('cmp_s', 'IPR-2026-999998', 'acc_s', 'copyright', 'submitted', 'd', '{}', false, true, 1, now(), now()),
               ('cmp_s2', 'IPR-2026-999997', 'acc_s', 'copyright', 'submitted', 'd', '{}', false, true, 1, now(), now());`);
    const actor = {
      id: 'acc_s',
      role: 'complainant' as const,
      displayName: 'S',
      contact: { name: 'S', email: '', phone: '' },
    };
    const settled = settledSeqReader(db);
    let release: () => void = () => undefined;
    try {
      const before = await settled();
      const held = new Promise<void>((r) => {
        release = r;
      });
      // T1 draws the lower seq and stays open.
      let inserted!: () => void;
      const t1Inserted = new Promise<void>((r) => {
        inserted = r;
      });
      const t1 = db.transaction(async (tx) => {
        await recordHistory(tx, {
          complaintId: 'cmp_s',
          action: 'create',
          from: null,
          to: 'submitted',
          actor,
          at: new Date(),
          reason: null,
        });
        inserted();
        await held;
      });
      await t1Inserted;
      // T2 draws a higher seq and commits while T1 is open: writers do not wait for one another. (Of
      // another complaint: two writers of one complaint wait on its row, whose version the history
      // trigger moves for the ETags, as an action on it locks it anyway.)
      await Promise.race([
        db.transaction((tx) =>
          recordHistory(tx, {
            complaintId: 'cmp_s2',
            action: 'cancel',
            from: 'submitted',
            to: 'cancelled',
            actor,
            at: new Date(),
            reason: null,
          }),
        ),
        sleep(3000).then(() => {
          throw new Error('a second writer waited for the first');
        }),
      ]);
      const { rows } = await db.query<{ seq: string }>('select seq from complaint_history order by seq');
      assert.equal(rows.length, 1, 'only T2 is visible');
      // The visible max is T2's seq, but T1's lower seq may still commit: no settled reading until it does.
      let reading: number | undefined;
      const pending = settled().then((n) => {
        reading = n;
      });
      await sleep(300);
      assert.equal(reading, undefined, 'the settled seq waits for the open writer');
      release();
      await t1;
      await pending;
      const all = await db.query<{ seq: string }>('select seq from complaint_history order by seq');
      assert.equal(all.rows.length, 2);
      assert.equal(reading, Number(all.rows[1]!.seq));
      assert.ok(reading! > before);
    } finally {
      release(); // a failed assertion must not leave T1 open (the schema's drop would wait for it)
      await db.query(`drop schema ${schema} cascade`);
      await db.close();
    }
  });
}
