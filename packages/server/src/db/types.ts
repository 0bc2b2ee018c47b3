/** The little a route needs from a database: parameterised queries and transactions. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface TransactionOptions {
  /**
   * A transaction-scoped advisory lock (two int32 keys) taken before `fn` runs, in the round trip
   * that begins the transaction, so `fn`'s first statement already sees what the previous holder
   * committed. PGlite runs one transaction at a time and takes none.
   */
  advisoryLock?: readonly [number, number];
}

export interface Db extends Queryable {
  /** 'pglite' runs in one process (browser or Node); 'postgres' is a real server with many connections. */
  readonly dialect: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}
