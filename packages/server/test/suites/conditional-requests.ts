// Conditional GETs against the real reference API: strong ETags on the complaint list, a
// complaint's detail and the holder profiles, made from the data's versions (migration 8); the
// same ETag back in If-None-Match costs a 304 without a body; any change to what the answer
// shows (an action, a product renamed, a profile saved, the date moving a power of attorney's
// state) gives another ETag; another caller never shares one.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Api, Who } from '../helpers.js';
import { draftA, link } from '../helpers.js';
import { type Call, create, NOW, plusDays, seededApp } from './support.js';

const STRONG = /^"[A-Za-z0-9_-]{16,}"$/;

export function conditionalRequestsSuite(open: () => Promise<Api>) {
  const app = seededApp(open);
  const { call } = app;
  // Each complaint lists products no other one does (the same links twice would be a duplicate).
  let next = 1500;
  const fresh = () => draftA({ productLinks: [link(next++), link(next++)] });

  /** GETs `path` and checks its ETag; then the same with it in If-None-Match. */
  async function revalidate(c: Call, path: string, who: Who) {
    const first = await c('GET', path, who);
    assert.equal(first.status, 200, JSON.stringify(first.data));
    const etag = first.headers.get('etag') ?? '';
    assert.match(etag, STRONG, `${path}: a strong ETag`);
    assert.equal(first.headers.get('cache-control'), 'no-store', 'personal data stays out of every cache');
    const again = await c('GET', path, who, undefined, { 'if-none-match': etag });
    return { first, etag, again };
  }

  describe('conditional requests', () => {
    test('the list, a detail and the holder profiles answer 304 to their own ETag, without a body', async () => {
      const made = await create(call, 'a', fresh());
      assert.equal(made.status, 201);
      for (const path of ['/v1/complaints', `/v1/complaints/${made.data.id}`, '/v1/holder-profiles']) {
        const { etag, again } = await revalidate(call, path, 'a');
        assert.equal(again.status, 304, path);
        assert.equal(again.data, '', `${path}: no body`);
        assert.equal(again.headers.get('etag'), etag, `${path}: the 304 names the current ETag`);
        // A list of tags, a weak form and the coded form of a compressed answer all name it.
        const listed = await call('GET', path, 'a', undefined, { 'if-none-match': `"other", W/${etag}` });
        assert.equal(listed.status, 304, `${path}: weak comparison`);
        const coded = await call('GET', path, 'a', undefined, { 'if-none-match': `${etag.slice(0, -1)}-br"` });
        assert.equal(coded.status, 304, `${path}: the brotli answer's ETag`);
        const other = await call('GET', path, 'a', undefined, { 'if-none-match': '"something-else"' });
        assert.equal(other.status, 200, `${path}: another tag gets the answer`);
        assert.equal(other.headers.get('etag'), etag, `${path}: same data, same ETag`);
      }
    });

    test('an action changes the detail and the list; the query and the caller are part of the ETag', async () => {
      const made = await create(call, 'a', fresh());
      const detail = `/v1/complaints/${made.data.id}`;
      const before = await revalidate(call, detail, 'a');
      const list = await revalidate(call, '/v1/complaints', 'a');
      const filtered = await call('GET', '/v1/complaints?status=submitted', 'a');
      assert.notEqual(filtered.headers.get('etag'), list.etag, 'another query, another ETag');
      const platform = await call('GET', detail, 'platform');
      assert.equal(platform.status, 200);
      assert.notEqual(platform.headers.get('etag'), before.etag, 'another caller, another ETag');
      // The platform's ETag does not make the complainant's copy current.
      const crossed = await call('GET', detail, 'a', undefined, { 'if-none-match': platform.headers.get('etag')! });
      assert.equal(crossed.status, 200);

      const forwarded = await call('POST', `${detail}/forward`, 'platform', {});
      assert.equal(forwarded.status, 200, JSON.stringify(forwarded.data));
      const changed = await call('GET', detail, 'a', undefined, { 'if-none-match': before.etag });
      assert.equal(changed.status, 200, 'the forwarded complaint is a new answer');
      assert.equal(changed.data.status, forwarded.data.status);
      assert.notEqual(changed.headers.get('etag'), before.etag);
      const relisted = await call('GET', '/v1/complaints', 'a', undefined, { 'if-none-match': list.etag });
      assert.equal(relisted.status, 200, 'the list shows the new status');
      // A new complaint changes the list too.
      const current = relisted.headers.get('etag')!;
      await create(call, 'a', fresh());
      const grown = await call('GET', '/v1/complaints', 'a', undefined, { 'if-none-match': current });
      assert.equal(grown.status, 200);
    });

    test('what the detail shows from other tables (a product renamed, a supplier renamed) changes its ETag', async () => {
      const made = await create(call, 'a', fresh());
      const detail = `/v1/complaints/${made.data.id}`;
      const productId: string = made.data.products[0].productId;
      const supplierId: string = made.data.products[0].supplierId;
      const first = await revalidate(call, detail, 'a');
      await app.db.query(`update products set name = name || ' (renamed)' where id = $1`, [productId]);
      const renamed = await call('GET', detail, 'a', undefined, { 'if-none-match': first.etag });
      assert.equal(renamed.status, 200);
      assert.match(renamed.data.products[0].name, /\(renamed\)$/);
      const second = renamed.headers.get('etag')!;
      await app.db.query(`update accounts set display_name = display_name || ' Ltd' where id = $1`, [supplierId]);
      const supplier = await call('GET', detail, 'a', undefined, { 'if-none-match': second });
      assert.equal(supplier.status, 200);
      assert.match(supplier.data.products[0].supplierName, / Ltd$/);
      // An update that changes nothing the detail shows leaves it current.
      await app.db.query('update accounts set display_name = display_name where id = $1', [supplierId]);
      const same = await call('GET', detail, 'a', undefined, {
        'if-none-match': supplier.headers.get('etag')!,
      });
      assert.equal(same.status, 304);
    });

    test('saving a profile, and the date passing its power of attorney’s expiry, change the profiles’ ETag', async () => {
      const c = app.at(NOW);
      const first = await revalidate(c, '/v1/holder-profiles', 'a');
      const saved = await c('POST', '/v1/holder-profiles', 'a', {
        holder: {
          name: 'Aurora Holdings Ltd.',
          identificationType: 'business_registration',
          identificationNumber: '91440300MA5F000001',
          identificationAttachments: ['ev_seed_a_certificate'],
          powerOfAttorney: ['ev_seed_a_poa'],
          powerOfAttorneyExpiresAt: plusDays(10),
        },
      });
      assert.equal(saved.status, 201, JSON.stringify(saved.data));
      const after = await c('GET', '/v1/holder-profiles', 'a', undefined, { 'if-none-match': first.etag });
      assert.equal(after.status, 200);
      const etag = after.headers.get('etag')!;
      assert.equal((await c('GET', '/v1/holder-profiles', 'a', undefined, { 'if-none-match': etag })).status, 304);
      const later = app.at(new Date(NOW.getTime() + 11 * 86_400_000));
      const expired = await later('GET', '/v1/holder-profiles', 'a', undefined, { 'if-none-match': etag });
      assert.equal(expired.status, 200, 'the same rows, but the power of attorney has expired since');
      assert.equal(expired.data.items[0].powerOfAttorney.state, 'expired');
    });

    test('an unknown or unseen complaint is a 404 whatever If-None-Match says', async () => {
      const made = await create(call, 'a', fresh());
      const seen = await call('GET', `/v1/complaints/${made.data.id}`, 'a');
      const unseen = await call('GET', `/v1/complaints/${made.data.id}`, 'b', undefined, { 'if-none-match': '*' });
      assert.equal(unseen.status, 404);
      const etag = seen.headers.get('etag')!;
      const stolen = await call('GET', `/v1/complaints/${made.data.id}`, 'b', undefined, { 'if-none-match': etag });
      assert.equal(stolen.status, 404);
    });
  });
}
