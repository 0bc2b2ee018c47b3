// The reference API as a fetch handler: `createApp(...).fetch(request)`. It runs in Node and in
// the browser (Storybook runs it on in-memory PGlite), so nothing here may import `node:` or `pg`.
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { LIMITS } from '@ipr/validators';
import { isDatabaseUnavailable } from './db/errors.js';
import type { Db } from './db/types.js';
import { createEventBus, type EventBus, settledSeqReader } from './events.js';
import type { FileStore } from './files/types.js';
import type { PictureEngine } from './pictures/engine.js';
import type { SecretBox } from './webhooks/secret-box.js';
import { type AppLimits, limitsMiddleware } from './limits.js';
import { ApiProblem, notFound, problem, problemResponse } from './problem.js';
import type { Deps, RawQuery, RouteDef } from './route.js';
import { JSON_BODY_LIMIT, MULTIPART_BODY_LIMIT, ROUTES } from './routes.js';
import type { JwtVerifier } from './auth/types.js';
import { accountForIdentity, accountForToken, type AccountRecord } from './store/index.js';

export interface AppOptions {
  db: Db;
  files: FileStore;
  /** Origins allowed to call the API from a browser (CORS); `'*'` allows any. Default: none. */
  corsOrigins?: string[];
  /** The clock (tests fix it). */
  now?: () => Date;
  /** Where large attachments may be emailed instead (shown on the form; served in /v1/health). */
  emailForLargeAttachments?: string;
  /** Called with unexpected errors (500s). Default: console.error. */
  onError?: (error: unknown) => void;
  /**
   * Live status (`GET /v1/events`): the bus that wakes streams (default: one per app; pass one to
   * share it between apps of one process), the re-check interval (default 5 s) and the heartbeat
   * (default 15 s).
   */
  events?: { bus?: EventBus; pollMs?: number; heartbeatMs?: number };
  /**
   * Per-account limits (src/limits.ts): the rate of lifecycle actions, uploads and event stream
   * opens, uploads in flight, the evidence quota. Default: none (`startServer` sets them).
   */
  limits?: AppLimits;
  /**
   * The image library for picture matching (`createSharpPictures()` of `@ipr/server/node`; the
   * Node server sets it). Without one the picture routes answer 503.
   */
  pictures?: PictureEngine;
  /**
   * Bearer JWTs of the marketplace's identity provider (`createJwtVerifier` of `auth/jwt.ts`): a
   * verified token's claims name the account, created on first sight. Opaque tokens (the demo
   * accounts) keep working beside it.
   */
  jwt?: JwtVerifier;
  /**
   * Webhooks: `allowPrivateAddresses` admits endpoints on loopback and private hosts over http
   * (tests, a demo on one machine; never in production: SSRF). `wake` nudges the delivery worker.
   * `secrets` seals signing secrets at rest (`createSecretBox` with WEBHOOK_SECRETS_KEY); without it
   * they are stored as they are.
   */
  webhooks?: { allowPrivateAddresses?: boolean; wake?: () => void; secrets?: SecretBox };
}

type Env = { Variables: { account: AccountRecord | null } };

export function createApp(options: AppOptions) {
  const deps: Deps = {
    db: options.db,
    files: options.files,
    now: options.now ?? (() => new Date()),
    bus: options.events?.bus ?? createEventBus(),
    events: {
      ...(options.events?.pollMs !== undefined ? { pollMs: options.events.pollMs } : {}),
      ...(options.events?.heartbeatMs !== undefined ? { heartbeatMs: options.events.heartbeatMs } : {}),
      // Concurrent commits: streams send only settled seqs (see settledSeqReader).
      ...(options.db.dialect === 'postgres' ? { settled: settledSeqReader(options.db) } : {}),
    },
    ...(options.emailForLargeAttachments ? { emailForLargeAttachments: options.emailForLargeAttachments } : {}),
    webhooks: {
      allowPrivate: options.webhooks?.allowPrivateAddresses ?? false,
      ...(options.webhooks?.wake ? { wake: options.webhooks.wake } : {}),
      ...(options.webhooks?.secrets ? { secrets: options.webhooks.secrets } : {}),
    },
    ...(options.pictures ? { pictures: options.pictures } : {}),
    ...(options.limits?.evidenceQuotaBytes
      ? { limits: { evidenceQuotaBytes: options.limits.evidenceQuotaBytes } }
      : {}),
  };
  const report = options.onError ?? ((error: unknown) => console.error(error));
  const app = new Hono<Env>();
  const origins = options.corsOrigins ?? [];

  if (origins.length) {
    app.use(
      '*',
      cors({
        origin: (origin) => (origins.includes('*') || origins.includes(origin) ? origin : null),
        allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
        allowHeaders: [
          'Authorization',
          'Content-Type',
          'Idempotency-Key',
          'Accept-Language',
          'Last-Event-ID',
          'If-None-Match',
        ],
        // ETag: a partner page's client revalidates its copies (If-None-Match → 304).
        exposeHeaders: ['Idempotent-Replayed', 'Content-Disposition', 'Location', 'ETag'],
        maxAge: 600,
      }),
    );
  }
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      // The API is meant to be called from partner origins (with CORS); same-origin would block that.
      crossOriginResourcePolicy: origins.length ? 'cross-origin' : 'same-origin',
    }),
  );
  // HEAD runs the GET handler and drops its body unread: a body that is a stream (the events) is
  // cancelled here, so it never outlives the request.
  app.use('*', async (c, next) => {
    await next();
    if (c.req.method === 'HEAD') await c.res.body?.cancel().catch(() => {});
  });

  const accounts = accountCache(deps, options.jwt, report);
  for (const route of ROUTES) {
    const path = route.path.replace(/\{(\w+)\}/g, ':$1');
    const chain: MiddlewareHandler<Env>[] = [authenticate(route, accounts)];
    if (route.roles !== 'public') chain.unshift(noStore);
    const limited = limitsMiddleware<Env>(route, options.limits);
    if (limited) chain.push(limited);
    if (route.body?.kind === 'multipart') {
      // Refused at once by its Content-Length; without one, the upload counts its body as it streams.
      chain.push(async (c, next) =>
        declaredLengthOver(c.req.raw, MULTIPART_BODY_LIMIT)
          ? problemResponse(problem('evidence.too_large', ['file'], { file: 'file', limit: LIMITS.maxEvidenceBytes }))
          : next(),
      );
    }
    app.on([route.method.toUpperCase()], [path], ...chain, async (c) => {
      const account = c.get('account') as AccountRecord;
      const params = c.req.param() as Record<string, string>;
      // Ids are short and printable; anything else cannot name a resource (and NUL cannot reach SQL).
      if (Object.values(params).some((v) => v.length > 200 || v.includes('\u0000'))) throw notFound();
      const body = await readBody(route, c);
      const query = readQuery(route, c);
      return route.handler({ c, deps, account, params, query, body });
    });
  }

  app.notFound(() => problemResponse(notFound()));
  app.onError((error, c) => {
    if (error instanceof ApiProblem) return problemResponse(error);
    // The body limit reads a streamed (chunked) body itself: a client that goes away mid-body lands here.
    if (bodyReadAborted(error, c.req.raw)) return problemResponse(problem('request.aborted'));
    // The database is away (restarting, failing over): a moment's unavailability, not a fault here.
    if (isDatabaseUnavailable(error)) return problemResponse(problem('server.unavailable'), { 'retry-after': '2' });
    report(error);
    return problemResponse(
      new ApiProblem([{ code: 'server.error', path: [], message: 'Something went wrong on our side. Try again.' }]),
    );
  });
  return app;
}

/**
 * Token → account, remembered for a minute (only known tokens, so unknown ones cannot fill it):
 * saves a query on every request; a revoked token stops working within the minute. A JWT is
 * remembered no longer than it is valid.
 */
function accountCache(deps: Deps, jwt: JwtVerifier | undefined, report: (error: unknown) => void) {
  const known = new Map<string, { account: AccountRecord; until: number }>();
  const fromJwt = async (
    verifier: JwtVerifier,
    token: string,
  ): Promise<{ account: AccountRecord; until: number } | null> => {
    const verified = await verifier.verify(token);
    if (!verified.ok) {
      // An unreachable key set is the operator's problem, not the caller's: say so in the log.
      if (verified.reason === 'jwks_unavailable') report(new Error('JWT auth: the JWKS could not be fetched'));
      return null;
    }
    const { expiresAt, ...identity } = verified.identity;
    return { account: await accountForIdentity(deps.db, identity), until: expiresAt };
  };
  return async (token: string): Promise<AccountRecord | null> => {
    const hit = known.get(token);
    const now = Date.now();
    if (hit && hit.until > now) return hit.account;
    const found = jwt?.accepts(token)
      ? await fromJwt(jwt, token)
      : await accountForToken(deps.db, token).then((account) => (account ? { account, until: Infinity } : null));
    if (found) {
      if (known.size > 1000) known.clear();
      known.set(token, { account: found.account, until: Math.min(now + 60_000, found.until) });
    } else known.delete(token);
    return found?.account ?? null;
  };
}

function authenticate(
  route: RouteDef,
  lookup: (token: string) => Promise<AccountRecord | null>,
): MiddlewareHandler<Env> {
  return async (c, next) => {
    if (route.roles === 'public') {
      c.set('account', null);
      return next();
    }
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const account = match ? await lookup(match[1]!) : null;
    if (!account) return problemResponse(problem('auth.unauthorized'), { 'www-authenticate': 'Bearer' });
    if (!route.roles.includes(account.role)) throw problem('auth.forbidden', [], { role: account.role });
    c.set('account', account);
    return next();
  };
}

async function readBody(route: RouteDef, c: Context<Env>): Promise<unknown> {
  if (!route.body) return undefined;
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (route.body.kind === 'multipart') {
    if (!type.startsWith('multipart/form-data'))
      throw problem('request.invalid_json', [], { expected: 'multipart/form-data' });
    // The handler streams it (upload-evidence.ts): a file is never buffered whole here.
    return undefined;
  }
  const text = await jsonText(c, JSON_BODY_LIMIT);
  if (text.trim() === '') {
    if (route.body.required) throw problem('request.invalid_json', [], { expected: 'application/json' });
    return {};
  }
  if (!/^application\/([\w.+-]+\+)?json\b/.test(type))
    throw problem('request.invalid_json', [], { expected: 'application/json' });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw problem('request.invalid_json', [], { expected: 'application/json' });
  }
  // Before anything walks the value (the idempotency hash, the checks below, the rules recurse).
  if (deeperThan(value, MAX_JSON_DEPTH)) throw problem('request.invalid_json', [], { maxDepth: MAX_JSON_DEPTH });
  // JSON refuses a raw U+0000 and decoded UTF-8 holds no lone surrogate: both can only come from
  // `\u` escapes, so a body without such an escape skips the walk (the common case, no copy).
  if (text.includes('\\u0000')) {
    const nul = nulPath(value, []);
    if (nul) throw problem('field.invalid_type', nul);
  }
  return ESCAPED_SURROGATE.test(text) ? wellFormed(value) : value;
}

/**
 * A JSON body as text, at most `max` bytes: refused at once (413 `request.too_large`) by its
 * Content-Length, or while it streams when it has none (chunked). A body with a Content-Length is read
 * by `text()`, which @hono/node-server serves from the Node request itself (no Web Request or stream
 * is built: that was a tenth of a create's CPU); Node's parser never delivers more than the length.
 */
async function jsonText(c: Context<Env>, max: number): Promise<string> {
  const tooLarge = () => problem('request.too_large', [], { limit: max });
  const declared = declaredLength(c.req.raw);
  if (declared !== null) {
    if (declared > max) throw tooLarge();
    return c.req.text();
  }
  const body = c.req.raw.body;
  if (!body) return '';
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return text + decoder.decode();
      total += value.byteLength;
      if (total > max) throw tooLarge();
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    reader.releaseLock();
  }
}

const ESCAPED_SURROGATE = /\\u[dD][89a-fA-F]/;

/** How deeply a JSON body may nest (objects and arrays); no request of the API needs a tenth of it. */
export const MAX_JSON_DEPTH = 64;

/** Whether objects and arrays nest deeper than `max` in `value` (iterative: any depth is safe to check). */
function deeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, depth] = next;
    if (node === null || typeof node !== 'object') continue;
    if (depth > max) return true;
    for (const inner of Array.isArray(node) ? node : Object.values(node))
      if (inner !== null && typeof inner === 'object') stack.push([inner, depth + 1]);
  }
  return false;
}

/**
 * Answers of the routes that need a token carry personal data: no cache may keep them. A route
 * that says otherwise keeps its own (the evidence bytes, the event stream).
 */
const noStore: MiddlewareHandler<Env> = async (c, next) => {
  await next();
  if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-store');
};

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Lone UTF-16 surrogates (`"\ud800"` is valid JSON) become U+FFFD, as text columns already store
 * them: PostgreSQL's json/jsonb refuses them outright (a 500 for a contact or holder otherwise).
 */
function wellFormed(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(LONE_SURROGATE, '\ufffd');
  if (depth > 32 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((inner) => wellFormed(inner, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [wellFormed(key) as string, wellFormed(inner, depth + 1)]),
  );
}

/** The body's Content-Length, when it has one and no Transfer-Encoding (null for a chunked body). */
function declaredLength(request: Request): number | null {
  const length = request.headers.get('content-length');
  return length !== null && !request.headers.has('transfer-encoding') ? Number(length) : null;
}

/** A Content-Length (without Transfer-Encoding) larger than `max`. */
function declaredLengthOver(request: Request, max: number): boolean {
  return (declaredLength(request) ?? 0) > max;
}

/**
 * A request body that could not be read because the client went away or cancelled the upload:
 * the request's signal fired, the body stream failed with an AbortError (a cancelled upload), or
 * Node's `aborted` (connection closed mid-body). Not a server fault: 400 `request.aborted`.
 */
function bodyReadAborted(error: unknown, request: Request): boolean {
  if (!request.body) return false;
  if (request.signal?.aborted) return true;
  if (typeof error !== 'object' || error === null) return false;
  const { name, code, message } = error as { name?: unknown; code?: unknown; message?: unknown };
  return (
    name === 'AbortError' || (code === 'ECONNRESET' && message === 'aborted') || code === 'ERR_STREAM_PREMATURE_CLOSE'
  );
}

/** PostgreSQL text cannot hold U+0000: such input is refused by path rather than failing in SQL. */
function nulPath(value: unknown, path: (string | number)[], depth = 0): (string | number)[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulPath(value[i], [...path, i], depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes('\u0000')) return [...path, key.replaceAll('\u0000', '')];
    const found = nulPath(inner, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/** The query as sent, for a route with a query schema (the route parses it): empty values dropped, integers as numbers. */
function readQuery(route: RouteDef, c: Context<Env>): RawQuery {
  if (!route.query) return {};
  const raw: RawQuery = {};
  for (const [key, value] of Object.entries(c.req.query())) {
    if (value === '') continue;
    if (value.includes('\u0000')) throw problem('field.invalid_type', ['query', key]);
    raw[key] = route.queryInts?.includes(key) && /^-?\d{1,15}$/.test(value) ? Number(value) : value;
  }
  return raw;
}
