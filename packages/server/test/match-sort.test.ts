// The platform's list sorted by match (`GET /v1/complaints?sort=match`): Picture Embezzlement
// complaints by their strongest picture match, none comparable last, ties newest first; the
// summary's match agrees with the complaint's own picture-matches; platform only.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { originalPicture } from '../src/pictures/synth.js';
import { type Api, draftA, form, link, newKey, seededApi } from './helpers.js';

let api: Api;
const made: Record<string, string> = {};
before(async () => {
  api = await seededApi();
  const upload = async (bytes: Uint8Array, name: string) => {
    const res = await api.post('/v1/evidence', 'a', form(new File([bytes as Uint8Array<ArrayBuffer>], name)));
    assert.equal(res.status, 201, JSON.stringify(res.data));
    return res.data.id as string;
  };
  const original = await upload(await originalPicture(0), 'original-0.jpg');
  const tiny = await upload(
    await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } })
      .png()
      .toBuffer(),
    'one-pixel.png',
  );
  // Filed oldest first, so that newest first would be the reverse of the expected order:
  // p2 is unrelated to original 0, p3 a retouched copy, p1 an exact copy; p4's only original is
  // too small to compare.
  const file = async (name: string, product: number, evidence: string) => {
    const res = await api.post(
      '/v1/complaints',
      'a',
      draftA({
        type: 'picture_embezzlement',
        productLinks: [link(product)],
        evidence: [{ id: evidence, original: true }],
      }),
      { 'idempotency-key': newKey() },
    );
    assert.equal(res.status, 201, JSON.stringify(res.data));
    made[name] = res.data.id;
  };
  await file('unrelated', 2, original);
  await file('retouched', 3, original);
  await file('exact', 1, original);
  await file('incomparable', 4, tiny);
});
after(() => api.close());

const all = async () => {
  const res = await api.get('/v1/complaints?sort=match&limit=100', 'platform');
  assert.equal(res.status, 200, JSON.stringify(res.data));
  return res.data;
};

test('picture complaints by strongest match: smallest distance first, none comparable last, ties newest first', async () => {
  const page = await all();
  const items = page.items as any[];
  assert.ok(items.length >= 4);
  assert.ok(items.every((s) => s.type === 'picture_embezzlement'));
  const ours = items.filter((s) => Object.values(made).includes(s.id)).map((s) => s.id);
  assert.deepEqual(ours, [made.exact, made.retouched, made.unrelated, made.incomparable]);
  const by = new Map(items.map((s) => [s.id, s.match]));
  assert.deepEqual(by.get(made.exact), { distance: 0, band: 'likely_same' });
  assert.equal(by.get(made.unrelated).band, 'no_match');
  assert.deepEqual(by.get(made.incomparable), { distance: null, band: 'no_match' });
  // The whole list: distances never decrease, nulls last, equal distances newest first.
  for (let i = 1; i < items.length; i++) {
    const [a, b] = [items[i - 1], items[i]];
    const [da, db] = [a.match.distance ?? 65, b.match.distance ?? 65];
    assert.ok(da <= db, `${a.number} (${da}) before ${b.number} (${db})`);
    if (da === db) assert.ok(a.createdAt >= b.createdAt, `${a.number} and ${b.number}: newest first`);
  }
  assert.equal(page.total, items.length);
});

test("each summary's match is the strongest of the complaint's own picture-matches", async () => {
  const items = (await all()).items as any[];
  for (const s of items.filter((x) => Object.values(made).includes(x.id))) {
    const res = await api.get(`/v1/complaints/${s.id}/picture-matches`, 'platform');
    assert.equal(res.status, 200);
    const best = res.data.products.map((p: any) => p.best?.distance).filter((d: unknown) => d !== undefined);
    assert.equal(s.match.distance, best.length ? Math.min(...best) : null, s.number);
  }
});

test('pages follow the same order through their cursors', async () => {
  const whole = ((await all()).items as any[]).map((s) => s.id);
  const paged: string[] = [];
  let cursor: string | null = null;
  do {
    const res: any = await api.get(
      `/v1/complaints?sort=match&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      'platform',
    );
    assert.equal(res.status, 200);
    paged.push(...res.data.items.map((s: any) => s.id));
    cursor = res.data.nextCursor;
  } while (cursor);
  assert.deepEqual(paged, whole);
  const second = await api.get('/v1/complaints?sort=match&limit=2&page=2', 'platform');
  assert.deepEqual(
    second.data.items.map((s: any) => s.id),
    whole.slice(2, 4),
  );
  const forged = await api.get('/v1/complaints?sort=match&cursor=eyJ4Ijp0cnVlfQ', 'platform');
  assert.equal(forged.status, 422);
});

test('the newest-first list carries no match; sort=match is the platform’s alone', async () => {
  const plain = await api.get('/v1/complaints?type=picture_embezzlement&limit=5', 'platform');
  assert.equal(plain.status, 200);
  assert.ok(plain.data.items.every((s: any) => !('match' in s)));
  for (const who of ['a', 'supA'] as const) {
    const res = await api.get('/v1/complaints?sort=match', who);
    assert.equal(res.status, 403, who);
    assert.equal(res.data.issues[0].code, 'auth.forbidden');
    assert.deepEqual(res.data.issues[0].path, ['sort']);
  }
  assert.equal((await api.get('/v1/complaints?sort=strongest', 'platform')).status, 422);
});
