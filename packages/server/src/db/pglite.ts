import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Db, Queryable } from './types.js';

export interface PgliteOptions {
  /** A folder (Node), `idb://name` (browser) or undefined for memory. */
  dataDir?: string;
  /** Start from a dump made with `dumpPglite()` (fast test databases). */
  loadDataDir?: Blob | File;
  /**
   * Load the pg_trgm extension (default true): substring search by trigram index. In a browser it
   * is fetched as a separate file next to PGlite's; without it the same queries scan instead.
   */
  trigram?: boolean;
}

/** Embedded PostgreSQL (WASM): in memory or in a data folder; works in the browser and in Node. */
export async function createPgliteDb(options: PgliteOptions = {}): Promise<Db & { pglite: PGlite }> {
  const pglite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    ...(options.trigram !== false ? { extensions: { pg_trgm } } : {}),
  });
  return wrapPglite(pglite);
}

export function wrapPglite(pglite: PGlite): Db & { pglite: PGlite } {
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await q.query<T>(sql, params as unknown[]);
      return { rows: result.rows };
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const base = wrap(pglite);
  return {
    dialect: 'pglite',
    pglite,
    query: base.query,
    exec: base.exec,
    transaction: (fn) => pglite.transaction((tx) => fn(wrap(tx))),
    close: () => pglite.close(),
  };
}

/** A snapshot of the whole database, for `createPgliteDb({ loadDataDir })`. */
export async function dumpPglite(db: Db): Promise<Blob> {
  const pglite = (db as Db & { pglite?: PGlite }).pglite;
  if (!pglite) throw new Error('dumpPglite needs a PGlite database');
  return pglite.dumpDataDir('none');
}
