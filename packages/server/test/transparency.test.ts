// Transparency figures against a history made at known times (a fixed clock, in a period no seeded
// complaint falls in), so every figure has a known answer; as JSON and as CSV; platform only.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Api, draftA, link, newKey, seededApi, type Who } from './helpers.js';

const T0 = Date.UTC(2031, 0, 10, 8); // 2031-01-10 08:00 UTC
const HOUR = 3_600_000;
let clock = new Date(T0);
let api: Api;

before(async () => {
  api = await seededApi({ now: () => clock });
  const at = (hours: number) => {
    clock = new Date(T0 + hours * HOUR);
  };
  const act = async (id: string, path: string, who: Who, body?: unknown) => {
    const res = await api.post(`/v1/complaints/${id}/${path}`, who, body);
    assert.equal(res.status, 200, JSON.stringify(res.data));
  };
  const submit = async (links: number[], type = 'trademark_infringement') => {
    const res = await api.post(
      '/v1/complaints',
      'a',
      draftA({ type: type as 'trademark_infringement', productLinks: links.map(link) }),
      { 'idempotency-key': newKey() },
    );
    assert.equal(res.status, 201, JSON.stringify(res.data));
    return res.data.id as string;
  };
  // 1. Trademark: forwarded after 2 h, both products answered after 26 h (one removed, one declared
  //    non-infringing), closed after 50 h.
  at(0);
  const c1 = await submit([901, 903]);
  at(2);
  await act(c1, 'forward', 'platform');
  at(26);
  await act(c1, 'respond', 'supA', {
    products: [
      { productId: 'p000901', response: 'removed' },
      { productId: 'p000903', response: 'not_infringing', statement: 'Our own design.' },
    ],
  });
  at(50);
  await act(c1, 'confirm-close', 'a');
  // 2. Copyright, submitted at 1 h: forwarded after 4 h, answered after 24 h, arbitration rejected after 100 h.
  at(1);
  const c2 = await submit([905], 'copyright_infringement');
  at(5);
  await act(c2, 'forward', 'platform');
  at(25);
  await act(c2, 'respond', 'supA', {
    products: [{ productId: 'p000905', response: 'not_infringing', statement: 'Licensed artwork.' }],
  });
  at(30);
  await act(c2, 'arbitration', 'a', { reason: 'The licence they cite expired in 2029.' });
  at(101);
  await act(c2, 'result', 'platform', { decision: 'rejected', notice: 'The licence covers the listing.' });
  // 3. Trademark in February: cancelled before forwarding, after 3 h.
  at(24 * 25);
  const c3 = await submit([907]);
  at(24 * 25 + 3);
  await act(c3, 'cancel', 'a', { reason: 'Settled with the seller directly.' });
  // 4. Trademark in February, still waiting to be forwarded.
  at(24 * 26);
  await submit([909]);
  clock = new Date(Date.UTC(2031, 2, 1));
});
after(() => api.close());

const PERIOD = 'from=2031-01-01&to=2031-03-01';

test('the figures of a known history', async () => {
  const res = await api.get(`/v1/transparency?${PERIOD}`, 'platform');
  assert.equal(res.status, 200, JSON.stringify(res.data));
  const r = res.data;
  assert.equal(r.from, '2031-01-01T00:00:00.000Z');
  assert.equal(r.to, '2031-03-01T00:00:00.000Z');
  assert.equal(r.notices.total, 4);
  assert.equal(r.notices.byType.trademark_infringement, 3);
  assert.equal(r.notices.byType.copyright_infringement, 1);
  assert.deepEqual(
    r.notices.byMonth.map((m: any) => [m.month, m.total]),
    [
      ['2031-01', 2],
      ['2031-02', 2],
    ],
  );
  // To forward: 2 h and 4 h. To the answer: 26 h and 24 h. To a final status: 50, 100 and 3 h.
  assert.deepEqual(r.durations.toForward, { count: 2, medianHours: 3, p90Hours: 3.8 });
  assert.deepEqual(r.durations.toSupplierResponse, { count: 2, medianHours: 25, p90Hours: 25.8 });
  assert.deepEqual(r.durations.toClose, { count: 3, medianHours: 50, p90Hours: 90 });
  assert.deepEqual(r.outcomes, {
    productsRemoved: 1,
    productsDeclaredNonInfringing: 2,
    arbitratedFor: 0,
    arbitratedAgainst: 1,
    cancelled: 1,
    open: 1,
  });
  // A period holding only January.
  const jan = (await api.get('/v1/transparency?from=2031-01-01&to=2031-02-01', 'platform')).data;
  assert.equal(jan.notices.total, 2);
  assert.equal(jan.outcomes.cancelled, 0);
});

test('the same figures as CSV, a download', async () => {
  const res = await api.get(`/v1/transparency.csv?${PERIOD}`, 'platform');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type')!, /^text\/csv/);
  assert.match(res.headers.get('content-disposition')!, /transparency-2031-01-01-2031-03-01\.csv/);
  const lines = new TextDecoder()
    .decode(res.data as Uint8Array)
    .trimEnd()
    .split('\r\n');
  assert.equal(lines[0], 'section,key,value');
  for (const line of ['notices,total,4', 'median_hours,to_close,50', 'p90_hours,to_forward,3.8', 'outcomes,open,1'])
    assert.ok(lines.includes(line), line);
});

test('refused: other roles (403), a period that ends before it starts (422)', async () => {
  for (const who of ['a', 'supA'] as const) {
    assert.equal((await api.get('/v1/transparency', who)).status, 403);
    assert.equal((await api.get('/v1/transparency.csv', who)).status, 403);
  }
  const backwards = await api.get('/v1/transparency?from=2031-03-01&to=2031-01-01', 'platform');
  assert.equal(backwards.status, 422);
  assert.deepEqual(backwards.data.issues[0].path, ['query', 'from']);
  assert.equal((await api.get('/v1/transparency?from=yesterday', 'platform')).status, 422);
});
