// Deployment safety: requests that once cost the server more than they should. HEAD on the event
// stream left a subscription polling the database for ever; a deeply nested JSON body overflowed
// the stack (500) before validation; the receipt recorded a declaration version the client chose;
// answers with personal data could be cached; one account could hold any number of event streams open.
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { serve } from '@hono/node-server';
import { DECLARATION_VERSION } from '@ipr/validators';
import { createApp } from '../src/index.js';
import { createEventBus } from '../src/events.js';
import { type Api, draftA, link, newKey, seededApi, TOKENS } from './helpers.js';

let api: Api;
const bus = createEventBus();
let app: ReturnType<typeof createApp>;

before(async () => {
  api = await seededApi();
  app = createApp({
    db: api.db,
    files: api.files,
    events: { bus, pollMs: 50 },
    onError: (e) => {
      throw e;
    },
  });
});
after(async () => {
  await api.close();
});

/** Open event streams one account may hold (the server's `MAX_STREAMS_PER_ACCOUNT`). */
const MAX_STREAMS = 5;

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** Waits until `ok()` holds (streams close on the next turn of the event loop). */
async function until(ok: () => boolean, what: string, ms = 3000) {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('HEAD /v1/events opens no stream', () => {
  test('300 HEADs over a real socket leave the bus as they found it, and answer the stream headers', async () => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const baseline = bus.size;
      for (let i = 0; i < 300; i++) {
        const res = await fetch(`${url}/v1/events`, { method: 'HEAD', headers: auth(TOKENS.platform) });
        assert.equal(res.status, 200);
        assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
        assert.equal(await res.text(), '');
      }
      await until(() => bus.size === baseline, `the bus back to ${baseline} (now ${bus.size})`);
      assert.equal(bus.size, baseline);
      // A GET still streams, and counts while open.
      const ac = new AbortController();
      const live = await fetch(`${url}/v1/events`, { headers: auth(TOKENS.platform), signal: ac.signal });
      assert.equal(live.status, 200);
      const reader = live.body!.getReader();
      assert.match(new TextDecoder().decode((await reader.read()).value), /: connected/);
      assert.equal(bus.size, baseline + 1);
      ac.abort();
      await reader.cancel().catch(() => {});
      await until(() => bus.size === baseline, 'the aborted stream to unsubscribe');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('in process too (app.fetch): HEAD needs a token and subscribes nothing', async () => {
    const baseline = bus.size;
    for (let i = 0; i < 50; i++) {
      const res = await app.fetch(
        new Request('http://api.test/v1/events', { method: 'HEAD', headers: auth(TOKENS.supA) }),
      );
      assert.equal(res.status, 200);
      await res.body?.cancel();
    }
    const anonymous = await app.fetch(new Request('http://api.test/v1/events', { method: 'HEAD' }));
    assert.equal(anonymous.status, 401);
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(bus.size, baseline);
  });
});

describe('JSON nesting is bounded before anything walks the body', () => {
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
  const deepObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  const send = (path: string, body: string, token = TOKENS.a) =>
    app.fetch(
      new Request(`http://api.test${path}`, {
        method: path.startsWith('/v1/holder-profiles/') ? 'PUT' : 'POST',
        headers: { ...auth(token), 'content-type': 'application/json', 'idempotency-key': newKey() },
        body,
      }),
    );

  test('5,000 levels on POST /v1/complaints: 400 request.invalid_json with maxDepth, and the server carries on', async () => {
    for (const body of [nested(5000), deepObject(5000), `{"type":"x","holder":${deepObject(5000)}}`]) {
      const res = await send('/v1/complaints', body);
      const data = await res.json();
      assert.equal(res.status, 400, JSON.stringify(data).slice(0, 200));
      assert.equal(data.code, 'request.invalid_json');
      assert.equal(data.issues[0].params.maxDepth, 64);
    }
    const account = await app.fetch(new Request('http://api.test/v1/account', { headers: auth(TOKENS.a) }));
    assert.equal(account.status, 200);
    const made = await send('/v1/complaints', JSON.stringify(draftA({ productLinks: [link(401)] })));
    assert.equal(made.status, 201, 'a real submission still works');
  });

  test('every JSON route refuses it, a body just under the 2 MiB limit included', async () => {
    const cases: [string, string][] = [
      ['/v1/products/resolve', TOKENS.a],
      ['/v1/holder-profiles', TOKENS.a],
      ['/v1/holder-profiles/hp_none', TOKENS.a],
      ['/v1/complaints/cmp_none/cancel', TOKENS.a],
      ['/v1/complaints/cmp_none/respond', TOKENS.supA],
    ];
    for (const [path, token] of cases) {
      const res = await send(path, nested(5000), token);
      assert.equal(res.status, 400, path);
      assert.equal((await res.json()).code, 'request.invalid_json', path);
    }
    const huge = await send('/v1/complaints', nested(1_000_000));
    assert.equal(huge.status, 400);
    assert.equal((await huge.json()).code, 'request.invalid_json');
  });

  test('64 levels are read (and judged by the rules); 65 are refused', async () => {
    const at64 = await send('/v1/products/resolve', `{"links":${nested(63)}}`);
    assert.equal(at64.status, 422, 'read, then refused by the schema');
    const at65 = await send('/v1/products/resolve', `{"links":${nested(64)}}`);
    assert.equal(at65.status, 400);
    assert.equal((await at65.json()).code, 'request.invalid_json');
  });
});

describe('the 2 MiB JSON body limit', () => {
  const LIMIT = 2 * 1024 * 1024;
  /** A complaint body of `bytes` bytes (a long description: the rules, not the limit, refuse one just under it). */
  const sized = (bytes: number) => {
    const base = JSON.stringify(draftA({ productLinks: [link(431)], description: '' }));
    return base.replace('"description":""', `"description":"${'x'.repeat(bytes - base.length)}"`);
  };
  /** A raw HTTP/1.1 POST of `body` (with a Content-Length, or chunked in 64 KiB pieces); the status line and body heard. */
  async function post(url: string, body: string, chunked: boolean): Promise<{ status: number; code?: string }> {
    const res = await fetch(`${url}/v1/complaints`, {
      method: 'POST',
      headers: { ...auth(TOKENS.a), 'content-type': 'application/json', 'idempotency-key': newKey() },
      body: chunked
        ? new ReadableStream<Uint8Array>({
            start(controller) {
              const bytes = new TextEncoder().encode(body);
              for (let i = 0; i < bytes.length; i += 65_536) controller.enqueue(bytes.slice(i, i + 65_536));
              controller.close();
            },
          })
        : body,
      // @ts-expect-error Node's fetch needs `duplex` for a streamed body.
      duplex: 'half',
    });
    const data = await res.json().catch(() => ({}));
    return { status: res.status, code: data.code };
  }

  test('over a real socket: past the limit is 413 request.too_large with or without a Content-Length; at it, the rules judge the body', async () => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      for (const chunked of [false, true]) {
        assert.deepEqual(
          await post(url, sized(LIMIT + 1), chunked),
          { status: 413, code: 'request.too_large' },
          `chunked ${chunked}`,
        );
        // Exactly at the limit the body is read; the description rule (5,000 characters) refuses it.
        const atLimit = await post(url, sized(LIMIT), chunked);
        assert.equal(atLimit.status, 422, `chunked ${chunked}`);
        const made = await post(url, JSON.stringify(draftA({ productLinks: [link(432 + Number(chunked))] })), chunked);
        assert.equal(made.status, 201, `a real submission, chunked ${chunked}`);
      }
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('in process (app.fetch, a body without a Content-Length): 413 past the limit', async () => {
    const res = await app.fetch(
      new Request('http://api.test/v1/complaints', {
        method: 'POST',
        headers: { ...auth(TOKENS.a), 'content-type': 'application/json', 'idempotency-key': newKey() },
        body: sized(LIMIT + 1),
      }),
    );
    assert.equal(res.status, 413);
    assert.equal((await res.json()).code, 'request.too_large');
  });
});

describe('the declaration version is the one the server presents', () => {
  test('a client-chosen version is not recorded: the receipt and the stored declaration say DECLARATION_VERSION', async () => {
    const draft = draftA({
      productLinks: [link(403)],
      declaration: { goodFaith: true, accurate: true, authorised: true, version: '1999-01-fake' },
    });
    const res = await app.fetch(
      new Request('http://api.test/v1/complaints', {
        method: 'POST',
        headers: { ...auth(TOKENS.a), 'content-type': 'application/json', 'idempotency-key': newKey() },
        body: JSON.stringify(draft),
      }),
    );
    const data = await res.json();
    assert.equal(res.status, 201, JSON.stringify(data));
    assert.equal(data.receipt.declarationVersion, DECLARATION_VERSION);
    const { rows } = await api.db.query<{ declaration: { version: string }; receipt: { declarationVersion: string } }>(
      'select declaration, receipt from complaints where id = $1',
      [data.id],
    );
    assert.equal(rows[0]!.declaration.version, DECLARATION_VERSION);
    assert.equal(rows[0]!.receipt.declarationVersion, DECLARATION_VERSION);
    assert.ok(!JSON.stringify(rows[0]).includes('1999-01-fake'));
  });
});

describe('answers with personal data are never cached', () => {
  test('Cache-Control: no-store on every authenticated JSON answer (successes and problems)', async () => {
    const made = await app.fetch(
      new Request('http://api.test/v1/complaints', {
        method: 'POST',
        headers: { ...auth(TOKENS.a), 'content-type': 'application/json', 'idempotency-key': newKey() },
        body: JSON.stringify(draftA({ productLinks: [link(405)] })),
      }),
    );
    assert.equal(made.status, 201);
    const { id } = await made.json();
    assert.equal(made.headers.get('cache-control'), 'no-store');
    const paths = [
      '/v1/account',
      '/v1/complaints',
      `/v1/complaints/${id}`,
      '/v1/complaints/status-report',
      '/v1/holder-profiles',
      '/v1/evidence',
      '/v1/products?q=lamp',
      '/v1/complaints/cmp_nobody',
    ];
    for (const path of paths) {
      const res = await app.fetch(new Request(`http://api.test${path}`, { headers: auth(TOKENS.a) }));
      await res.arrayBuffer();
      assert.match(res.headers.get('content-type') ?? '', /json/, path);
      assert.equal(res.headers.get('cache-control'), 'no-store', path);
    }
    const unauthorized = await app.fetch(new Request('http://api.test/v1/account'));
    assert.equal(unauthorized.headers.get('cache-control'), 'no-store');
    // What already said so keeps its own (the evidence bytes, the stream).
    const file = await app.fetch(
      new Request('http://api.test/v1/evidence/ev_seed_a_certificate/content', { headers: auth(TOKENS.a) }),
    );
    await file.arrayBuffer();
    assert.equal(file.headers.get('cache-control'), 'private, no-store');
  });
});

describe('limits on what one caller can hold', () => {
  test('GET /v1/products?page=10001 is field.too_big (422) naming the limit', async () => {
    const res = await api.get('/v1/products?q=lamp&page=10001', 'a');
    assert.equal(res.status, 422);
    assert.equal(res.data.code, 'field.too_big');
    assert.deepEqual(res.data.issues[0].path, ['query', 'page']);
    assert.equal(res.data.issues[0].params.limit, 10_000);
    assert.equal((await api.get('/v1/products?q=lamp&page=10000', 'a')).status, 200);
  });

  test(`at most ${MAX_STREAMS} open event streams per account: the next is 429 with Retry-After until one closes`, async () => {
    const baseline = bus.size;
    const open: { ac: AbortController; reader: ReadableStreamDefaultReader<Uint8Array> }[] = [];
    const stream = (token: string, ac = new AbortController()) =>
      app.fetch(new Request('http://api.test/v1/events', { headers: auth(token), signal: ac.signal }));
    try {
      for (let i = 0; i < MAX_STREAMS; i++) {
        const ac = new AbortController();
        const res = await stream(TOKENS.b, ac);
        assert.equal(res.status, 200, `stream ${i + 1}`);
        const reader = res.body!.getReader();
        await reader.read();
        open.push({ ac, reader });
      }
      const refused = await stream(TOKENS.b);
      if (refused.status !== 429) await refused.body?.cancel();
      assert.equal(refused.status, 429);
      const data = await refused.json();
      assert.equal(data.code, 'request.rate_limited');
      assert.ok(Number(refused.headers.get('retry-after')) > 0, 'Retry-After');
      assert.equal(data.issues[0].params.retryAfter, Number(refused.headers.get('retry-after')));
      // Another account is not held back by B's streams.
      const other = new AbortController();
      const theirs = await stream(TOKENS.supB, other);
      assert.equal(theirs.status, 200);
      other.abort();
      await theirs.body?.cancel().catch(() => {});
      // One closes: the next opens.
      const first = open.shift()!;
      first.ac.abort();
      await first.reader.cancel().catch(() => {});
      await until(() => bus.size < baseline + MAX_STREAMS, 'a stream of B to close');
      const again = new AbortController();
      const reopened = await stream(TOKENS.b, again);
      assert.equal(reopened.status, 200);
      open.push({ ac: again, reader: reopened.body!.getReader() });
    } finally {
      for (const s of open) {
        s.ac.abort();
        await s.reader.cancel().catch(() => {});
      }
    }
    await until(() => bus.size === baseline, "B's streams to close");
  });
});
