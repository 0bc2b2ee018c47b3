// The typed client: openapi-fetch over the types generated from the server's OpenAPI document,
// shaped as resources. Every call answers a value ({ data } | { error }), checks what the
// validators can check before the network, retries what is safe to retry, and can be aborted.
import { type TransparencyApi, transparencyApi, type WebhooksApi, webhooksApi } from './webhooks.js';
import createClient, { type Middleware } from 'openapi-fetch';
import {
  ArbitrationResultBodySchema,
  LIMITS,
  TRANSITIONS,
  issue,
  parseWith,
  statusOfIssues,
  validateSupplierResponse,
  validateReason,
  type Account,
  type Action,
  type ArbitrationResultBody,
  type Complaint,
  type ComplaintEvent,
  type ComplaintSummary,
  type EvidenceDescriptor,
  type HolderProfile,
  type Issue,
  type Locale,
  type Product,
  type ResolvedLink,
  type StatusReportRow,
  type SupplierResponseBody,
} from '@ipr/validators';
import {
  errorFromIssues,
  errorFromProblem,
  errorFromThrown,
  errorOf,
  isAbort,
  type ApiError,
  type ApiResult,
  type CallOptions,
} from './errors.js';
import { newIdempotencyKey } from './ids.js';
import type { UploadProgress } from './upload.js';

/** The checks and the multipart sender, on first use (see checks.ts). */
const checks = () => import('./checks.js');
import type { paths } from './generated/api.js';
import type { SubscribeOptions } from './events.js';
import type { StatusExportFormat } from './export.js';
import { createPicturesApi, type PicturesApi } from './pictures.js';

export interface RetryOptions {
  /** Extra attempts after the first. Default 2. */
  retries?: number;
  /** First back-off delay; doubles each attempt (with jitter). Default 300 ms. */
  baseDelayMs?: number;
}

export interface IprClientOptions {
  /** The API's origin, e.g. 'http://localhost:8787'; the client adds '/v1'. */
  baseUrl: string;
  token?: string;
  /** Called before each request, and once more after a 401 (a token that expired). */
  getToken?: () => string | Promise<string>;
  fetch?: typeof fetch;
  /** Language of error messages. */
  locale?: Locale;
  retry?: RetryOptions | false;
}

export interface UploadOptions {
  name?: string;
  signal?: AbortSignal;
  onProgress?: (p: UploadProgress) => void;
}

export interface CreateOptions {
  /** Reuse the key a stored draft carries so a retried submit cannot create a second complaint. */
  idempotencyKey?: string;
  /** The evidence the draft refers to, so unknown ids and the original-picture rule are checked first. */
  evidence?: EvidenceDescriptor[];
  signal?: AbortSignal;
}

/** The query of `GET /v1/products`, as the contract names it. */
export type ProductSearch = QueryOf<'/v1/products'>;
/** The query of `GET /v1/complaints` (status and type are the contract's enums). */
export type ComplaintQuery = QueryOf<'/v1/complaints'>;
export interface ProductPage {
  items: Product[];
  total: number;
  page: number;
  pageSize: number;
}
export interface ComplaintPage {
  items: ComplaintSummary[];
  total: number;
  nextCursor: string | null;
}
/** The filters of the status report (as the list's): the query of `GET /v1/complaints/status-report`. */
export type StatusReportQuery = QueryOf<'/v1/complaints/status-report'>;
export interface StatusReport {
  rows: StatusReportRow[];
  truncated: boolean;
}
export interface StatusExportQuery extends StatusReportQuery {
  format: StatusExportFormat;
  /** Headers, labels and sheet name; default the client's locale. */
  locale?: Locale | (string & {});
}
export interface StatusExport {
  blob: Blob;
  fileName: string;
  /** Data rows in the file (the header row not counted). */
  rows: number;
  /** The server stopped at LIMITS.maxReportRows: there were more. */
  truncated: boolean;
}

/** The query parameters a GET route of the generated contract takes. */
type QueryOf<P extends keyof paths> = paths[P] extends { get: { parameters: { query?: infer Q } } }
  ? NonNullable<Q>
  : never;

/** The openapi-fetch client over the generated contract (`client.raw`). */
export type RawClient = ReturnType<typeof createClient<paths>>;

/** `client.holderProfiles`: saved IPR holder profiles (complainant). create/update are validated before the network. */
export interface HolderProfilesApi {
  list(opts?: CallOptions): Promise<ApiResult<{ items: HolderProfile[] }>>;
  create(input: unknown, opts?: CallOptions): Promise<ApiResult<HolderProfile>>;
  update(id: string, input: unknown, opts?: CallOptions): Promise<ApiResult<HolderProfile>>;
  remove(id: string, opts?: CallOptions): Promise<ApiResult<null>>;
}

/** `client.events`: live complaint events (`GET /v1/events`). */
export interface EventsApi {
  /**
   * Follows the caller's complaint events until the returned function is called or `signal`
   * aborts; reconnects with back-off and `Last-Event-ID`; a 401 (or 403) closes it for good.
   */
  subscribe(onEvent: (event: ComplaintEvent) => void, opts?: SubscribeOptions): () => void;
}

/**
 * The client surface of docs/CONTRACT.md, as the elements use it: what `createIprClient` returns
 * (see `CreatedIprClient`), or a host's own wrapper. The optional members are the ones a wrapper
 * may leave out; the elements then leave out what needs them (no export, no saved holders, not live).
 */
export interface IprClient {
  account: { get(opts?: CallOptions): Promise<ApiResult<Account>> };
  products: {
    search(query: ProductSearch, opts?: CallOptions): Promise<ApiResult<ProductPage>>;
    resolveLinks(links: string[], opts?: CallOptions): Promise<ApiResult<{ items: ResolvedLink[] }>>;
  };
  evidence: {
    list(opts?: CallOptions): Promise<ApiResult<{ items: EvidenceDescriptor[]; nextCursor: string | null }>>;
    upload(file: Blob | File, opts?: UploadOptions): Promise<ApiResult<EvidenceDescriptor>>;
    download(id: string, opts?: CallOptions): Promise<ApiResult<Blob>>;
  };
  complaints: {
    list(query?: ComplaintQuery, opts?: CallOptions): Promise<ApiResult<ComplaintPage>>;
    get(id: string, opts?: CallOptions): Promise<ApiResult<Complaint>>;
    create(draft: unknown, opts?: CreateOptions): Promise<ApiResult<Complaint>>;
    cancel(id: string, body?: { reason?: string }, opts?: CallOptions): Promise<ApiResult<Complaint>>;
    checkNow(id: string, opts?: CallOptions): Promise<ApiResult<Complaint>>;
    confirmClose(id: string, opts?: CallOptions): Promise<ApiResult<Complaint>>;
    requestArbitration(id: string, body: { reason: string }, opts?: CallOptions): Promise<ApiResult<Complaint>>;
    forward(id: string, opts?: CallOptions): Promise<ApiResult<Complaint>>;
    respond(id: string, body: SupplierResponseBody, opts?: CallOptions): Promise<ApiResult<Complaint>>;
    issueResult(id: string, body: ArbitrationResultBody, opts?: CallOptions): Promise<ApiResult<Complaint>>;
    /** The generic form the list and detail elements use. */
    act(id: string, action: Action, body?: unknown, opts?: CallOptions): Promise<ApiResult<Complaint>>;
    /** The bulk status report's rows: one per product the caller can see, newest complaint first. */
    statusReport?(query?: StatusReportQuery, opts?: CallOptions): Promise<ApiResult<StatusReport>>;
    /** The status report as an .xlsx or a UTF-8 (BOM) .csv file; every cell neutralised. */
    exportStatus?(query: StatusExportQuery, opts?: CallOptions): Promise<ApiResult<StatusExport>>;
  };
  /** Saved IPR holder profiles (complainant). */
  holderProfiles?: HolderProfilesApi;
  /** Live complaint events (`GET /v1/events`). */
  events?: EventsApi;
  /** Webhook endpoints of a partner integration (complainant): webhooks.ts. */
  webhooks?: WebhooksApi;
  /** The platform's transparency figures: webhooks.ts. */
  transparency?: TransparencyApi;
  /** Picture Embezzlement matches and catalogue picture URLs. */
  pictures?: PicturesApi;
  /** The underlying openapi-fetch client, for routes the resource methods do not cover. */
  readonly raw?: RawClient;
}

/** What `createIprClient` returns: every member of `IprClient`, none left out. */
export interface CreatedIprClient extends IprClient {
  complaints: IprClient['complaints'] & Required<Pick<IprClient['complaints'], 'statusReport' | 'exportStatus'>>;
  holderProfiles: HolderProfilesApi;
  events: EventsApi;
  webhooks: WebhooksApi;
  transparency: TransparencyApi;
  pictures: PicturesApi;
  readonly raw: RawClient;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** getToken failed: the host could not give a token, so no request was sent. */
class TokenError extends Error {
  constructor(cause: unknown) {
    super('getToken failed', { cause });
  }
}

function thrownError(error: unknown, signal: AbortSignal | undefined, locale: Locale) {
  return error instanceof TokenError ? errorOf('auth.unauthorized', 0, locale) : errorFromThrown(error, signal, locale);
}

/** The route segment of each lifecycle action. */
export const ACTION_ROUTES = {
  cancel: 'cancel',
  check: 'check',
  confirm_close: 'confirm-close',
  request_arbitration: 'arbitration',
  forward_to_supplier: 'forward',
  respond: 'respond',
  issue_result: 'result',
} as const satisfies Record<Action, string>;

/** Each lifecycle action's route as the generated `paths` name it (checked against ACTION_ROUTES). */
const ACTION_PATHS = {
  cancel: '/v1/complaints/{id}/cancel',
  check: '/v1/complaints/{id}/check',
  confirm_close: '/v1/complaints/{id}/confirm-close',
  request_arbitration: '/v1/complaints/{id}/arbitration',
  forward_to_supplier: '/v1/complaints/{id}/forward',
  respond: '/v1/complaints/{id}/respond',
  issue_result: '/v1/complaints/{id}/result',
} as const satisfies { [A in Action]: `/v1/complaints/{id}/${(typeof ACTION_ROUTES)[A]}` & keyof paths };

/** What an openapi-fetch call answers: `{ data, response }` on success, `{ error, response }` otherwise. */
type Fetched = { data?: unknown; error?: unknown; response: Response };
/** The success member of a route's answer (its `data` is the type `paths` gives the route). */
type Success<R extends Fetched> = Extract<R, { error?: never }>;

/** openapi-fetch sets `error` (even undefined, for an empty body) only when the status is not 2xx. */
function succeeded<R extends Fetched>(answer: R): answer is Success<R> {
  return !('error' in answer) && answer.response.ok;
}

/** How many times an upload answered 429 (too many in flight) is sent again. */
const UPLOAD_RETRIES_ON_429 = 8;

/** Resolves after `ms`, or at once when `signal` aborts. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** The success answer of `POST /v1/evidence` (sent by hand, for upload progress). */
type UploadAnswer = paths['/v1/evidence']['post']['responses'][201]['content']['application/json'];

/** One property of a body given as `unknown` (a JS caller may pass anything). */
function field(body: unknown, key: string): unknown {
  return typeof body === 'object' && body !== null && key in body ? Reflect.get(body, key) : undefined;
}

/** A non-empty filter value (an empty select sends ''). */
function filled<T>(value: T | undefined): value is T {
  return typeof value === 'string' && value !== '';
}

function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new DOMException('aborted', 'AbortError'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new DOMException('aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function createIprClient(options: IprClientOptions): CreatedIprClient {
  const origin = options.baseUrl.replace(/\/+$/, '');
  const locale: Locale = options.locale ?? 'en';
  const retries = options.retry === false ? 0 : (options.retry?.retries ?? 2);
  const baseDelay = options.retry === false ? 0 : (options.retry?.baseDelayMs ?? 300);
  const baseFetch = options.fetch ?? ((input: Request) => globalThis.fetch(input));
  const customFetch = !!options.fetch;

  const token = async (): Promise<string | undefined> => {
    if (!options.getToken) return options.token;
    try {
      return await options.getToken();
    } catch (cause) {
      throw new TokenError(cause);
    }
  };
  const authorize = async (headers: Headers) => {
    const t = await token();
    if (t) headers.set('Authorization', `Bearer ${t}`);
  };

  /** Retries (safe methods, and creates that carry an idempotency key) and the one token refresh on 401. */
  async function transport(request: Request): Promise<Response> {
    const retryable =
      SAFE_METHODS.has(request.method) || (request.method === 'POST' && request.headers.has('Idempotency-Key'));
    let refreshed = false;
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await baseFetch(request.clone());
      } catch (error) {
        if (isAbort(error, request.signal) || !retryable || attempt >= retries) throw error;
        await sleep(backoff(attempt), request.signal);
        continue;
      }
      if (response.status === 401 && options.getToken && !refreshed) {
        refreshed = true;
        await response.body?.cancel().catch(() => undefined);
        await authorize(request.headers);
        attempt--;
        continue;
      }
      if (response.status >= 500 && retryable && attempt < retries) {
        await response.body?.cancel().catch(() => undefined);
        await sleep(backoff(attempt), request.signal);
        continue;
      }
      return response;
    }
  }
  const backoff = (attempt: number) => baseDelay * 2 ** attempt * (0.75 + Math.random() * 0.5);

  const middleware: Middleware = {
    async onRequest({ request }) {
      await authorize(request.headers);
      if (!request.headers.has('Accept-Language')) request.headers.set('Accept-Language', locale);
      return request;
    },
    // Every error body becomes application/problem+json, whatever answered (a proxy's HTML page,
    // an empty 502), so the result mapping below sees one shape.
    async onResponse({ response }) {
      if (response.ok) return response;
      const type = response.headers.get('content-type') ?? '';
      if (type.includes('json')) return response;
      const problem = errorFromProblem(undefined, response.status, 'en');
      return new Response(
        JSON.stringify({
          type: 'about:blank',
          title: problem.message,
          status: response.status,
          code: problem.code,
          issues: problem.issues,
        }),
        {
          status: response.status,
          statusText: response.statusText,
          headers: { 'content-type': 'application/problem+json' },
        },
      );
    },
  };

  const api = createClient<paths>({ baseUrl: origin, fetch: transport });
  api.use(middleware);

  /** An openapi-fetch call as a result value; `data` keeps the type `paths` gives the route. */
  async function call<R extends Fetched>(
    run: () => Promise<R>,
    signal?: AbortSignal,
  ): Promise<ApiResult<Success<R>['data']>> {
    if (signal?.aborted) return { error: errorOf('request.aborted', 0, locale) };
    try {
      const r = await run();
      if (succeeded(r)) return { data: r.data, response: r.response };
      return { error: errorFromProblem(r.error, r.response.status, locale), response: r.response };
    } catch (error) {
      return { error: thrownError(error, signal, locale) };
    }
  }
  /** Refused before the network, with the status the server answers these issues with. */
  const refused = (issues: Issue[]): { error: ApiError } => ({
    error: errorFromIssues(issues, statusOfIssues(issues), locale),
  });

  async function upload(file: Blob | File, opts: UploadOptions = {}): Promise<ApiResult<UploadAnswer>> {
    if (opts.signal?.aborted) return { error: errorOf('request.aborted', 0, locale) };
    if (!(file instanceof Blob)) return refused([issue('field.invalid_type', ['file'])]);
    const { SNIFF_BYTES, safeDisplayName, validateEvidenceFile, sendMultipart } = await checks();
    const given = opts.name ?? ('name' in file ? file.name : undefined) ?? '';
    const name = safeDisplayName(given);
    const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
    const checked = validateEvidenceFile({ name: given, size: file.size, type: file.type, head });
    if (!checked.ok) return refused(checked.issues);
    const url = `${origin}/v1/evidence`;
    const xhr = !customFetch && typeof XMLHttpRequest !== 'undefined';
    const send = async () => {
      const form = new FormData();
      form.append('file', file, name);
      const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': locale };
      const t = await token();
      if (t) headers.Authorization = `Bearer ${t}`;
      return sendMultipart({
        url,
        form,
        headers,
        signal: opts.signal,
        onProgress: opts.onProgress,
        fetch: baseFetch,
        xhr,
      });
    };
    try {
      let response = await send();
      // A token that expired while the user picked the file: one more try with a fresh one.
      if (response.status === 401 && options.getToken) response = await send();
      // Too many uploads at once for this account (the server allows a few in flight): wait as
      // long as it says (Retry-After, at most 10 s) and send again, a few times, so picking many
      // files at once uploads them all.
      for (let waited = 0; response.status === 429 && waited < UPLOAD_RETRIES_ON_429; waited++) {
        const seconds = Number(response.headers.get('retry-after'));
        await pause(Math.min(10_000, Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 1000), opts.signal);
        if (opts.signal?.aborted) return { error: errorOf('request.aborted', 0, locale), response };
        response = await send();
      }
      // Cancelled while the answer was on its way (or the server saw the body break off).
      if (opts.signal?.aborted) return { error: errorOf('request.aborted', 0, locale), response };
      const text = await response.text();
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = undefined;
      }
      // The server's 201 body, typed as the contract types it (openapi-fetch trusts JSON the same way).
      if (response.ok) return { data: body as UploadAnswer, response };
      return { error: errorFromProblem(body, response.status, locale), response };
    } catch (error) {
      return { error: thrownError(error, opts.signal, locale) };
    }
  }

  /** A lifecycle action: its body checked by the validators' rule, then POSTed to its route. */
  async function act(id: string, action: Action, body?: unknown, opts: CallOptions = {}) {
    const { signal } = opts;
    const path = { id };
    switch (action) {
      case 'cancel':
      case 'request_arbitration': {
        const reason = validateReason(field(body, 'reason'), TRANSITIONS[action].reason);
        if (!reason.ok) return refused(reason.issues);
        const sent = reason.value === null ? {} : { reason: reason.value };
        return action === 'cancel'
          ? call(() => api.POST(ACTION_PATHS.cancel, { params: { path }, body: sent, signal }), signal)
          : call(() => api.POST(ACTION_PATHS.request_arbitration, { params: { path }, body: sent, signal }), signal);
      }
      case 'respond': {
        const parsed = validateSupplierResponse(body);
        if (!parsed.ok) return refused(parsed.issues);
        return call(() => api.POST(ACTION_PATHS.respond, { params: { path }, body: parsed.value, signal }), signal);
      }
      case 'issue_result': {
        const parsed = parseWith(ArbitrationResultBodySchema, body);
        if (!parsed.ok) return refused(parsed.issues);
        return call(
          () => api.POST(ACTION_PATHS.issue_result, { params: { path }, body: parsed.value, signal }),
          signal,
        );
      }
      case 'check':
        return call(() => api.POST(ACTION_PATHS.check, { params: { path }, signal }), signal);
      case 'confirm_close':
        return call(() => api.POST(ACTION_PATHS.confirm_close, { params: { path }, signal }), signal);
      case 'forward_to_supplier':
        return call(() => api.POST(ACTION_PATHS.forward_to_supplier, { params: { path }, signal }), signal);
      default:
        // Not an action (a JS caller, a stale host): refused as the server refuses an unknown choice.
        return refused([issue('field.invalid_choice', ['action'])]);
    }
  }

  const statusReport = (query: StatusReportQuery = {}, opts: CallOptions = {}) => {
    // Only the report's own filters, and only those given (the export passes its whole query).
    const filters: StatusReportQuery = {};
    if (filled(query.status)) filters.status = query.status;
    if (filled(query.type)) filters.type = query.type;
    if (filled(query.q)) filters.q = query.q;
    return call(
      () => api.GET('/v1/complaints/status-report', { params: { query: filters }, signal: opts.signal }),
      opts.signal,
    );
  };

  // The file code (and SheetJS / papaparse in it) loads on first export.
  const exportStatus = (query: StatusExportQuery, opts: CallOptions = {}): Promise<ApiResult<StatusExport>> =>
    import('./export.js')
      .then((m) => m.exportStatus(statusReport, query, opts, locale))
      .catch((error) => ({ error: errorFromThrown(error, opts.signal, locale) }));

  const saveProfile = async (id: string | null, input: unknown, opts: CallOptions = {}) => {
    const { validateHolderProfile } = await checks();
    const checked = validateHolderProfile(input, { now: new Date() });
    if (!checked.ok) return refused(checked.issues);
    const body = checked.value;
    return call(
      () =>
        id === null
          ? api.POST('/v1/holder-profiles', { body, signal: opts.signal })
          : api.PUT('/v1/holder-profiles/{id}', { params: { path: { id } }, body, signal: opts.signal }),
      opts.signal,
    );
  };
  function subscribe(onEvent: (event: ComplaintEvent) => void, opts: SubscribeOptions = {}): () => void {
    // The stream code loads on first use; unsubscribing before it arrives still stops it.
    const stop = new AbortController();
    const outer = opts.signal;
    const end = () => stop.abort();
    if (outer?.aborted) stop.abort();
    else outer?.addEventListener('abort', end, { once: true });
    import('./events.js').then(
      (m) =>
        m.subscribeEvents(
          { url: `${origin}/v1/events`, fetch: baseFetch, token, refreshable: !!options.getToken, locale },
          onEvent,
          { ...opts, signal: stop.signal },
        ),
      () => {
        if (!stop.signal.aborted) opts.onError?.(errorOf('network.error', 0, locale));
        opts.onState?.('closed');
      },
    );
    return () => {
      outer?.removeEventListener('abort', end);
      end();
    };
  }

  return {
    raw: api,
    account: {
      get: (opts = {}) => call(() => api.GET('/v1/account', { signal: opts.signal }), opts.signal),
    },
    products: {
      search: async (query = {}, opts = {}) => {
        if (typeof query.q === 'string' && query.q.length > LIMITS.maxSearchQueryLength) {
          return refused([issue('field.too_long', ['q'], { limit: LIMITS.maxSearchQueryLength })]);
        }
        return call(() => api.GET('/v1/products', { params: { query }, signal: opts.signal }), opts.signal);
      },
      resolveLinks: async (links, opts = {}) => {
        if (!Array.isArray(links)) return refused([issue('links.required', ['links'])]);
        return call(() => api.POST('/v1/products/resolve', { body: { links }, signal: opts.signal }), opts.signal);
      },
    },
    evidence: {
      list: (opts = {}) => call(() => api.GET('/v1/evidence', { signal: opts.signal }), opts.signal),
      upload,
      download: (id, opts = {}) =>
        call(
          () =>
            api.GET('/v1/evidence/{id}/content', { params: { path: { id } }, parseAs: 'blob', signal: opts.signal }),
          opts.signal,
        ),
    },
    complaints: {
      list: (query = {}, opts = {}) =>
        call(() => api.GET('/v1/complaints', { params: { query }, signal: opts.signal }), opts.signal),
      get: (id, opts = {}) =>
        call(() => api.GET('/v1/complaints/{id}', { params: { path: { id } }, signal: opts.signal }), opts.signal),
      create: async (draft, opts = {}) => {
        const evidence = opts.evidence ? Object.fromEntries(opts.evidence.map((e) => [e.id, e])) : undefined;
        // A bad draft never costs a request: the same rules, the same codes, before the network.
        const { validateComplaintDraft } = await checks();
        const checked = validateComplaintDraft(draft, evidence ? { evidence } : {});
        if (!checked.ok) return refused(checked.issues);
        const key = opts.idempotencyKey ?? newIdempotencyKey();
        return call(
          () =>
            api.POST('/v1/complaints', {
              params: { header: { 'Idempotency-Key': key } },
              body: checked.value,
              signal: opts.signal,
            }),
          opts.signal,
        );
      },
      cancel: (id, body = {}, opts = {}) => act(id, 'cancel', body, opts),
      checkNow: (id, opts = {}) => act(id, 'check', undefined, opts),
      confirmClose: (id, opts = {}) => act(id, 'confirm_close', undefined, opts),
      requestArbitration: (id, body, opts = {}) => act(id, 'request_arbitration', body, opts),
      forward: (id, opts = {}) => act(id, 'forward_to_supplier', undefined, opts),
      respond: (id, body, opts = {}) => act(id, 'respond', body, opts),
      issueResult: (id, body, opts = {}) => act(id, 'issue_result', body, opts),
      act,
      statusReport,
      exportStatus,
    },
    holderProfiles: {
      list: (opts = {}) => call(() => api.GET('/v1/holder-profiles', { signal: opts.signal }), opts.signal),
      create: (input, opts) => saveProfile(null, input, opts),
      update: (id, input, opts) => saveProfile(id, input, opts),
      remove: async (id, opts = {}) => {
        const r = await call(
          () => api.DELETE('/v1/holder-profiles/{id}', { params: { path: { id } }, signal: opts.signal }),
          opts.signal,
        );
        return r.error ? r : { data: null, response: r.response };
      },
    },
    events: { subscribe },
    webhooks: webhooksApi(api, call, refused),
    transparency: transparencyApi(api, call, refused),
    pictures: createPicturesApi({ raw: api, origin, call, refused }),
  };
}
