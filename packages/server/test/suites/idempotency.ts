import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { draftA, link, newKey, type Api } from '../helpers.js';

/** The suite, against any database: `open` makes a seeded API. */
export function idempotencySuite(open: () => Promise<Api>) {
  let api: Api;
  before(async () => {
    api = await open();
  });
  after(async () => {
    await api.close();
  });

  const count = async () => (await api.db.query<{ n: number }>('select count(*)::int as n from complaints')).rows[0]!.n;

  test('10 concurrent retries with one key make exactly one complaint', async () => {
    const before = await count();
    const key = newKey();
    const body = draftA({ productLinks: [link(401)] });
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => api.post('/v1/complaints', 'a', body, { 'idempotency-key': key })),
    );
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    assert.equal(new Set(answers.map((a) => a.data.id)).size, 1);
    assert.equal(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true').length, 9);
    assert.equal(await count(), before + 1);
  });

  test('a replay answers the same complaint; key order in the body does not matter', async () => {
    const key = newKey();
    const body = draftA({ productLinks: [link(403)] });
    const first = await api.post('/v1/complaints', 'a', body, { 'idempotency-key': key });
    assert.equal(first.status, 201);
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await api.post('/v1/complaints', 'a', reordered, { 'idempotency-key': key });
    assert.equal(again.status, 200);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(again.data.id, first.data.id);
    // Even after the complaint moved on, the replay answers it (not a second one).
    await api.post(`/v1/complaints/${first.data.id}/cancel`, 'a', {});
    const later = await api.post('/v1/complaints', 'a', body, { 'idempotency-key': key });
    assert.deepEqual([later.status, later.data.id, later.data.status], [200, first.data.id, 'cancelled']);
  });

  test('the same key with another body is refused with 422 idempotency.key_reused', async () => {
    const key = newKey();
    await api.post('/v1/complaints', 'a', draftA({ productLinks: [link(405)] }), { 'idempotency-key': key });
    const other = await api.post('/v1/complaints', 'a', draftA({ productLinks: [link(407)] }), {
      'idempotency-key': key,
    });
    assert.equal(other.status, 422);
    assert.equal(other.data.code, 'idempotency.key_reused');
  });

  test('keys are per account: the same key from another complainant makes its own complaint', async () => {
    const key = newKey();
    const a = await api.post('/v1/complaints', 'a', draftA({ productLinks: [link(409)] }), { 'idempotency-key': key });
    const b = await api.post(
      '/v1/complaints',
      'b',
      draftA({ productLinks: [link(409)], evidence: [{ id: 'ev_seed_b_patent' }] }),
      { 'idempotency-key': key },
    );
    assert.deepEqual([a.status, b.status], [201, 201]);
    assert.notEqual(a.data.id, b.data.id);
  });

  test('a refused draft does not burn the key', async () => {
    const key = newKey();
    const bad = await api.post('/v1/complaints', 'a', draftA({ productLinks: [] }), { 'idempotency-key': key });
    assert.equal(bad.status, 422);
    assert.equal(bad.data.code, 'links.required');
    const good = await api.post('/v1/complaints', 'a', draftA({ productLinks: [link(411)] }), {
      'idempotency-key': key,
    });
    assert.equal(good.status, 201);
  });

  test('complaint numbers come from a sequence: unique and increasing', async () => {
    const made = [];
    for (let i = 0; i < 3; i++)
      made.push(
        (
          await api.post('/v1/complaints', 'a', draftA({ productLinks: [link(413 + 2 * i)] }), {
            'idempotency-key': newKey(),
          })
        ).data.number,
      );
    const seq = made.map((n: string) => Number(n.slice(-6)));
    const [first = 0, second = 0, third = 0] = seq;
    assert.ok(first < second && second < third, made.join());
    assert.ok(made.every((n: string) => n.startsWith(`IPR-${new Date().getUTCFullYear()}-`)));
  });
}
