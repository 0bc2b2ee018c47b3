// Node-only: PGlite in a worker thread. PGlite is PostgreSQL compiled to WASM and runs every query
// on the thread that owns it; on the server's own thread a busy database delays everything else
// (accepting connections, parsing bodies, event streams). Here the database has a thread of its
// own and the server thread only posts queries and awaits answers.
//
// Measured with `npm run load` (200 clients, 2 cores; figures in reliability/README.md): a new
// connection's /v1/health answered in about a second with PGlite on the server thread, in about a
// millisecond with it here, at about the same throughput. (Blocking the server thread on each
// statement of a transaction, Atomics.wait, was tried: no faster, and it stalls the server thread.)
import { Worker } from 'node:worker_threads';
import { ensurePgliteTemplate, isNewDataDir } from './pglite-template.js';
import type { Db, Queryable } from './types.js';

export interface PgliteThreadOptions {
  /** The data folder (created when missing). Undefined: in memory. */
  dataDir?: string;
  /** Load pg_trgm (default true). */
  trigram?: boolean;
  /**
   * The thread stopped without `close()` (a crash inside the database): every query from now on
   * fails, so the owner should stop serving (startServer closes; the process exits non-zero).
   */
  onLost?: (error: Error) => void;
}

type Request =
  | { op: 'query'; sql: string; params: unknown[]; tx?: number }
  | { op: 'exec'; sql: string; tx?: number }
  | { op: 'begin' }
  | { op: 'end'; tx: number; commit: boolean }
  | { op: 'close' };

type Answer =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { message: string; name: string; code?: string } };

/** Embedded PostgreSQL on its own thread, with the same `Db` interface as `createPgliteDb`. */
export async function createPgliteThreadDb(
  options: PgliteThreadOptions = {},
): Promise<Db & { readonly thread: Worker }> {
  const { onLost, ...rest } = options;
  // A new data folder starts from the template (see pglite-template.ts), not from initdb. Memory too.
  const template =
    options.dataDir === undefined || isNewDataDir(options.dataDir) ? await ensurePgliteTemplate() : undefined;
  const workerData = { ...rest, ...(template ? { template } : {}) };
  const worker = new Worker(new URL('./pglite-thread-worker.js', import.meta.url), { workerData });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let stopped: Error | undefined;
  let opened = false;
  let closing = false;

  const stop = (error: Error) => {
    const first = !stopped;
    stopped ??= error;
    for (const p of pending.values()) p.reject(stopped);
    pending.clear();
    if (first && opened && !closing) onLost?.(stopped);
  };
  const toError = (error: Extract<Answer, { ok: false }>['error']) =>
    Object.assign(new Error(error.message), { name: error.name }, error.code ? { code: error.code } : {});
  worker.on('message', (answer: Answer) => {
    const p = pending.get(answer.id);
    if (!p) return;
    pending.delete(answer.id);
    if (answer.ok) p.resolve(answer.value);
    else p.reject(toError(answer.error));
  });
  worker.on('error', (error) => stop(error));
  worker.on('exit', (code) => stop(new Error(`the database thread stopped (exit code ${code})`)));

  const call = <T>(request: Request): Promise<T> => {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, ...request });
    });
  };
  const on = (tx?: number): Queryable => ({
    query: <T>(sql: string, params: unknown[] = []) =>
      call<{ rows: T[] }>({ op: 'query', sql, params, ...(tx === undefined ? {} : { tx }) }),
    exec: async (sql: string) => {
      await call({ op: 'exec', sql, ...(tx === undefined ? {} : { tx }) });
    },
  });

  const db: Db & { readonly thread: Worker } = {
    dialect: 'pglite',
    thread: worker,
    ...on(),
    async transaction(fn) {
      const tx = await call<number>({ op: 'begin' });
      let result: Awaited<ReturnType<typeof fn>>;
      try {
        result = await fn(on(tx));
      } catch (error) {
        // A thread that is gone committed nothing: the caller's error is the one to report.
        await call({ op: 'end', tx, commit: false }).catch(() => undefined);
        throw error;
      }
      await call({ op: 'end', tx, commit: true });
      return result;
    },
    async close() {
      closing = true;
      if (!stopped) await call({ op: 'close' }).catch(() => undefined);
      await worker.terminate();
    },
  };
  // The first answer says the database opened (or why it did not).
  try {
    await db.query('select 1');
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  opened = true;
  return db;
}
