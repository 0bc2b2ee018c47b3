import pg from 'pg';
import { isDatabaseUnavailable } from './errors.js';
import type { Db, Queryable } from './types.js';

/** How many distinct statement texts are prepared (per process; each connection prepares those it runs). */
const PREPARED_LIMIT = 500;

export interface PgOptions {
  connectionString: string;
  /** A schema to use (created when missing): isolated test runs. */
  schema?: string;
  max?: number;
  /** How long a query may wait for a new connection before it fails (503). Default 5 s. */
  connectionTimeoutMillis?: number;
  /** A connection error of an idle or checked-out client (the database went away). Default: ignored. */
  onConnectionError?: (error: Error) => void;
}

/**
 * A real PostgreSQL through node-postgres (a pool). When the database goes away (a restart, a
 * failover) queries fail with connection errors, which the app answers 503 `server.unavailable`;
 * a client whose connection broke is destroyed, never handed out again, and the pool connects anew
 * once the database is back. A lost connection never throws out of an event handler (which would
 * end the process).
 */
export async function createPgDb(options: PgOptions): Promise<Db & { pool: pg.Pool }> {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5000,
    ...(schema ? { options: `-c search_path=${schema},public` } : {}),
  });
  const lost = options.onConnectionError ?? (() => {});
  // An idle client's connection ended (pg_ctl stop, a network cut): the pool drops that client and
  // re-emits the error here; without a listener it would be an uncaught 'error' event.
  pool.on('error', (error) => lost(error));
  // A checked-out client can be told the same between two queries of a transaction.
  pool.on('connect', (client) => {
    client.on('error', (error) => lost(error));
  });
  if (schema) await pool.query(`create schema if not exists ${schema}`);
  // Every parameterised statement is prepared once per connection (a named statement), as
  // `pgbench -M prepared` does: the create path's statements were parsed and planned on every call,
  // 1.8 of its 4.6 ms of database time besides the commit. One name per text, for the first
  // PREPARED_LIMIT texts (statements built with inlined values would otherwise grow each
  // connection's cache without bound); later texts go unnamed.
  const names = new Map<string, string>();
  const nameOf = (sql: string): string | undefined => {
    let name = names.get(sql);
    if (name === undefined && names.size < PREPARED_LIMIT) {
      name = `ipr_${names.size}`;
      names.set(sql, name);
    }
    return name;
  };
  const wrap = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      const name = nameOf(sql);
      const result = await client.query(name ? { name, text: sql, values: params } : { text: sql, values: params });
      return { rows: result.rows as T[] };
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  });
  const base = wrap(pool);
  return {
    dialect: 'postgres',
    pool,
    query: base.query,
    exec: base.exec,
    async transaction(fn, options) {
      const lock = options?.advisoryLock;
      // Inlined, not a parameter: `begin` and the lock go as one simple query (one round trip).
      if (lock && !lock.every((k) => Number.isInteger(k) && k >= -2147483648 && k <= 2147483647))
        throw new Error(`advisory lock keys must be int32: ${lock.join(', ')}`);
      const client = await pool.connect();
      // A client whose connection broke (or whose rollback failed) is destroyed on release, not reused.
      let broken: Error | undefined;
      try {
        await client.query(lock ? `begin; select pg_advisory_xact_lock(${lock[0]}, ${lock[1]})` : 'begin');
        const value = await fn(wrap(client));
        await client.query('commit');
        return value;
      } catch (error) {
        await client.query('rollback').catch((rollbackError: unknown) => {
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        });
        if (!broken && isDatabaseUnavailable(error)) broken = error as Error;
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
