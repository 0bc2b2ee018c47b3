// Web headers of the API: security headers on every kind of answer (JSON, problem, file, 204,
// event stream, 413 from the body limit, 500), nothing that names the stack, and CORS only for
// the configured origins (no credentials, even when any origin is allowed). In-process and over
// a real socket (startServer).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/index.js';
import { startServer, type RunningServer } from '../src/node.js';
import type { Db } from '../src/db/types.js';
import { draftA, form, newKey, pngFile, seededApi, TOKENS, type Api } from './helpers.js';

type Fetch = (request: Request) => Response | Promise<Response>;

function assertSecure(res: Response, label: string) {
  const h = res.headers;
  assert.equal(h.get('x-content-type-options'), 'nosniff', `${label}: nosniff`);
  const csp = h.get('content-security-policy') ?? '';
  assert.match(csp, /(^|;)\s*default-src 'none'/, `${label}: CSP default-src 'none' (${csp})`);
  assert.match(csp, /(^|;)\s*frame-ancestors 'none'/, `${label}: CSP frame-ancestors 'none' (${csp})`);
  assert.equal(h.get('referrer-policy'), 'no-referrer', `${label}: referrer-policy`);
  assert.ok(['DENY', 'SAMEORIGIN'].includes(h.get('x-frame-options') ?? ''), `${label}: x-frame-options`);
  assert.equal(h.get('x-powered-by'), null, `${label}: no x-powered-by`);
  assert.equal(h.get('server'), null, `${label}: no server header`);
  assert.ok(h.get('cross-origin-resource-policy'), `${label}: CORP`);
}

/** One of each kind of answer. */
async function kinds(fetch: Fetch, base: string): Promise<[string, Response][]> {
  const auth = (who: keyof typeof TOKENS) => ({ authorization: `Bearer ${TOKENS[who]}` });
  const out: [string, Response][] = [];
  const get = async (label: string, path: string, headers: Record<string, string> = {}) => {
    out.push([label, await fetch(new Request(`${base}${path}`, { headers }))]);
  };
  await get('public JSON', '/v1/health');
  await get('JSON answer', '/v1/account', auth('a'));
  await get('401 problem', '/v1/account');
  await get('404 problem (unknown route)', '/v1/nothing', auth('a'));
  await get('404 problem (unseen complaint)', '/v1/complaints/cmp_nope', auth('b'));
  await get('403 problem', '/v1/evidence', auth('platform'));
  await get('422 problem', '/v1/complaints?limit=1000', auth('a'));
  await get('evidence file', '/v1/evidence/ev_seed_a_certificate/content', auth('a'));
  out.push([
    '400 problem',
    await fetch(
      new Request(`${base}/v1/complaints`, {
        method: 'POST',
        headers: { ...auth('a'), 'content-type': 'application/json', 'idempotency-key': newKey() },
        body: '{',
      }),
    ),
  ]);
  out.push([
    '413 problem',
    await fetch(
      new Request(`${base}/v1/evidence`, {
        method: 'POST',
        headers: auth('a'),
        body: form(pngFile('big.png', 6 * 1024 * 1024)),
      }),
    ),
  ]);
  out.push([
    '201 created',
    await fetch(
      new Request(`${base}/v1/complaints`, {
        method: 'POST',
        headers: { ...auth('a'), 'content-type': 'application/json', 'idempotency-key': newKey() },
        body: JSON.stringify(draftA({ productLinks: ['https://market.example/product/p001501'] })),
      }),
    ),
  ]);
  const created = await fetch(
    new Request(`${base}/v1/holder-profiles`, {
      method: 'POST',
      headers: { ...auth('a'), 'content-type': 'application/json' },
      body: JSON.stringify({
        holder: {
          name: 'H',
          identificationType: 'business_registration',
          identificationNumber: 'N1',
          identificationAttachments: ['ev_seed_a_certificate'],
          powerOfAttorney: ['ev_seed_a_poa'],
        },
      }),
    }),
  );
  assert.equal(created.status, 201, await created.clone().text());
  out.push([
    '204 no content',
    await fetch(
      new Request(`${base}/v1/holder-profiles/${(await created.json()).id}`, { method: 'DELETE', headers: auth('a') }),
    ),
  ]);
  const controller = new AbortController();
  const stream = await fetch(new Request(`${base}/v1/events`, { headers: auth('a'), signal: controller.signal }));
  out.push(['event stream', stream]);
  controller.abort();
  await stream.body?.cancel().catch(() => {});
  return out;
}

describe('security headers', () => {
  let api: Api;
  before(async () => {
    api = await seededApi();
  });
  after(async () => {
    await api.close();
  });

  test('on answers, problems, files, 204s, 413s and the event stream (in-process)', async () => {
    const seen = await kinds((r) => api.app.fetch(r), 'http://api.test');
    const statuses = Object.fromEntries(seen.map(([label, res]) => [label, res.status]));
    assert.deepEqual(statuses, {
      'public JSON': 200,
      'JSON answer': 200,
      '401 problem': 401,
      '404 problem (unknown route)': 404,
      '404 problem (unseen complaint)': 404,
      '403 problem': 403,
      '422 problem': 422,
      'evidence file': 200,
      '400 problem': 400,
      '413 problem': 413,
      '201 created': 201,
      '204 no content': 204,
      'event stream': 200,
    });
    for (const [label, res] of seen) {
      assertSecure(res, label);
      if (res.status >= 400) assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/, label);
      await res.body?.cancel().catch(() => {});
    }
    const file = seen.find(([l]) => l === 'evidence file')![1];
    assert.match(file.headers.get('content-disposition') ?? '', /^attachment;/);
    assert.equal(
      file.headers.get('cross-origin-resource-policy'),
      'same-origin',
      'without CORS origins, files stay same-origin',
    );
    assert.equal(seen.find(([l]) => l === '401 problem')![1].headers.get('www-authenticate'), 'Bearer');
  });

  test('on a 500 (the database fails), without the error in the body', async () => {
    const broken: Db = new Proxy(api.db, {
      get(target, key, receiver) {
        if (key === 'query') {
          return async (sql: string, params?: unknown[]) => {
            if (/from complaints/.test(sql)) throw new Error('connection lost: secret-dsn');
            return target.query(sql, params);
          };
        }
        return Reflect.get(target, key, receiver);
      },
    });
    const reported: unknown[] = [];
    const app = createApp({
      db: broken,
      files: api.files,
      onError: (e) => {
        reported.push(e);
      },
    });
    const res = await app.fetch(
      new Request('http://api.test/v1/complaints', { headers: { authorization: `Bearer ${TOKENS.platform}` } }),
    );
    assert.equal(res.status, 500);
    assertSecure(res, '500');
    const body = await res.json();
    assert.equal(body.code, 'server.error');
    assert.ok(!JSON.stringify(body).includes('secret-dsn'), 'the error is reported, not answered');
    assert.equal(reported.length, 1);
    assert.match(String(reported[0]), /secret-dsn/, 'the failure was the database, past authentication');
  });
});

describe('CORS', () => {
  let api: Api;
  before(async () => {
    api = await seededApi();
  });
  after(async () => {
    await api.close();
  });

  const preflight = (fetch: Fetch, origin: string, method = 'POST') =>
    fetch(
      new Request('http://api.test/v1/complaints', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': method,
          'access-control-request-headers': 'authorization, content-type, idempotency-key',
        },
      }),
    );

  test('no origins configured: no CORS headers for anyone', async () => {
    const app = createApp({ db: api.db, files: api.files });
    const pre = await preflight(app.fetch, 'https://partner.example');
    assert.equal(pre.headers.get('access-control-allow-origin'), null);
    const res = await app.fetch(
      new Request('http://api.test/v1/account', {
        headers: { origin: 'https://partner.example', authorization: `Bearer ${TOKENS.a}` },
      }),
    );
    assert.equal(res.headers.get('access-control-allow-origin'), null);
  });

  test('listed origins get ACAO (preflight, answers and problems); unlisted ones do not; never credentials', async () => {
    const app = createApp({
      db: api.db,
      files: api.files,
      corsOrigins: ['https://partner.example', 'http://localhost:6006'],
    });
    for (const origin of ['https://partner.example', 'http://localhost:6006']) {
      const pre = await preflight(app.fetch, origin);
      assert.ok(pre.status === 204 || pre.status === 200, `preflight ${pre.status}`);
      assert.equal(pre.headers.get('access-control-allow-origin'), origin);
      assert.match(pre.headers.get('access-control-allow-methods') ?? '', /POST/);
      assert.match((pre.headers.get('access-control-allow-headers') ?? '').toLowerCase(), /idempotency-key/);
      assert.match(pre.headers.get('vary') ?? '', /origin/i);
      assert.equal(pre.headers.get('access-control-allow-credentials'), null);
      for (const [path, who, status] of [
        ['/v1/account', 'a', 200],
        ['/v1/account', null, 401],
        ['/v1/complaints/cmp_nope', 'b', 404],
        ['/v1/evidence', 'platform', 403],
      ] as const) {
        const res = await app.fetch(
          new Request(`http://api.test${path}`, {
            headers: { origin, ...(who ? { authorization: `Bearer ${TOKENS[who]}` } : {}) },
          }),
        );
        assert.equal(res.status, status);
        assert.equal(
          res.headers.get('access-control-allow-origin'),
          origin,
          `${path} as ${who}: a listed origin can read the ${status}`,
        );
        assert.equal(res.headers.get('access-control-allow-credentials'), null);
        assert.match(res.headers.get('access-control-expose-headers') ?? '', /Idempotent-Replayed/i);
        assertSecure(res, `${path} ${status} with CORS`);
      }
    }
    for (const origin of [
      'https://evil.example',
      'https://partner.example.evil.example',
      'null',
      'https://PARTNER.example',
      'http://partner.example',
    ]) {
      const pre = await preflight(app.fetch, origin);
      assert.equal(pre.headers.get('access-control-allow-origin'), null, `preflight from ${origin}`);
      const res = await app.fetch(
        new Request('http://api.test/v1/account', { headers: { origin, authorization: `Bearer ${TOKENS.a}` } }),
      );
      assert.equal(res.headers.get('access-control-allow-origin'), null, `answer to ${origin}`);
      assert.equal(res.headers.get('access-control-allow-credentials'), null);
    }
  });

  test("'*' allows any origin but never with credentials", async () => {
    const app = createApp({ db: api.db, files: api.files, corsOrigins: ['*'] });
    for (const origin of ['https://anyone.example', 'http://localhost:1234']) {
      const pre = await preflight(app.fetch, origin);
      const acao = pre.headers.get('access-control-allow-origin');
      assert.ok(acao === '*' || acao === origin, `ACAO ${acao}`);
      assert.equal(pre.headers.get('access-control-allow-credentials'), null, 'credentials are never allowed with *');
      const res = await app.fetch(
        new Request('http://api.test/v1/account', { headers: { origin, authorization: `Bearer ${TOKENS.a}` } }),
      );
      assert.equal(res.headers.get('access-control-allow-credentials'), null);
      assert.equal(res.headers.get('cross-origin-resource-policy'), 'cross-origin', 'partners may read answers');
    }
  });
});

describe('over a real socket (startServer)', () => {
  let server: RunningServer;
  let dataDir: string;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ipr-headers-'));
    server = await startServer({
      port: 0,
      dataDir,
      seed: true,
      catalogueSize: 1600,
      corsOrigins: ['https://partner.example'],
    });
  });
  after(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('the same headers on the wire; CORS for the listed origin only', async () => {
    const seen = await kinds(async (r) => {
      const url = new URL(r.url);
      return fetch(`${server.url}${url.pathname}${url.search}`, {
        method: r.method,
        headers: r.headers,
        body: r.body ? await r.arrayBuffer() : null,
        signal: r.signal,
      });
    }, 'http://api.test');
    for (const [label, res] of seen) {
      assertSecure(res, `socket: ${label}`);
      await res.body?.cancel().catch(() => {});
    }
    const pre = await fetch(`${server.url}/v1/complaints`, {
      method: 'OPTIONS',
      headers: { origin: 'https://partner.example', 'access-control-request-method': 'POST' },
    });
    assert.equal(pre.headers.get('access-control-allow-origin'), 'https://partner.example');
    const evil = await fetch(`${server.url}/v1/complaints`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    assert.equal(evil.headers.get('access-control-allow-origin'), null);
  });
});
