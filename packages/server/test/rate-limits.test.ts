// Per-account rate limits on lifecycle actions, uploads and event stream opens: past the limit,
// 429 request.rate_limited with Retry-After (seconds) and `{ retryAfter }`, and nothing done (no
// history row, no event). In memory on PGlite; in PostgreSQL (a table the instances share) when the
// server runs on it: two server instances on one database share the limit (TEST_DATABASE_URL).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type Db } from '../src/index.js';
import { createPgDb, createRateLimiter, DEFAULT_LIMITS, startServer, type RunningServer } from '../src/node.js';
import { seededApi, TOKENS, type Api, type Who } from './helpers.js';

type Fetcher = (path: string, init?: RequestInit & { who?: Who }) => Promise<Response>;

const inProcess =
  (app: { fetch: (r: Request) => Response | Promise<Response> }): Fetcher =>
  (path, { who = 'a', ...init } = {}) =>
    Promise.resolve(
      app.fetch(
        new Request(`http://api.test${path}`, {
          ...init,
          headers: { authorization: `Bearer ${TOKENS[who]}`, ...(init.headers as Record<string, string>) },
        }),
      ),
    );

const overHttp =
  (base: string): Fetcher =>
  (path, { who = 'a', ...init } = {}) =>
    fetch(`${base}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${TOKENS[who]}`, ...(init.headers as Record<string, string>) },
    });

/** A complaint of `who` in supplier_responded (where "Check now" is allowed, again and again). */
async function checkable(db: Db, account: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    "select id from complaints where account_id = $1 and status = 'supplier_responded' order by created_at limit 1",
    [account],
  );
  assert.ok(rows[0], `a supplier_responded complaint of ${account}`);
  return rows[0].id;
}

const historyCount = async (db: Db, id: string) =>
  (await db.query<{ n: number }>('select count(*)::int as n from complaint_history where complaint_id = $1', [id]))
    .rows[0]!.n;

/** `n` concurrent "Check now" spread over `fetchers`: the answers' statuses, and every 429 checked. */
async function burstOfChecks(fetchers: Fetcher[], id: string, n: number) {
  const answers = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      fetchers[i % fetchers.length]!(`/v1/complaints/${id}/check`, { method: 'POST' }),
    ),
  );
  let ok = 0;
  let limited = 0;
  for (const res of answers) {
    if (res.status === 200) ok++;
    else if (res.status === 429) {
      limited++;
      const retryAfter = Number(res.headers.get('retry-after'));
      assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
      assert.equal(res.headers.get('content-type'), 'application/problem+json');
      const problem = await res.json();
      assert.equal(problem.code, 'request.rate_limited');
      assert.equal(problem.status, 429);
      assert.equal(problem.issues[0].params.retryAfter, retryAfter);
      assert.match(problem.detail, new RegExp(`${retryAfter} s`));
      continue;
    } else assert.fail(`unexpected ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  }
  return { ok, limited };
}

describe('PGlite (in memory): actions, uploads and event streams per account', () => {
  let api: Api;
  let call: Fetcher;
  before(async () => {
    api = await seededApi();
    const rate = await createRateLimiter({
      rules: {
        actions: { points: 10, durationSeconds: 60 },
        uploads: { points: 3, durationSeconds: 60 },
        eventStreams: { points: 2, durationSeconds: 60 },
      },
    });
    call = inProcess(createApp({ db: api.db, files: api.files, limits: { rate } }));
  });
  after(async () => {
    await api.close();
  });

  test('50 concurrent "Check now" on one complaint: 10 succeed, 40 are refused with 429, 10 history rows', async () => {
    const id = await checkable(api.db, 'acc_complainant_a');
    const before = await historyCount(api.db, id);
    const { ok, limited } = await burstOfChecks([call], id, 50);
    assert.equal(ok, 10);
    assert.equal(limited, 40);
    assert.equal((await historyCount(api.db, id)) - before, 10, 'a refused action writes no history (no event)');
    // Another account has its own budget.
    const other = await checkable(api.db, 'acc_complainant_b');
    assert.equal((await call(`/v1/complaints/${other}/check`, { method: 'POST', who: 'b' })).status, 200);
    // Reading is not limited.
    assert.equal((await call(`/v1/complaints/${id}`)).status, 200);
  });

  test('uploads: the 4th within the window is refused with 429 before anything is stored', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const send = (i: number) => {
      const form = new FormData();
      form.append('file', new File([png, new Uint8Array([i])], `rate-${i}.png`));
      return call('/v1/evidence', { method: 'POST', body: form });
    };
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await send(i)).status);
    assert.deepEqual(statuses, [201, 201, 201, 429]);
    const { rows } = await api.db.query<{ n: number }>(
      "select count(*)::int as n from evidence where name like 'rate-%'",
    );
    assert.equal(rows[0]!.n, 3);
  });

  test('event streams: the 3rd open within the window is refused with 429 (open streams are not ended)', async () => {
    const aborts: AbortController[] = [];
    const open = async () => {
      const controller = new AbortController();
      aborts.push(controller);
      return call('/v1/events', { signal: controller.signal });
    };
    const first = await open();
    const second = await open();
    const third = await open();
    assert.equal(first.status, 200);
    assert.equal(second.status, 200);
    assert.equal(third.status, 429);
    assert.ok(Number(third.headers.get('retry-after')) >= 1);
    for (const c of aborts) c.abort();
    await first.body?.cancel().catch(() => {});
    await second.body?.cancel().catch(() => {});
  });
});

describe('startServer on PGlite: the limits are on by default and configurable', () => {
  test(`default: ${DEFAULT_LIMITS.actions.points} actions per ${DEFAULT_LIMITS.actions.durationSeconds} s; configured 20: 50 concurrent checks → 20 succeed, 30 get 429 with Retry-After`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ipr-rate-'));
    let server: RunningServer | undefined;
    try {
      server = await startServer({ port: 0, dataDir: dir, seed: true, catalogueSize: 100 });
      const id = await checkable(server.db, 'acc_complainant_a');
      const { ok, limited } = await burstOfChecks([overHttp(server.url)], id, DEFAULT_LIMITS.actions.points + 5);
      assert.deepEqual({ ok, limited }, { ok: DEFAULT_LIMITS.actions.points, limited: 5 });
      await server.close();
      server = await startServer({
        port: 0,
        dataDir: dir,
        catalogueSize: 100,
        limits: { actions: { points: 20, durationSeconds: 60 } },
      });
      const before = await historyCount(server.db, id);
      assert.deepEqual(await burstOfChecks([overHttp(server.url)], id, 50), { ok: 20, limited: 30 });
      assert.equal((await historyCount(server.db, id)) - before, 20);
    } finally {
      await server?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const url = process.env.TEST_DATABASE_URL;
if (!url) {
  const reason = 'TEST_DATABASE_URL is not set: the limits shared through PostgreSQL are not checked';
  console.log(`# ${reason}`);
  test('PostgreSQL: two instances share the limit', (t) => {
    t.skip(reason);
  });
} else {
  test('PostgreSQL: two server instances on one database share the limit (50 checks → 10 succeed in all)', async () => {
    const schema = `ipr_test_rl_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6).toString(36)}`;
    const admin = await createPgDb({ connectionString: url, schema });
    const databaseUrl = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema},public`)}`;
    const dirs = [mkdtempSync(join(tmpdir(), 'ipr-rate-pg-')), mkdtempSync(join(tmpdir(), 'ipr-rate-pg-'))];
    const servers: RunningServer[] = [];
    try {
      const limits = { actions: { points: 10, durationSeconds: 60 } };
      servers.push(
        await startServer({ port: 0, databaseUrl, dataDir: dirs[0], seed: true, catalogueSize: 100, limits }),
      );
      servers.push(await startServer({ port: 0, databaseUrl, dataDir: dirs[1], catalogueSize: 100, limits }));
      const id = await checkable(admin, 'acc_complainant_a');
      const before = await historyCount(admin, id);
      const { ok, limited } = await burstOfChecks(
        servers.map((s) => overHttp(s.url)),
        id,
        50,
      );
      assert.deepEqual({ ok, limited }, { ok: 10, limited: 40 });
      assert.equal((await historyCount(admin, id)) - before, 10);
      const { rows } = await admin.query<{ key: string; points: number }>('select key, points from rate_limits');
      assert.ok(
        rows.some((r) => r.key === 'actions:acc_complainant_a' && r.points >= 10),
        `the counter is a row in the schema: ${JSON.stringify(rows)}`,
      );
    } finally {
      for (const s of servers) await s.close();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.close();
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    }
  });
}
