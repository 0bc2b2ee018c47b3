// The create path's cost in database round trips: every statement a `POST /v1/complaints` sends is
// counted (a transaction's begin and commit included). The answer is built from what was written,
// so it must equal what a later GET reads back. On PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createMemoryFileStore, createPgliteDb, type Db, migrate, type Queryable, seed } from '../src/index.js';
import { createPgDb, pgliteTemplate } from '../src/node.js';
import { draftA, link, makeApi, newKey } from './helpers.js';

/** A Db that counts the statements sent through it (in and out of transactions). */
function counting(db: Db): Db & { count: number } {
  const wrap = (q: Queryable): Queryable => ({
    query: (sql, params) => {
      counter.count++;
      return q.query(sql, params);
    },
    exec: (sql) => {
      counter.count++;
      return q.exec(sql);
    },
  });
  const counter: Db & { count: number } = {
    ...wrap(db),
    count: 0,
    dialect: db.dialect,
    transaction: (fn, options) => {
      counter.count += 2; // begin (with its advisory lock, if any), commit
      return db.transaction((tx) => fn(wrap(tx)), options);
    },
    close: () => db.close(),
  };
  return counter;
}

function roundTripSuite(open: () => Promise<{ db: Db; close: () => Promise<void> }>) {
  test('a create is a handful of round trips, whatever the number of products; its answer is what GET reads', async () => {
    const { db, close } = await open();
    try {
      const counted = counting(db);
      const api = makeApi(counted, createMemoryFileStore());
      await api.get('/v1/account', 'a'); // the token's account, cached from here on
      const trips: number[] = [];
      for (const links of [[link(101), link(102)], Array.from({ length: 800 }, (_, i) => link(1001 + i))]) {
        counted.count = 0;
        const made = await api.post('/v1/complaints', 'a', draftA({ productLinks: links }), {
          'idempotency-key': newKey(),
        });
        assert.equal(made.status, 201, JSON.stringify(made.data));
        trips.push(counted.count);
        const read = await api.get(`/v1/complaints/${made.data.id}`, 'a');
        assert.deepEqual(made.data, read.data);
        assert.equal(made.data.products.length, links.length);
      }
      console.log(`# round trips per create: ${trips[0]} (2 products), ${trips[1]} (800 products)`);
      assert.equal(trips[0], trips[1], 'set-wise: the product count does not add statements');
      assert.ok(trips[0]! <= 5, `${trips[0]} round trips`);
    } finally {
      await close();
    }
  });
}

describe('PGlite', () =>
  roundTripSuite(async () => {
    const db = await createPgliteDb({ trigram: false, loadDataDir: await pgliteTemplate() });
    await migrate(db);
    await seed(db, createMemoryFileStore(), { catalogueSize: 2000 });
    return { db, close: () => db.close() };
  }));

const url = process.env.TEST_DATABASE_URL;
if (url) {
  describe('PostgreSQL', () =>
    roundTripSuite(async () => {
      const schema = `ipr_trips_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6).toString(36)}`;
      const db = await createPgDb({ connectionString: url, schema, max: 4 });
      await migrate(db);
      await seed(db, createMemoryFileStore(), { catalogueSize: 2000 });
      return {
        db,
        async close() {
          await db.query(`drop schema ${schema} cascade`);
          await db.close();
        },
      };
    }));
  describe('PostgreSQL plans', () => {
    test("the create path's prepared statements settle on generic plans (none re-planned on every call)", async () => {
      const schema = `ipr_plans_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6).toString(36)}`;
      // One connection: every statement below is prepared on it, and pg_prepared_statements is per connection.
      const db = await createPgDb({ connectionString: url, schema, max: 1 });
      try {
        await migrate(db);
        // The bench's catalogue: with 600 products both plans of the context read cost alike, with 2,000 they did not.
        await seed(db, createMemoryFileStore(), { catalogueSize: 2000 });
        const api = makeApi(db, createMemoryFileStore());
        const CREATES = 12;
        for (let i = 0; i < CREATES; i++) {
          const made = await api.post(
            '/v1/complaints',
            'a',
            draftA({ productLinks: [link(201 + 2 * i), link(202 + 2 * i)] }),
            {
              'idempotency-key': newKey(),
            },
          );
          assert.equal(made.status, 201, JSON.stringify(made.data));
        }
        const { rows } = await db.query<{ statement: string; generic_plans: number; custom_plans: number }>(
          `select statement, generic_plans::int, custom_plans::int from pg_prepared_statements`,
        );
        const create = rows.filter((r) => r.generic_plans + r.custom_plans >= CREATES);
        assert.ok(create.length >= 3, `the create path's statements (${create.length})`);
        // PostgreSQL tries five custom plans before it compares them with the generic one.
        for (const r of create)
          assert.ok(
            r.custom_plans <= 5,
            `${r.custom_plans} custom plans of ${r.statement.replace(/\s+/g, ' ').slice(0, 120)}`,
          );
      } finally {
        await db.query(`drop schema ${schema} cascade`);
        await db.close();
      }
    });
  });
} else {
  test('PostgreSQL', (t) => t.skip('TEST_DATABASE_URL is not set'));
}
