// The declaration as submitted, stored with who accepted it and when, and the receipt naming its version.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DECLARATION_VERSION } from '@ipr/validators';
import { type Api, draftA, link } from '../helpers.js';
import { create, NOW, seededApp } from './support.js';

/** The suite, against any database: `open` makes a seeded API. */
export function receiptSuite(open: () => Promise<Api>) {
  const api = seededApp(open);
  const { at } = api;

  describe('declaration and receipt', () => {
    test('the declaration is stored with who accepted it and when; the receipt names its version', async () => {
      const res = await create(at(NOW), 'a', draftA({ productLinks: [link(1111)] }));
      assert.equal(res.status, 201);
      const { rows } = await api.db.query<{ declaration: any }>('select declaration from complaints where id = $1', [
        res.data.id,
      ]);
      assert.deepEqual(rows[0]!.declaration, {
        goodFaith: true,
        accurate: true,
        authorised: true,
        version: DECLARATION_VERSION,
        acceptedBy: 'acc_complainant_a',
        acceptedAt: NOW.toISOString(),
      });
      assert.equal(res.data.receipt.declarationVersion, DECLARATION_VERSION);
      assert.equal(res.data.receipt.submittedAt, NOW.toISOString());
    });
  });
}
