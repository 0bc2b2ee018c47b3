// The real reference API (@ipr/server's hono app on in-memory PGlite, seeded), started once per
// page in the browser, and real @ipr/client clients whose transport is the app's fetch.
// No response is written by hand: every answer comes from the server code.
import { createInMemoryApi } from '@ipr/server';
import { createIprClient } from '@ipr/client';
import type { IprClient } from '@ipr/elements';

export type InMemoryApi = Awaited<ReturnType<typeof createInMemoryApi>>;

export const TOKENS = {
  complainantA: 'demo-complainant-a',
  complainantB: 'demo-complainant-b',
  supplierA: 'demo-supplier-a',
  supplierB: 'demo-supplier-b',
  platform: 'demo-platform',
} as const;

export const BASE_URL = 'http://ipr.local';

let started: Promise<InMemoryApi> | undefined;

/** The page's one API (PGlite in memory, demo accounts, 2,000 products, complaints in every status). */
export function getApi(): Promise<InMemoryApi> {
  started ??= createInMemoryApi({ seed: { catalogueSize: 2000 } });
  return started;
}

export interface ClientOptions {
  /** Fail this many requests with a network error before letting requests through (retry stories). */
  failFirst?: number;
  /** Fail every request whose method and path match (e.g. uploads) with a network error. */
  failWhen?: (request: Request) => boolean;
  /** Hold every request until this promise settles (loading stories); never settles by default when set. */
  hold?: Promise<unknown>;
}

/** A real client for `token`; its requests go to the in-browser API. */
export function clientFor(api: InMemoryApi, token: string, options: ClientOptions = {}): IprClient {
  let failures = options.failFirst ?? 0;
  const transport = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request && !init ? input : new Request(input, init);
    if (options.hold) await options.hold;
    // A transport failure, as when the network is down: the server never sees the request.
    if (failures > 0) { failures--; throw new TypeError('Failed to fetch'); }
    if (options.failWhen?.(request)) throw new TypeError('Failed to fetch');
    return api.fetch(request);
  };
  return createIprClient({ baseUrl: BASE_URL, token, fetch: transport as typeof fetch, retry: { retries: 0 } }) as IprClient;
}

/** Awaits an API result and throws its error (story set-up only). */
export async function ok<T>(call: Promise<{ data?: T; error?: { code: string; message: string } }>): Promise<T> {
  const result = await call;
  if (result.error) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data as T;
}
