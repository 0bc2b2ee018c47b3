// What the feature suites share: a seeded database per suite with callers of the real app (routes,
// auth, database) at the real time or a fixed one, and a problem assertion.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { createApp } from '../../src/index.js';
import { type Api, newKey, TOKENS, type Who } from '../helpers.js';

export type Call = (
  method: string,
  path: string,
  who?: Who | null,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<{ status: number; data: any; headers: Headers }>;

/** A client of `app.fetch` (the real app: routes, auth, database). */
export function caller(app: { fetch: (r: Request) => Response | Promise<Response> }): Call {
  return async (method, path, who, body, headers = {}) => {
    const h: Record<string, string> = { ...headers };
    if (who) h.authorization = `Bearer ${TOKENS[who]}`;
    if (body !== undefined) h['content-type'] ??= 'application/json';
    const response = await app.fetch(
      new Request(`http://api.test${path}`, {
        method,
        headers: h,
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    const type = response.headers.get('content-type') ?? '';
    const data = type.includes('json') ? await response.json() : await response.text();
    return { status: response.status, data, headers: response.headers };
  };
}

/**
 * The suite's seeded API, opened before its tests and closed after them: its database and files,
 * `call` (the real clock) and `at(now)` (the same database with a fixed clock, for expiry checks).
 */
export function seededApp(open: () => Promise<Api>) {
  let api: Api | undefined;
  let live: Call | undefined;
  const opened = () => {
    assert.ok(api, 'the suite has not opened its database yet');
    return api;
  };
  const appAt = (now?: Date) =>
    caller(
      createApp({
        db: opened().db,
        files: opened().files,
        ...(now ? { now: () => now } : {}),
        onError: (e) => {
          throw e;
        },
      }),
    );
  before(async () => {
    api = await open();
    live = appAt();
  });
  after(async () => {
    await api?.close();
  });
  const call: Call = (...args) => (live ?? appAt())(...args);
  return {
    get db() {
      return opened().db;
    },
    get files() {
      return opened().files;
    },
    call,
    at: (now: Date) => appAt(now),
  };
}

/** Submits a draft as `who` with a fresh Idempotency-Key (or the one given). */
export const create = (c: Call, who: Who, draft: unknown, key = newKey()) =>
  c('POST', '/v1/complaints', who, draft, { 'idempotency-key': key });

export const problem = (res: { status: number; data: any }, status: number, code: string) => {
  assert.equal(res.status, status, JSON.stringify(res.data));
  assert.equal(res.data.code, code, JSON.stringify(res.data));
};

export const NOW = new Date('2026-11-29T10:00:00Z');
export const plusDays = (n: number, from = NOW) => new Date(from.getTime() + n * 86_400_000).toISOString().slice(0, 10);
