// How a route is written: what documents it (method, path, roles, bodies, answers, problems) and a
// handler that gets its query as its zod schema produces it. The table is routes.ts.
import type { Context } from 'hono';
import { parseWith, type Action, type Role } from '@ipr/validators';
import type * as z from 'zod/mini';
import type { Db } from './db/types.js';
import type { EventBus } from './events.js';
import type { FileStore } from './files/types.js';
import type { PictureEngine } from './pictures/engine.js';
import type { SecretBox } from './webhooks/secret-box.js';
import { notFound, refused } from './problem.js';
import { getComplaint, type AccountRecord } from './store/index.js';

export interface Deps {
  db: Db;
  files: FileStore;
  now: () => Date;
  emailForLargeAttachments?: string;
  /** Wakes the event streams on every create and action. */
  bus: EventBus;
  /** Event stream timing (tests shorten it). */
  events?: { pollMs?: number; heartbeatMs?: number; settled?: () => Promise<number> };
  /** Webhooks: whether endpoints may be private hosts (tests, the local demo), a wake-up for the worker, and how secrets are stored. */
  webhooks?: { allowPrivate: boolean; wake?: () => void; secrets?: SecretBox };
  /** Per-account limits a handler enforces itself (the rest are middleware: limits.ts). */
  limits?: { evidenceQuotaBytes?: number };
  /** Decodes and hashes pictures (none in a browser: the picture routes answer 503). */
  pictures?: PictureEngine;
}

/** What a handler gets: `query` is what the route's query schema produced (`{}` without one). */
export interface RouteContext<Q = Record<string, never>> {
  c: Context;
  deps: Deps;
  /** The caller (null only on public routes). */
  account: AccountRecord;
  params: Record<string, string>;
  query: Q;
  /** The request body as read: JSON (parsed by the handler, or the store, with its schema) or the multipart form. */
  body: unknown;
}

/** The query parameters as read from the URL (numbers for `queryInts`), before the route's schema. */
export type RawQuery = Record<string, unknown>;

type QuerySchema = z.ZodMiniObject;

export type BodyKind = { kind: 'json'; schema: string; required: boolean } | { kind: 'multipart' };

export interface ResponseDoc {
  description: string;
  /** A component schema name, 'binary' for file bytes, 'csv' for text/csv, 'event-stream' for SSE, 'none' for no body (204). */
  schema?: string;
  headers?: Record<string, string>;
}

/** What documents a route: everything but its query schema and handler. */
interface RouteMeta {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI style: `/v1/complaints/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  /** Who may call it; 'public' needs no token. Lifecycle routes admit every role and refuse per action (403/409). */
  roles: readonly Role[] | 'public';
  /** The lifecycle action a route performs (its role is documented from TRANSITIONS). */
  action?: Action;
  /** Query parameters given as numbers. */
  queryInts?: string[];
  headers?: { name: string; required: boolean; description: string }[];
  body?: BodyKind;
  responses: Record<number, ResponseDoc>;
  /** Problem statuses this operation can answer (401 is added for every non-public route). */
  problems: number[];
}

/** A mounted route: the app hands it the raw query; it parses that with `query` before its handler runs. */
export interface RouteDef extends RouteMeta {
  query?: QuerySchema;
  handler: (ctx: RouteContext<RawQuery>) => Promise<Response>;
}

type QueryRoute<Q extends QuerySchema> = RouteMeta & {
  query: Q;
  handler: (ctx: RouteContext<z.output<Q>>) => Promise<Response>;
};
type PlainRoute = RouteMeta & { query?: undefined; handler: (ctx: RouteContext) => Promise<Response> };

/**
 * A route of the table. With a `query` schema its handler gets what the schema produces (refused
 * with the issues at `['query', …]` otherwise); without one, no query.
 */
export function route<Q extends QuerySchema>(spec: QueryRoute<Q>): RouteDef;
export function route(spec: PlainRoute): RouteDef;
export function route(spec: QueryRoute<QuerySchema> | PlainRoute): RouteDef {
  if (spec.query === undefined) {
    const { handler } = spec;
    return { ...spec, handler: (ctx) => handler({ ...ctx, query: {} }) };
  }
  const { handler, query: schema } = spec;
  return { ...spec, handler: (ctx) => handler({ ...ctx, query: parseQuery(schema, ctx.query) }) };
}

function parseQuery<Q extends QuerySchema>(schema: Q, raw: RawQuery): z.output<Q> {
  const parsed = parseWith(schema, raw);
  if (!parsed.ok) throw refused(parsed.issues.map((i) => ({ ...i, path: ['query', ...i.path] })));
  return parsed.value;
}

const utf8 = new TextEncoder();

/** A JSON answer. Its body is bytes: a Response made from a long string converts it once more (USVString) when read. */
export const json = (data: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(utf8.encode(JSON.stringify(data)), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });

export function parseBody<T extends z.core.$ZodType>(schema: T, body: unknown): z.output<T> {
  const parsed = parseWith(schema, body);
  if (!parsed.ok) throw refused(parsed.issues);
  return parsed.value;
}

export async function complaintOr404(deps: Deps, account: AccountRecord, id: string) {
  const complaint = await getComplaint(deps.db, account, id);
  if (!complaint) throw notFound();
  return complaint;
}
