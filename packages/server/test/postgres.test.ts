// The same contract checks on a real PostgreSQL (node-postgres), in a fresh schema per suite that
// is dropped afterwards. Skipped, with the reason printed, when TEST_DATABASE_URL is not set.
import { describe, test } from 'node:test';
import { createMemoryFileStore, migrate, seed } from '../src/index.js';
import { createPgDb, startServer } from '../src/node.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { makeApi, type Api } from './helpers.js';
import { contractSuite } from './suites/contract.js';
import { lifecycleSuite } from './suites/lifecycle.js';
import { idempotencySuite } from './suites/idempotency.js';
import { hostileSuite } from './suites/hostile.js';
import { authzSuite } from './suites/authz.js';
import { fuzzSuite } from './suites/fuzz.js';
import { holderProfilesSuite } from './suites/holder-profiles.js';
import { receiptSuite } from './suites/receipt.js';
import { duplicatesSuite } from './suites/duplicates.js';
import { statusReportSuite } from './suites/status-report.js';
import { liveEventsSuite } from './suites/live-events.js';
import { conditionalRequestsSuite } from './suites/conditional-requests.js';

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
  const reason =
    'TEST_DATABASE_URL is not set: set it (e.g. postgres://postgres@127.0.0.1:5432/test) to run the contract suite on PostgreSQL';
  console.log(`# ${reason}`);
  test('PostgreSQL contract suite', (t) => {
    t.skip(reason);
  });
} else {
  describe('PostgreSQL: contract', () => contractSuite(open));
  describe('PostgreSQL: lifecycle', () => lifecycleSuite(open));
  describe('PostgreSQL: idempotency', () => idempotencySuite(open));
  describe('PostgreSQL: hostile input', () => hostileSuite(open));
  describe('PostgreSQL: authorization matrix', () => authzSuite(open));
  describe('PostgreSQL: route fuzzing', () => fuzzSuite(open, { runs: Number(process.env.FUZZ_RUNS ?? 40) }));
  describe('PostgreSQL: holder profiles', () => holderProfilesSuite(open));
  describe('PostgreSQL: declaration and receipt', () => receiptSuite(open));
  describe('PostgreSQL: duplicates', () => duplicatesSuite(open));
  describe('PostgreSQL: status report', () => statusReportSuite(open));
  describe('PostgreSQL: live events', () => liveEventsSuite(open));
  describe('PostgreSQL: conditional requests', () => conditionalRequestsSuite(open));
}

if (url) {
  test('PostgreSQL: startServer with a database URL serves over a socket (evidence files on disk)', async () => {
    const schema = `ipr_test_srv_${Date.now().toString(36)}`;
    const admin = await createPgDb({ connectionString: url, schema });
    const dataDir = mkdtempSync(join(tmpdir(), 'ipr-pg-'));
    const databaseUrl = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema},public`)}`;
    const server = await startServer({ port: 0, databaseUrl, dataDir, seed: true, catalogueSize: 200 });
    try {
      const res = await fetch(`${server.url}/v1/complaints?limit=100`, {
        headers: { authorization: 'Bearer demo-platform' },
      });
      assert.equal(res.status, 200);
      assert.equal((await res.json()).total, 10);
      const { rows } = await admin.query<{ n: number }>('select count(*)::int as n from products');
      assert.equal(rows[0]!.n, 200, 'the server wrote into the schema of the URL');
    } finally {
      await server.close();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}
