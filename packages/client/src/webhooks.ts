// `client.webhooks` (a complainant's partner integration: endpoints, delivery log, redelivery) and
// `client.transparency` (the platform's notice-and-action figures). Self-contained: resources/webhooks.ts
// loads it on the first call, handing over the openapi-fetch client and its result mapping.
import {
  issue,
  type Issue,
  parseWith,
  validateWebhookUrl,
  type WebhookDelivery,
  type WebhookEndpoint,
  type WebhookEndpointCreated,
  WebhookEndpointInputSchema,
} from '@ipr/validators';
import type { RawClient } from './types.js';
import type { ApiError, ApiResult, CallOptions } from './errors.js';
import type { components } from './generated/api.js';

/** The figures as the contract types them (per-type counts keyed by complaint type). */
export type TransparencyReport = components['schemas']['TransparencyReport'];

type Fetched = { data?: unknown; error?: unknown; response: Response };
/** The client's `call`: an openapi-fetch answer as a result value. */
type Call = <R extends Fetched>(
  run: () => Promise<R>,
  signal?: AbortSignal,
) => Promise<ApiResult<Extract<R, { error?: never }>['data']>>;
type Refuse = (issues: Issue[]) => { error: ApiError };

export interface WebhooksApi {
  /** The caller's endpoints (never their secrets). */
  list(opts?: CallOptions): Promise<ApiResult<{ items: WebhookEndpoint[] }>>;
  /**
   * Registers an endpoint; the answer's `secret` (`whsec_…`) is shown only this once: store it
   * where the receiving backend can read it. The body's shape and URL are checked before the
   * network; whether a private host is allowed is the server's call.
   */
  create(input: unknown, opts?: CallOptions): Promise<ApiResult<WebhookEndpointCreated>>;
  remove(id: string, opts?: CallOptions): Promise<ApiResult<null>>;
  /**
   * Enables or disables an endpoint. Disabled, it is queued no events and its pending deliveries
   * wait; enabled again, they are sent at once.
   */
  setEnabled(id: string, enabled: boolean, opts?: CallOptions): Promise<ApiResult<WebhookEndpoint>>;
  /**
   * A new signing secret, shown only in this answer (`secret`). For 24 hours deliveries carry a
   * signature by the previous secret too (`previousSecretExpiresAt`), so the receiver can switch
   * without refusing one; `verifyWebhook` accepts either.
   */
  rotateSecret(id: string, opts?: CallOptions): Promise<ApiResult<WebhookEndpointCreated>>;
  /** The endpoint's delivery log, newest event first, with the last attempts of each. */
  deliveries(
    id: string,
    query?: { limit?: number },
    opts?: CallOptions,
  ): Promise<ApiResult<{ items: WebhookDelivery[] }>>;
  /** Sends a delivery again (the same webhook-id, so a receiver can drop a repeat). */
  redeliver(id: string, deliveryId: string, opts?: CallOptions): Promise<ApiResult<null>>;
}

export interface TransparencyQuery {
  /** A date (`2026-01-01`) or date-time; inclusive. Default: the first day of the month a year ago. */
  from?: string;
  /** Exclusive. Default: now. */
  to?: string;
}

export interface TransparencyApi {
  report(query?: TransparencyQuery, opts?: CallOptions): Promise<ApiResult<TransparencyReport>>;
  /** The same figures as a CSV file (`section,key,value`). */
  csv(query?: TransparencyQuery, opts?: CallOptions): Promise<ApiResult<Blob>>;
}

const empty = <T>(r: ApiResult<T>): ApiResult<null> => (r.error ? r : { data: null, response: r.response });

export function webhooksApi(api: RawClient, call: Call, refuse: Refuse): WebhooksApi {
  return {
    list: (opts = {}) => call(() => api.GET('/v1/webhooks', { signal: opts.signal }), opts.signal),
    async create(input, opts = {}) {
      const parsed = parseWith(WebhookEndpointInputSchema, input);
      if (!parsed.ok) return refuse(parsed.issues);
      const url = validateWebhookUrl(parsed.value.url, { allowPrivate: true });
      if (!url.ok) return refuse(url.issues);
      return call(() => api.POST('/v1/webhooks', { body: parsed.value, signal: opts.signal }), opts.signal);
    },
    remove: async (id, opts = {}) =>
      empty(
        await call(
          () => api.DELETE('/v1/webhooks/{id}', { params: { path: { id } }, signal: opts.signal }),
          opts.signal,
        ),
      ),
    setEnabled: (id, enabled, opts = {}) =>
      call(
        () => api.PATCH('/v1/webhooks/{id}', { params: { path: { id } }, body: { enabled }, signal: opts.signal }),
        opts.signal,
      ),
    rotateSecret: (id, opts = {}) =>
      call(
        () => api.POST('/v1/webhooks/{id}/rotate-secret', { params: { path: { id } }, signal: opts.signal }),
        opts.signal,
      ),
    deliveries: (id, query = {}, opts = {}) =>
      call(
        () => api.GET('/v1/webhooks/{id}/deliveries', { params: { path: { id }, query }, signal: opts.signal }),
        opts.signal,
      ),
    redeliver: async (id, deliveryId, opts = {}) =>
      empty(
        await call(
          () =>
            api.POST('/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver', {
              params: { path: { id, deliveryId } },
              signal: opts.signal,
            }),
          opts.signal,
        ),
      ),
  };
}

export function transparencyApi(api: RawClient, call: Call, refuse: Refuse): TransparencyApi {
  const checked = (query: TransparencyQuery) =>
    query.from && query.to && Date.parse(query.from) >= Date.parse(query.to)
      ? refuse([issue('field.invalid_date', ['query', 'from'], { to: query.to })])
      : null;
  return {
    report: async (query = {}, opts = {}) =>
      checked(query) ??
      call(() => api.GET('/v1/transparency', { params: { query }, signal: opts.signal }), opts.signal),
    csv: async (query = {}, opts = {}) =>
      checked(query) ??
      call(
        () => api.GET('/v1/transparency.csv', { params: { query }, parseAs: 'blob', signal: opts.signal }),
        opts.signal,
      ),
  };
}
