// The authorization matrix, generated from the route table: every route × seven callers (no token,
// an unknown token, complainant A, complainant B, the supplier of the products, another supplier,
// the platform), each on the resource its case names, with the expected status computed from the
// small case table below and asserted. A route without a case fails the suite, so a new route
// cannot slip in unprobed. Every answer is also scanned for what the caller must not learn
// (another complainant's complaints; for a supplier: the undisclosed contact, the holder's
// identification number and documents, the receipt, other suppliers' products and answers), and
// every complaint an answer carries is compared with the platform's full view of it. A supplier
// sees a complaint only once the platform has forwarded it (never one cancelled before that), and
// learns who complained (contact, account id, names in the history) only where it was disclosed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DECLARATION_VERSION, TRANSITIONS, type Action, type Role } from '@ipr/validators';
import type { RouteDef } from '../../src/route.js';
import { ROUTES } from '../../src/routes.js';
import { form, link, newKey, pngFile, TOKENS, type Api } from '../helpers.js';

export const CALLERS = ['none', 'bad', 'a', 'b', 'supA', 'supB', 'platform'] as const;
export type Caller = (typeof CALLERS)[number];
type Member = Exclude<Caller, 'none' | 'bad'>;

const ROLE: Record<Member, Role> = {
  a: 'complainant',
  b: 'complainant',
  supA: 'supplier',
  supB: 'supplier',
  platform: 'platform',
};
const ACCOUNT: Record<Member, string> = {
  a: 'acc_complainant_a',
  b: 'acc_complainant_b',
  supA: 'acc_supplier_a',
  supB: 'acc_supplier_b',
  platform: 'acc_platform',
};

/**
 * What a probe is called on, and who can see it:
 * - `none`: a collection (everyone the route admits);
 * - `complaintA`: a forwarded complaint of A listing products of supplier A only (not disclosing the contact);
 * - `unforwardedA`: a complaint of A the platform has not forwarded (submitted, or cancelled before
 *   forwarding): its supplier does not see it yet (or ever);
 * - `evidenceUnforwarded`: A's evidence attached only to an `unforwardedA`;
 * - `mixedA`: a complaint of A listing products of both suppliers;
 * - `evidenceAttached`: A's evidence attached to a `complaintA`; `evidenceLoose`: A's evidence in no complaint;
 * - `holderDocument`: A's file attached as the holder's identification document of a `complaintA`;
 * - `profileA`: a saved holder profile of A.
 * - `webhookA`: a webhook endpoint of A (with a delivery queued for one of A's complaints).
 */
type Resource =
  | 'none'
  | 'complaintA'
  | 'unforwardedA'
  | 'mixedA'
  | 'evidenceAttached'
  | 'evidenceUnforwarded'
  | 'evidenceLoose'
  | 'holderDocument'
  | 'profileA'
  | 'webhookA';
const SEES: Record<Resource, readonly Member[]> = {
  none: ['a', 'b', 'supA', 'supB', 'platform'],
  complaintA: ['a', 'supA', 'platform'],
  unforwardedA: ['a', 'platform'],
  evidenceUnforwarded: ['a', 'platform'],
  mixedA: ['a', 'supA', 'supB', 'platform'],
  evidenceAttached: ['a', 'supA', 'platform'],
  evidenceLoose: ['a'],
  holderDocument: ['a', 'platform'],
  profileA: ['a'],
  webhookA: ['a'],
};

interface Probe {
  path: string;
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
}

interface Case {
  /** A name for the variant (several per route when the resource matters). */
  on: string;
  /** Who may call the route at all (the contract); `public` needs no token. */
  roles: 'public' | readonly Role[];
  resource?: Resource;
  /** The lifecycle action (its role comes from the validators' TRANSITIONS). */
  action?: Action;
  /** The status of success. */
  ok: number;
  /**
   * The request for one caller. `fresh` is true when the call is expected to succeed on a resource
   * it changes: the case then makes a new resource; refused calls share one.
   */
  request: (fx: Fixture, who: Caller, fresh: boolean) => Promise<Probe>;
  /** Further checks of a successful answer. */
  check?: (fx: Fixture, who: Member, data: any) => Promise<void> | void;
}

/** A complaint the suite made, with the strings that only some callers may read. */
interface Made {
  id: string;
  number: string;
  mixed: boolean;
  disclose: boolean;
  /** The platform has forwarded it (its suppliers see it from then on). */
  forwarded: boolean;
  /** Who sees it now (its suppliers only once it is forwarded). */
  readonly seenBy: readonly Member[];
  /** Per supplier: its own product ids. */
  productsOf: Record<'supA' | 'supB', string[]>;
  secrets: { contact: string[]; holder: string[]; statements: Record<'supA' | 'supB', string> };
}

type Status =
  | 'submitted'
  | 'cancelled_before_forward'
  | 'awaiting_supplier'
  | 'cancelled_after_forward'
  | 'supplier_responded'
  | 'in_arbitration';

export interface Fixture {
  api: Api;
  send(who: Caller, method: string, probe: Probe, signal?: AbortSignal): Promise<Response>;
  call(who: Caller, method: string, probe: Probe): Promise<{ status: number; data: any }>;
  evidence: { attached: string; loose: string; id: string; poa: string; pending: string; withdrawn: string };
  /** A new complaint of A in `status` (products of supplier A, or of both suppliers when `mixed`). */
  complaint(
    status: Status,
    options?: { mixed?: boolean; disclose?: boolean; firstResponder?: 'supA' | 'supB'; evidence?: string },
  ): Promise<Made>;
  shared(key: string, make: () => Promise<Made>): Promise<Made>;
  profile(): Promise<string>;
  made: Made[];
  /** Product numbers not used yet: odd ones belong to supplier A, even ones to supplier B. */
  product(supplier: 'supA' | 'supB'): number;
}

const holderFor = (who: 'a' | 'b', fx: Fixture, idNumber = 'HOLDER-ID-0001') => ({
  name: 'Aurora Holdings Ltd.',
  identificationType: 'business_registration',
  identificationNumber: idNumber,
  identificationAttachments: [who === 'a' ? fx.evidence.id : 'ev_seed_b_patent'],
  powerOfAttorney: [who === 'a' ? fx.evidence.poa : 'ev_seed_b_patent'],
  powerOfAttorneyExpiresAt: null,
});

const complaintPath = (m: Made, action?: string) => `/v1/complaints/${m.id}${action ? `/${action}` : ''}`;
const respondBody = (m: Made, who: 'supA' | 'supB') => ({
  products: m.productsOf[who].map((productId) => ({
    productId,
    response: 'not_infringing',
    statement: m.secrets.statements[who],
  })),
});
/** The case's complaint: a new one when the call should change it, else one shared by the refused calls. */
const on =
  (key: string, status: Status, options: { mixed?: boolean } = {}) =>
  (fx: Fixture, who: Caller, fresh: boolean) =>
    fresh
      ? fx.complaint(status, {
          ...options,
          ...(options.mixed && (who === 'supA' || who === 'supB')
            ? { firstResponder: who === 'supA' ? 'supB' : 'supA' }
            : {}),
        })
      : fx.shared(key, () => fx.complaint(status, options));

/**
 * The case table: per operationId, what each route is called on. The expected status of every
 * caller is computed from it by `expected`.
 */
export const CASES: Record<string, Case[]> = {
  getHealth: [{ on: 'the service', roles: 'public', ok: 200, request: async () => ({ path: '/v1/health' }) }],
  getOpenApi: [{ on: 'the document', roles: 'public', ok: 200, request: async () => ({ path: '/v1/openapi.json' }) }],
  getAccount: [
    {
      on: "the caller's account",
      roles: ['complainant', 'supplier', 'platform'],
      ok: 200,
      request: async () => ({ path: '/v1/account' }),
      check: (_fx, who, data) => assert.equal(data.id, ACCOUNT[who]),
    },
  ],
  searchProducts: [
    {
      on: 'the catalogue',
      roles: ['complainant', 'supplier', 'platform'],
      ok: 200,
      request: async () => ({ path: '/v1/products?q=lamp&pageSize=5' }),
    },
  ],
  resolveProductLinks: [
    {
      on: "a product in A's open complaint",
      roles: ['complainant'],
      ok: 200,
      request: async (fx) => ({
        path: '/v1/products/resolve',
        json: {
          links: [
            link(Number((await fx.shared('resolve', () => fx.complaint('submitted'))).productsOf.supA[0]!.slice(1))),
          ],
        },
      }),
      async check(fx, who, data) {
        const made = await fx.shared('resolve', () => fx.complaint('submitted'));
        assert.equal(data.items[0].status, 'found');
        // Only A learns that A already complains about it.
        if (who === 'a') assert.equal(data.items[0].openComplaint?.id, made.id);
        else assert.equal(data.items[0].openComplaint, undefined);
      },
    },
  ],
  listEvidence: [
    {
      on: "the caller's evidence",
      roles: ['complainant'],
      ok: 200,
      request: async () => ({ path: '/v1/evidence' }),
      check: (fx, who, data) => {
        const ids = data.items.map((e: any) => e.id);
        for (const id of Object.values(fx.evidence))
          assert.equal(ids.includes(id), who === 'a', `${who} lists A's evidence ${id}`);
      },
    },
  ],
  uploadEvidence: [
    {
      on: 'a new file',
      roles: ['complainant'],
      ok: 201,
      request: async () => ({ path: '/v1/evidence', form: form(pngFile('matrix.png')) }),
    },
  ],
  downloadEvidence: [
    {
      on: "A's evidence in a forwarded complaint of supplier A's products",
      roles: ['complainant', 'supplier', 'platform'],
      resource: 'evidenceAttached',
      ok: 200,
      request: async (fx) => {
        await fx.shared('get', () => fx.complaint('supplier_responded'));
        return { path: `/v1/evidence/${fx.evidence.attached}/content` };
      },
    },
    {
      on: "A's evidence in a submitted complaint (of supplier A's products) only",
      roles: ['complainant', 'supplier', 'platform'],
      resource: 'evidenceUnforwarded',
      ok: 200,
      request: async (fx) => {
        await fx.shared('evidence-pending', () => fx.complaint('submitted', { evidence: fx.evidence.pending }));
        return { path: `/v1/evidence/${fx.evidence.pending}/content` };
      },
    },
    {
      on: "A's evidence in a complaint cancelled before forwarding only",
      roles: ['complainant', 'supplier', 'platform'],
      resource: 'evidenceUnforwarded',
      ok: 200,
      request: async (fx) => {
        await fx.shared('evidence-withdrawn', () =>
          fx.complaint('cancelled_before_forward', { evidence: fx.evidence.withdrawn, mixed: true }),
        );
        return { path: `/v1/evidence/${fx.evidence.withdrawn}/content` };
      },
    },
    {
      on: "A's evidence in no complaint",
      roles: ['complainant', 'supplier', 'platform'],
      resource: 'evidenceLoose',
      ok: 200,
      request: async (fx) => ({ path: `/v1/evidence/${fx.evidence.loose}/content` }),
    },
    {
      on: "the holder's identification document",
      roles: ['complainant', 'supplier', 'platform'],
      resource: 'holderDocument',
      ok: 200,
      request: async (fx) => ({ path: `/v1/evidence/${fx.evidence.id}/content` }),
    },
  ],
  listComplaints: [
    {
      on: "A's complaint (supplier A's products) by its number",
      roles: ['complainant', 'supplier', 'platform'],
      ok: 200,
      request: async (fx) => ({
        path: `/v1/complaints?limit=100&q=${(await fx.shared('list', () => fx.complaint('supplier_responded'))).number}`,
      }),
      check: async (fx, who, data) =>
        checkListed(who, data, await fx.shared('list', () => fx.complaint('supplier_responded'))),
    },
    {
      on: "A's complaint of both suppliers' products by its number",
      roles: ['complainant', 'supplier', 'platform'],
      ok: 200,
      request: async (fx) => ({
        path: `/v1/complaints?limit=100&q=${(await fx.shared('list-mixed', () => fx.complaint('supplier_responded', { mixed: true }))).number}`,
      }),
      check: async (fx, who, data) =>
        checkListed(
          who,
          data,
          await fx.shared('list-mixed', () => fx.complaint('supplier_responded', { mixed: true })),
        ),
    },
    ...(['submitted', 'cancelled_before_forward', 'cancelled_after_forward'] as const).map(
      (status): Case => ({
        on: `A's complaint of both suppliers' products, ${status.replaceAll('_', ' ')}, by its number`,
        roles: ['complainant', 'supplier', 'platform'],
        ok: 200,
        request: async (fx) => ({
          path: `/v1/complaints?limit=100&q=${(await fx.shared(`list-${status}`, () => fx.complaint(status, { mixed: true }))).number}`,
        }),
        check: async (fx, who, data) =>
          checkListed(who, data, await fx.shared(`list-${status}`, () => fx.complaint(status, { mixed: true }))),
      }),
    ),
    {
      on: 'the whole list',
      roles: ['complainant', 'supplier', 'platform'],
      ok: 200,
      request: async () => ({ path: '/v1/complaints?limit=100' }),
    },
  ],
  createComplaint: [
    {
      on: 'a new draft',
      roles: ['complainant'],
      ok: 201,
      request: async (fx, who) => ({
        path: '/v1/complaints',
        headers: { 'idempotency-key': newKey() },
        json: {
          type: 'trademark_infringement',
          productLinks: [link(fx.product('supA'))],
          description: 'Authorization matrix draft.',
          contact: { name: 'Matrix Tester', email: 'matrix@tester.example', phone: '+49 30 1234 5678' },
          discloseContactToSupplier: false,
          isIprHolder: true,
          holder: null,
          evidence: [{ id: who === 'b' ? 'ev_seed_b_patent' : 'ev_seed_a_certificate' }],
          declaration: { goodFaith: true, accurate: true, authorised: true, version: DECLARATION_VERSION },
        },
      }),
    },
  ],
  complaintStatusReport: [
    {
      on: "A's complaint (supplier A's products) by its number",
      roles: ['complainant', 'supplier', 'platform'],
      ok: 200,
      request: async (fx) => ({
        path: `/v1/complaints/status-report?q=${(await fx.shared('list', () => fx.complaint('supplier_responded'))).number}`,
      }),
      check: async (fx, who, data) =>
        checkReport(who, data, await fx.shared('list', () => fx.complaint('supplier_responded'))),
    },
    {
      on: "A's complaint of both suppliers' products by its number",
      roles: ['complainant', 'supplier', 'platform'],
      ok: 200,
      request: async (fx) => ({
        path: `/v1/complaints/status-report?q=${(await fx.shared('list-mixed', () => fx.complaint('supplier_responded', { mixed: true }))).number}`,
      }),
      check: async (fx, who, data) =>
        checkReport(
          who,
          data,
          await fx.shared('list-mixed', () => fx.complaint('supplier_responded', { mixed: true })),
        ),
    },
    ...(['submitted', 'cancelled_before_forward', 'cancelled_after_forward'] as const).map(
      (status): Case => ({
        on: `A's complaint of both suppliers' products, ${status.replaceAll('_', ' ')}, by its number`,
        roles: ['complainant', 'supplier', 'platform'],
        ok: 200,
        request: async (fx) => ({
          path: `/v1/complaints/status-report?q=${(await fx.shared(`list-${status}`, () => fx.complaint(status, { mixed: true }))).number}`,
        }),
        check: async (fx, who, data) =>
          checkReport(who, data, await fx.shared(`list-${status}`, () => fx.complaint(status, { mixed: true }))),
      }),
    ),
    {
      on: 'every visible complaint',
      roles: ['complainant', 'supplier', 'platform'],
      ok: 200,
      request: async () => ({ path: '/v1/complaints/status-report' }),
    },
  ],
  getProductPicture: [
    {
      on: "a catalogue product's picture (public, as listing pictures are)",
      roles: 'public',
      ok: 200,
      request: async () => ({ path: '/v1/products/p000001/pictures/0?size=thumbnail' }),
    },
  ],
  getPictureMatches: [
    {
      on: "A's complaint of both suppliers' products",
      roles: ['complainant', 'supplier', 'platform'],
      resource: 'mixedA',
      ok: 200,
      request: async (fx) => ({
        path: complaintPath(
          await fx.shared('get-mixed', () => fx.complaint('supplier_responded', { mixed: true })),
          'picture-matches',
        ),
      }),
      async check(fx, who, data) {
        const made = await fx.shared('get-mixed', () => fx.complaint('supplier_responded', { mixed: true }));
        const ids = data.products.map((p: any) => p.productId).sort();
        const expected =
          who === 'supA' || who === 'supB'
            ? [...made.productsOf[who]].sort()
            : [...made.productsOf.supA, ...made.productsOf.supB].sort();
        assert.deepEqual(ids, expected, `${who} sees the matches of the products it may see`);
      },
    },
  ],
  matchPictures: [
    {
      on: "a draft's products against the caller's own originals",
      roles: ['complainant'],
      ok: 200,
      request: async (fx, who) => ({
        path: '/v1/pictures/match',
        json: {
          productLinks: [link(fx.product('supA'))],
          originals: [who === 'b' ? 'ev_seed_b_original' : 'ev_seed_a_original'],
        },
      }),
    },
  ],
  getComplaint: [
    {
      on: "A's complaint of supplier A's products",
      roles: ['complainant', 'supplier', 'platform'],
      resource: 'complaintA',
      ok: 200,
      request: async (fx) => ({
        path: complaintPath(await fx.shared('get', () => fx.complaint('supplier_responded'))),
      }),
    },
    {
      on: "A's complaint of both suppliers' products (both answered)",
      roles: ['complainant', 'supplier', 'platform'],
      resource: 'mixedA',
      ok: 200,
      request: async (fx) => ({
        path: complaintPath(await fx.shared('get-mixed', () => fx.complaint('supplier_responded', { mixed: true }))),
      }),
    },
    {
      on: "A's complaint disclosing the contact",
      roles: ['complainant', 'supplier', 'platform'],
      resource: 'complaintA',
      ok: 200,
      request: async (fx) => ({
        path: complaintPath(
          await fx.shared('get-disclosed', () => fx.complaint('awaiting_supplier', { disclose: true })),
        ),
      }),
    },
    {
      on: "A's submitted complaint (not forwarded yet)",
      roles: ['complainant', 'supplier', 'platform'],
      resource: 'unforwardedA',
      ok: 200,
      request: async (fx) => ({
        path: complaintPath(await fx.shared('get-submitted', () => fx.complaint('submitted', { disclose: true }))),
      }),
    },
    {
      on: "A's complaint cancelled before forwarding",
      roles: ['complainant', 'supplier', 'platform'],
      resource: 'unforwardedA',
      ok: 200,
      request: async (fx) => ({
        path: complaintPath(
          await fx.shared('get-withdrawn', () => fx.complaint('cancelled_before_forward', { disclose: true })),
        ),
      }),
    },
    {
      on: "A's complaint cancelled after forwarding",
      roles: ['complainant', 'supplier', 'platform'],
      resource: 'complaintA',
      ok: 200,
      request: async (fx) => ({
        path: complaintPath(await fx.shared('get-cancelled', () => fx.complaint('cancelled_after_forward'))),
      }),
    },
  ],
  cancelComplaint: [
    {
      on: 'a submitted complaint of A',
      roles: ['complainant', 'supplier', 'platform'],
      resource: 'unforwardedA',
      action: 'cancel',
      ok: 200,
      request: async (fx, who, fresh) => ({
        path: complaintPath(await on('cancel', 'submitted')(fx, who, fresh), 'cancel'),
        json: { reason: 'Matrix probe.' },
      }),
    },
    {
      on: 'a forwarded complaint of A',
      roles: ['complainant', 'supplier', 'platform'],
      resource: 'complaintA',
      action: 'cancel',
      ok: 200,
      request: async (fx, who, fresh) => ({
        path: complaintPath(await on('cancel-forwarded', 'awaiting_supplier')(fx, who, fresh), 'cancel'),
        json: { reason: 'Matrix probe.' },
      }),
    },
  ],
  checkComplaint: [
    {
      on: 'an answered complaint of A',
      roles: ['complainant', 'supplier', 'platform'],
      resource: 'complaintA',
      action: 'check',
      ok: 200,
      request: async (fx, who, fresh) => ({
        path: complaintPath(await on('check', 'supplier_responded')(fx, who, fresh), 'check'),
      }),
    },
  ],
  confirmCloseComplaint: [
    {
      on: 'an answered complaint of A',
      roles: ['complainant', 'supplier', 'platform'],
      resource: 'complaintA',
      action: 'confirm_close',
      ok: 200,
      request: async (fx, who, fresh) => ({
        path: complaintPath(await on('confirm', 'supplier_responded')(fx, who, fresh), 'confirm-close'),
      }),
    },
  ],
  requestArbitration: [
    {
      on: 'an answered complaint of A',
      roles: ['complainant', 'supplier', 'platform'],
      resource: 'complaintA',
      action: 'request_arbitration',
      ok: 200,
      request: async (fx, who, fresh) => ({
        path: complaintPath(await on('arbitration', 'supplier_responded')(fx, who, fresh), 'arbitration'),
        json: { reason: 'Our registration predates theirs.' },
      }),
    },
  ],
  forwardComplaint: [
    {
      on: 'a submitted complaint of A',
      roles: ['complainant', 'supplier', 'platform'],
      resource: 'unforwardedA',
      action: 'forward_to_supplier',
      ok: 200,
      request: async (fx, who, fresh) => ({
        path: complaintPath(await on('forward', 'submitted')(fx, who, fresh), 'forward'),
      }),
    },
  ],
  respondToComplaint: [
    {
      on: "a forwarded complaint of A (supplier A's products)",
      roles: ['complainant', 'supplier', 'platform'],
      resource: 'complaintA',
      action: 'respond',
      ok: 200,
      request: async (fx, who, fresh) => {
        const m = await on('respond', 'awaiting_supplier')(fx, who, fresh);
        return { path: complaintPath(m, 'respond'), json: respondBody(m, 'supA') };
      },
    },
    {
      on: "a forwarded complaint of both suppliers' products, the other supplier having answered",
      roles: ['complainant', 'supplier', 'platform'],
      resource: 'mixedA',
      action: 'respond',
      ok: 200,
      request: async (fx, who, fresh) => {
        const m = await on('respond-mixed', 'awaiting_supplier', { mixed: true })(fx, who, fresh);
        return { path: complaintPath(m, 'respond'), json: respondBody(m, who === 'supB' ? 'supB' : 'supA') };
      },
    },
    ...(['submitted', 'cancelled_before_forward'] as const).map(
      (status): Case => ({
        on: `a complaint of both suppliers' products, ${status.replaceAll('_', ' ')} (not forwarded)`,
        roles: ['complainant', 'supplier', 'platform'],
        resource: 'unforwardedA',
        action: 'respond',
        ok: 200,
        request: async (fx, who) => {
          const m = await fx.shared(`respond-${status}`, () => fx.complaint(status, { mixed: true }));
          return { path: complaintPath(m, 'respond'), json: respondBody(m, who === 'supB' ? 'supB' : 'supA') };
        },
      }),
    ),
  ],
  issueArbitrationResult: [
    {
      on: 'a complaint of A in arbitration',
      roles: ['complainant', 'supplier', 'platform'],
      resource: 'complaintA',
      action: 'issue_result',
      ok: 200,
      request: async (fx, who, fresh) => ({
        path: complaintPath(await on('result', 'in_arbitration')(fx, who, fresh), 'result'),
        json: { decision: 'upheld', notice: 'The listing infringes the registered mark.' },
      }),
    },
  ],
  listHolderProfiles: [
    {
      on: "the caller's profiles",
      roles: ['complainant'],
      ok: 200,
      request: async (fx) => {
        await fx.profile();
        return { path: '/v1/holder-profiles' };
      },
      check: async (fx, who, data) => {
        const mine = await fx.profile();
        assert.equal(
          data.items.some((p: any) => p.id === mine),
          who === 'a',
          `${who} lists A's profile`,
        );
      },
    },
  ],
  createHolderProfile: [
    {
      on: 'a new profile',
      roles: ['complainant'],
      ok: 201,
      request: async (fx, who) => ({
        path: '/v1/holder-profiles',
        json: { label: 'Matrix', holder: holderFor(who === 'b' ? 'b' : 'a', fx) },
      }),
    },
  ],
  updateHolderProfile: [
    {
      on: "A's profile",
      roles: ['complainant'],
      resource: 'profileA',
      ok: 200,
      request: async (fx) => ({
        path: `/v1/holder-profiles/${await fx.profile()}`,
        json: { label: 'Renamed', holder: holderFor('a', fx) },
      }),
    },
  ],
  deleteHolderProfile: [
    {
      on: "A's profile",
      roles: ['complainant'],
      resource: 'profileA',
      ok: 204,
      request: async (fx, _who, fresh) => ({
        path: `/v1/holder-profiles/${fresh ? await newProfile(fx) : await fx.profile()}`,
      }),
    },
  ],
  listWebhookEndpoints: [
    {
      on: "the caller's endpoints",
      roles: ['complainant'],
      ok: 200,
      request: async (fx) => {
        await webhookOf(fx);
        return { path: '/v1/webhooks' };
      },
      check: async (fx, who, data) => {
        const mine = await webhookOf(fx);
        assert.equal(
          data.items.some((e: any) => e.id === mine.id),
          who === 'a',
          `${who} lists A's endpoint`,
        );
        assert.ok(!JSON.stringify(data).includes(mine.secret), 'the secret is shown only once');
      },
    },
  ],
  createWebhookEndpoint: [
    {
      on: 'a new endpoint',
      roles: ['complainant'],
      ok: 201,
      request: async () => ({ path: '/v1/webhooks', json: { url: 'https://partner.example/hooks/matrix' } }),
    },
  ],
  deleteWebhookEndpoint: [
    {
      on: "A's endpoint",
      roles: ['complainant'],
      resource: 'webhookA',
      ok: 204,
      request: async (fx, _who, fresh) => ({
        path: `/v1/webhooks/${fresh ? (await newWebhook(fx)).id : (await webhookOf(fx)).id}`,
      }),
    },
  ],
  updateWebhookEndpoint: [
    {
      on: "A's endpoint",
      roles: ['complainant'],
      resource: 'webhookA',
      ok: 200,
      request: async (fx) => ({ path: `/v1/webhooks/${(await webhookOf(fx)).id}`, json: { enabled: true } }),
      check: async (_fx, _who, data) => assert.equal(data.enabled, true),
    },
  ],
  rotateWebhookSecret: [
    {
      on: "A's endpoint",
      roles: ['complainant'],
      resource: 'webhookA',
      ok: 200,
      request: async (fx, _who, fresh) => ({
        path: `/v1/webhooks/${fresh ? (await newWebhook(fx)).id : (await webhookOf(fx)).id}/rotate-secret`,
      }),
      check: async (_fx, _who, data) => assert.match(data.secret, /^whsec_/),
    },
  ],
  listWebhookDeliveries: [
    {
      on: "A's endpoint",
      roles: ['complainant'],
      resource: 'webhookA',
      ok: 200,
      request: async (fx) => ({ path: `/v1/webhooks/${(await webhookOf(fx)).id}/deliveries` }),
      check: async (fx, _who, data) => {
        const { deliveryId } = await webhookOf(fx);
        assert.ok(data.items.some((d: any) => d.id === deliveryId));
      },
    },
  ],
  redeliverWebhook: [
    {
      on: "a delivery of A's endpoint",
      roles: ['complainant'],
      resource: 'webhookA',
      ok: 202,
      request: async (fx) => {
        const hook = await webhookOf(fx);
        return { path: `/v1/webhooks/${hook.id}/deliveries/${hook.deliveryId}/redeliver` };
      },
    },
  ],
  transparencyReport: [
    { on: 'the figures', roles: ['platform'], ok: 200, request: async () => ({ path: '/v1/transparency' }) },
  ],
  transparencyReportCsv: [
    { on: 'the figures as CSV', roles: ['platform'], ok: 200, request: async () => ({ path: '/v1/transparency.csv' }) },
  ],
  streamEvents: [
    {
      on: 'the replay of every visible event',
      roles: ['complainant', 'supplier', 'platform'],
      ok: 200,
      request: async () => ({ path: '/v1/events?after=0' }),
    },
  ],
};

async function newWebhook(fx: Fixture): Promise<{ id: string; secret: string }> {
  const res = await fx.call('a', 'POST', { path: '/v1/webhooks', json: { url: 'https://partner.example/hooks/a' } });
  assert.equal(res.status, 201, JSON.stringify(res.data));
  return res.data;
}

const webhooks = new WeakMap<Fixture, Promise<{ id: string; secret: string; deliveryId: string }>>();
/** A's endpoint, registered before one of A's complaints so that a delivery of it is queued. */
function webhookOf(fx: Fixture) {
  if (!webhooks.has(fx))
    webhooks.set(
      fx,
      (async () => {
        const hook = await newWebhook(fx);
        await fx.complaint('submitted');
        const log = await fx.call('a', 'GET', { path: `/v1/webhooks/${hook.id}/deliveries` });
        assert.equal(log.status, 200);
        return { ...hook, deliveryId: log.data.items[0].id as string };
      })(),
    );
  return webhooks.get(fx)!;
}

async function newProfile(fx: Fixture): Promise<string> {
  const res = await fx.call('a', 'POST', {
    path: '/v1/holder-profiles',
    json: { label: 'To delete', holder: holderFor('a', fx) },
  });
  assert.equal(res.status, 201, JSON.stringify(res.data));
  return res.data.id;
}

/** The status a caller must get, computed from the case. */
export function expected(c: Case, who: Caller): { status: number; code?: string } {
  if (c.roles === 'public') return { status: c.ok };
  if (who === 'none' || who === 'bad') return { status: 401, code: 'auth.unauthorized' };
  const role = ROLE[who];
  if (!c.roles.includes(role)) return { status: 403, code: 'auth.forbidden' };
  if (!SEES[c.resource ?? 'none'].includes(who)) return { status: 404, code: 'resource.not_found' };
  if (c.action && TRANSITIONS[c.action].role !== role) return { status: 403, code: 'transition.forbidden' };
  return { status: c.ok };
}

function checkListed(who: Member, data: any, m: Made) {
  const item = data.items.find((i: any) => i.id === m.id);
  assert.equal(
    Boolean(item),
    m.seenBy.includes(who),
    `${who} ${item ? 'sees' : 'does not see'} ${m.number} in the list`,
  );
  if (item && (who === 'supA' || who === 'supB')) {
    assert.equal(item.productCount, m.productsOf[who].length, 'a supplier counts only its own products');
    if (!m.disclose) for (const secret of IDENTITY_OF_A) assert.ok(!JSON.stringify(item).includes(secret));
  }
  if (item && !(who === 'supA' || who === 'supB'))
    assert.equal(item.productCount, m.productsOf.supA.length + m.productsOf.supB.length);
}

function checkReport(who: Member, data: any, m: Made) {
  const rows = data.rows.filter((r: any) => r.number === m.number);
  const urls = rows.map((r: any) => r.productUrl).sort();
  const all = [...m.productsOf.supA, ...m.productsOf.supB];
  const want = !m.seenBy.includes(who) ? [] : who === 'supA' || who === 'supB' ? m.productsOf[who] : all;
  assert.deepEqual(
    urls,
    want.map((id) => `https://market.example/product/${id}`).sort(),
    `${who}'s report rows of ${m.number}`,
  );
  for (const r of rows) {
    if (who === 'supA' || who === 'supB') {
      assert.ok(r.supplierResponse === null || m.productsOf[who].some((id) => r.productUrl.endsWith(id)));
      if (!m.disclose) for (const secret of IDENTITY_OF_A) assert.ok(!JSON.stringify(r).includes(secret));
    }
  }
}

/** Strings of `m` that `who` must never read, in any answer. */
function hiddenFrom(m: Made, who: Member): string[] {
  const everything = [
    m.id,
    m.number,
    ...m.secrets.contact,
    ...m.secrets.holder,
    m.secrets.statements.supA,
    m.secrets.statements.supB,
  ];
  if (!m.seenBy.includes(who)) return everything;
  if (who === 'supA' || who === 'supB') {
    const other = who === 'supA' ? 'supB' : 'supA';
    return [
      ...(m.disclose ? [] : m.secrets.contact),
      ...m.secrets.holder,
      m.secrets.statements[other],
      ...m.productsOf[other],
    ];
  }
  return [];
}

/** A complaint as `who` got it against the platform's full view of the same complaint. */
export function checkComplaintView(who: Member, view: any, truth: any) {
  assert.equal(view.id, truth.id);
  assert.equal(view.status, truth.status);
  if (who !== 'supA' && who !== 'supB') {
    assert.deepEqual(view.contact, truth.contact);
    assert.deepEqual(view.holder, truth.holder);
    assert.deepEqual(view.receipt, truth.receipt);
    assert.deepEqual(view.products, truth.products);
    assert.deepEqual(view.history, truth.history);
    return;
  }
  const me = ACCOUNT[who];
  const disclosed = truth.discloseContactToSupplier === true;
  assert.deepEqual(view.contact, disclosed ? truth.contact : null, 'contact only when disclosed');
  assert.equal(view.complainantId, disclosed ? truth.complainantId : null, 'the account only when disclosed');
  for (const h of view.history.filter((r: any) => r.actor.role === 'complainant'))
    assert.deepEqual(
      h.actor,
      disclosed ? truth.history.find((r: any) => r.actor.role === 'complainant').actor : UNDISCLOSED,
      'names in the history only when disclosed',
    );
  assert.deepEqual(
    view.products.map((p: any) => p.productId),
    truth.products.filter((p: any) => p.supplierId === me).map((p: any) => p.productId),
    'only its own products',
  );
  assert.ok(view.products.every((p: any) => p.supplierId === me));
  if (truth.holder) {
    assert.equal(view.holder.name, truth.holder.name);
    assert.ok(!view.holder.identificationNumber, 'no identification number');
    assert.deepEqual(view.holder.identificationAttachments ?? [], [], 'no identification documents');
    assert.deepEqual(view.holder.powerOfAttorney ?? [], [], 'no power of attorney documents');
  } else assert.equal(view.holder, null);
  assert.equal(view.receipt, null, 'no receipt');
  assert.ok(
    !view.history.some((h: any) => h.actor.role === 'supplier' && h.actor.id !== me),
    "no other supplier's answers in the history",
  );
  assert.deepEqual(
    view.history,
    truth.history
      .filter((h: any) => !(h.actor.role === 'supplier' && h.actor.id !== me))
      .map((h: any) => (!disclosed && h.actor.role === 'complainant' ? { ...h, actor: UNDISCLOSED } : h)),
  );
  if (!disclosed) {
    const text = JSON.stringify(view);
    for (const secret of IDENTITY_OF_A) assert.ok(!text.includes(secret), `${who} reads "${secret}"`);
  }
}

/** The complainant as a supplier sees it in the history when it did not disclose itself. */
const UNDISCLOSED = { id: null, role: 'complainant', name: 'Complainant' };
/** What names complainant A (account id, company, contact person); the matrix's contacts are its secrets. */
const IDENTITY_OF_A = ['acc_complainant_a', 'Aurora Lighting', 'Lin Mei'];

/** Reads an event stream until it is quiet after its replay, then aborts it. */
async function readEvents(response: Response, controller: AbortController, expectSome: boolean): Promise<any[]> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + 5_000;
  try {
    while (Date.now() < deadline) {
      const next = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), 400))]);
      if (next === null) {
        if (text.includes(': connected') && (!expectSome || text.includes('event: complaint'))) break;
        continue;
      }
      if (next.done) break;
      text += decoder.decode(next.value, { stream: true });
    }
  } finally {
    controller.abort();
    await reader.cancel().catch(() => {});
  }
  return text
    .split('\n\n')
    .filter((block) => block.includes('event: complaint'))
    .map((block) =>
      JSON.parse(
        block
          .split('\n')
          .find((l) => l.startsWith('data: '))!
          .slice(6),
      ),
    );
}

/** The suite, against any database: `open` makes a seeded API. */
export function authzSuite(open: () => Promise<Api>) {
  let api: Api;
  let fx: Fixture;
  const counts = { routes: 0, variants: 0, probes: 0, malformed: 0 };

  before(async () => {
    api = await open();
    let nextA = 1201;
    let nextB = 1202;
    const send: Fixture['send'] = async (who, method, probe, signal) => {
      const headers: Record<string, string> = { ...probe.headers };
      if (who === 'bad') headers.authorization = 'Bearer not-a-real-token';
      else if (who !== 'none') headers.authorization = `Bearer ${TOKENS[who]}`;
      let body: BodyInit | undefined;
      if (probe.form) body = probe.form;
      else if (probe.json !== undefined) {
        body = JSON.stringify(probe.json);
        headers['content-type'] = 'application/json';
      }
      return api.app.fetch(
        new Request(`http://api.test${probe.path}`, {
          method,
          headers,
          body: body ?? null,
          ...(signal ? { signal } : {}),
        }),
      );
    };
    const call: Fixture['call'] = async (who, method, probe) => {
      const res = await send(who, method, probe);
      const type = res.headers.get('content-type') ?? '';
      return { status: res.status, data: type.includes('json') ? await res.json() : await res.arrayBuffer() };
    };
    const upload = async (name: string) => {
      const res = await call('a', 'POST', { path: '/v1/evidence', form: form(pngFile(name)) });
      assert.equal(res.status, 201, JSON.stringify(res.data));
      return res.data.id as string;
    };
    const evidence = {
      attached: await upload('matrix-evidence.png'),
      loose: await upload('matrix-loose.png'),
      id: await upload('matrix-id.png'),
      poa: await upload('matrix-poa.png'),
      pending: await upload('matrix-pending.png'),
      withdrawn: await upload('matrix-withdrawn.png'),
    };
    const sharedMade = new Map<string, Promise<Made>>();
    let profileId: Promise<string> | undefined;
    let serial = 0;
    fx = {
      api,
      send,
      call,
      evidence,
      made: [],
      product(supplier) {
        for (;;) {
          const n = supplier === 'supA' ? nextA : nextB;
          if (supplier === 'supA') nextA += 2;
          else nextB += 2;
          if (n % 23 !== 0) return n;
        }
      },
      async complaint(status, options = {}) {
        const n = ++serial;
        const mixed = options.mixed === true;
        const numbers = { supA: [fx.product('supA'), fx.product('supA')], supB: mixed ? [fx.product('supB')] : [] };
        const secrets = {
          contact: [`matrix-contact-${n}@secret.example`, `+86 755 0000 ${String(1000 + n)}`],
          holder: [`MATRIX-HOLDER-ID-${n}`],
          statements: { supA: `Statement of supplier A #${n}.`, supB: `Statement of supplier B #${n}.` },
        };
        const res = await call('a', 'POST', {
          path: '/v1/complaints',
          headers: { 'idempotency-key': newKey() },
          json: {
            type: 'trademark_infringement',
            productLinks: [...numbers.supA, ...numbers.supB].map(link),
            description: `Authorization matrix complaint #${n}.`,
            contact: { name: 'Lin Mei', email: secrets.contact[0], phone: secrets.contact[1] },
            discloseContactToSupplier: options.disclose === true,
            isIprHolder: false,
            holder: holderFor('a', fx, secrets.holder[0]),
            evidence: [{ id: options.evidence ?? evidence.attached }],
            declaration: { goodFaith: true, accurate: true, authorised: true, version: DECLARATION_VERSION },
          },
        });
        assert.equal(res.status, 201, JSON.stringify(res.data));
        const made: Made = {
          id: res.data.id,
          number: res.data.number,
          mixed,
          disclose: options.disclose === true,
          forwarded: false,
          get seenBy() {
            return !this.forwarded ? SEES.unforwardedA : mixed ? SEES.mixedA : SEES.complaintA;
          },
          productsOf: {
            supA: numbers.supA.map((i) => `p${String(i).padStart(6, '0')}`),
            supB: numbers.supB.map((i) => `p${String(i).padStart(6, '0')}`),
          },
          secrets,
        };
        fx.made.push(made);
        const step = async (who: Member, action: string, json?: unknown) => {
          const r = await call(who, 'POST', { path: complaintPath(made, action), ...(json ? { json } : {}) });
          assert.equal(r.status, 200, `${action} by ${who}: ${JSON.stringify(r.data)}`);
        };
        if (status === 'submitted') return made;
        if (status === 'cancelled_before_forward') {
          await step('a', 'cancel', { reason: 'Withdrawn before the review.' });
          return made;
        }
        await step('platform', 'forward');
        made.forwarded = true;
        if (status === 'cancelled_after_forward') {
          await step('a', 'cancel', { reason: 'Settled with the seller.' });
          return made;
        }
        const order: ('supA' | 'supB')[] = mixed
          ? options.firstResponder === 'supB'
            ? ['supB', 'supA']
            : ['supA', 'supB']
          : ['supA'];
        if (status === 'awaiting_supplier') {
          // A mixed complaint waiting on one supplier: the other has answered already.
          if (mixed && options.firstResponder)
            await step(options.firstResponder, 'respond', respondBody(made, options.firstResponder));
          return made;
        }
        for (const s of order) await step(s, 'respond', respondBody(made, s));
        if (status === 'supplier_responded') return made;
        await step('a', 'arbitration', { reason: 'The mark is identical to ours.' });
        return made;
      },
      shared(key, make) {
        if (!sharedMade.has(key)) sharedMade.set(key, make());
        return sharedMade.get(key)!;
      },
      profile() {
        profileId ??= newProfile(fx);
        return profileId;
      },
    };
  });
  after(async () => {
    console.log(
      `# authz matrix: ${counts.routes} routes × ${CALLERS.length} callers = ${counts.routes * CALLERS.length} route-caller pairs; ${counts.variants} resource variants, ${counts.probes} probes (each caller on each variant); ${counts.malformed} malformed-Authorization probes`,
    );
    await api.close();
  });

  test('every route of the table has a case, and every case a route', () => {
    const missing = ROUTES.filter((r) => !CASES[r.operationId]?.length).map(
      (r) => `${r.method.toUpperCase()} ${r.path} (${r.operationId})`,
    );
    assert.deepEqual(missing, [], 'routes without an authorization case: add them to CASES in test/suites/authz.ts');
    const stale = Object.keys(CASES).filter((id) => !ROUTES.some((r) => r.operationId === id));
    assert.deepEqual(stale, [], 'cases for routes that no longer exist');
  });

  for (const route of ROUTES) {
    test(`${route.method.toUpperCase()} ${route.path} (${route.operationId}) × ${CALLERS.join(', ')}`, async () => {
      const cases = CASES[route.operationId];
      assert.ok(cases?.length, `no authorization case for ${route.operationId}`);
      counts.routes++;
      const failures: string[] = [];
      for (const c of cases) {
        counts.variants++;
        if (c.action) assert.equal(route.action, c.action, `${route.operationId} performs ${c.action}`);
        for (const who of CALLERS) {
          counts.probes++;
          const want = expected(c, who);
          const label = `${route.operationId} on ${c.on} as ${who}`;
          try {
            await probe(route, c, who, want);
          } catch (error) {
            failures.push(`${label}: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
      }
      assert.deepEqual(failures, []);
    });
  }

  async function probe(route: RouteDef, c: Case, who: Caller, want: { status: number; code?: string }) {
    const fresh = want.status < 300 && route.method !== 'get';
    const request = await c.request(fx, who, fresh);
    const method = route.method.toUpperCase();
    const before =
      c.resource && c.resource !== 'none' && want.status >= 400 && request.path.startsWith('/v1/complaints/')
        ? (await fx.call('platform', 'GET', { path: request.path.replace(/\/[a-z-]+$/, '') })).data
        : null;
    const controller = new AbortController();
    const response = await fx.send(who, method, request, controller.signal);
    const type = response.headers.get('content-type') ?? '';
    if (route.operationId === 'streamEvents' && response.status === 200) {
      assert.match(type, /^text\/event-stream/);
      const member = who as Member;
      const events = await readEvents(response, controller, true);
      assert.equal(response.status, want.status);
      await checkEvents(member, events);
      return;
    }
    const data: any = type.includes('json') ? await response.json() : new Uint8Array(await response.arrayBuffer());
    assert.equal(
      response.status,
      want.status,
      `status ${response.status}, expected ${want.status}: ${type.includes('json') ? JSON.stringify(data).slice(0, 300) : ''}`,
    );
    if (want.code) {
      assert.match(type, /^application\/problem\+json/);
      assert.equal(data.code, want.code);
    }
    if (who === 'none' || who === 'bad') return;
    // Nothing of what the caller may not read, in any answer (2xx or problem).
    const text = type.includes('json') ? JSON.stringify(data) : '';
    for (const m of fx.made) {
      for (const secret of hiddenFrom(m, who)) {
        assert.ok(!text.includes(secret), `${who} read "${secret}" of ${m.number} in ${method} ${request.path}`);
      }
    }
    if (before) {
      // A refused action changed nothing.
      const now = (await fx.call('platform', 'GET', { path: `/v1/complaints/${before.id}` })).data;
      assert.equal(now.status, before.status, 'a refused call left the status');
      assert.equal(now.history.length, before.history.length, 'a refused call left the history');
    }
    if (want.status >= 300) return;
    // From a forward on, the complaint's suppliers see it.
    if (route.action === 'forward_to_supplier') {
      const forwarded = fx.made.find((m) => m.id === data.id);
      if (forwarded) forwarded.forwarded = true;
    }
    if (Object.entries(route.responses).some(([s, r]) => Number(s) < 300 && r.schema === 'Complaint')) {
      const truth = (await fx.call('platform', 'GET', { path: `/v1/complaints/${data.id}` })).data;
      checkComplaintView(who, data, truth);
    }
    await c.check?.(fx, who, data);
  }

  async function checkEvents(who: Member, events: any[]) {
    assert.ok(events.length > 0, `${who} got the replay`);
    const text = JSON.stringify(events);
    for (const m of fx.made) {
      const seen = events.filter((e) => e.id === m.id);
      if (!m.seenBy.includes(who)) {
        assert.equal(seen.length, 0, `${who} got events of ${m.number}`);
        assert.ok(!text.includes(m.number));
        continue;
      }
      if (ROLE[who] === 'supplier' && !m.disclose)
        for (const secret of IDENTITY_OF_A)
          assert.ok(!JSON.stringify(seen).includes(secret), `${who} reads "${secret}"`);
      // One event per history record (for a supplier, from the forward on), except (for a supplier)
      // another supplier's answer that did not move the complaint: not this supplier's business.
      const full: any[] = (await fx.call('platform', 'GET', { path: complaintPath(m) })).data.history;
      // A supplier's events of a complaint start at its forward (it was none of its business before).
      const history =
        ROLE[who] === 'supplier' ? full.slice(full.findIndex((h) => h.action === 'forward_to_supplier')) : full;
      const me = ACCOUNT[who];
      const want = history
        .filter(
          (h) => !(ROLE[who] === 'supplier' && h.actor.role === 'supplier' && h.actor.id !== me && h.from === h.to),
        )
        .map((h) => [h.action, h.to]);
      assert.deepEqual(
        seen.map((e) => [e.action, e.status]),
        want,
        `${who}'s events of ${m.number}`,
      );
    }
  }

  test('malformed Authorization headers are 401 on every route that needs a token', async () => {
    const forms = [
      'Bearer',
      'Bearer ',
      `bearer${TOKENS.a}`,
      `Basic ${TOKENS.a}`,
      `Token ${TOKENS.a}`,
      `Bearer ${TOKENS.a} extra`,
      `Bearer ${TOKENS.a.toUpperCase()}`,
      `Bearer ${TOKENS.a}x`,
      `Bearer "${TOKENS.a}"`,
      `${TOKENS.a}`,
      `Bearer ${TOKENS.a},Bearer ${TOKENS.platform}`,
    ];
    const failures: string[] = [];
    let probes = 0;
    for (const route of ROUTES) {
      if (route.roles === 'public') continue;
      const path = route.path.replace(/\{\w+\}/g, 'x');
      for (const authorization of forms) {
        probes++;
        const res = await api.app.fetch(
          new Request(`http://api.test${path}`, { method: route.method.toUpperCase(), headers: { authorization } }),
        );
        const data = await res.json().catch(() => null);
        if (res.status !== 401 || data?.code !== 'auth.unauthorized')
          failures.push(`${route.operationId} with "${authorization}" → ${res.status}`);
      }
    }
    assert.deepEqual(failures, []);
    counts.malformed += probes;
  });

  test('methods outside the table answer a problem, never a success, whoever calls', async () => {
    const failures: string[] = [];
    const byPath = new Map<string, Set<string>>();
    for (const r of ROUTES) byPath.set(r.path, new Set([...(byPath.get(r.path) ?? []), r.method.toUpperCase()]));
    const m = await fx.shared('get', () => fx.complaint('supplier_responded'));
    for (const [template, methods] of byPath) {
      const path = template.replace(
        '{id}',
        template.startsWith('/v1/complaints')
          ? m.id
          : template.startsWith('/v1/evidence')
            ? fx.evidence.attached
            : await fx.profile(),
      );
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
        if (methods.has(method)) continue;
        for (const who of ['a', 'platform', 'none'] as const) {
          const res = await fx.send(who, method, {
            path,
            ...(method === 'GET' || method === 'OPTIONS' ? {} : { json: {} }),
          });
          const type = res.headers.get('content-type') ?? '';
          await res.body?.cancel().catch(() => {});
          if (res.status < 400 || !type.startsWith('application/problem+json'))
            failures.push(`${method} ${template} as ${who} → ${res.status} ${type}`);
        }
      }
    }
    assert.deepEqual(failures, []);
  });

  test("another account's resources named in a body are refused (evidence, holder profiles, other suppliers' products)", async () => {
    // B files with A's evidence, A's saved holder and A's holder documents.
    const draft = (over: Record<string, unknown>) => ({
      type: 'trademark_infringement',
      productLinks: [link(fx.product('supA'))],
      description: "B tries A's things.",
      contact: { name: 'Jonas Weber', email: 'jonas@brightstone.example', phone: '+49 30 1234 5678' },
      discloseContactToSupplier: false,
      isIprHolder: true,
      holder: null,
      evidence: [{ id: 'ev_seed_b_patent' }],
      declaration: { goodFaith: true, accurate: true, authorised: true, version: DECLARATION_VERSION },
      ...over,
    });
    const create = (over: Record<string, unknown>) =>
      fx.call('b', 'POST', { path: '/v1/complaints', headers: { 'idempotency-key': newKey() }, json: draft(over) });
    const withEvidence = await create({ evidence: [{ id: fx.evidence.attached }] });
    assert.equal(withEvidence.status, 422);
    assert.equal(withEvidence.data.code, 'evidence.not_found');
    const profile = await fx.profile();
    const withProfile = await create({ isIprHolder: false, holder: { ...holderFor('b', fx), profileId: profile } });
    assert.equal(withProfile.status, 422);
    assert.deepEqual(
      withProfile.data.issues.map((i: any) => [i.code, i.path.join('.')]),
      [['holder.profile_not_found', 'holder.profileId']],
    );
    const withDocuments = await create({
      isIprHolder: false,
      holder: {
        ...holderFor('b', fx),
        identificationAttachments: [fx.evidence.id],
        powerOfAttorney: [fx.evidence.poa],
      },
    });
    assert.equal(withDocuments.status, 422, JSON.stringify(withDocuments.data));
    const savedWithDocuments = await fx.call('b', 'POST', {
      path: '/v1/holder-profiles',
      json: { holder: { ...holderFor('b', fx), identificationAttachments: [fx.evidence.id] } },
    });
    assert.equal(savedWithDocuments.status, 422);
    assert.equal(savedWithDocuments.data.code, 'evidence.not_found');
    for (const res of [withEvidence, withProfile, withDocuments, savedWithDocuments]) {
      const text = JSON.stringify(res.data);
      assert.ok(
        !text.includes('MATRIX-HOLDER-ID') && !text.includes('matrix-contact'),
        "a refusal tells nothing of A's",
      );
    }

    // Supplier A answers for supplier B's product of a shared complaint: refused, nothing changes.
    const m = await fx.complaint('awaiting_supplier', { mixed: true });
    const before = (await fx.call('platform', 'GET', { path: complaintPath(m) })).data;
    const foreign = await fx.call('supA', 'POST', { path: complaintPath(m, 'respond'), json: respondBody(m, 'supB') });
    assert.equal(foreign.status, 422);
    assert.equal(foreign.data.code, 'response.unknown_product');
    const mixedAnswer = await fx.call('supA', 'POST', {
      path: complaintPath(m, 'respond'),
      json: { products: [...respondBody(m, 'supA').products, ...respondBody(m, 'supB').products] },
    });
    assert.equal(mixedAnswer.status, 422, 'one foreign product refuses the whole answer');
    const after = (await fx.call('platform', 'GET', { path: complaintPath(m) })).data;
    assert.deepEqual(after.products, before.products);
    assert.equal(after.history.length, before.history.length);
  });

  test('the disclosure rules, per complaint-bearing answer, on a complaint of both suppliers', async () => {
    // Both suppliers answered; every view each caller gets (GET, the list, the report, the events)
    // is checked against what it may see: for a supplier, not who complained (it was not disclosed).
    const m = await fx.complaint('supplier_responded', { mixed: true });
    const truth = (await fx.call('platform', 'GET', { path: complaintPath(m) })).data;
    assert.equal(truth.products.length, 3);
    assert.ok(truth.history.filter((h: any) => h.action === 'respond').length === 2, 'both suppliers answered');
    assert.ok(truth.receipt, 'the complaint has a receipt');
    assert.ok(truth.holder.identificationNumber && truth.holder.identificationAttachments.length);
    for (const who of ['a', 'b', 'supA', 'supB', 'platform'] as const) {
      const res = await fx.call(who, 'GET', { path: complaintPath(m) });
      if (who === 'b') {
        assert.equal(res.status, 404);
        continue;
      }
      assert.equal(res.status, 200);
      checkComplaintView(who, res.data, truth);
      if (who === 'supA' || who === 'supB') {
        const other = who === 'supA' ? 'supB' : 'supA';
        const text = JSON.stringify(res.data);
        assert.ok(!text.includes(m.secrets.statements[other]), "another supplier's statement");
        assert.ok(text.includes(m.secrets.statements[who]), 'its own statement');
        for (const secret of [...m.secrets.contact.slice(0, 1), ...m.secrets.holder.slice(0, 1), ...IDENTITY_OF_A])
          assert.ok(!text.includes(secret), secret);
        assert.equal(res.data.complainantId, null);
        // The evidence files of the holder are not downloadable by suppliers either.
        for (const id of [...truth.holder.identificationAttachments, ...truth.holder.powerOfAttorney]) {
          assert.equal((await fx.call(who, 'GET', { path: `/v1/evidence/${id}/content` })).status, 404);
        }
        for (const ev of res.data.evidence)
          assert.equal((await fx.call(who, 'GET', { path: `/v1/evidence/${ev.id}/content` })).status, 200);
      }
    }
  });
}
