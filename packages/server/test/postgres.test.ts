// The same contract checks on a real PostgreSQL (node-postgres), in a fresh schema per suite that
// is dropped afterwards. Skipped, with the reason printed, when TEST_DATABASE_URL is not set.
import { describe, test } from 'node:test';
import { createMemoryFileStore, migrate, seed } from '../src/index.js';
import { createPgDb } from '../src/node.js';
import { makeApi, type Api } from './helpers.js';
import { contractSuite } from './suites/contract.js';
import { lifecycleSuite } from './suites/lifecycle.js';
import { idempotencySuite } from './suites/idempotency.js';
import { hostileSuite } from './suites/hostile.js';

const url = process.env.TEST_DATABASE_URL;

async function open(): Promise<Api> {
  const schema = `ipr_test_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6).toString(36)}`;
  const db = await createPgDb({ connectionString: url!, schema, max: 12 });
  const files = createMemoryFileStore();
  await migrate(db);
  await seed(db, files, { catalogueSize: 2000 });
  const api = makeApi(db, files);
  return {
    ...api,
    async close() {
      await db.query(`drop schema ${schema} cascade`);
      await db.close();
    },
  };
}

if (!url) {
  const reason = 'TEST_DATABASE_URL is not set: set it (e.g. postgres://postgres@127.0.0.1:5432/test) to run the contract suite on PostgreSQL';
  console.log(`# ${reason}`);
  test('PostgreSQL contract suite', (t) => { t.skip(reason); });
} else {
  describe('PostgreSQL: contract', () => contractSuite(open));
  describe('PostgreSQL: lifecycle', () => lifecycleSuite(open));
  describe('PostgreSQL: idempotency', () => idempotencySuite(open));
  describe('PostgreSQL: hostile input', () => hostileSuite(open));
}
