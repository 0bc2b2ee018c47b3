// Node-only: the rate store behind `AppLimits.rate`, with rate-limiter-flexible. On PostgreSQL the
// counters are rows of one table (`rate_limits`, in the pool's schema), so every instance on that
// database shares them; should the database be away, each instance counts in memory meanwhile (the
// insurance limiter). On PGlite (one process) they are in memory.
import type pg from 'pg';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import {
  type AppLimits,
  type LimitedKind,
  type LimitOptions,
  type RateLimiter,
  type RateRule,
  resolveLimits,
} from './limits.js';

export interface RateLimiterOptions {
  rules: Partial<Record<LimitedKind, RateRule>>;
  /** Share the counters through this PostgreSQL pool (the server's). Default: in memory. */
  pool?: pg.Pool;
  /** The table on PostgreSQL (default `rate_limits`). */
  tableName?: string;
}

/** A rate store for `createApp({ limits: { rate } })`; resolves once its table exists (PostgreSQL). */
export async function createRateLimiter(options: RateLimiterOptions): Promise<RateLimiter> {
  const limiters = new Map<LimitedKind, RateLimiterAbstract>();
  const tableName = options.tableName ?? 'rate_limits';
  let tableCreated = false;
  for (const [kind, rule] of Object.entries(options.rules) as [LimitedKind, RateRule][]) {
    const base = { points: rule.points, duration: rule.durationSeconds, keyPrefix: kind };
    if (!options.pool) {
      limiters.set(kind, new RateLimiterMemory(base));
      continue;
    }
    const pool = options.pool;
    // The first limiter creates the table; the others wait for it (concurrent CREATEs can fail).
    let ready!: (error?: Error) => void;
    const created = new Promise<void>((resolve, reject) => {
      ready = (error) => (error ? reject(error) : resolve());
    });
    const limiter = new RateLimiterPostgres(
      {
        ...base,
        storeClient: pool,
        storeType: 'pool',
        tableName,
        tableCreated,
        insuranceLimiter: new RateLimiterMemory(base),
      },
      ready,
    );
    await created;
    tableCreated = true;
    limiters.set(kind, limiter);
  }
  return {
    async take(kind, accountId) {
      const limiter = limiters.get(kind);
      if (!limiter) return null;
      try {
        await limiter.consume(accountId);
        return null;
      } catch (refusal) {
        if (refusal instanceof RateLimiterRes) return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
        throw refusal;
      }
    },
  };
}

/**
 * `startServer`'s limits: the defaults of `DEFAULT_LIMITS` with `options` over them, the rate
 * counters in `pool` (PostgreSQL) or in memory.
 */
export async function createAppLimits(options: LimitOptions | false | undefined, pool?: pg.Pool): Promise<AppLimits> {
  const { rules, ...rest } = resolveLimits(options);
  const rate = Object.keys(rules).length ? await createRateLimiter({ rules, ...(pool ? { pool } : {}) }) : undefined;
  return { ...rest, ...(rate ? { rate } : {}) };
}
