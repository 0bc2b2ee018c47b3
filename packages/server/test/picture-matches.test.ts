// Picture matching through the API: a draft's products against uploaded originals (every band),
// a filed complaint's matches, catalogue pictures, and hostile originals answered with their code.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { derivedPicture, originalPicture } from '../src/pictures/synth.js';
import { type Api, draftA, form, link, newKey, seededApi } from './helpers.js';

let api: Api;
before(async () => {
  api = await seededApi();
});
after(() => api.close());

const upload = async (bytes: Uint8Array, name: string) => {
  const res = await api.post('/v1/evidence', 'a', form(new File([bytes as Uint8Array<ArrayBuffer>], name)));
  assert.equal(res.status, 201, JSON.stringify(res.data));
  return res.data.id as string;
};

test('a draft: each product gets its best original, band and distance; strongest first', async () => {
  const original = await upload(await originalPicture(0), 'original-0.jpg');
  const other = await upload(await originalPicture(7), 'original-7.jpg');
  const res = await api.post('/v1/pictures/match', 'a', {
    // p1: exact copy of original 0; p9: its mirror image; p3: retouched; p2: unrelated;
    // p25: the catalogue's own copy of original 0 (every 50th product copies an original).
    productLinks: [link(2), link(9), link(3), link(1), link(25)],
    originals: [other, original],
  });
  assert.equal(res.status, 200, JSON.stringify(res.data));
  const by = new Map(res.data.products.map((p: any) => [p.productId, p]));
  const p = (id: string) => by.get(id) as any;
  assert.equal(p('p000001').band, 'likely_same');
  assert.equal(p('p000001').best.distance, 0);
  assert.equal(p('p000001').best.evidenceId, original);
  assert.equal(p('p000009').band, 'likely_same');
  assert.equal(p('p000009').best.mirrored, true);
  assert.notEqual(p('p000003').band, 'no_match');
  assert.equal(p('p000025').band, 'likely_same');
  assert.equal(p('p000002').band, 'no_match');
  assert.deepEqual(res.data.summary, {
    likelySame: res.data.products.filter((x: any) => x.band === 'likely_same').length,
    possiblyEdited: res.data.products.filter((x: any) => x.band === 'possibly_edited').length,
    noMatch: 1,
  });
  const distances = res.data.products.map((x: any) => x.best?.distance ?? 65);
  assert.deepEqual(
    distances,
    [...distances].sort((a: number, b: number) => a - b),
  );
  assert.match(res.data.originals[0].thumbnailUrl, /^data:image\/jpeg;base64,/);
  assert.equal(p('p000002').pictures.length, 3);
  assert.equal(p('p000002').pictures[1].thumbnailUrl, '/v1/products/p000002/pictures/1?size=thumbnail');

  // Kept: a second ask computes nothing again (the hashes are in the database).
  const kept = await api.db.query<{ n: number }>(
    `select count(*)::int as n from product_picture_hashes where product_id = any($1::text[])`,
    [['p000001', 'p000002', 'p000003', 'p000009', 'p000025']],
  );
  // One to three pictures each: 1 + (n mod 3).
  assert.equal(kept.rows[0]!.n, 2 + 3 + 1 + 1 + 2);
});

test('hostile originals are answered with their code, never a 500, and the rest still match', async () => {
  const jpeg = await originalPicture(4);
  const truncated = await upload(jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'cut.jpg');
  const tiny = await upload(
    await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } })
      .png()
      .toBuffer(),
    'one-pixel.png',
  );
  const good = await upload(await derivedPicture(0, 'recompressed'), 'recompressed.jpg');
  const res = await api.post('/v1/pictures/match', 'a', {
    productLinks: [link(1)],
    originals: [truncated, tiny, good],
  });
  assert.equal(res.status, 200);
  const issues = Object.fromEntries(res.data.originals.map((o: any) => [o.evidenceId, o.issue?.code ?? null]));
  assert.deepEqual(issues, { [truncated]: 'picture.truncated', [tiny]: 'picture.too_small', [good]: null });
  assert.equal(res.data.products[0].band, 'likely_same');
});

test("a draft may name only the caller's evidence and catalogue products", async () => {
  const res = await api.post('/v1/pictures/match', 'b', {
    productLinks: [link(1), 'https://market.example/product/p999999'],
    originals: ['ev_seed_a_original'],
  });
  assert.equal(res.status, 422);
  const codes = res.data.issues.map((i: any) => `${i.code}@${i.path.join('.')}`).sort();
  assert.deepEqual(codes, ['evidence.not_found@originals.0', 'links.not_found@productLinks.1']);
});

test("a filed picture complaint's matches; the seeded 1 × 1 original is too small to compare", async () => {
  const original = await upload(await originalPicture(0), 'original.jpg');
  const draft = draftA({
    type: 'picture_embezzlement',
    productLinks: [link(1), link(4)],
    evidence: [{ id: original, original: true }],
  });
  const made = await api.post('/v1/complaints', 'a', draft, { 'idempotency-key': newKey() });
  assert.equal(made.status, 201, JSON.stringify(made.data));
  const res = await api.get(`/v1/complaints/${made.data.id}/picture-matches`, 'a');
  assert.equal(res.status, 200);
  assert.deepEqual(
    res.data.products.map((p: any) => [p.productId, p.band]),
    [
      ['p000001', 'likely_same'],
      ['p000004', 'no_match'],
    ],
  );
  const seeded = await api.get('/v1/complaints?type=picture_embezzlement&limit=100', 'a');
  const first = seeded.data.items[0];
  const matches = await api.get(`/v1/complaints/${first.id}/picture-matches`, 'a');
  assert.equal(matches.status, 200);
  assert.ok(matches.data.originals.length >= 1);
});

test('catalogue pictures: JPEG or PNG, a 96 px thumbnail, 404 past the last one', async () => {
  const full = await api.get('/v1/products/p000001/pictures/0', null);
  assert.equal(full.status, 200);
  assert.equal(full.headers.get('content-type'), 'image/jpeg');
  assert.equal((await sharp(full.data).metadata()).width, 256);
  const thumb = await api.get('/v1/products/p000001/pictures/0?size=thumbnail', null);
  assert.equal((await sharp(thumb.data).metadata()).width, 96);
  assert.equal((await api.get('/v1/products/p000001/pictures/2', null)).status, 404);
  assert.equal((await api.get('/v1/products/p999999/pictures/0', null)).status, 404);
  assert.equal((await api.get('/v1/products/p000001/pictures/0?size=huge', null)).status, 422);
});
