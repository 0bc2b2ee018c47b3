// @ts-check
// The worker side of createPgliteThreadDb (pglite-thread.ts): one PGlite on a data folder, answering
// the server thread's messages. Plain JavaScript so the same file runs from source (tsx does not
// reach worker threads) and from dist.
//
// Messages in:  { id, op: 'query', sql, params, tx? } | { id, op: 'exec', sql, tx? }
//               | { id, op: 'begin' } | { id, op: 'end', tx, commit } | { id, op: 'close' }
// Answers out:  { id, ok: true, value } | { id, ok: false, error: { message, name, code } }
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

/** @type {{ dataDir?: string, trigram?: boolean, template?: string }} */
const options = workerData ?? {};
const parent = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);

const extensions =
  options.trigram === false ? {} : { pg_trgm: (await import('@electric-sql/pglite/contrib/pg_trgm')).pg_trgm };
/** @type {PGlite | undefined} */
let pglite;
/** @type {unknown} */
let openError;
try {
  pglite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    // A new database: the dump of an empty one (pglite-template.ts) instead of initdb.
    ...(options.template ? { loadDataDir: new Blob([readFileSync(options.template)]) } : {}),
    extensions,
  });
} catch (error) {
  openError = error;
}

/** Open transactions by id: their PGlite handle and how to end them. */
const open = new Map();
/** Thrown inside a transaction to roll it back; not an error to report. */
const ROLLBACK = Symbol('rollback');

/** @param {number} id @param {unknown} error */
function fail(id, error) {
  const e = /** @type {{ message?: string, name?: string, code?: string }} */ (error ?? {});
  parent.postMessage({
    id,
    ok: false,
    error: { message: String(e.message ?? error), name: e.name ?? 'Error', ...(e.code ? { code: e.code } : {}) },
  });
}

/** @param {number} id @param {() => Promise<unknown>} work */
function answer(id, work) {
  work().then(
    (value) => parent.postMessage({ id, ok: true, value }),
    (error) => fail(id, error),
  );
}

parent.on('message', (msg) => {
  if (!pglite) return fail(msg.id, openError);
  const db = pglite;
  // A statement inside a transaction, or its end, names it: it must still be open.
  if (msg.tx !== undefined && !open.has(msg.tx)) return fail(msg.id, new Error(`transaction ${msg.tx} is not open`));
  const target = msg.tx === undefined ? db : open.get(msg.tx).tx;
  switch (msg.op) {
    case 'query':
      return answer(msg.id, async () => ({ rows: (await target.query(msg.sql, msg.params)).rows }));
    case 'exec':
      return answer(msg.id, async () => {
        await target.exec(msg.sql);
        return null;
      });
    case 'begin': {
      // Answered once PGlite has given this transaction the database (it holds one at a time);
      // the transaction's callback then waits for its 'end'.
      /** @type {(commit: boolean) => void} */
      let end = () => {};
      const ended = new Promise((resolve) => {
        end = resolve;
      });
      const entry = { tx: /** @type {any} */ (undefined), end, endId: -1 };
      const done = db.transaction(async (tx) => {
        entry.tx = tx;
        open.set(msg.id, entry);
        parent.postMessage({ id: msg.id, ok: true, value: msg.id });
        if (!(await ended)) throw ROLLBACK;
      });
      // Ended as asked: the answer goes to the 'end' request; failed before it began: to 'begin'.
      done
        .then(
          () => parent.postMessage({ id: entry.endId, ok: true, value: null }),
          (error) =>
            error === ROLLBACK
              ? parent.postMessage({ id: entry.endId, ok: true, value: null })
              : fail(entry.endId >= 0 ? entry.endId : msg.id, error),
        )
        .finally(() => open.delete(msg.id));
      return;
    }
    case 'end': {
      const entry = open.get(msg.tx);
      entry.endId = msg.id;
      return entry.end(Boolean(msg.commit));
    }
    case 'close':
      return answer(msg.id, async () => {
        await db.close();
        return null;
      });
    default:
      return fail(msg.id, new Error(`unknown operation ${msg.op}`));
  }
});
