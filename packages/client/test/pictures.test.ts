// `client.pictures` against the REAL reference API (in-process, sharp for the pictures): a draft's
// matches with the band typed from the contract, refusals before the network, picture URLs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { pictureBand } from '@ipr/validators';
import { BASE, clientOn, countRequests, startApi, type TestApi } from './support/api.js';
import { fileComplaint } from './support/complaints.js';

let api: TestApi;
before(async () => {
  api = await startApi();
});
after(async () => {
  await api?.close();
});
const client = clientOn(() => api);

test('a draft: the product copying the original is likely the same picture; an unrelated one matches nothing', async () => {
  const c = client();
  // The seeded catalogue's product 1 copies seeded original 0: fetch it as a complainant would upload it.
  const picture = await api.fetch(`${BASE}/v1/products/p000001/pictures/0`);
  assert.equal(picture.status, 200);
  const up = await c.evidence.upload(new File([await picture.arrayBuffer()], 'mine.jpg', { type: 'image/jpeg' }));
  assert.ok(up.data, JSON.stringify(up.error));
  const res = await c.pictures.matchDraft({
    productLinks: ['https://market.example/product/p000001', 'https://market.example/product/p000002'],
    originals: [up.data.id],
  });
  assert.ok(res.data, JSON.stringify(res.error));
  const [first, second] = res.data.products;
  assert.equal(first?.productId, 'p000001');
  assert.equal(first?.band, 'likely_same');
  assert.equal(pictureBand(first?.best?.distance), 'likely_same');
  assert.equal(second?.band, 'no_match');
  assert.equal(
    c.pictures.url(second!.pictures[0]!.thumbnailUrl),
    `${BASE}/v1/products/p000002/pictures/0?size=thumbnail`,
  );
});

test('a draft without originals or products is refused before the network, with codes', async () => {
  const c = client();
  const { value, requests } = await countRequests(api, () =>
    c.pictures.matchDraft({ productLinks: [], originals: [] }),
  );
  assert.equal(requests, 0);
  assert.deepEqual(value.error?.issues?.map((i) => i.code).sort(), ['links.required', 'picture.original_required']);
});

test("a filed complaint's matches: one entry per listed product, each with a band", async () => {
  const c = client();
  const complaint = await fileComplaint(c, ['https://market.example/product/p000003']);
  const res = await c.pictures.matches(complaint.id);
  assert.ok(res.data, JSON.stringify(res.error));
  assert.deepEqual(
    res.data.products.map((p) => p.productId),
    ['p000003'],
  );
  assert.ok(['likely_same', 'possibly_edited', 'no_match'].includes(res.data.products[0]!.band));
});
