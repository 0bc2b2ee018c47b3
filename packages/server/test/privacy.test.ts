// What a supplier learns, and when. A supplier sees a complaint only once the platform has
// forwarded it (the help page's flow: the platform forwards, the supplier deals with it), also after
// it is cancelled, closed or arbitrated; never one cancelled before forwarding. And unless the
// complainant ticked "I agree to disclose my name, email and phone number to the supplier", the
// supplier learns nothing of who complained: no contact, no account id, no name in the history,
// in any answer (the complaint, the list, the status report, the events, action answers).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ComplaintSchema } from '@ipr/validators';
import { type Api, draftA, form, link, newKey, pngFile, seededApi, TOKENS, type Who } from './helpers.js';

let api: Api;
before(async () => {
  api = await seededApi();
});
after(async () => {
  await api.close();
});

/** Everything that names complainant A. */
const IDENTITY_OF_A = [
  'acc_complainant_a',
  'Aurora Lighting',
  'Lin Mei',
  'lin.mei@aurora-lighting.example',
  '+86 755 2345 6789',
];

let nextProduct = 601;
/** A product number of supplier A not used yet (odd numbers are supplier A's; multiples of 23 are skipped). */
function productOfA(): number {
  for (;;) {
    const n = nextProduct;
    nextProduct += 2;
    if (n % 23 !== 0) return n;
  }
}

interface Made {
  id: string;
  number: string;
  evidenceId: string;
}

/** A complaint of A about two of supplier A's products, with a file attached to it alone. */
async function complain(disclose: boolean): Promise<Made> {
  const upload = await api.post('/v1/evidence', 'a', form(pngFile(`privacy-${nextProduct}.png`)));
  assert.equal(upload.status, 201, JSON.stringify(upload.data));
  const res = await api.post(
    '/v1/complaints',
    'a',
    draftA({
      productLinks: [link(productOfA()), link(productOfA())],
      discloseContactToSupplier: disclose,
      evidence: [{ id: upload.data.id }],
    }),
    { 'idempotency-key': newKey() },
  );
  assert.equal(res.status, 201, JSON.stringify(res.data));
  return { id: res.data.id, number: res.data.number, evidenceId: upload.data.id };
}

const act = async (who: Who, m: Made, action: string, body: unknown = {}) => {
  const res = await api.post(`/v1/complaints/${m.id}/${action}`, who, body);
  assert.equal(res.status, 200, `${action} by ${who}: ${JSON.stringify(res.data)}`);
  return res.data;
};
const respond = (m: Made, detail: any) =>
  act('supA', m, 'respond', {
    products: detail.products.map((p: any) => ({ productId: p.productId, response: 'removed' })),
  });

/** The events of `m` that `who` gets replayed from the start (the stream is read until it is quiet). */
async function eventsOf(who: Who, m: Made): Promise<{ events: any[]; text: string }> {
  const ac = new AbortController();
  const res = await api.app.fetch(
    new Request('http://api.test/v1/events?after=0', {
      headers: { authorization: `Bearer ${TOKENS[who]}` },
      signal: ac.signal,
    }),
  );
  assert.equal(res.status, 200);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), 300))]);
      if (next === null || next.done) break;
      text += decoder.decode(next.value, { stream: true });
    }
  } finally {
    ac.abort();
    await reader.cancel().catch(() => {});
  }
  const events = text
    .split('\n\n')
    .filter((block) => block.includes('event: complaint'))
    .map((block) => JSON.parse(block.slice(block.indexOf('data: ') + 6)))
    .filter((e) => e.id === m.id);
  return { events, text: JSON.stringify(events) };
}

/** What `who` gets of `m` on every route that reads complaints. */
async function views(who: Who, m: Made) {
  const [detail, list, report, events, file] = await Promise.all([
    api.get(`/v1/complaints/${m.id}`, who),
    api.get(`/v1/complaints?limit=100&q=${m.number}`, who),
    api.get(`/v1/complaints/status-report?q=${m.number}`, who),
    eventsOf(who, m),
    api.get(`/v1/evidence/${m.evidenceId}/content`, who),
  ]);
  assert.equal(list.status, 200);
  assert.equal(report.status, 200);
  return {
    detail,
    listed: list.data.items.filter((i: any) => i.id === m.id),
    rows: report.data.rows.filter((r: any) => r.number === m.number),
    events: events.events,
    eventsText: events.text,
    download: file.status,
  };
}

async function assertInvisible(who: Who, m: Made, when: string) {
  const v = await views(who, m);
  assert.equal(v.detail.status, 404, `${who} GET ${when}`);
  assert.equal(v.detail.data.code, 'resource.not_found');
  assert.deepEqual(v.listed, [], `${who} lists it ${when}`);
  assert.deepEqual(v.rows, [], `${who} reports it ${when}`);
  assert.deepEqual(v.events, [], `${who} gets its events ${when}`);
  assert.equal(v.download, 404, `${who} downloads its evidence ${when}`);
  for (const [action, body] of [
    ['respond', { products: [{ productId: 'p000601', response: 'removed' }] }],
    ['cancel', { reason: 'probe' }],
    ['check', {}],
    ['forward', {}],
  ] as const) {
    const res = await api.post(`/v1/complaints/${m.id}/${action}`, who, body);
    assert.equal(res.status, 404, `${who} ${action} ${when}: ${JSON.stringify(res.data)}`);
    assert.equal(res.data.code, 'resource.not_found');
  }
}

async function assertVisible(who: Who, m: Made, when: string) {
  const v = await views(who, m);
  assert.equal(v.detail.status, 200, `${who} GET ${when}`);
  assert.equal(v.listed.length, 1, `${who} lists it ${when}`);
  assert.equal(v.rows.length, 2, `${who} reports its products ${when}`);
  assert.ok(v.events.length > 0, `${who} gets its events ${when}`);
  if (who === 'supA' || who === 'supB')
    assert.equal(v.events[0].action, 'forward_to_supplier', 'a supplier hears of a complaint from its forward on');
  assert.equal(v.download, 200, `${who} downloads its evidence ${when}`);
  return v;
}

describe('a supplier sees a complaint once the platform has forwarded it', () => {
  test('submitted: invisible to both suppliers on every route; forwarded: visible to the supplier of its products', async () => {
    const m = await complain(false);
    for (const who of ['supA', 'supB'] as const) await assertInvisible(who, m, 'before the forward');
    for (const who of ['a', 'platform'] as const)
      assert.equal((await api.get(`/v1/complaints/${m.id}`, who)).status, 200);
    await act('platform', m, 'forward');
    await assertVisible('supA', m, 'after the forward');
    await assertInvisible('supB', m, 'after the forward (not its products)');
  });

  test('cancelled before forwarding: never visible to a supplier', async () => {
    const m = await complain(true);
    await act('a', m, 'cancel', { reason: 'Settled directly.' });
    for (const who of ['supA', 'supB'] as const) await assertInvisible(who, m, 'cancelled before the forward');
  });

  test('forwarded, then cancelled, closed or arbitrated: still visible to its supplier', async () => {
    const cancelled = await complain(false);
    await act('platform', cancelled, 'forward');
    await act('a', cancelled, 'cancel', { reason: 'Settled directly.' });
    assert.equal(
      (await assertVisible('supA', cancelled, 'cancelled after the forward')).detail.data.status,
      'cancelled',
    );

    const closed = await complain(false);
    const forwarded = await act('platform', closed, 'forward');
    await respond(closed, forwarded);
    await act('a', closed, 'confirm-close');
    assert.equal((await assertVisible('supA', closed, 'closed')).detail.data.status, 'closed');

    const arbitrated = await complain(false);
    await respond(arbitrated, await act('platform', arbitrated, 'forward'));
    await act('a', arbitrated, 'arbitration', { reason: 'The removal came too late.' });
    await act('platform', arbitrated, 'result', { decision: 'upheld', notice: 'The listing infringed.' });
    assert.equal((await assertVisible('supA', arbitrated, 'arbitrated')).detail.data.status, 'arbitrated');
  });
});

describe('who complained, only where disclosure was consented to', () => {
  /** A complaint through its whole flow: the complainant acts at both ends of the history. */
  async function throughArbitration(disclose: boolean) {
    const m = await complain(disclose);
    const forwarded = await act('platform', m, 'forward');
    const answer = await respond(m, forwarded);
    await act('a', m, 'arbitration', { reason: 'The listing is back under another name.' });
    return { m, answer };
  }

  test('not disclosed: no contact, no account id, no name in the history, in any answer a supplier gets', async () => {
    const { m, answer } = await throughArbitration(false);
    const v = await assertVisible('supA', m, 'in arbitration');
    const detail = v.detail.data;
    assert.ok(ComplaintSchema.safeParse(detail).success, 'the redacted complaint is a valid Complaint');
    assert.equal(detail.contact, null);
    assert.equal(detail.complainantId, null);
    assert.equal(detail.receipt, null);
    const complainantRecords = detail.history.filter((h: any) => h.actor.role === 'complainant');
    assert.deepEqual(
      complainantRecords.map((h: any) => h.action),
      ['create', 'request_arbitration'],
    );
    for (const h of complainantRecords)
      assert.deepEqual(h.actor, { id: null, role: 'complainant', name: 'Complainant' });
    // Others' records keep their names: the platform's and the supplier's own.
    assert.ok(detail.history.some((h: any) => h.actor.role === 'platform' && h.actor.id === 'acc_platform'));
    assert.ok(detail.history.some((h: any) => h.actor.role === 'supplier' && h.actor.id === 'acc_supplier_a'));
    const answers = {
      detail: JSON.stringify(detail),
      'the respond answer': JSON.stringify(answer),
      list: JSON.stringify(v.listed),
      report: JSON.stringify(v.rows),
      events: v.eventsText,
    };
    for (const [where, text] of Object.entries(answers))
      for (const secret of IDENTITY_OF_A)
        assert.ok(!text.includes(secret), `the supplier reads "${secret}" in ${where}`);
    // The complainant and the platform see everything.
    for (const who of ['a', 'platform'] as const) {
      const full = (await api.get(`/v1/complaints/${m.id}`, who)).data;
      assert.equal(full.complainantId, 'acc_complainant_a');
      assert.equal(full.contact.email, 'lin.mei@aurora-lighting.example');
      assert.ok(
        full.history.some(
          (h: any) => h.actor.id === 'acc_complainant_a' && h.actor.name === 'Aurora Lighting Co., Ltd.',
        ),
      );
      assert.ok(full.receipt);
    }
  });

  test('disclosed: the supplier sees the contact, the account and the names in the history', async () => {
    const { m, answer } = await throughArbitration(true);
    const detail = (await api.get(`/v1/complaints/${m.id}`, 'supA')).data;
    assert.ok(ComplaintSchema.safeParse(detail).success);
    assert.equal(detail.complainantId, 'acc_complainant_a');
    assert.equal(detail.contact.email, 'lin.mei@aurora-lighting.example');
    assert.deepEqual(
      detail.history.filter((h: any) => h.actor.role === 'complainant').map((h: any) => h.actor),
      [
        { id: 'acc_complainant_a', role: 'complainant', name: 'Aurora Lighting Co., Ltd.' },
        { id: 'acc_complainant_a', role: 'complainant', name: 'Aurora Lighting Co., Ltd.' },
      ],
    );
    assert.equal(answer.complainantId, 'acc_complainant_a');
    assert.equal(detail.receipt, null, 'the receipt stays the complainant’s');
  });
});
