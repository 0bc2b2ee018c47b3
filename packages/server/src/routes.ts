// The route table: every operation once, with who may call it, what it takes and what it answers.
// `createApp` mounts it; `buildOpenApi` documents it. Nothing here imports a `node:` module.
import { LIMITS, ResolveLinksBodySchema, ROLES, normalizeProductLink, type Action } from '@ipr/validators';
import { eventStream, MAX_STREAMS_PER_ACCOUNT, resumeFrom, STREAM_RETRY_AFTER_S } from './events.js';
import { notFound, problem, problemResponse } from './problem.js';
import { CONDITIONAL_DOCS, conditional, versionTag } from './conditional.js';
import { createProfile, deleteProfile, listProfilesVersioned, updateProfile } from './profiles.js';
import { complaintOr404, json, parseBody, route, type RouteDef } from './route.js';
import {
  ComplaintQuerySchema,
  EventQuerySchema,
  EvidenceQuerySchema,
  ProductQuerySchema,
  StatusReportQuerySchema,
} from './schemas.js';
import {
  accountView,
  applyAction,
  complaintVersion,
  evidenceForDownload,
  listComplaintsByMatch,
  listComplaintsVersioned,
  listEvidence,
  productsByUrl,
  resolveLinks,
  searchProducts,
  statusReport,
} from './store/index.js';
import { createComplaint } from './submit-complaint.js';
import { uploadEvidence } from './upload-evidence.js';
import { WEBHOOK_ROUTES } from './webhooks/routes.js';
import { PICTURE_ROUTES } from './pictures/routes.js';
import { matchStrengths } from './pictures/ranking.js';

function actionRoute(
  action: Action,
  path: string,
  operationId: string,
  summary: string,
  body?: string,
  bodyRequired = false,
): RouteDef {
  return route({
    method: 'post',
    path: `/v1/complaints/{id}/${path}`,
    operationId,
    summary,
    tag: 'complaints',
    roles: ROLES,
    action,
    ...(body ? { body: { kind: 'json' as const, schema: body, required: bodyRequired } } : {}),
    responses: { 200: { description: 'The complaint after the action', schema: 'Complaint' } },
    problems: body ? [400, 403, 404, 409, 413, 422, 429] : [403, 404, 409, 429],
    async handler({ deps, account, params, body: input }) {
      await applyAction(deps.db, account, params.id!, action, input ?? {}, deps.now());
      deps.bus.notify();
      return json(await complaintOr404(deps, account, params.id!));
    },
  });
}

/** `Content-Disposition` with an ASCII fallback and the UTF-8 name (RFC 6266 / 8187). */
function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase(),
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export const ROUTES: RouteDef[] = [
  route({
    method: 'get',
    path: '/v1/health',
    operationId: 'getHealth',
    summary: 'Liveness',
    tag: 'meta',
    roles: 'public',
    responses: { 200: { description: 'The server answers', schema: 'Health' } },
    problems: [],
    async handler({ deps }) {
      return json(
        deps.emailForLargeAttachments
          ? { ok: true, largeAttachmentEmail: deps.emailForLargeAttachments }
          : { ok: true },
      );
    },
  }),
  route({
    method: 'get',
    path: '/v1/openapi.json',
    operationId: 'getOpenApi',
    summary: 'This OpenAPI 3.1 document',
    tag: 'meta',
    roles: 'public',
    responses: { 200: { description: 'The OpenAPI document' } },
    problems: [],
    async handler() {
      const { buildOpenApi } = await import('./openapi.js');
      return json(buildOpenApi());
    },
  }),
  route({
    method: 'get',
    path: '/v1/account',
    operationId: 'getAccount',
    summary: "The caller's account and master-account contact (the form's defaults)",
    tag: 'account',
    roles: ROLES,
    responses: { 200: { description: 'The account', schema: 'Account' } },
    problems: [],
    async handler({ account }) {
      return json(accountView(account));
    },
  }),
  route({
    method: 'get',
    path: '/v1/products',
    operationId: 'searchProducts',
    summary: 'Search the catalogue by product link (exact) or by name (ranked, paginated)',
    tag: 'products',
    roles: ROLES,
    query: ProductQuerySchema,
    queryInts: ['page', 'pageSize'],
    responses: { 200: { description: 'One page of products', schema: 'ProductPage' } },
    problems: [422],
    async handler({ deps, query }) {
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 20;
      if (query.link !== undefined && query.link.trim() !== '') {
        const link = normalizeProductLink(query.link);
        if (link.status !== 'ok') {
          const code =
            link.status === 'not_url'
              ? 'links.not_url'
              : link.status === 'empty'
                ? 'links.empty'
                : 'links.not_product_link';
          throw problem(code, ['link'], { value: query.link.slice(0, 120), row: 1 });
        }
        const found = (await productsByUrl(deps.db, [link.url])).get(link.url);
        const items = found && page === 1 ? [found] : [];
        return json({ items, total: found ? 1 : 0, page, pageSize });
      }
      return json(await searchProducts(deps.db, query.q ?? '', page, pageSize));
    },
  }),
  route({
    method: 'post',
    path: '/v1/products/resolve',
    operationId: 'resolveProductLinks',
    summary:
      'Classify a batch of links (at most 1,600 inputs; unique links beyond 800 are over_limit): found, not found, not a product link, duplicate',
    tag: 'products',
    roles: ['complainant'],
    body: { kind: 'json', schema: 'ResolveLinksBody', required: true },
    responses: { 200: { description: 'One answer per input, in order', schema: 'ResolvedLinks' } },
    problems: [400, 403, 413, 422],
    async handler({ deps, account, body }) {
      const { links } = parseBody(ResolveLinksBodySchema, body);
      return json({ items: await resolveLinks(deps.db, account, links) });
    },
  }),
  route({
    method: 'get',
    path: '/v1/evidence',
    operationId: 'listEvidence',
    summary: "The caller's saved evidence, newest first, a page at a time (100 by default; `nextCursor` for the next)",
    tag: 'evidence',
    roles: ['complainant'],
    query: EvidenceQuerySchema,
    queryInts: ['limit'],
    responses: { 200: { description: 'One page of saved evidence, newest first', schema: 'EvidenceList' } },
    problems: [403, 422],
    async handler({ deps, account, query }) {
      return json(await listEvidence(deps.db, account.id, { limit: query.limit ?? 100, cursor: query.cursor }));
    },
  }),
  route({
    method: 'post',
    path: '/v1/evidence',
    operationId: 'uploadEvidence',
    summary: `Upload one evidence file (multipart field \`file\`, at most 5 MiB; the type is judged by the content). Per account: at most the storage quota in all (422 evidence.quota_exceeded), a few uploads in flight and a rate (429 with Retry-After)`,
    tag: 'evidence',
    roles: ['complainant'],
    body: { kind: 'multipart' },
    responses: { 201: { description: 'The stored evidence', schema: 'EvidenceDescriptor' } },
    problems: [400, 403, 413, 422, 429],
    handler: uploadEvidence,
  }),
  route({
    method: 'get',
    path: '/v1/evidence/{id}/content',
    operationId: 'downloadEvidence',
    summary:
      "An evidence file's bytes (the owner; a supplier or the platform for evidence of a complaint they can see)",
    tag: 'evidence',
    roles: ROLES,
    responses: {
      200: {
        description: 'The file, as an attachment',
        schema: 'binary',
        headers: { 'Content-Disposition': 'attachment; filename="…"; filename*=UTF-8\'\'…' },
      },
    },
    problems: [404],
    async handler({ deps, account, params }) {
      const row = await evidenceForDownload(deps.db, account, params.id!);
      // Streamed from the store (a chunk at a time), never read whole first.
      const file = row ? await deps.files.open(row.storage_key) : null;
      if (!row || !file) throw notFound();
      return new Response(file.body, {
        status: 200,
        headers: {
          'content-type': row.media_type,
          'content-length': String(file.size),
          'content-disposition': contentDisposition(row.name),
          'x-content-type-options': 'nosniff',
          'cache-control': 'private, no-store',
        },
      });
    },
  }),
  route({
    method: 'get',
    path: '/v1/complaints',
    operationId: 'listComplaints',
    summary:
      'Complaints the caller can see (complainant: own; supplier: listing its products; platform: all), newest first. `sort=match` (platform only; others get 403 `auth.forbidden`): the Picture Embezzlement complaints by their strongest picture match, smallest distance first, none comparable last, ties newest first; each summary carries `match`',
    tag: 'complaints',
    roles: ROLES,
    query: ComplaintQuerySchema,
    queryInts: ['limit', 'page'],
    headers: [CONDITIONAL_DOCS.header],
    responses: {
      200: {
        description: 'One page of complaints, newest first (or by match)',
        schema: 'ComplaintPage',
        headers: CONDITIONAL_DOCS.etag,
      },
      304: CONDITIONAL_DOCS.notModified,
    },
    problems: [403, 422],
    async handler({ c, deps, account, query }) {
      const listQuery = { ...query, limit: query.limit ?? 20 };
      if (query.sort === 'match' && account.role !== 'platform') {
        throw problem('auth.forbidden', ['sort'], { role: account.role });
      }
      // The page's rows are read (they are the answer's versions); the body is built only for a change.
      const listed =
        query.sort === 'match'
          ? await listComplaintsByMatch(deps.db, account, listQuery, (ids) => matchStrengths(deps, ids))
          : await listComplaintsVersioned(deps.db, account, listQuery);
      const { items: _, ...rest } = listed.page;
      const etag = await versionTag(account, ['complaints', query, rest, listed.versions]);
      return conditional(c.req.raw, etag, () => json(listed.page));
    },
  }),
  route({
    method: 'post',
    path: '/v1/complaints',
    operationId: 'createComplaint',
    summary: 'Submit a complaint. The same Idempotency-Key never makes two complaints.',
    tag: 'complaints',
    roles: ['complainant'],
    headers: [
      {
        name: 'Idempotency-Key',
        required: true,
        description: 'A client-chosen key (at most 255 characters), the same for every retry of one submission',
      },
    ],
    body: { kind: 'json', schema: 'ComplaintDraft', required: true },
    responses: {
      201: { description: 'The new complaint', schema: 'Complaint' },
      200: {
        description: 'A replay: the complaint this key already made',
        schema: 'Complaint',
        headers: { 'Idempotent-Replayed': 'true' },
      },
    },
    problems: [400, 403, 409, 413, 422],
    handler: createComplaint,
  }),
  route({
    // Before `/v1/complaints/{id}`, which would otherwise take `status-report` for an id.
    method: 'get',
    path: '/v1/complaints/status-report',
    operationId: 'complaintStatusReport',
    summary:
      "The bulk status report: one row per product of every complaint the caller can see (a supplier: its own products), with the list's filters",
    tag: 'complaints',
    roles: ROLES,
    query: StatusReportQuerySchema,
    responses: {
      200: {
        description: `At most ${LIMITS.maxReportRows} rows, newest complaint first; \`truncated\` when there were more`,
        schema: 'StatusReport',
      },
    },
    problems: [422],
    async handler({ deps, account, query }) {
      return json(await statusReport(deps.db, account, query));
    },
  }),
  route({
    method: 'get',
    path: '/v1/complaints/{id}',
    operationId: 'getComplaint',
    summary: 'One complaint with products, evidence, history and the actions the caller may take',
    tag: 'complaints',
    roles: ROLES,
    headers: [CONDITIONAL_DOCS.header],
    responses: {
      200: { description: 'The complaint', schema: 'Complaint', headers: CONDITIONAL_DOCS.etag },
      304: CONDITIONAL_DOCS.notModified,
    },
    problems: [404],
    async handler({ c, deps, account, params }) {
      // The version first (one indexed row): a caller holding the current copy costs nothing more.
      const version = await complaintVersion(deps.db, account, params.id!);
      if (version === null) throw notFound();
      const etag = await versionTag(account, ['complaint', params.id, version]);
      return conditional(c.req.raw, etag, async () => json(await complaintOr404(deps, account, params.id!)));
    },
  }),
  actionRoute('cancel', 'cancel', 'cancelComplaint', 'Cancel (complainant)', 'ReasonBody'),
  actionRoute('check', 'check', 'checkComplaint', 'Check now: re-check every product (complainant)'),
  actionRoute('confirm_close', 'confirm-close', 'confirmCloseComplaint', 'Confirm and close (complainant)'),
  actionRoute(
    'request_arbitration',
    'arbitration',
    'requestArbitration',
    'Request arbitration with a reason (complainant)',
    'ReasonBody',
    true,
  ),
  actionRoute('forward_to_supplier', 'forward', 'forwardComplaint', 'Forward to the supplier (platform)'),
  actionRoute(
    'respond',
    'respond',
    'respondToComplaint',
    'Respond per product (supplier; only its own products)',
    'SupplierResponseBody',
    true,
  ),
  actionRoute(
    'issue_result',
    'result',
    'issueArbitrationResult',
    'Issue the arbitration result notice (platform)',
    'ArbitrationResultBody',
    true,
  ),
  route({
    method: 'get',
    path: '/v1/holder-profiles',
    operationId: 'listHolderProfiles',
    summary: "The caller's saved IPR holder profiles, newest first",
    tag: 'holder-profiles',
    roles: ['complainant'],
    headers: [CONDITIONAL_DOCS.header],
    responses: {
      200: {
        description: 'Saved holder profiles with the state of each power of attorney',
        schema: 'HolderProfileList',
        headers: CONDITIONAL_DOCS.etag,
      },
      304: CONDITIONAL_DOCS.notModified,
    },
    problems: [403],
    async handler({ c, deps, account }) {
      const listed = await listProfilesVersioned(deps.db, account.id, deps.now());
      const etag = await versionTag(account, ['holder-profiles', listed.versions]);
      return conditional(c.req.raw, etag, () => json({ items: listed.profiles }));
    },
  }),
  route({
    method: 'post',
    path: '/v1/holder-profiles',
    operationId: 'createHolderProfile',
    summary: `Save an IPR holder profile (at most ${LIMITS.maxHolderProfiles} per account; an expired power of attorney cannot be saved; documents must be the caller's evidence)`,
    tag: 'holder-profiles',
    roles: ['complainant'],
    body: { kind: 'json', schema: 'HolderProfileInput', required: true },
    responses: { 201: { description: 'The saved profile', schema: 'HolderProfile' } },
    problems: [400, 403, 413, 422],
    async handler({ deps, account, body }) {
      const profile = await createProfile(deps.db, account.id, body, deps.now());
      return json(profile, 201, { location: `/v1/holder-profiles/${profile.id}` });
    },
  }),
  route({
    method: 'put',
    path: '/v1/holder-profiles/{id}',
    operationId: 'updateHolderProfile',
    summary: 'Replace a saved holder profile (the same rules as saving)',
    tag: 'holder-profiles',
    roles: ['complainant'],
    body: { kind: 'json', schema: 'HolderProfileInput', required: true },
    responses: { 200: { description: 'The updated profile', schema: 'HolderProfile' } },
    problems: [400, 403, 404, 413, 422],
    async handler({ deps, account, params, body }) {
      return json(await updateProfile(deps.db, account.id, params.id!, body, deps.now()));
    },
  }),
  route({
    method: 'delete',
    path: '/v1/holder-profiles/{id}',
    operationId: 'deleteHolderProfile',
    summary: 'Delete a saved holder profile (complaints made with it keep their copy of the holder)',
    tag: 'holder-profiles',
    roles: ['complainant'],
    responses: { 204: { description: 'Deleted', schema: 'none' } },
    problems: [403, 404],
    async handler({ deps, account, params }) {
      await deleteProfile(deps.db, account.id, params.id!);
      return new Response(null, { status: 204 });
    },
  }),
  route({
    method: 'get',
    path: '/v1/events',
    operationId: 'streamEvents',
    summary: `Live status as Server-Sent Events: \`event: complaint\`, \`id: <history seq>\`, \`data: ComplaintEvent\`, for the complaints the caller can see; a comment heartbeat every 15 s. At most ${MAX_STREAMS_PER_ACCOUNT} open streams per account (429 with Retry-After); HEAD answers the headers without opening one`,
    tag: 'events',
    roles: ROLES,
    query: EventQuerySchema,
    queryInts: ['after'],
    headers: [
      {
        name: 'Last-Event-ID',
        required: false,
        description: 'The id of the last event received: the events after it are replayed first',
      },
    ],
    responses: {
      200: { description: 'A text/event-stream; each `data` is a ComplaintEvent (JSON)', schema: 'event-stream' },
    },
    problems: [422, 429],
    async handler({ c, deps, account, query }) {
      const headers = {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-store',
        'x-accel-buffering': 'no',
      };
      // HEAD (routed here as GET) would open a stream nobody reads, and so never cancels.
      if (c.req.method === 'HEAD') return new Response(null, { status: 200, headers });
      // The count and the stream's subscription happen in this turn (the stream subscribes as it is made).
      if (deps.bus.countOf(account.id) >= MAX_STREAMS_PER_ACCOUNT) {
        const retryAfter = STREAM_RETRY_AFTER_S;
        return problemResponse(problem('request.rate_limited', [], { retryAfter }), {
          'retry-after': String(retryAfter),
        });
      }
      const body = eventStream({
        db: deps.db,
        viewer: account,
        bus: deps.bus,
        after: resumeFrom(c.req.header('last-event-id'), query.after),
        signal: c.req.raw.signal,
        ...deps.events,
      });
      return new Response(body, { status: 200, headers });
    },
  }),
  // Webhooks for partner backends, and the platform's transparency figures: webhooks/routes.ts.
  ...WEBHOOK_ROUTES,
  // Picture Embezzlement: catalogue pictures and perceptual-hash matches (src/pictures/).
  ...PICTURE_ROUTES,
];

/** For tests and docs: the body limit of JSON requests (800 links of 2 KiB fit). */
export const JSON_BODY_LIMIT = 2 * 1024 * 1024;
/** Multipart overhead allowed on top of the 5 MiB of an evidence file (enforced while the upload streams). */
export { MULTIPART_BODY_LIMIT } from './upload-evidence.js';
