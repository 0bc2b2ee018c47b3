// The route table: every operation once, with who may call it, what it takes and what it answers.
// `createApp` mounts it; `buildOpenApi` documents it. Nothing here imports a `node:` module.
import type { Context } from 'hono';
import {
  LIMITS,
  ResolveLinksBodySchema,
  ROLES,
  duplicateKey,
  issue,
  normalizeProductLink,
  parseWith,
  validateComplaintDraft,
  validateEvidenceFile,
  SNIFF_BYTES,
  type Action,
  type Issue,
  type Role,
} from '@ipr/validators';
import type * as z from 'zod/mini';
import type { Db } from './db/types.js';
import type { FileStore } from './files/types.js';
import { notFound, problem, refused } from './problem.js';
import { eventStream, resumeFrom, type EventBus } from './events.js';
import { createProfile, deleteProfile, listProfiles, updateProfile, withProfileHolder } from './profiles.js';
import { ComplaintQuerySchema, EventQuerySchema, ProductQuerySchema, StatusReportQuerySchema } from './schemas.js';
import {
  accountView,
  applyAction,
  draftEvidenceIds,
  evidenceForDownload,
  getComplaint,
  holderDocumentIssues,
  insertComplaint,
  insertEvidence,
  listComplaints,
  listEvidence,
  openDuplicate,
  ownEvidence,
  productsByUrl,
  resolveLinks,
  searchProducts,
  statusReport,
  type AccountRecord,
} from './store/index.js';
import { canonicalJson, randomId, sha256Hex } from './util.js';

export interface Deps {
  db: Db;
  files: FileStore;
  now: () => Date;
  emailForLargeAttachments?: string;
  /** Wakes the event streams on every create and action. */
  bus: EventBus;
  /** Event stream timing (tests shorten it). */
  events?: { pollMs?: number; heartbeatMs?: number };
}

/** What a handler gets: `query` is what the route's query schema produced (`{}` without one). */
export interface RouteContext<Q = Record<string, never>> {
  c: Context;
  deps: Deps;
  /** The caller (null only on public routes). */
  account: AccountRecord;
  params: Record<string, string>;
  query: Q;
  /** The request body as read: JSON (parsed by the handler, or the store, with its schema) or the multipart form. */
  body: unknown;
}

/** The query parameters as read from the URL (numbers for `queryInts`), before the route's schema. */
export type RawQuery = Record<string, unknown>;

type QuerySchema = z.ZodMiniObject;

export type BodyKind = { kind: 'json'; schema: string; required: boolean } | { kind: 'multipart' };

export interface ResponseDoc {
  description: string;
  /** A component schema name, 'binary' for file bytes, 'event-stream' for SSE, 'none' for no body (204). */
  schema?: string;
  headers?: Record<string, string>;
}

/** What documents a route: everything but its query schema and handler. */
interface RouteMeta {
  method: 'get' | 'post' | 'put' | 'delete';
  /** OpenAPI style: `/v1/complaints/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  /** Who may call it; 'public' needs no token. Lifecycle routes admit every role and refuse per action (403/409). */
  roles: readonly Role[] | 'public';
  /** The lifecycle action a route performs (its role is documented from TRANSITIONS). */
  action?: Action;
  /** Query parameters given as numbers. */
  queryInts?: string[];
  headers?: { name: string; required: boolean; description: string }[];
  body?: BodyKind;
  responses: Record<number, ResponseDoc>;
  /** Problem statuses this operation can answer (401 is added for every non-public route). */
  problems: number[];
}

/** A mounted route: the app hands it the raw query; it parses that with `query` before its handler runs. */
export interface RouteDef extends RouteMeta {
  query?: QuerySchema;
  handler: (ctx: RouteContext<RawQuery>) => Promise<Response>;
}

type QueryRoute<Q extends QuerySchema> = RouteMeta & {
  query: Q;
  handler: (ctx: RouteContext<z.output<Q>>) => Promise<Response>;
};
type PlainRoute = RouteMeta & { query?: undefined; handler: (ctx: RouteContext) => Promise<Response> };

/**
 * A route of the table. With a `query` schema its handler gets what the schema produces (refused
 * with the issues at `['query', …]` otherwise); without one, no query.
 */
export function route<Q extends QuerySchema>(spec: QueryRoute<Q>): RouteDef;
export function route(spec: PlainRoute): RouteDef;
export function route(spec: QueryRoute<QuerySchema> | PlainRoute): RouteDef {
  if (spec.query === undefined) {
    const { handler } = spec;
    return { ...spec, handler: (ctx) => handler({ ...ctx, query: {} }) };
  }
  const { handler, query: schema } = spec;
  return { ...spec, handler: (ctx) => handler({ ...ctx, query: parseQuery(schema, ctx.query) }) };
}

function parseQuery<Q extends QuerySchema>(schema: Q, raw: RawQuery): z.output<Q> {
  const parsed = parseWith(schema, raw);
  if (!parsed.ok) throw refused(parsed.issues.map((i) => ({ ...i, path: ['query', ...i.path] })));
  return parsed.value;
}

const json = (data: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(data), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });

function parseBody<T extends z.core.$ZodType>(schema: T, body: unknown): z.output<T> {
  const parsed = parseWith(schema, body);
  if (!parsed.ok) throw refused(parsed.issues);
  return parsed.value;
}

async function complaintOr404(deps: Deps, account: AccountRecord, id: string) {
  const complaint = await getComplaint(deps.db, account, id);
  if (!complaint) throw notFound();
  return complaint;
}

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
    problems: body ? [400, 403, 404, 409, 413, 422] : [403, 404, 409],
    async handler({ deps, account, params, body: input }) {
      await applyAction(deps.db, account, params.id!, action, input ?? {}, deps.now());
      deps.bus.notify();
      return json(await complaintOr404(deps, account, params.id!));
    },
  });
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

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
    summary: "The caller's saved evidence, newest first",
    tag: 'evidence',
    roles: ['complainant'],
    responses: { 200: { description: 'Saved evidence', schema: 'EvidenceList' } },
    problems: [403],
    async handler({ deps, account }) {
      return json({ items: await listEvidence(deps.db, account.id) });
    },
  }),
  route({
    method: 'post',
    path: '/v1/evidence',
    operationId: 'uploadEvidence',
    summary: 'Upload one evidence file (multipart field `file`, at most 5 MiB; the type is judged by the content)',
    tag: 'evidence',
    roles: ['complainant'],
    body: { kind: 'multipart' },
    responses: { 201: { description: 'The stored evidence', schema: 'EvidenceDescriptor' } },
    problems: [400, 403, 413, 422],
    async handler({ deps, account, body }) {
      const form = isRecord(body) ? body : {};
      const file = form.file;
      if (!(file instanceof Blob)) throw problem('field.required', ['file']);
      const declaredName =
        typeof form.name === 'string' && form.name.trim() ? form.name : file instanceof File ? file.name : undefined;
      const bytes = new Uint8Array(await file.arrayBuffer());
      const check = validateEvidenceFile(
        { name: declaredName ?? '', size: bytes.length, type: file.type, head: bytes.subarray(0, SNIFF_BYTES) },
        ['file'],
      );
      if (!check.ok) throw refused(check.issues);
      const id = randomId('ev_');
      const storageKey = randomId('f', 16);
      await deps.files.put(storageKey, bytes);
      try {
        const descriptor = await insertEvidence(deps.db, {
          id,
          accountId: account.id,
          name: check.value.name,
          size: bytes.length,
          extension: check.value.extension,
          kind: check.value.kind,
          sha256: await sha256Hex(bytes),
          storageKey,
          at: deps.now(),
        });
        return json(descriptor, 201, { location: `/v1/evidence/${id}/content` });
      } catch (error) {
        await deps.files.delete(storageKey).catch(() => {});
        throw error;
      }
    },
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
      const bytes = row ? await deps.files.get(row.storage_key) : null;
      if (!row || !bytes) throw notFound();
      return new Response(bytes as Uint8Array<ArrayBuffer>, {
        status: 200,
        headers: {
          'content-type': row.media_type,
          'content-length': String(bytes.length),
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
    summary: 'Complaints the caller can see (complainant: own; supplier: listing its products; platform: all)',
    tag: 'complaints',
    roles: ROLES,
    query: ComplaintQuerySchema,
    queryInts: ['limit', 'page'],
    responses: { 200: { description: 'One page of complaints, newest first', schema: 'ComplaintPage' } },
    problems: [422],
    async handler({ deps, account, query }) {
      return json(await listComplaints(deps.db, account, { ...query, limit: query.limit ?? 20 }));
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
    responses: { 200: { description: 'The complaint', schema: 'Complaint' } },
    problems: [404],
    async handler({ deps, account, params }) {
      return json(await complaintOr404(deps, account, params.id!));
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
    responses: {
      200: {
        description: 'Saved holder profiles with the state of each power of attorney',
        schema: 'HolderProfileList',
      },
    },
    problems: [403],
    async handler({ deps, account }) {
      return json({ items: await listProfiles(deps.db, account.id, deps.now()) });
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
    summary:
      'Live status as Server-Sent Events: `event: complaint`, `id: <history seq>`, `data: ComplaintEvent`, for the complaints the caller can see; a comment heartbeat every 15 s',
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
    problems: [422],
    async handler({ c, deps, account, query }) {
      const body = eventStream({
        db: deps.db,
        viewer: account,
        bus: deps.bus,
        after: resumeFrom(c.req.header('last-event-id'), query.after),
        signal: c.req.raw.signal,
        ...deps.events,
      });
      return new Response(body, {
        status: 200,
        headers: {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-store',
          'x-accel-buffering': 'no',
        },
      });
    },
  }),
];

async function createComplaint({ c, deps, account, body }: RouteContext): Promise<Response> {
  const key = c.req.header('idempotency-key')?.trim();
  if (!key) throw problem('field.required', ['headers', 'Idempotency-Key']);
  if (key.length > 255) throw problem('field.too_long', ['headers', 'Idempotency-Key'], { limit: 255 });
  const { db } = deps;
  const hash = await sha256Hex(canonicalJson(body));

  const replay = async (row: { body_hash: string; complaint_id: string | null }) => {
    if (row.body_hash !== hash) throw problem('idempotency.key_reused', ['headers', 'Idempotency-Key']);
    if (!row.complaint_id) throw problem('idempotency.in_progress', ['headers', 'Idempotency-Key']);
    return json(await complaintOr404(deps, account, row.complaint_id), 200, { 'idempotent-replayed': 'true' });
  };
  const lookup = `select body_hash, complaint_id from idempotency_keys where account_id = $1 and key = $2`;
  const known = await db.query<{ body_hash: string; complaint_id: string | null }>(lookup, [account.id, key]);
  if (known.rows[0]) return replay(known.rows[0]);

  const now = deps.now();
  // A saved holder profile named by `holder.profileId` stands in for the holder sent.
  const input = await withProfileHolder(db, account.id, body);
  const own = await ownEvidence(db, account.id, draftEvidenceIds(input));
  const result = validateComplaintDraft(input, {
    evidence: new Map([...own].map(([id, r]) => [id, { id, kind: r.kind }])),
    now,
  });
  if (!result.ok) throw refused(result.issues);
  const draft = result.value;
  const issues: Issue[] = holderDocumentIssues(draft, own);
  const products = await productsByUrl(db, draft.productLinks);
  draft.productLinks.forEach((url, i) => {
    if (!products.has(url)) issues.push(issue('links.not_found', ['productLinks', i], { value: url }));
  });
  if (issues.length) throw refused(issues);
  const dupKey = duplicateKey(draft);

  const outcome = await db.transaction(async (tx) => {
    // One account's submissions one at a time on PostgreSQL, so two equal drafts cannot both pass the duplicate check.
    if (db.dialect === 'postgres') await tx.query('select pg_advisory_xact_lock(7305002, hashtext($1))', [account.id]);
    const claimed = await tx.query(
      `insert into idempotency_keys (account_id, key, body_hash, created_at) values ($1, $2, $3, $4)
       on conflict (account_id, key) do nothing returning key`,
      [account.id, key, hash, now.toISOString()],
    );
    if (!claimed.rows.length) {
      const { rows } = await tx.query<{ body_hash: string; complaint_id: string | null }>(lookup, [account.id, key]);
      return { existing: rows[0]! };
    }
    // After the key (a replay answers first); refusing rolls the claim back, so the key stays usable.
    const duplicate = await openDuplicate(tx, account.id, dupKey);
    if (duplicate)
      throw problem('complaint.duplicate', ['productLinks'], { number: duplicate.number, id: duplicate.id });
    const id = await insertComplaint(tx, {
      account,
      draft,
      products: draft.productLinks.map((u) => products.get(u)!),
      evidence: own,
      at: now,
      duplicateKey: dupKey,
    });
    await tx.query('update idempotency_keys set complaint_id = $3 where account_id = $1 and key = $2', [
      account.id,
      key,
      id,
    ]);
    return { id };
  });
  if ('existing' in outcome) return replay(outcome.existing!);
  deps.bus.notify();
  return json(await complaintOr404(deps, account, outcome.id), 201, { location: `/v1/complaints/${outcome.id}` });
}

/** For tests and docs: the body limit of JSON requests (800 links of 2 KiB fit). */
export const JSON_BODY_LIMIT = 2 * 1024 * 1024;
/** Multipart overhead allowed on top of the 5 MiB of an evidence file. */
export const MULTIPART_BODY_LIMIT = LIMITS.maxEvidenceBytes + 64 * 1024;
