// Duplicate detection on PGlite (the same suite runs on PostgreSQL in postgres.test.ts), and the
// migration that gives complaints made before it their duplicate key.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { duplicateKey, sha256HexSync } from '@ipr/validators';
import { backfillDuplicateKeys } from '../src/migrations.js';
import { sha256HexSyncFast } from '../src/util.js';
import { seededApi } from './helpers.js';
import { duplicatesSuite } from './suites/duplicates.js';

duplicatesSuite(() => seededApi());

test("migration 3 backfill: complaints without a duplicate key get the validators' key", async () => {
  const api = await seededApi();
  try {
    const { rows: before } = await api.db.query<{ id: string; duplicate_key: string }>(
      'select id, duplicate_key from complaints order by id',
    );
    assert.ok(before.length >= 10 && before.every((r) => r.duplicate_key?.startsWith('v1:')));
    await api.db.query('update complaints set duplicate_key = null');
    assert.equal(await backfillDuplicateKeys(api.db), before.length);
    const { rows: after } = await api.db.query<{ id: string; duplicate_key: string; type: string }>(
      'select id, duplicate_key, type from complaints order by id',
    );
    assert.deepEqual(
      after.map((r) => r.duplicate_key),
      before.map((r) => r.duplicate_key),
    );
    const one = after[0]!;
    const { rows: urls } = await api.db.query<{ url: string }>(
      'select p.url from complaint_products cp join products p on p.id = cp.product_id where cp.complaint_id = $1',
      [one.id],
    );
    assert.equal(one.duplicate_key, duplicateKey({ type: one.type, productLinks: urls.map((u) => u.url) }));
    assert.equal(await backfillDuplicateKeys(api.db), 0, 'a second run has nothing to do');
  } finally {
    await api.close();
  }
});

test("the server's native SHA-256 gives the validators' duplicate key (stored keys and the backfill agree)", () => {
  const links = Array.from({ length: 800 }, (_, i) => `https://market.example/product/p${String(i).padStart(6, '0')}`);
  for (const text of ['', 'abc', 'éclairage 灯 🚲', 'x'.repeat(100_000)])
    assert.equal(sha256HexSyncFast(text), sha256HexSync(text));
  const draft = { type: 'patent_infringement', productLinks: [...links, 'market.example/product/p000001?ref=x'] };
  assert.equal(duplicateKey(draft, undefined, sha256HexSyncFast), duplicateKey(draft));
});
