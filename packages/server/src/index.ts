// Browser-safe entry: the app, its stores and adapters, migrations, seed and the contract.
// Node-only helpers (startServer, the disk store, node-postgres) are in `@ipr/server/node`.
export { createApp, type AppOptions } from './app.js';
export type { Db, Queryable } from './db/types.js';
export { createPgliteDb, dumpPglite, wrapPglite, type PgliteOptions } from './db/pglite.js';
export type { FileStore } from './files/types.js';
export { createMemoryFileStore } from './files/memory.js';
export { migrate, MIGRATIONS, type Migration } from './migrations.js';
export {
  seed,
  catalogueProduct,
  DEMO_ACCOUNTS,
  DEMO_TOKENS,
  TINY_PNG,
  TINY_PDF,
  type SeedOptions,
  type SeedReport,
  type DemoAccount,
} from './seed.js';
export { createBrowserPictures } from './pictures/browser-engine.js';
export type { PictureEngine } from './pictures/engine.js';
export type { RouteDef } from './route.js';
export { ROUTES } from './routes.js';
export { buildOpenApi } from './openapi.js';
export { ApiProblem, problemBody } from './problem.js';
export {
  createWebhookWorker,
  fetchSender,
  type WebhookRequest,
  type WebhookSender,
  type WebhookWorker,
  type WebhookWorkerOptions,
} from './webhooks/worker.js';
export { createSecretBox, plainSecrets, type SecretBox } from './webhooks/secret-box.js';

import { createApp, type AppOptions } from './app.js';
import { createPgliteDb } from './db/pglite.js';
import { createMemoryFileStore } from './files/memory.js';
import { migrate } from './migrations.js';
import { seed, type SeedOptions } from './seed.js';

/**
 * A complete reference API in memory (browser or Node): PGlite, migrated and seeded, with
 * files in memory. For Storybook and tests: `const { app } = await createInMemoryApi(); app.fetch(req)`.
 */
export async function createInMemoryApi(
  options: Omit<AppOptions, 'db' | 'files'> & { seed?: SeedOptions | false; trigram?: boolean } = {},
) {
  // No pg_trgm by default: one file fewer for a browser to fetch; a small catalogue scans quickly.
  const db = await createPgliteDb({ trigram: options.trigram ?? false });
  const files = createMemoryFileStore();
  await migrate(db);
  if (options.seed !== false)
    await seed(db, files, {
      catalogueSize: 2000,
      ...(options.pictures ? { pictures: options.pictures } : {}),
      ...options.seed,
    });
  const { seed: _seed, trigram: _trigram, ...appOptions } = options;
  const app = createApp({ ...appOptions, db, files });
  return { app, db, files, fetch: (request: Request) => app.fetch(request), close: () => db.close() };
}
