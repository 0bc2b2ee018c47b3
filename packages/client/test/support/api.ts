// The REAL reference API in-process: createApp from @ipr/server on in-memory PGlite and a
// memory file store, seeded. Tests hand its fetch to the client. A fault injector may wrap
// that fetch (fail a call, lose a response): it changes the transport, never the API.
import { createApp, createMemoryFileStore, createPgliteDb, migrate, seed, type Db } from '@ipr/server';

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
  const db = await createPgliteDb();
  const files = createMemoryFileStore();
  await migrate(db);
  await seed(db, files, { catalogueSize: 500 });
  const app = createApp({ db, files, onError: (e) => console.error('[api] unexpected error:', String(e)) });
  const seen: string[] = [];
  const fetch: AppFetch = async (input, init) => {
    const request = input instanceof Request && !init ? input : new Request(input, init);
    seen.push(`${request.method} ${new URL(request.url).pathname}`);
    return app.fetch(request);
  };
  return { fetch, seen, db, close: () => db.close() };
}
