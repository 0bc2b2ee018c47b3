// Node-only: the server on a port, the disk file store and node-postgres.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { createPgliteThreadDb } from './db/pglite-thread.js';
import { createPgDb } from './db/pg.js';
import type { Db } from './db/types.js';
import { createEventBus } from './events.js';
import { listenForHistory, type HistoryListener } from './events-pg.js';
import { createDiskFileStore, sweepDiskFiles } from './files/disk.js';
import { createPgFileStore, sweepPgFiles } from './files/postgres.js';
import type { FileStore } from './files/types.js';
import { createSharpPictures } from './pictures/sharp-engine.js';
import { migrate } from './migrations.js';
import { seed as seedDb } from './seed.js';
import type { AppLimits, LimitOptions } from './limits.js';
import { createAppLimits } from './rate-limit.js';
import { createJwtVerifier, type JwtAuthOptions } from './auth/jwt.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';
import { hashToken } from './store/index.js';
import { nodeWebhookSender } from './webhooks/node-sender.js';
import { createSecretBox, settleStoredWebhookSecrets } from './webhooks/secret-box.js';
import { createWebhookWorker } from './webhooks/worker.js';
import { type CompressionOptions, compressAnswer } from './compression.js';

export { createDiskFileStore } from './files/disk.js';
export { copyFilesInto, createPgFileStore, type PgFileStoreOptions } from './files/postgres.js';
export { listenForHistory, type HistoryListener, type HistoryListenerOptions } from './events-pg.js';
export { createSharpPictures } from './pictures/sharp-engine.js';
export { createPgDb, type PgOptions } from './db/pg.js';
export { createPgliteThreadDb, type PgliteThreadOptions } from './db/pglite-thread.js';
export { pgliteTemplate, pgliteTemplatePath } from './db/pglite-template.js';
export { createAppLimits, createRateLimiter, type RateLimiterOptions } from './rate-limit.js';
export { nodeWebhookSender } from './webhooks/node-sender.js';
export { DEFAULT_LIMITS, type AppLimits, type LimitOptions, type RateRule } from './limits.js';
export { compressAnswer, compressible, negotiate, type CompressionOptions } from './compression.js';

export interface StartOptions {
  /** 0 picks a free port. Default 8787. */
  port?: number;
  hostname?: string;
  /** PGlite data and evidence files live here (evidence under `<dataDir>/evidence`). Default `.data`. */
  dataDir?: string;
  /**
   * Use this PostgreSQL instead of PGlite: evidence bytes are then stored in it too (uploads spool
   * under `<dataDir>/spool` until committed) and event streams wake on its NOTIFY, so several
   * instances can share the one database.
   */
  databaseUrl?: string;
  /** Connections of this process's PostgreSQL pool (`DATABASE_POOL_MAX`). Default 10. */
  databasePoolMax?: number;
  corsOrigins?: string[];
  /**
   * Seed the demo data (idempotent): the demo accounts with their PUBLIC tokens, a catalogue and
   * sample complaints. Default false: only the demo (`npm start` at the root, Storybook, tests) asks.
   */
  seed?: boolean;
  /**
   * A production deployment: refuses to start when demo accounts (whose tokens are public) are in
   * the database or `seed` is asked. Default: `NODE_ENV === 'production'`.
   */
  production?: boolean;
  /** Accept bearer JWTs of the marketplace's identity provider (issuer, audience, JWKS, claim names). */
  jwt?: JwtAuthOptions;
  catalogueSize?: number;
  emailForLargeAttachments?: string;
  onError?: (error: unknown) => void;
  /**
   * At start-up, evidence files no row names and `.tmp-*` leftovers of interrupted uploads are
   * removed when older than this. Default 10 minutes (another process may be finishing an upload).
   */
  sweepFilesOlderThanMs?: number;
  /** close(): how long answers in flight may take before every connection is closed. Default 2 s. */
  closeGraceMs?: number;
  /**
   * PGlite's thread stopped by itself (a crash inside the database). The server has already
   * closed (no request can succeed any more); the process should exit non-zero so its supervisor
   * starts it again on the same data. Default: reported through `onError`.
   */
  onDatabaseLost?: (error: Error) => void;
  /**
   * Per-account limits (defaults in `DEFAULT_LIMITS`, src/limits.ts; the server README has the
   * table): each a rule `{ points, durationSeconds }`, a number, or `false`; `false` turns all off.
   */
  limits?: LimitOptions | false;
  /**
   * Webhook delivery (a worker in this process; with PostgreSQL every instance shares the queue).
   * `allowPrivateAddresses`: endpoints on loopback/private hosts over http (tests, a demo on one
   * machine; refused in production). `retryScheduleMs` and `pollMs` shorten the timing (tests).
   * `false`: no worker here (deliveries stay queued for another instance).
   */
  webhooks?: { allowPrivateAddresses?: boolean; retryScheduleMs?: number[]; pollMs?: number } | false;
  /**
   * `WEBHOOK_SECRETS_KEY`: 32 random bytes in base64 that seal webhook signing secrets at rest
   * (AES-256-GCM, src/webhooks/secret-box.ts); secrets still plain are sealed at start-up. Required in
   * production; without it (the demo, tests) secrets are stored as they are.
   */
  webhookSecretsKey?: string;
  /** `WEBHOOK_SECRETS_KEY_PREVIOUS`: earlier keys, to open what they sealed; start-up seals it anew with the key. */
  webhookSecretsPreviousKeys?: string[];
  /**
   * Answers compressed by Accept-Encoding (brotli, gzip) from `minBytes` (default 1024) on: JSON
   * and text, never the event stream or evidence files (src/compression.ts). `false` leaves it to
   * a proxy in front. Default on.
   */
  compression?: CompressionOptions | false;
}

export interface RunningServer {
  url: string;
  port: number;
  db: Db;
  /** Start-up time in ms (database open, migrations, seed, sweep, listen). */
  startupMs: number;
  /** Leftover files of interrupted uploads removed at start-up. */
  sweptFiles: number;
  close(): Promise<void>;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const started = performance.now();
  const production = options.production ?? process.env.NODE_ENV === 'production';
  if (production && options.seed)
    throw new Error('Refusing to seed the demo data in production: its accounts have public tokens');
  const hooks = options.webhooks === false ? undefined : (options.webhooks ?? {});
  if (production && hooks?.allowPrivateAddresses)
    throw new Error('Refusing webhooks to private addresses in production: partners could reach the internal network');
  if (production && !options.webhookSecretsKey)
    throw new Error(
      'Refusing to start in production without WEBHOOK_SECRETS_KEY: webhook signing secrets would be stored in plain text (openssl rand -base64 32)',
    );
  // Made before the database opens: a bad JWT configuration or key fails the start, not the first request.
  const jwt = options.jwt ? createJwtVerifier(options.jwt) : undefined;
  const secrets = await createSecretBox(options.webhookSecretsKey, options.webhookSecretsPreviousKeys);
  const dataDir = options.dataDir ?? '.data';
  if (!options.databaseUrl) mkdirSync(dataDir, { recursive: true });
  let running: RunningServer | undefined;
  let closing: Promise<void> | undefined;
  const lost = (error: Error) => {
    void running?.close().catch(() => undefined);
    (options.onDatabaseLost ?? options.onError)?.(error);
  };
  const db = options.databaseUrl
    ? await createPgDb({
        connectionString: options.databaseUrl,
        ...(options.databasePoolMax ? { max: options.databasePoolMax } : {}),
      })
    : await createPgliteThreadDb({ dataDir: join(dataDir, 'pglite'), onLost: lost });
  const evidenceDir = join(dataDir, 'evidence');
  const spoolDir = join(dataDir, 'spool');
  const files: FileStore = options.databaseUrl ? createPgFileStore(db, { spoolDir }) : createDiskFileStore(evidenceDir);
  const pictures = createSharpPictures();
  let sweptFiles = 0;
  let limits: AppLimits;
  try {
    await migrate(db);
    if (production) await refuseDemoAccounts(db);
    // Sealed anew under the key; without one, sealed secrets refuse the start.
    await settleStoredWebhookSecrets(db, secrets);
    if (options.seed === true)
      await seedDb(db, files, { pictures, ...(options.catalogueSize ? { catalogueSize: options.catalogueSize } : {}) });
    const olderThanMs = options.sweepFilesOlderThanMs ?? 10 * 60_000;
    if (options.databaseUrl) {
      sweptFiles =
        (await sweepPgFiles(db, olderThanMs)) + (await sweepDiskFiles(spoolDir, new Set(), olderThanMs)).removed.length;
    } else {
      const { rows } = await db.query<{ storage_key: string }>('select storage_key from evidence');
      sweptFiles = (await sweepDiskFiles(evidenceDir, new Set(rows.map((r) => r.storage_key)), olderThanMs)).removed
        .length;
    }
    // On PostgreSQL the rate counters are in the database, shared by every instance.
    limits = await createAppLimits(options.limits, 'pool' in db ? db.pool : undefined);
  } catch (error) {
    await db.close();
    throw error;
  }
  const bus = createEventBus();
  const worker = hooks
    ? createWebhookWorker({
        db,
        send: nodeWebhookSender({ allowPrivate: hooks.allowPrivateAddresses ?? false }),
        secrets,
        ...(hooks.retryScheduleMs ? { retryScheduleMs: hooks.retryScheduleMs } : {}),
        ...(hooks.pollMs ? { pollMs: hooks.pollMs } : {}),
        onError: options.onError ?? ((error) => console.error(error)),
      })
    : undefined;
  // Another instance's changes wake this one's streams at once; while this connection is down the
  // streams' own poll still finds them.
  let listener: HistoryListener | undefined;
  if (options.databaseUrl) {
    listener = listenForHistory({
      connectionString: options.databaseUrl,
      onChange: () => bus.notify(),
      ...(worker ? { onWebhooks: () => worker.wake() } : {}),
      onError: (error) => (options.onError ?? console.error)(new Error(`LISTEN connection: ${error.message}`)),
    });
    await listener.ready.catch(() => undefined);
  }
  // The worker wakes when deliveries were queued: on PostgreSQL by the NOTIFY of any instance's queue
  // (above), on PGlite (one process) at every create and action. The queue is also polled.
  if (worker && !listener) bus.subscribe(() => worker.wake());
  const app = createApp({
    webhooks: {
      allowPrivateAddresses: hooks?.allowPrivateAddresses ?? false,
      ...(worker ? { wake: () => worker.wake() } : {}),
      secrets,
    },
    db,
    files,
    events: { bus },
    pictures,
    ...(options.corsOrigins ? { corsOrigins: options.corsOrigins } : {}),
    ...(options.emailForLargeAttachments ? { emailForLargeAttachments: options.emailForLargeAttachments } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
    ...(jwt ? { jwt } : {}),
    limits,
  });
  const hostname = options.hostname ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const compression = options.compression;
    const handle: typeof app.fetch =
      compression === false
        ? app.fetch
        : async (request, ...rest) => compressAnswer(request, await app.fetch(request, ...rest), compression);
    const s = serve({ fetch: handle, port: options.port ?? 8787, hostname }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 8787);
  running = {
    url: `http://${hostname === '0.0.0.0' ? '127.0.0.1' : hostname}:${port}`,
    port,
    db,
    startupMs: performance.now() - started,
    sweptFiles,
    close: () => (closing ??= shutDown()),
  };
  worker?.start();
  return running;

  async function shutDown() {
    // Open event streams never end by themselves: end them, so close() does not wait forever; their
    // keep-alive connections go idle afterwards and are closed as they do.
    bus.shutdown();
    await worker?.stop();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    const http = server as { closeIdleConnections?: () => void; closeAllConnections?: () => void };
    const idle = setInterval(() => http.closeIdleConnections?.(), 25);
    // A client that stopped half-way through sending a request keeps its connection busy for
    // ever: after a grace period for answers in flight, every connection is closed.
    const cutoff = setTimeout(() => http.closeAllConnections?.(), options.closeGraceMs ?? 2000);
    try {
      await closed;
    } finally {
      clearInterval(idle);
      clearTimeout(cutoff);
    }
    await listener?.close();
    await db.close();
  }
}

/** Production must not answer the demo accounts' public tokens: refuse to start while any is present. */
async function refuseDemoAccounts(db: Db): Promise<void> {
  const hashes = await Promise.all(DEMO_ACCOUNTS.map((a) => hashToken(a.token)));
  const { rows } = await db.query<{ id: string }>('select id from accounts where token_hash = any($1::text[])', [
    hashes,
  ]);
  if (rows.length)
    throw new Error(
      `Refusing to start in production: demo accounts with public tokens are in the database (${rows
        .map((r) => r.id)
        .join(', ')}); start on a database without the demo data`,
    );
}
