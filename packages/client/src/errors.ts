// The client's error model: the validators' issues, mapped from application/problem+json,
// from a failed network call, or from a rule the client checks before sending anything.
import {
  codeForStatus,
  isIssueCode,
  issue,
  localizeIssue,
  type Issue,
  type IssueCode,
  type IssueParams,
  type Locale,
} from '@ipr/validators';

export interface ApiError {
  code: IssueCode;
  /** The first issue's message in the client's locale. */
  message: string;
  /** HTTP status; 0 when no response arrived (network failure, abort). */
  status: number;
  issues: Issue[];
}

export type ApiResult<T> =
  | {
      data: T;
      error?: undefined;
      response: Response;
      /**
       * The server answered 304 to the client's `If-None-Match`: `data` is the copy the client
       * kept from the last answer, still current (see `IprClientOptions.cache`).
       */
      revalidated?: true;
    }
  | { data?: undefined; error: ApiError; response?: Response; revalidated?: undefined };

export interface CallOptions {
  signal?: AbortSignal;
  /**
   * `false`: this GET neither revalidates the client's copy nor keeps the answer (the complaint
   * list, a complaint, the holder profiles; other answers carry no ETag and are never kept).
   */
  cache?: boolean;
}

/** The throwing form of an `ApiError` (see `unwrap`). */
export class IprApiError extends Error implements ApiError {
  readonly code: IssueCode;
  readonly status: number;
  readonly issues: Issue[];
  readonly response?: Response;
  constructor(error: ApiError, response?: Response) {
    super(error.message);
    this.name = 'IprApiError';
    this.code = error.code;
    this.status = error.status;
    this.issues = error.issues;
    this.response = response;
  }
}

/**
 * Opt-in throwing style: the data of a result, or an `IprApiError`. Given the call's promise
 * instead (`await unwrap(client.complaints.get(id))`, as a `@lit/task` does), the same, later.
 */
export function unwrap<T>(result: ApiResult<T>): T;
export function unwrap<T>(call: PromiseLike<ApiResult<T>>): Promise<T>;
export function unwrap<T>(value: ApiResult<T> | PromiseLike<ApiResult<T>>): T | Promise<T> {
  return 'then' in value ? Promise.resolve(value).then(dataOf) : dataOf(value);
}

function dataOf<T>(result: ApiResult<T>): T {
  if (result.error) throw new IprApiError(result.error, result.response);
  return result.data;
}

export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    isIssueCode((value as ApiError).code) &&
    Array.isArray((value as ApiError).issues)
  );
}

/** An error made of issues (the first one names it). Messages are re-localised. */
export function errorFromIssues(issues: Issue[], status: number, locale: Locale = 'en'): ApiError {
  const localized = issues.map((i) => (locale === 'en' ? i : { ...i, message: localizeIssue(i, locale) }));
  const first = localized[0] ?? issue('server.error');
  return { code: first.code, message: first.message, status, issues: localized.length ? localized : [first] };
}

export function errorOf(code: IssueCode, status: number, locale: Locale = 'en', params?: IssueParams): ApiError {
  return errorFromIssues([issue(code, [], params)], status, locale);
}

function sanitizeIssue(value: unknown): Issue | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (!isIssueCode(v.code)) return undefined;
  const path = Array.isArray(v.path)
    ? v.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number')
    : [];
  const params = typeof v.params === 'object' && v.params !== null ? (v.params as IssueParams) : undefined;
  const made = issue(v.code, path, params);
  if (typeof v.message === 'string' && v.message) made.message = v.message;
  return made;
}

/**
 * Maps any error body to an `ApiError`: a problem+json document keeps its issues and codes;
 * anything else (a proxy's HTML page, an empty body) gets the code its status implies.
 */
export function errorFromProblem(body: unknown, status: number, locale: Locale = 'en'): ApiError {
  const problem = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const issues = Array.isArray(problem.issues) ? problem.issues.map(sanitizeIssue).filter((i): i is Issue => !!i) : [];
  if (issues.length === 0) {
    issues.push(issue(isIssueCode(problem.code) ? problem.code : codeForStatus(status)));
  }
  return errorFromIssues(issues, status, locale);
}

export function isAbort(error: unknown, signal?: AbortSignal | null): boolean {
  return (
    !!signal?.aborted ||
    (typeof error === 'object' && error !== null && (error as { name?: string }).name === 'AbortError')
  );
}

/** A thrown fetch failure as a value: `request.aborted` or `network.error`, status 0. */
export function errorFromThrown(
  error: unknown,
  signal: AbortSignal | null | undefined,
  locale: Locale = 'en',
): ApiError {
  return errorOf(isAbort(error, signal) ? 'request.aborted' : 'network.error', 0, locale);
}
