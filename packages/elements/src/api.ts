// The part of the `@ipr/client` surface (docs/CONTRACT.md) the elements use, as structural
// types: any client that keeps the contract fits, including a host's own wrapper.
import type {
  Account,
  Action,
  Complaint,
  ComplaintEvent,
  ComplaintSummary,
  EvidenceDescriptor,
  HolderProfile,
  HolderProfileInput,
  Issue,
  IssueCode,
  Product,
  ResolvedLink,
} from '@ipr/validators';

export interface ApiError {
  code: IssueCode;
  message: string;
  status: number;
  issues: Issue[];
}
export type ApiResult<T> =
  | { data: T; error?: undefined; response: Response }
  | { data?: undefined; error: ApiError; response?: Response };
export interface CallOptions {
  signal?: AbortSignal;
}

export interface IprClient {
  account: { get(opts?: CallOptions): Promise<ApiResult<Account>> };
  products: {
    search(
      query: { q?: string; link?: string; page?: number; pageSize?: number },
      opts?: CallOptions,
    ): Promise<ApiResult<{ items: Product[]; total: number; page: number; pageSize: number }>>;
    resolveLinks(links: string[], opts?: CallOptions): Promise<ApiResult<{ items: ResolvedLink[] }>>;
  };
  evidence: {
    list(opts?: CallOptions): Promise<ApiResult<{ items: EvidenceDescriptor[] }>>;
    upload(
      file: Blob | File,
      opts?: { name?: string; signal?: AbortSignal; onProgress?: (p: { loaded: number; total: number }) => void },
    ): Promise<ApiResult<EvidenceDescriptor>>;
  };
  complaints: {
    list(
      query: { status?: string; type?: string; q?: string; cursor?: string; limit?: number; page?: number },
      opts?: CallOptions,
    ): Promise<ApiResult<{ items: ComplaintSummary[]; total: number; nextCursor: string | null }>>;
    get(id: string, opts?: CallOptions): Promise<ApiResult<Complaint>>;
    create(
      draft: unknown,
      opts?: { idempotencyKey?: string; evidence?: EvidenceDescriptor[]; signal?: AbortSignal },
    ): Promise<ApiResult<Complaint>>;
    act(id: string, action: Action, body?: any, opts?: CallOptions): Promise<ApiResult<Complaint>>;
    /** The status report as a file (optional: without it the list offers no export). */
    exportStatus?(query: StatusExportQuery, opts?: CallOptions): Promise<ApiResult<StatusExport>>;
  };
  /** Saved IPR holder profiles (optional: without it the form offers no saved holders and `<ipr-holder-profiles>` shows none). */
  holderProfiles?: HolderProfilesApi;
  /** Live complaint events (optional: without it `live` elements simply do not update by themselves). */
  events?: {
    subscribe(
      onEvent: (e: ComplaintEvent) => void,
      opts?: { signal?: AbortSignal; after?: number; onState?: (s: LiveState) => void },
    ): () => void;
  };
}

/** `client.holderProfiles` of docs/CONTRACT.md. */
export interface HolderProfilesApi {
  list(opts?: CallOptions): Promise<ApiResult<{ items: HolderProfile[] }>>;
  create(input: HolderProfileInput, opts?: CallOptions): Promise<ApiResult<HolderProfile>>;
  update(id: string, input: HolderProfileInput, opts?: CallOptions): Promise<ApiResult<HolderProfile>>;
  remove(id: string, opts?: CallOptions): Promise<ApiResult<null>>;
}

/** One event of `GET /v1/events` (a complaint the caller can see was created or changed): `ComplaintEvent` of @ipr/validators. */
export type { ComplaintEvent };
export type LiveState = 'connecting' | 'open' | 'retrying' | 'closed';
export interface StatusExportQuery {
  format: 'xlsx' | 'csv';
  locale?: string;
  status?: string;
  type?: string;
  q?: string;
}
export interface StatusExport {
  blob: Blob;
  fileName: string;
  rows: number;
  truncated: boolean;
}

/** Unwraps a call for `@lit/task`: data, or a thrown `ApiError`-shaped error the error view renders. */
export async function unwrap<T>(call: Promise<ApiResult<T>>): Promise<T> {
  const result = await call;
  if (result.error) throw result.error;
  return result.data as T;
}

export function isApiError(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && 'code' in value && 'issues' in value;
}
