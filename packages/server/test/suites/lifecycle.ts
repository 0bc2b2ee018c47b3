// The whole lifecycle across the three roles, every refused transition, authorization across two
// complainants and two suppliers, and contact redaction.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { draftA, form, link, newKey, pngFile, type Api, type Who } from '../helpers.js';

/** The suite, against any database: `open` makes a seeded API. */
export function lifecycleSuite(open: () => Promise<Api>) {
  let api: Api;
  before(async () => {
    api = await open();
  });
  after(async () => {
    await api.close();
  });

  // Odd product numbers belong to supplier A, even ones to supplier B (see the seed).
  async function create(who: Who = 'a', overrides: Parameters<typeof draftA>[0] = {}) {
    const evidence = who === 'b' ? [{ id: 'ev_seed_b_patent' }] : [{ id: 'ev_seed_a_certificate' }];
    const res = await api.post('/v1/complaints', who, draftA({ evidence, ...overrides }), {
      'idempotency-key': newKey(),
    });
    assert.equal(res.status, 201, JSON.stringify(res.data));
    return res.data;
  }
  const act = (id: string, path: string, who: Who, body?: unknown) =>
    api.post(`/v1/complaints/${id}/${path}`, who, body);
  const expectProblem = (res: { status: number; data: any }, status: number, code: string) => {
    assert.equal(res.status, status, JSON.stringify(res.data));
    assert.equal(res.data.code, code);
  };

  describe('lifecycle', () => {
    test('submit → forward → respond → check → confirm & close, with history', async () => {
      const c = await create('a', { productLinks: [link(301), link(303)] });
      const forwarded = await act(c.id, 'forward', 'platform');
      assert.equal(forwarded.status, 200);
      assert.equal(forwarded.data.status, 'awaiting_supplier');
      assert.deepEqual(forwarded.data.allowedActions, []);
      assert.deepEqual((await api.get(`/v1/complaints/${c.id}`, 'supA')).data.allowedActions, ['respond']);
      assert.deepEqual((await api.get(`/v1/complaints/${c.id}`, 'a')).data.allowedActions, ['cancel']);

      const responded = await act(c.id, 'respond', 'supA', {
        products: [
          { productId: 'p000301', response: 'removed' },
          { productId: 'p000303', response: 'not_infringing', statement: 'Our own design, registered 2023.' },
        ],
      });
      assert.equal(responded.status, 200, JSON.stringify(responded.data));
      assert.equal(responded.data.status, 'supplier_responded');

      const mine = await api.get(`/v1/complaints/${c.id}`, 'a');
      assert.deepEqual(mine.data.allowedActions, ['cancel', 'check', 'confirm_close', 'request_arbitration']);
      assert.deepEqual(
        mine.data.products.map((p: any) => [p.supplierResponse, p.status]),
        [
          ['removed', 'pending'],
          ['not_infringing', 'pending'],
        ],
      );

      const checked = await act(c.id, 'check', 'a');
      assert.equal(checked.status, 200);
      assert.equal(checked.data.status, 'supplier_responded');
      assert.deepEqual(
        checked.data.products.map((p: any) => p.status),
        ['removed', 'declared_non_infringing'],
      );
      assert.ok(checked.data.products.every((p: any) => typeof p.checkedAt === 'string'));
      // The removed product is no longer listed in the catalogue.
      assert.equal(
        (await api.get(`/v1/products?link=${encodeURIComponent(link(301))}`, 'a')).data.items[0].listed,
        false,
      );

      const closed = await act(c.id, 'confirm-close', 'a');
      assert.equal(closed.data.status, 'closed');
      assert.deepEqual(closed.data.allowedActions, []);
      assert.deepEqual(
        closed.data.history.map((h: any) => [h.action, h.from, h.to, h.actor.role]),
        [
          ['create', null, 'submitted', 'complainant'],
          ['forward_to_supplier', 'submitted', 'awaiting_supplier', 'platform'],
          ['respond', 'awaiting_supplier', 'supplier_responded', 'supplier'],
          ['check', 'supplier_responded', 'supplier_responded', 'complainant'],
          ['confirm_close', 'supplier_responded', 'closed', 'complainant'],
        ],
      );
      expectProblem(await act(c.id, 'cancel', 'a'), 409, 'transition.not_allowed');
    });

    test('→ arbitration (reason required) → result notice the complainant can read', async () => {
      const c = await create('a', { productLinks: [link(305)] });
      await act(c.id, 'forward', 'platform');
      await act(c.id, 'respond', 'supA', {
        products: [{ productId: 'p000305', response: 'not_infringing', statement: 'Licensed.' }],
      });
      expectProblem(await act(c.id, 'arbitration', 'a', {}), 422, 'transition.reason_required');
      expectProblem(await act(c.id, 'arbitration', 'a', { reason: '   ' }), 422, 'transition.reason_required');
      const arb = await act(c.id, 'arbitration', 'a', { reason: 'The licence expired in 2025.' });
      assert.equal(arb.data.status, 'in_arbitration');
      assert.equal(arb.data.arbitration.reason, 'The licence expired in 2025.');
      assert.equal(arb.data.arbitration.decision, null);
      expectProblem(await act(c.id, 'result', 'platform', { decision: 'upheld' }), 422, 'field.required');
      expectProblem(
        await act(c.id, 'result', 'platform', { decision: 'maybe', notice: 'x' }),
        422,
        'field.invalid_choice',
      );
      expectProblem(await act(c.id, 'result', 'a', { decision: 'upheld', notice: 'x' }), 403, 'transition.forbidden');
      const result = await act(c.id, 'result', 'platform', {
        decision: 'partially_upheld',
        notice: 'One listing must be changed.',
      });
      assert.equal(result.status, 200);
      const seen = await api.get(`/v1/complaints/${c.id}`, 'a');
      assert.equal(seen.data.status, 'arbitrated');
      assert.equal(seen.data.arbitration.decision, 'partially_upheld');
      assert.equal(seen.data.arbitration.notice, 'One listing must be changed.');
      assert.deepEqual(
        seen.data.history.slice(-2).map((h: any) => [h.action, h.reason]),
        [
          ['request_arbitration', 'The licence expired in 2025.'],
          ['issue_result', 'One listing must be changed.'],
        ],
      );
    });

    test('cancel with an optional reason, from submitted', async () => {
      const c = await create('a');
      const res = await act(c.id, 'cancel', 'a', { reason: 'Settled directly.' });
      assert.equal(res.data.status, 'cancelled');
      assert.equal(res.data.history.at(-1).reason, 'Settled directly.');
      const d = await create('a');
      assert.equal((await act(d.id, 'cancel', 'a')).data.status, 'cancelled');
      expectProblem(await act(d.id, 'cancel', 'a', { reason: 42 }), 409, 'transition.not_allowed');
      const e = await create('a');
      expectProblem(await act(e.id, 'cancel', 'a', { reason: 42 }), 422, 'field.invalid_type');
      expectProblem(await act(e.id, 'cancel', 'a', { reason: 'x'.repeat(2001) }), 422, 'field.too_long');
    });

    test('refused transitions: 403 for the wrong role, 409 for the wrong status', async () => {
      const c = await create('a', { productLinks: [link(307)] });
      expectProblem(await act(c.id, 'forward', 'a'), 403, 'transition.forbidden');
      expectProblem(await act(c.id, 'check', 'platform'), 403, 'transition.forbidden');
      expectProblem(await act(c.id, 'check', 'a'), 409, 'transition.not_allowed');
      expectProblem(await act(c.id, 'confirm-close', 'a'), 409, 'transition.not_allowed');
      expectProblem(await act(c.id, 'arbitration', 'a', { reason: 'x' }), 409, 'transition.not_allowed');
      expectProblem(
        await act(c.id, 'result', 'platform', { decision: 'upheld', notice: 'x' }),
        409,
        'transition.not_allowed',
      );
      // Before the platform forwards it, the supplier does not see the complaint at all.
      expectProblem(
        await act(c.id, 'respond', 'supA', { products: [{ productId: 'p000307', response: 'removed' }] }),
        404,
        'resource.not_found',
      );
      await act(c.id, 'forward', 'platform');
      expectProblem(await act(c.id, 'forward', 'platform'), 409, 'transition.not_allowed');
      expectProblem(await act(c.id, 'cancel', 'supA'), 403, 'transition.forbidden');
      expectProblem(await act(c.id, 'respond', 'platform', { products: [] }), 403, 'transition.forbidden');
    });

    test('respond: only its own products, a statement for not infringing, at least one product', async () => {
      const c = await create('a', { productLinks: [link(309), link(310)] });
      await act(c.id, 'forward', 'platform');
      expectProblem(await act(c.id, 'respond', 'supA', { products: [] }), 422, 'response.products_required');
      expectProblem(
        await act(c.id, 'respond', 'supA', { products: [{ productId: 'p000310', response: 'removed' }] }),
        422,
        'response.unknown_product',
      );
      expectProblem(
        await act(c.id, 'respond', 'supA', { products: [{ productId: 'p000309', response: 'not_infringing' }] }),
        422,
        'response.statement_required',
      );
      expectProblem(await act(c.id, 'respond', 'supA', {}), 422, 'field.required');
      expectProblem(
        await api.post(`/v1/complaints/${c.id}/respond`, 'supA', '{', { 'content-type': 'application/json' }),
        400,
        'request.invalid_json',
      );

      // Two suppliers share this complaint: it moves on once both have answered.
      const first = await act(c.id, 'respond', 'supA', { products: [{ productId: 'p000309', response: 'removed' }] });
      assert.equal(first.data.status, 'awaiting_supplier');
      assert.deepEqual(
        first.data.products.map((p: any) => p.productId),
        ['p000309'],
      );
      const second = await act(c.id, 'respond', 'supB', {
        products: [{ productId: 'p000310', response: 'not_infringing', statement: 'Generic design.' }],
      });
      assert.equal(second.data.status, 'supplier_responded');
      assert.deepEqual(
        second.data.products.map((p: any) => p.productId),
        ['p000310'],
      );
      // Neither supplier learns about the other: no foreign products, receipt or answers.
      assert.equal(second.data.receipt, null);
      assert.ok(second.data.history.every((h: any) => h.actor.role !== 'supplier' || h.actor.id === 'acc_supplier_b'));
      assert.deepEqual(
        (await api.get(`/v1/complaints/${c.id}`, 'platform')).data.history.filter((h: any) => h.action === 'respond')
          .length,
        2,
      );
      assert.equal((await api.get(`/v1/complaints/${c.id}`, 'a')).data.products.length, 2);
    });
  });

  describe('authorization and disclosure', () => {
    test('a supplier sees only complaints listing its products, and only its products', async () => {
      const onlyA = await create('b', { productLinks: [link(311)] });
      const both = await create('b', { productLinks: [link(313), link(314)] });
      // Suppliers see complaints the platform has forwarded to them.
      await act(onlyA.id, 'forward', 'platform');
      await act(both.id, 'forward', 'platform');
      expectProblem(await api.get(`/v1/complaints/${onlyA.id}`, 'supB'), 404, 'resource.not_found');
      expectProblem(
        await act(onlyA.id, 'respond', 'supB', { products: [{ productId: 'p000311', response: 'removed' }] }),
        404,
        'resource.not_found',
      );
      assert.equal((await api.get(`/v1/complaints/${onlyA.id}`, 'supA')).status, 200);
      const listB = await api.get('/v1/complaints?limit=100', 'supB');
      assert.ok(!listB.data.items.some((c: any) => c.id === onlyA.id));
      const entry = listB.data.items.find((c: any) => c.id === both.id);
      assert.equal(entry.productCount, 1);
      const asA = (await api.get('/v1/complaints?limit=100', 'supA')).data.items.find((x: any) => x.id === both.id);
      assert.equal(asA.productCount, 1);
      assert.equal(
        (await api.get('/v1/complaints?limit=100', 'b')).data.items.find((x: any) => x.id === both.id).productCount,
        2,
      );
      // Platform sees everything.
      assert.equal((await api.get(`/v1/complaints/${onlyA.id}`, 'platform')).status, 200);
      // Complainant A never sees B's complaints, nor acts on them.
      expectProblem(await api.get(`/v1/complaints/${both.id}`, 'a'), 404, 'resource.not_found');
      expectProblem(await act(both.id, 'cancel', 'a'), 404, 'resource.not_found');
    });

    test("the complainant's contact is redacted for a supplier unless disclosure was ticked", async () => {
      const hidden = await create('a', { productLinks: [link(315)], discloseContactToSupplier: false });
      const shown = await create('a', { productLinks: [link(317)], discloseContactToSupplier: true });
      await act(hidden.id, 'forward', 'platform');
      await act(shown.id, 'forward', 'platform');
      assert.equal((await api.get(`/v1/complaints/${hidden.id}`, 'supA')).data.contact, null);
      assert.equal(
        (await api.get(`/v1/complaints/${shown.id}`, 'supA')).data.contact.email,
        'lin.mei@aurora-lighting.example',
      );
      assert.equal((await api.get(`/v1/complaints/${hidden.id}`, 'platform')).data.contact.name, 'Lin Mei');
      assert.equal((await api.get(`/v1/complaints/${hidden.id}`, 'a')).data.contact.name, 'Lin Mei');
    });

    test('evidence of a complaint is readable by its supplier and the platform, holder documents by the platform only', async () => {
      const up = await api.post('/v1/evidence', 'a', form(pngFile('proof.png')));
      const c = await create('a', {
        productLinks: [link(319)],
        evidence: [{ id: up.data.id, original: true }],
        isIprHolder: false,
        holder: {
          name: 'Aurora Holdings',
          identificationType: 'business_registration',
          identificationNumber: '91440300',
          identificationAttachments: ['ev_seed_a_certificate'],
          powerOfAttorney: ['ev_seed_a_poa'],
        },
      });
      expectProblem(await api.get(`/v1/evidence/${up.data.id}/content`, 'supA'), 404, 'resource.not_found');
      await act(c.id, 'forward', 'platform');
      assert.equal((await api.get(`/v1/evidence/${up.data.id}/content`, 'supA')).status, 200);
      assert.equal((await api.get(`/v1/evidence/${up.data.id}/content`, 'platform')).status, 200);
      expectProblem(await api.get(`/v1/evidence/${up.data.id}/content`, 'supB'), 404, 'resource.not_found');
      expectProblem(await api.get(`/v1/evidence/${up.data.id}/content`, 'b'), 404, 'resource.not_found');
      assert.equal((await api.get('/v1/evidence/ev_seed_a_poa/content', 'platform')).status, 200);
      const asSupplier = (await api.get(`/v1/complaints/${c.id}`, 'supA')).data;
      assert.deepEqual(
        [asSupplier.holder.name, asSupplier.holder.identificationNumber, asSupplier.holder.powerOfAttorney],
        ['Aurora Holdings', '', []],
      );
      assert.equal((await api.get(`/v1/complaints/${c.id}`, 'platform')).data.holder.identificationNumber, '91440300');
      const poaForSupplier = await api.get('/v1/evidence/ev_seed_a_poa/content', 'supA');
      assert.equal(poaForSupplier.status, 404);
      assert.deepEqual(
        (await api.get(`/v1/complaints/${c.id}`, 'supA')).data.evidence.map((e: any) => [e.id, e.original]),
        [[up.data.id, true]],
      );
    });
  });

  describe('resolve links', () => {
    test('one answer per input, in order, with the open complaint that already lists a product', async () => {
      const c = await create('a', { productLinks: [link(321)] });
      const res = await api.post('/v1/products/resolve', 'a', {
        links: [
          link(321),
          'www.market.example/product/P000322?x=1',
          link(321),
          'https://elsewhere.example/p',
          'not a url',
          '',
          link(999999),
        ],
      });
      assert.equal(res.status, 200, JSON.stringify(res.data));
      assert.deepEqual(
        res.data.items.map((i: any) => i.status),
        ['found', 'found', 'duplicate', 'not_product_link', 'not_url', 'empty', 'not_found'],
      );
      assert.deepEqual(res.data.items[0].openComplaint, { id: c.id, number: c.number });
      assert.equal(res.data.items[1].product.id, 'p000322');
      assert.equal(res.data.items[1].openComplaint, undefined);
      assert.equal(res.data.items[2].duplicateOf, 0);
      // B's open complaints are not A's business.
      const asB = await api.post('/v1/products/resolve', 'b', { links: [link(321)] });
      assert.equal(asB.data.items[0].openComplaint, undefined);
    });

    test('unique links beyond 800 are over_limit; suppliers may not resolve; bad bodies are refused', async () => {
      const links = Array.from({ length: 802 }, (_, i) => link(i + 1));
      const res = await api.post('/v1/products/resolve', 'a', { links });
      assert.deepEqual(
        res.data.items.slice(-3).map((i: any) => i.status),
        ['found', 'over_limit', 'over_limit'],
      );
      expectProblem(await api.post('/v1/products/resolve', 'supA', { links: [] }), 403, 'auth.forbidden');
      expectProblem(await api.post('/v1/products/resolve', 'a', { links: 'x' }), 422, 'field.invalid_type');
      expectProblem(
        await api.post('/v1/products/resolve', 'a', { links: Array.from({ length: 1601 }, () => 'x') }),
        422,
        'field.too_long',
      );
    });
  });
}
