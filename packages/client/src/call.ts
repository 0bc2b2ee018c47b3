// The transport every resource shares: openapi-fetch over the generated `paths`, the bearer
// token (refreshed once after a 401), retries of what is safe to retry, error bodies mapped to
// one problem shape, and `call`, which turns an openapi-fetch answer into a result value.
import type { Issue, Locale } from '@ipr/validators';
import { statusOfIssues } from '@ipr/validators';
import createClient, { type Middleware } from 'openapi-fetch';
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
import type { paths } from './generated/api.js';
import { createRevalidationCache, isRevalidated } from './revalidation.js';
import type { IprClientOptions, RawClient } from './types.js';

/** The checks and the multipart sender, on first use (see checks.ts). */
export const checks = () => import('./checks.js');

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** getToken failed: the host could not give a token, so no request was sent. */
class TokenError extends Error {
  constructor(cause: unknown) {
    super('getToken failed', { cause });
  }
}

/** What an openapi-fetch call answers: `{ data, response }` on success, `{ error, response }` otherwise. */
type Fetched = { data?: unknown; error?: unknown; response: Response };
/** The success member of a route's answer (its `data` is the type `paths` gives the route). */
type Success<R extends Fetched> = Extract<R, { error?: never }>;

/** openapi-fetch sets `error` (even undefined, for an empty body) only when the status is not 2xx. */
function succeeded<R extends Fetched>(answer: R): answer is Success<R> {
  return !('error' in answer) && answer.response.ok;
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
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

/** Resolves after `ms`; rejects with an AbortError when `signal` aborts first. */
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

/** The fetch options of a GET from its call options: `cache: false` skips the client's copy. */
export function getInit(opts: CallOptions): { signal?: AbortSignal; cache?: 'no-store' } {
  return { ...(opts.signal ? { signal: opts.signal } : {}), ...(opts.cache === false ? { cache: 'no-store' } : {}) };
}

/** What every resource module is built on. */
export interface Caller {
  /** The openapi-fetch client (`client.raw`). */
  readonly api: RawClient;
  /** The API's origin, without a trailing slash. */
  readonly origin: string;
  readonly locale: Locale;
  /** The fetch under the transport: the host's, or the global one. */
  readonly baseFetch: (request: Request) => Promise<Response>;
  /** The host gave its own fetch (uploads then go through it, not XMLHttpRequest). */
  readonly customFetch: boolean;
  /** A getToken was given, so a 401 is worth one more try with a fresh token. */
  readonly refreshable: boolean;
  /** The bearer token of the next request. */
  token(): Promise<string | undefined>;
  /** An openapi-fetch call as a result value; `data` keeps the type `paths` gives the route. */
  call<R extends Fetched>(run: () => Promise<R>, signal?: AbortSignal): Promise<ApiResult<Success<R>['data']>>;
  /** Refused before the network, with the status the server answers these issues with. */
  refused(issues: Issue[]): { error: ApiError; data?: undefined };
  /** A thrown error (network, abort, getToken) as the result's error. */
  thrownError(error: unknown, signal: AbortSignal | undefined): ApiError;
  /** The result of a call aborted before or while it ran. */
  aborted(response?: Response): { error: ApiError; data?: undefined; response?: Response };
}

export function createCaller(options: IprClientOptions): Caller {
  const origin = options.baseUrl.replace(/\/+$/, '');
  const locale: Locale = options.locale ?? 'en';
  const retries = options.retry === false ? 0 : (options.retry?.retries ?? 2);
  const baseDelay = options.retry === false ? 0 : (options.retry?.baseDelayMs ?? 300);
  const baseFetch = options.fetch ?? ((input: Request) => globalThis.fetch(input));

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
  const copies = options.cache === false ? null : createRevalidationCache();
  const send = (request: Request) => (copies ? copies.fetch(request, baseFetch) : baseFetch(request));
  const backoff = (attempt: number) => baseDelay * 2 ** attempt * (0.75 + Math.random() * 0.5);

  /** Retries (safe methods, and creates that carry an idempotency key) and the one token refresh on 401. */
  async function transport(request: Request): Promise<Response> {
    const retryable =
      SAFE_METHODS.has(request.method) || (request.method === 'POST' && request.headers.has('Idempotency-Key'));
    let refreshed = false;
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await send(request.clone());
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

  const middleware: Middleware = {
    async onRequest({ request }) {
      await authorize(request.headers);
      if (!request.headers.has('Accept-Language')) request.headers.set('Accept-Language', locale);
      return request;
    },
    // Every error body becomes application/problem+json, whatever answered (a proxy's HTML page,
    // an empty 502), so the result mapping below sees one shape.
    async onResponse({ response }) {
      // A 304 reaches only a raw call that sent its own If-None-Match: it has no body to map.
      if (response.ok || response.status === 304) return response;
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

  const thrownError = (error: unknown, signal: AbortSignal | undefined) =>
    error instanceof TokenError ? errorOf('auth.unauthorized', 0, locale) : errorFromThrown(error, signal, locale);

  return {
    api,
    origin,
    locale,
    baseFetch,
    customFetch: !!options.fetch,
    refreshable: !!options.getToken,
    token,
    async call(run, signal) {
      if (signal?.aborted) return { error: errorOf('request.aborted', 0, locale) };
      try {
        const r = await run();
        if (succeeded(r)) {
          return isRevalidated(r.response)
            ? { data: r.data, response: r.response, revalidated: true }
            : { data: r.data, response: r.response };
        }
        return { error: errorFromProblem(r.error, r.response.status, locale), response: r.response };
      } catch (error) {
        return { error: thrownError(error, signal) };
      }
    },
    refused: (issues) => ({ error: errorFromIssues(issues, statusOfIssues(issues), locale) }),
    thrownError,
    aborted: (response) => ({ error: errorOf('request.aborted', 0, locale), response }),
  };
}
