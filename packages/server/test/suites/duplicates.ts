// Duplicate detection: a complaint with the same type and links as an open one of the caller is
// refused (409 complaint.duplicate), after any replay of its key and without burning the key.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { duplicateKey } from '@ipr/validators';
import { type Api, draftA, link, newKey } from '../helpers.js';
import { create, problem, seededApp } from './support.js';

/** The suite, against any database: `open` makes a seeded API. */
export function duplicatesSuite(open: () => Promise<Api>) {
  const api = seededApp(open);
  const { call } = api;

  describe('duplicate detection', () => {
    test('the same type and links as an open complaint → 409 complaint.duplicate with its number and id; a replay still answers first', async () => {
      const key = newKey();
      const first = await create(call, 'a', draftA({ productLinks: [link(1201), link(1203)] }), key);
      assert.equal(first.status, 201);
      const { rows } = await api.db.query<{ duplicate_key: string }>(
        'select duplicate_key from complaints where id = $1',
        [first.data.id],
      );
      assert.equal(
        rows[0]!.duplicate_key,
        duplicateKey({ type: 'trademark_infringement', productLinks: [link(1201), link(1203)] }),
      );

      const again = await create(
        call,
        'a',
        draftA({ productLinks: [link(1201), link(1203)], description: 'Another wording' }),
      );
      problem(again, 409, 'complaint.duplicate');
      assert.deepEqual(again.data.issues[0].params, { number: first.data.number, id: first.data.id });
      // Order and spelling of the links do not matter.
      problem(
        await create(
          call,
          'a',
          draftA({ productLinks: ['http://www.market.example/product/P001203?x=1', link(1201)] }),
        ),
        409,
        'complaint.duplicate',
      );
      // The replay of the first submission still answers 200 with the same complaint.
      const replay = await create(call, 'a', draftA({ productLinks: [link(1201), link(1203)] }), key);
      assert.deepEqual(
        [replay.status, replay.data.id, replay.headers.get('idempotent-replayed')],
        [200, first.data.id, 'true'],
      );
      // Another type, other links, or another account is no duplicate.
      assert.equal(
        (await create(call, 'a', draftA({ type: 'copyright_infringement', productLinks: [link(1201), link(1203)] })))
          .status,
        201,
      );
      assert.equal((await create(call, 'a', draftA({ productLinks: [link(1201)] }))).status, 201);
      assert.equal(
        (
          await create(
            call,
            'b',
            draftA({ productLinks: [link(1201), link(1203)], evidence: [{ id: 'ev_seed_b_patent' }] }),
          )
        ).status,
        201,
      );
    });

    test('a refused duplicate does not burn its key; a cancelled or closed complaint no longer blocks', async () => {
      const draft = draftA({ productLinks: [link(1301)] });
      const first = await create(call, 'a', draft);
      assert.equal(first.status, 201);
      const key = newKey();
      problem(await create(call, 'a', draft, key), 409, 'complaint.duplicate');
      assert.equal((await call('POST', `/v1/complaints/${first.data.id}/cancel`, 'a', {})).status, 200);
      const second = await create(call, 'a', draft, key);
      assert.equal(second.status, 201, 'the same key works once the duplicate is gone');

      // Closed: forward, respond, confirm and close.
      assert.equal((await call('POST', `/v1/complaints/${second.data.id}/forward`, 'platform')).status, 200);
      assert.equal(
        (
          await call('POST', `/v1/complaints/${second.data.id}/respond`, 'supA', {
            products: [{ productId: 'p001301', response: 'removed' }],
          })
        ).status,
        200,
      );
      problem(await create(call, 'a', draft), 409, 'complaint.duplicate');
      assert.equal((await call('POST', `/v1/complaints/${second.data.id}/confirm-close`, 'a')).status, 200);
      assert.equal((await create(call, 'a', draft)).status, 201);
    });

    test('concurrent equal submissions with different keys make one complaint', async () => {
      const draft = draftA({ productLinks: [link(1401), link(1403)] });
      const answers = await Promise.all(Array.from({ length: 6 }, () => create(call, 'a', draft)));
      assert.deepEqual(answers.map((a) => a.status).sort(), [201, 409, 409, 409, 409, 409]);
    });
  });
}
