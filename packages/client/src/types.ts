// The client's public types: its options, the answers its resource methods give, and the
// `IprClient` surface the elements use. The queries are the generated contract's own.
import type { PicturesApi } from './pictures.js';
import type { TransparencyApi, WebhooksApi } from './webhooks.js';
import type {
  Account,
  Action,
  ArbitrationResultBody,
  Complaint,
  ComplaintEvent,
  ComplaintSummary,
  EvidenceDescriptor,
  HolderProfile,
  Locale,
  Product,
  ResolvedLink,
  StatusReportRow,
  SupplierResponseBody,
} from '@ipr/validators';
import type createClient from 'openapi-fetch';
import type { ApiResult, CallOptions } from './errors.js';
import type { SubscribeOptions } from './events.js';
import type { StatusExportFormat } from './export.js';
import type { paths } from './generated/api.js';
import type { UploadProgress } from './upload.js';

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
  /**
   * Default true: answers that come with an ETag (the complaint list, a complaint, the holder
   * profiles) are kept in memory, and the next GET of the same URL sends `If-None-Match`; a 304
   * answers from the copy, with `revalidated: true` in the result. `false` turns it off.
   */
  cache?: boolean;
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

/** The query parameters a GET route of the generated contract takes. */
export type QueryOf<P extends keyof paths> = paths[P] extends { get: { parameters: { query?: infer Q } } }
  ? NonNullable<Q>
  : never;

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
  /** Picture Embezzlement matches and catalogue picture URLs: pictures.ts. */
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
