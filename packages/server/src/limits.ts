// Per-account limits on what costs the server most: lifecycle actions, evidence uploads and event
// stream opens (a rate per window), uploads in flight at once, and the bytes of evidence an account
// keeps (the quota, enforced by the upload). A refusal is 429 `request.rate_limited` with
// `Retry-After` (seconds) and `{ retryAfter }`. Browser-safe: the rate store (rate-limiter-flexible,
// in memory or in PostgreSQL) is made by `createRateLimiter` of `rate-limit.ts` (Node) and passed in.
import type { Context, MiddlewareHandler } from 'hono';
import { discardBody, requestBody } from './multipart.js';
import { problem, problemResponse } from './problem.js';
import type { RouteDef } from './route.js';
import type { AccountRecord } from './store/index.js';
import { MULTIPART_BODY_LIMIT } from './upload-evidence.js';

/** What is rate-limited, per account. */
export type LimitedKind = 'actions' | 'uploads' | 'eventStreams';

/** At most `points` requests per `durationSeconds` (a fixed window per account). */
export interface RateRule {
  points: number;
  durationSeconds: number;
}

/** Takes one request of `kind` for an account: null when allowed, else the seconds until one is. */
export interface RateLimiter {
  take(kind: LimitedKind, accountId: string): Promise<number | null>;
}

/** What `createApp` enforces (each absent one is off). */
export interface AppLimits {
  rate?: RateLimiter;
  /** Uploads one account may have in flight at once (in this process). */
  uploadsInFlight?: number;
  /** The bytes of evidence one account may keep. */
  evidenceQuotaBytes?: number;
}

/** `startServer({ limits })`: each one a rule, a number or `false` (off); `limits: false` turns all off. */
export interface LimitOptions {
  actions?: RateRule | false;
  uploads?: RateRule | false;
  eventStreams?: RateRule | false;
  uploadsInFlight?: number | false;
  evidenceQuotaBytes?: number | false;
}

export const DEFAULT_LIMITS = {
  actions: { points: 60, durationSeconds: 60 },
  uploads: { points: 60, durationSeconds: 60 },
  eventStreams: { points: 60, durationSeconds: 60 },
  uploadsInFlight: 3,
  evidenceQuotaBytes: 200 * 1024 * 1024,
} as const satisfies Required<LimitOptions>;

/** The options with the defaults filled in (`false`: every limit off). */
export function resolveLimits(options: LimitOptions | false | undefined): {
  rules: Partial<Record<LimitedKind, RateRule>>;
  uploadsInFlight?: number;
  evidenceQuotaBytes?: number;
} {
  if (options === false) return { rules: {} };
  const pick = <K extends keyof LimitOptions>(key: K) =>
    options?.[key] === undefined ? DEFAULT_LIMITS[key] : options[key];
  const rules: Partial<Record<LimitedKind, RateRule>> = {};
  for (const kind of ['actions', 'uploads', 'eventStreams'] as const) {
    const rule = pick(kind);
    if (rule) rules[kind] = rule;
  }
  const inFlight = pick('uploadsInFlight');
  const quota = pick('evidenceQuotaBytes');
  return {
    rules,
    ...(inFlight ? { uploadsInFlight: inFlight } : {}),
    ...(quota ? { evidenceQuotaBytes: quota } : {}),
  };
}

/** The limited kind of a route: lifecycle actions, the upload, the event stream. */
export function limitedKindOf(route: Pick<RouteDef, 'action' | 'operationId'>): LimitedKind | null {
  if (route.action) return 'actions';
  if (route.operationId === 'uploadEvidence') return 'uploads';
  if (route.operationId === 'streamEvents') return 'eventStreams';
  return null;
}

export function rateLimitedResponse(retryAfterSeconds: number): Response {
  const retryAfter = Math.max(1, Math.ceil(retryAfterSeconds));
  return problemResponse(problem('request.rate_limited', [], { retryAfter }), { 'retry-after': String(retryAfter) });
}

/**
 * The limits of one route as a middleware (after authentication: it needs the account), or null
 * when none applies. An upload holds its in-flight place until its answer is made.
 */
export function limitsMiddleware<E extends { Variables: { account: AccountRecord | null } }>(
  route: RouteDef,
  limits: AppLimits | undefined,
): MiddlewareHandler<E> | null {
  const kind = limitedKindOf(route);
  if (!limits || !kind) return null;
  const { rate } = limits;
  const inFlight = kind === 'uploads' && limits.uploadsInFlight ? inFlightGate(limits.uploadsInFlight) : null;
  if (!rate && !inFlight) return null;
  // A refused upload's body is read and dropped first, so that the client hears the 429 (discardBody).
  const refuse = async (c: Context, wait: number) => {
    if (kind === 'uploads') await discardBody(requestBody(c), MULTIPART_BODY_LIMIT);
    return rateLimitedResponse(wait);
  };
  return async (c, next) => {
    const account = c.get('account');
    if (!account) return next();
    if (rate) {
      const wait = await rate.take(kind, account.id);
      if (wait !== null) return refuse(c, wait);
    }
    if (!inFlight) return next();
    const release = inFlight.enter(account.id);
    if (!release) return refuse(c, 1);
    try {
      await next();
    } finally {
      release();
    }
  };
}

/** At most `max` at once per account; `enter` answers the release, or null when the account is full. */
function inFlightGate(max: number) {
  const counts = new Map<string, number>();
  return {
    enter(accountId: string): (() => void) | null {
      const now = counts.get(accountId) ?? 0;
      if (now >= max) return null;
      counts.set(accountId, now + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (counts.get(accountId) ?? 1) - 1;
        if (left > 0) counts.set(accountId, left);
        else counts.delete(accountId);
      };
    },
  };
}

/**
 * The limits from environment variables: RATE_LIMITS=off (every rate and the in-flight cap off),
 * RATE_LIMIT_ACTIONS / RATE_LIMIT_UPLOADS / RATE_LIMIT_EVENT_STREAMS (`points/seconds` or `off`),
 * UPLOADS_IN_FLIGHT and EVIDENCE_QUOTA_BYTES (a number or `off`). Unset ones keep their default.
 */
export function limitsFromEnv(env: Record<string, string | undefined>): LimitOptions {
  const off = (value: string | undefined) => value?.trim().toLowerCase() === 'off';
  const rule = (name: string): RateRule | false | undefined => {
    const value = env[name];
    if (value === undefined || value === '') return off(env.RATE_LIMITS) ? false : undefined;
    if (off(value)) return false;
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*s?\s*$/.exec(value);
    if (!m || Number(m[1]) < 1 || Number(m[2]) < 1)
      throw new Error(`${name}: expected "points/seconds" (e.g. 60/60) or "off", got ${JSON.stringify(value)}`);
    return { points: Number(m[1]), durationSeconds: Number(m[2]) };
  };
  const count = (name: string, offByDefault: boolean): number | false | undefined => {
    const value = env[name];
    if (value === undefined || value === '') return offByDefault ? false : undefined;
    if (off(value)) return false;
    if (!/^\s*\d+\s*$/.test(value) || Number(value) < 1)
      throw new Error(`${name}: expected a positive number or "off", got ${JSON.stringify(value)}`);
    return Number(value);
  };
  const options: LimitOptions = {};
  const set = <K extends keyof LimitOptions>(key: K, value: LimitOptions[K] | undefined) => {
    if (value !== undefined) options[key] = value;
  };
  set('actions', rule('RATE_LIMIT_ACTIONS'));
  set('uploads', rule('RATE_LIMIT_UPLOADS'));
  set('eventStreams', rule('RATE_LIMIT_EVENT_STREAMS'));
  set('uploadsInFlight', count('UPLOADS_IN_FLIGHT', off(env.RATE_LIMITS)));
  set('evidenceQuotaBytes', count('EVIDENCE_QUOTA_BYTES', false));
  return options;
}
