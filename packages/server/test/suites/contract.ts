// Contract tests over HTTP-shaped requests (app.fetch) for every route and its refusals.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LIMITS, STATUSES, ProblemSchema, ComplaintSchema, EvidenceDescriptorSchema, parseWith } from '@ipr/validators';
import { draftA, form, link, newKey, pngFile, type Api } from '../helpers.js';

/** The suite, against any database: `open` makes a seeded API. */
export function contractSuite(open: () => Promise<Api>) {
  let api: Api;
  before(async () => {
    api = await open();
  });
  after(async () => {
    await api.close();
  });

  function assertProblem(res: { status: number; data: any; headers: Headers }, status: number, code: string) {
    assert.equal(res.status, status, JSON.stringify(res.data));
    assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.ok(parseWith(ProblemSchema, res.data).ok, 'a Problem');
    assert.equal(res.data.code, code, JSON.stringify(res.data.issues));
  }

  describe('public routes and authentication', () => {
    test('health and the OpenAPI document need no token', async () => {
      assert.deepEqual((await api.get('/v1/health')).data, { ok: true });
      const doc = await api.get('/v1/openapi.json');
      assert.equal(doc.status, 200);
      assert.equal(doc.data.openapi, '3.1.0');
    });

    test('every other route answers 401 without a token or with an unknown one', async () => {
      for (const [method, path] of [
        ['GET', '/v1/account'],
        ['GET', '/v1/products?q=lamp'],
        ['GET', '/v1/evidence'],
        ['GET', '/v1/complaints'],
        ['POST', '/v1/complaints'],
        ['GET', '/v1/complaints/x'],
        ['POST', '/v1/complaints/x/cancel'],
        ['POST', '/v1/products/resolve'],
        ['GET', '/v1/evidence/x/content'],
        ['POST', '/v1/evidence'],
      ]) {
        assertProblem(await api.call(method!, path!, null), 401, 'auth.unauthorized');
        assertProblem(
          await api.call(method!, path!, null, undefined, { authorization: 'Bearer nope' }),
          401,
          'auth.unauthorized',
        );
      }
    });

    test('unknown routes are problem+json 404s, with security headers', async () => {
      const res = await api.get('/v1/nothing', 'a');
      assertProblem(res, 404, 'resource.not_found');
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.ok(res.headers.get('content-security-policy'));
    });
  });

  describe('account', () => {
    test('each role gets its own account and contact defaults', async () => {
      const a = await api.get('/v1/account', 'a');
      assert.equal(a.status, 200);
      assert.equal(a.data.id, 'acc_complainant_a');
      assert.equal(a.data.contact.name, 'Lin Mei');
      assert.equal((await api.get('/v1/account', 'supB')).data.role, 'supplier');
      assert.equal((await api.get('/v1/account', 'platform')).data.role, 'platform');
    });
  });

  describe('products', () => {
    test('search by name is ranked and paginated', async () => {
      const first = await api.get('/v1/products?q=desk%20lamp&pageSize=5', 'a');
      assert.equal(first.status, 200);
      assert.equal(first.data.items.length, 5);
      assert.ok(first.data.total > 5);
      for (const p of first.data.items) assert.match(p.name.toLowerCase(), /desk lamp/);
      const second = await api.get('/v1/products?q=desk%20lamp&pageSize=5&page=2', 'a');
      assert.equal(second.data.total, first.data.total);
      assert.notDeepEqual(
        second.data.items.map((p: any) => p.id),
        first.data.items.map((p: any) => p.id),
      );
    });

    test('prefixes and Chinese substrings match', async () => {
      const prefix = await api.get('/v1/products?q=backp', 'supA');
      assert.ok(prefix.data.total > 0);
      assert.ok(prefix.data.items.every((p: any) => /backpack/i.test(p.name)));
      const zh = await api.get(`/v1/products?q=${encodeURIComponent('台灯')}`, 'a');
      assert.ok(zh.data.total > 0);
      assert.ok(zh.data.items.every((p: any) => p.name.includes('台灯')));
      const three = await api.get(`/v1/products?q=${encodeURIComponent('手机壳')}&pageSize=50`, 'a');
      assert.ok(three.data.total > 0);
      assert.ok(three.data.items.every((p: any) => p.name.includes('手机壳')));
      const inside = await api.get('/v1/products?q=amp', 'a');
      assert.ok(inside.data.total > 0, 'a substring inside a word falls back to ILIKE/trigram');
      assert.ok(inside.data.items.every((p: any) => /amp/i.test(p.name)));
      const hostile = await api.get(`/v1/products?q=${encodeURIComponent("lamp & !(x | y):* ' %_\\")}`, 'a');
      assert.equal(hostile.status, 200);
      const nothing = await api.get('/v1/products?q=zzzzqqq', 'a');
      assert.deepEqual([nothing.data.items.length, nothing.data.total], [0, 0]);
    });

    test('search by link normalises it and matches exactly', async () => {
      const res = await api.get(
        `/v1/products?link=${encodeURIComponent('HTTP://www.Market.example/product/P000042/?ref=x#top')}`,
        'a',
      );
      assert.equal(res.status, 200);
      assert.deepEqual(
        res.data.items.map((p: any) => p.id),
        ['p000042'],
      );
      assert.equal(res.data.items[0].url, link(42));
      assert.equal((await api.get(`/v1/products?link=${encodeURIComponent(link(999999))}`, 'a')).data.total, 0);
      assertProblem(
        await api.get(`/v1/products?link=${encodeURIComponent('https://elsewhere.example/x')}`, 'a'),
        422,
        'links.not_product_link',
      );
    });

    test('page sizes over 50 are refused', async () => {
      assertProblem(await api.get('/v1/products?q=lamp&pageSize=51', 'a'), 422, 'field.too_big');
      assertProblem(await api.get('/v1/products?q=lamp&page=0', 'a'), 422, 'field.too_small');
    });
  });

  describe('evidence', () => {
    test('upload stores a file judged by content, lists it first, and serves it as an attachment', async () => {
      const up = await api.post('/v1/evidence', 'a', form(pngFile('../../etc/ph\u202eoto.png')));
      assert.equal(up.status, 201, JSON.stringify(up.data));
      assert.ok(parseWith(EvidenceDescriptorSchema, up.data).ok);
      assert.equal(up.data.name, 'photo.png');
      assert.equal(up.data.kind, 'image');
      assert.equal(up.data.mediaType, 'image/png');
      assert.match(up.data.sha256, /^[0-9a-f]{64}$/);
      const list = await api.get('/v1/evidence', 'a');
      assert.equal(list.data.items[0].id, up.data.id);
      const file = await api.get(`/v1/evidence/${up.data.id}/content`, 'a');
      assert.equal(file.status, 200);
      assert.match(file.headers.get('content-disposition')!, /^attachment; filename="photo.png"/);
      assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(file.data.length, up.data.size);
    });

    test("another complainant's evidence is a 404, and suppliers cannot upload", async () => {
      const up = await api.post('/v1/evidence', 'a', form(pngFile()));
      assertProblem(await api.get(`/v1/evidence/${up.data.id}/content`, 'b'), 404, 'resource.not_found');
      assertProblem(await api.get(`/v1/evidence/${up.data.id}/content`, 'supA'), 404, 'resource.not_found');
      assert.ok(!(await api.get('/v1/evidence', 'b')).data.items.some((e: any) => e.id === up.data.id));
      assertProblem(await api.post('/v1/evidence', 'supA', form(pngFile())), 403, 'auth.forbidden');
    });

    test('a PNG named .pdf is refused (content mismatch)', async () => {
      const res = await api.post('/v1/evidence', 'a', form(pngFile('certificate.pdf')));
      assertProblem(res, 422, 'evidence.content_mismatch');
    });

    test('an executable, an empty file and a missing file field are refused', async () => {
      assertProblem(
        await api.post('/v1/evidence', 'a', form(new File([new Uint8Array([0x4d, 0x5a, 1, 2])], 'setup.exe'))),
        422,
        'evidence.type_not_allowed',
      );
      assertProblem(await api.post('/v1/evidence', 'a', form(new File([], 'empty.txt'))), 422, 'evidence.empty');
      const f = new FormData();
      f.append('other', 'x');
      assertProblem(await api.post('/v1/evidence', 'a', f), 422, 'field.required');
      assertProblem(await api.post('/v1/evidence', 'a', { file: 'x' }), 400, 'request.invalid_json');
    });

    test('a 6 MB file is refused with 413 evidence.too_large, by Content-Length or while streaming', async () => {
      const big = pngFile('big.png', 6 * 1024 * 1024);
      assertProblem(await api.post('/v1/evidence', 'a', form(big)), 413, 'evidence.too_large');
      const body = new Response(form(big));
      const bytes = new Uint8Array(await body.arrayBuffer());
      const res = await api.app.fetch(
        new Request('http://api.test/v1/evidence', {
          method: 'POST',
          headers: {
            authorization: 'Bearer demo-complainant-a',
            'content-type': body.headers.get('content-type')!,
            'content-length': String(bytes.length),
          },
          body: bytes,
        }),
      );
      assert.equal(res.status, 413);
      assert.equal((await res.json()).code, 'evidence.too_large');
      // Exactly the limit is fine.
      const exact = await api.post('/v1/evidence', 'a', form(pngFile('exact.png', LIMITS.maxEvidenceBytes)));
      assert.equal(exact.status, 201);
    });
  });

  describe('complaints: create, list, get', () => {
    test('create answers 201 with a numbered complaint, its receipt and history', async () => {
      const res = await api.post('/v1/complaints', 'a', draftA(), { 'idempotency-key': newKey() });
      assert.equal(res.status, 201, JSON.stringify(res.data));
      const parsed = parseWith(ComplaintSchema, res.data);
      assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.issues));
      assert.match(res.data.number, /^IPR-\d{4}-\d{6}$/);
      assert.equal(res.data.status, 'submitted');
      assert.deepEqual(res.data.allowedActions, ['cancel']);
      assert.deepEqual(
        res.data.products.map((p: any) => [p.productId, p.status]),
        [
          ['p000101', 'pending'],
          ['p000102', 'pending'],
        ],
      );
      assert.equal(res.data.receipt.number, res.data.number);
      assert.deepEqual(
        res.data.history.map((h: any) => [h.action, h.from, h.to, h.actor.id]),
        [['create', null, 'submitted', 'acc_complainant_a']],
      );
      const again = await api.get(`/v1/complaints/${res.data.id}`, 'a');
      assert.deepEqual(again.data, res.data);
    });

    test('create needs an Idempotency-Key and a complainant', async () => {
      assertProblem(await api.post('/v1/complaints', 'a', draftA()), 422, 'field.required');
      assertProblem(
        await api.post('/v1/complaints', 'supA', draftA(), { 'idempotency-key': newKey() }),
        403,
        'auth.forbidden',
      );
      assertProblem(
        await api.post('/v1/complaints', 'platform', draftA(), { 'idempotency-key': newKey() }),
        403,
        'auth.forbidden',
      );
    });

    test('malformed JSON and wrong content types are 400 request.invalid_json', async () => {
      assertProblem(
        await api.post('/v1/complaints', 'a', '{"type":', {
          'idempotency-key': newKey(),
          'content-type': 'application/json',
        }),
        400,
        'request.invalid_json',
      );
      assertProblem(
        await api.post('/v1/complaints', 'a', JSON.stringify(draftA()), {
          'idempotency-key': newKey(),
          'content-type': 'text/plain',
        }),
        400,
        'request.invalid_json',
      );
      assertProblem(
        await api.post('/v1/complaints', 'a', '', { 'idempotency-key': newKey(), 'content-type': 'application/json' }),
        400,
        'request.invalid_json',
      );
      assertProblem(
        await api.post('/v1/complaints', 'a', 'null', {
          'idempotency-key': newKey(),
          'content-type': 'application/json',
        }),
        422,
        'field.required',
      );
      assertProblem(
        await api.post('/v1/complaints', 'a', '[1,2]', {
          'idempotency-key': newKey(),
          'content-type': 'application/json',
        }),
        422,
        'field.invalid_type',
      );
    });

    test('801 links are refused with 422 links.too_many', async () => {
      const links = Array.from({ length: 801 }, (_, i) => link(i + 1));
      const res = await api.post('/v1/complaints', 'a', draftA({ productLinks: links }), {
        'idempotency-key': newKey(),
      });
      assertProblem(res, 422, 'links.too_many');
    });

    test('800 links are accepted', async () => {
      const links = Array.from({ length: 800 }, (_, i) => link(i + 1));
      const res = await api.post(
        '/v1/complaints',
        'b',
        { ...draftA({ productLinks: links }), evidence: [{ id: 'ev_seed_b_patent' }] },
        { 'idempotency-key': newKey() },
      );
      assert.equal(res.status, 201, JSON.stringify(res.data).slice(0, 500));
      assert.equal(res.data.products.length, 800);
    });

    test('a missing power of attorney is refused with 422 holder.power_of_attorney_required', async () => {
      const res = await api.post(
        '/v1/complaints',
        'a',
        draftA({
          isIprHolder: false,
          holder: {
            name: 'Aurora Holdings',
            identificationType: 'business_registration',
            identificationNumber: '123',
            identificationAttachments: ['ev_seed_a_certificate'],
            powerOfAttorney: [],
          },
        }),
        { 'idempotency-key': newKey() },
      );
      assertProblem(res, 422, 'holder.power_of_attorney_required');
    });

    test("holder documents and evidence must be the caller's own", async () => {
      const res = await api.post(
        '/v1/complaints',
        'a',
        draftA({
          isIprHolder: false,
          holder: {
            name: 'Aurora Holdings',
            identificationType: 'business_registration',
            identificationNumber: '123',
            identificationAttachments: ['ev_seed_b_patent'],
            powerOfAttorney: ['ev_seed_a_poa'],
          },
        }),
        { 'idempotency-key': newKey() },
      );
      assertProblem(res, 422, 'evidence.not_found');
      assert.deepEqual(res.data.issues[0].path, ['holder', 'identificationAttachments', 0]);
      const other = await api.post('/v1/complaints', 'a', draftA({ evidence: [{ id: 'ev_seed_b_patent' }] }), {
        'idempotency-key': newKey(),
      });
      assertProblem(other, 422, 'evidence.not_found');
    });

    test('Picture Embezzlement needs an original image; unknown products are named', async () => {
      assertProblem(
        await api.post('/v1/complaints', 'a', draftA({ type: 'picture_embezzlement' }), {
          'idempotency-key': newKey(),
        }),
        422,
        'picture.original_required',
      );
      const res = await api.post('/v1/complaints', 'a', draftA({ productLinks: [link(101), link(99999)] }), {
        'idempotency-key': newKey(),
      });
      assertProblem(res, 422, 'links.not_found');
      assert.deepEqual(res.data.issues[0].path, ['productLinks', 1]);
    });

    test('list: own complaints only, filters, number search, cursor and page pagination', async () => {
      const all = await api.get('/v1/complaints?limit=100', 'a');
      assert.equal(all.status, 200);
      assert.ok(all.data.items.length >= 7);
      assert.equal(all.data.total, all.data.items.length);
      for (const c of all.data.items)
        assert.equal((await api.get(`/v1/complaints/${c.id}`, 'a')).data.complainantId, 'acc_complainant_a');
      const b = await api.get('/v1/complaints?limit=100', 'b');
      assert.ok(!b.data.items.some((c: any) => all.data.items.some((x: any) => x.id === c.id)));

      const cancelled = await api.get('/v1/complaints?status=cancelled', 'a');
      assert.ok(cancelled.data.items.length >= 1 && cancelled.data.items.every((c: any) => c.status === 'cancelled'));
      const pictures = await api.get('/v1/complaints?type=picture_embezzlement', 'a');
      assert.ok(pictures.data.items.every((c: any) => c.type === 'picture_embezzlement'));
      const number = all.data.items[2].number;
      const found = await api.get(`/v1/complaints?q=${number.slice(-6)}`, 'a');
      assert.deepEqual(
        found.data.items.map((c: any) => c.number),
        [number],
      );

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: any = await api.get(`/v1/complaints?limit=3${cursor ? `&cursor=${cursor}` : ''}`, 'a');
        assert.equal(page.data.total, all.data.total);
        seen.push(...page.data.items.map((c: any) => c.id));
        cursor = page.data.nextCursor;
      } while (cursor);
      assert.deepEqual(
        seen,
        all.data.items.map((c: any) => c.id),
      );
      const page2 = await api.get('/v1/complaints?limit=3&page=2', 'a');
      assert.deepEqual(
        page2.data.items.map((c: any) => c.id),
        seen.slice(3, 6),
      );

      assertProblem(await api.get('/v1/complaints?limit=101', 'a'), 422, 'field.too_big');
      assertProblem(await api.get('/v1/complaints?status=nope', 'a'), 422, 'field.invalid_choice');
      assertProblem(await api.get('/v1/complaints?cursor=garbage', 'a'), 422, 'field.invalid_type');
    });

    test('the seed has complaints in every status, each with its history', async () => {
      const all = await api.get('/v1/complaints?limit=100', 'platform');
      assert.deepEqual([...new Set(all.data.items.map((c: any) => c.status))].sort(), [...STATUSES].sort());
      const arbitrated = all.data.items.find((c: any) => c.status === 'arbitrated');
      const detail = await api.get(`/v1/complaints/${arbitrated.id}`, 'platform');
      assert.deepEqual(
        detail.data.history.map((h: any) => h.to),
        ['submitted', 'awaiting_supplier', 'supplier_responded', 'in_arbitration', 'arbitrated'],
      );
      assert.ok(detail.data.arbitration.notice);
    });

    test("another complainant's complaint is a 404", async () => {
      const mine = (await api.get('/v1/complaints?limit=1', 'a')).data.items[0];
      assertProblem(await api.get(`/v1/complaints/${mine.id}`, 'b'), 404, 'resource.not_found');
      assertProblem(await api.get('/v1/complaints/cmp_nope', 'a'), 404, 'resource.not_found');
    });
  });
}
