// Bad input never becomes a 500: every hostile request gets a problem+json answer below 500.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { draftA, form, link, newKey, type Api } from '../helpers.js';

/** The suite, against any database: `open` makes a seeded API. */
export function hostileSuite(open: () => Promise<Api>) {
  let api: Api;
  before(async () => {
    api = await open();
  });
  after(async () => {
    await api.close();
  });

  const bad = (x: unknown) => JSON.stringify(x);
  const weird = [
    '\u0000',
    '%00',
    "'; drop table complaints; --",
    '\ud800',
    'a'.repeat(10_000),
    '../../etc/passwd',
    '{"$ne":1}',
    '😀'.repeat(300),
  ];

  test('hostile paths, queries and bodies answer 4xx problem+json, never 500', async () => {
    const id = (
      await api.post('/v1/complaints', 'a', draftA({ productLinks: [link(601)] }), { 'idempotency-key': newKey() })
    ).data.id;
    const requests: [string, string, unknown?, Record<string, string>?][] = [];
    for (const w of weird) {
      const e = w === '\ud800' ? '%ED%A0%80%ZZ' : encodeURIComponent(w);
      requests.push(
        ['GET', `/v1/complaints/${e}`],
        ['POST', `/v1/complaints/${e}/cancel`, {}],
        ['GET', `/v1/evidence/${e}/content`],
        ['GET', `/v1/products?q=${e}`],
        ['GET', `/v1/products?link=${e}`],
        ['GET', `/v1/complaints?q=${e}`],
        ['GET', `/v1/complaints?cursor=${e}`],
        ['GET', `/v1/complaints?status=${e}`],
        ['GET', `/v1/products?page=${e}`],
      );
      requests.push(['POST', '/v1/complaints', draftA({ description: w }), { 'idempotency-key': newKey() }]);
      requests.push([
        'POST',
        '/v1/complaints',
        draftA({ contact: { name: w, email: w, phone: w } }),
        { 'idempotency-key': newKey() },
      ]);
      requests.push(['POST', '/v1/products/resolve', { links: [w, w] }]);
      requests.push(['POST', `/v1/complaints/${id}/arbitration`, { reason: w }]);
    }
    for (const cursor of [
      btoa(bad(['-271821-04-20T00:00:00Z', 'x'])),
      btoa(bad(['2026', 'x\u0000'])),
      btoa(bad([1, 2])),
      btoa('not json'),
    ]) {
      requests.push(['GET', `/v1/complaints?cursor=${encodeURIComponent(cursor)}`]);
    }
    for (const body of [
      null,
      1,
      'x',
      [],
      [null],
      { type: {} },
      { productLinks: [{}], evidence: [null], holder: 7, contact: [] },
      { ...draftA(), holder: { identificationAttachments: 'x', powerOfAttorney: [{}] }, isIprHolder: false },
      { ...draftA(), evidence: [{ id: {} }, { id: 'x'.repeat(100) }] },
      { ...draftA(), declaration: 'yes' },
      { ...draftA(), productLinks: Array.from({ length: 5 }, () => ({ toString: 1 })) },
      { __proto__: { polluted: true } },
    ]) {
      requests.push(['POST', '/v1/complaints', body, { 'idempotency-key': newKey() }]);
      requests.push(['POST', `/v1/complaints/${id}/cancel`, body]);
    }
    requests.push(['POST', '/v1/products/resolve', { links: [1, null, {}, [], true] }]);
    requests.push(['GET', '/v1/products?page=99999999999999999999&pageSize=1.5']);
    requests.push(['GET', '/v1/complaints?limit=-1&page=0']);
    requests.push([
      'POST',
      '/v1/complaints',
      '{"a":'.repeat(5000),
      { 'idempotency-key': newKey(), 'content-type': 'application/json' },
    ]);
    requests.push([
      'POST',
      '/v1/complaints',
      '['.repeat(100_000),
      { 'idempotency-key': newKey(), 'content-type': 'application/json' },
    ]);
    requests.push([
      'POST',
      '/v1/complaints',
      'x'.repeat(3 * 1024 * 1024),
      { 'idempotency-key': newKey(), 'content-type': 'application/json' },
    ]);
    requests.push(['POST', '/v1/evidence', '--x\r\nbroken', { 'content-type': 'multipart/form-data; boundary=x' }]);
    requests.push(['POST', '/v1/evidence', 'a', { 'content-type': 'multipart/form-data' }]);

    const failures: string[] = [];
    for (const [method, path, body, headers] of requests) {
      const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
      const res = await api.call(method, path, 'a', payload, {
        ...(typeof body === 'string' || body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      });
      if (
        res.status >= 500 ||
        (res.status >= 400 && !res.headers.get('content-type')?.startsWith('application/problem+json'))
      ) {
        failures.push(`${method} ${path.slice(0, 80)} → ${res.status} ${JSON.stringify(res.data).slice(0, 200)}`);
      }
    }
    assert.deepEqual(failures, []);
    // Nothing hostile got stored.
    const { rows } = await api.db.query<{ n: number }>(
      `select count(*)::int as n from complaints where description like '%drop table%' or description like '%\\%00%'`,
    );
    assert.ok(rows[0]!.n <= 2, 'only well-formed texts are stored (as data, not SQL)');
  });

  test('an evidence file whose name hides its extension is judged by content', async () => {
    const exe = new File([new Uint8Array([0x4d, 0x5a, 0x90, 0x00])], 'invoice\u202efdp.exe');
    const res = await api.post('/v1/evidence', 'a', form(exe));
    assert.equal(res.status, 422);
    assert.ok(['evidence.type_not_allowed', 'evidence.content_mismatch'].includes(res.data.code), res.data.code);
    const disguised = new File([new Uint8Array([0x4d, 0x5a, 0x90, 0x00])], 'report.pdf');
    assert.equal((await api.post('/v1/evidence', 'a', form(disguised))).data.code, 'evidence.content_mismatch');
  });
}
