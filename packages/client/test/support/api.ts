// The REAL reference API in-process: createApp from @ipr/server on in-memory PGlite and a
// memory file store, seeded. Tests hand its fetch to the client. A fault injector may wrap
// that fetch (fail a call, lose a response): it changes the transport, never the API.
import { createApp, createMemoryFileStore, createPgliteDb, migrate, seed, type Db } from '@ipr/server';
import { createSharpPictures, pgliteTemplate } from '@ipr/server/node';
import { TOKENS } from '@ipr/server/demo-accounts';
import { createIprClient, type CreatedIprClient, type IprClientOptions } from '../../src/index.js';

export type AppFetch = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

export interface TestApi {
  fetch: AppFetch;
  /** Requests that reached the app, by "METHOD /path". */
  seen: string[];
  /** The API's database, for hostile rows a test inserts (never to check what the API answers). */
  db: Db;
  close(): Promise<void>;
}

export const BASE = 'http://api.test';
export { TOKENS } from '@ipr/server/demo-accounts';

export async function startApi(): Promise<TestApi> {
  const db = await createPgliteDb({ loadDataDir: await pgliteTemplate() });
  const files = createMemoryFileStore();
  await migrate(db);
  await seed(db, files, { catalogueSize: 500 });
  const app = createApp({
    db,
    files,
    pictures: createSharpPictures(),
    onError: (e) => console.error('[api] unexpected error:', String(e)),
  });
  const seen: string[] = [];
  const fetch: AppFetch = async (input, init) => {
    const request = input instanceof Request && !init ? input : new Request(input, init);
    seen.push(`${request.method} ${new URL(request.url).pathname}`);
    return app.fetch(request);
  };
  return { fetch, seen, db, close: () => db.close() };
}

/** A client on the in-process API (its fetch, short retry delays), as `token`. */
export function clientOn(api: () => TestApi) {
  return (token: string = TOKENS.complainantA, extra: Partial<IprClientOptions> = {}): CreatedIprClient =>
    createIprClient({
      baseUrl: BASE,
      token,
      fetch: api().fetch as typeof fetch,
      retry: { retries: 2, baseDelayMs: 1 },
      ...extra,
    });
}

/** Counts the requests a call makes to the API. */
export async function countRequests<T>(api: TestApi, run: () => Promise<T>): Promise<{ value: T; requests: number }> {
  const before = api.seen.length;
  const value = await run();
  return { value, requests: api.seen.length - before };
}
