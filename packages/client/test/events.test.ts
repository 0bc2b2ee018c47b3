// The event-stream parser and the reconnect logic of client.events.subscribe, over a real
// local HTTP server (node:http) that this test drives: it drops connections, answers 503/401,
// goes silent, and splits its bytes anywhere. Nothing of the parser or the transport is mocked.
import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import type { ComplaintEvent } from '@ipr/validators';
import { SseParser, type SseMessage } from '../src/events.js';
import { createIprClient, type LiveState } from '../src/index.js';

function parseAll(chunks: string[]): { messages: SseMessage[]; comments: string[]; parser: SseParser } {
  const messages: SseMessage[] = [];
  const comments: string[] = [];
  const parser = new SseParser(
    (m) => messages.push(m),
    (c) => comments.push(c),
  );
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return { messages, comments, parser };
}

/** Cuts a text at the given (sorted, deduplicated) positions. */
function cut(text: string, at: number[]): string[] {
  const points = [...new Set(at.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const p of points) {
    out.push(text.slice(from, p));
    from = p;
  }
  out.push(text.slice(from));
  return out;
}

describe('SseParser', () => {
  test('fields, multi-line data, comments, id persistence, event types', () => {
    const { messages, comments, parser } = parseAll([
      'retry: 2500\n: connected\n\n',
      'id: 7\nevent: complaint\ndata: {"a":1}\n\n',
      'data: line one\ndata:line two\ndata\n\n', // "data" without colon is an empty line of data
      ': heartbeat\n\n',
      'id: 9\n\n', // an id without data: committed, nothing dispatched
      'event: complaint\ndata: x\n\n',
      'unknown: field\ndata: y\nid: 1\0 2\n\n', // an id with NUL is ignored
    ]);
    assert.deepEqual(comments, ['connected', 'heartbeat']);
    assert.deepEqual(messages, [
      { event: 'complaint', data: '{"a":1}', id: '7' },
      { event: 'message', data: 'line one\nline two\n', id: '7' },
      { event: 'complaint', data: 'x', id: '9' },
      { event: 'message', data: 'y', id: '9' },
    ]);
    assert.equal(parser.retry, 2500);
    assert.equal(parser.lastEventId, '9');
  });

  test('CRLF, CR and LF line ends; a leading BOM; one space after the colon only', () => {
    const { messages } = parseAll(['\uFEFFdata:  two spaces\r\n\r\n', 'data: cr\r\rdata: lf\n\n', 'retry: 12x\n\n']);
    assert.deepEqual(
      messages.map((m) => m.data),
      [' two spaces', 'cr', 'lf'],
    );
  });

  test('an event without its blank line at the end of the stream is dropped', () => {
    const { messages } = parseAll(['data: complete\n\n', 'data: cut off\n']);
    assert.deepEqual(
      messages.map((m) => m.data),
      ['complete'],
    );
  });

  test('a CRLF split between chunks is one line end (no phantom blank line)', () => {
    const { messages } = parseAll(['data: a\r', '\ndata: b\r', '\n\r', '\n']);
    assert.deepEqual(
      messages.map((m) => m.data),
      ['a\nb'],
    );
  });

  test('a line longer than the limit throws (the stream then reconnects)', () => {
    const parser = new SseParser(() => undefined);
    assert.throws(() => {
      for (let i = 0; i < 20; i++) parser.push('x'.repeat(100_000));
    }, /too long/);
  });

  test('property: any chunking of a stream gives the same messages as the whole', () => {
    const field = fc.constantFrom('data', 'id', 'event', 'retry', ':', 'data:', 'foo');
    const value = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ':', '中', 'é', '1', '{', '"'), maxLength: 12 });
    const eol = fc.constantFrom('\n', '\r\n', '\r');
    const line = fc.tuple(field, value, eol).map(([f, v, e]) => (f === ':' ? `:${v}${e}` : `${f}: ${v}${e}`));
    const block = fc.tuple(fc.array(line, { maxLength: 5 }), eol).map(([ls, e]) => ls.join('') + e);
    fc.assert(
      fc.property(fc.array(block, { maxLength: 6 }), fc.array(fc.nat(), { maxLength: 12 }), (blocks, at) => {
        const text = blocks.join('');
        const whole = parseAll([text]);
        const pieces = parseAll(cut(text, at));
        const bytes = parseAll([...text]); // one UTF-16 unit at a time
        assert.deepEqual(pieces.messages, whole.messages);
        assert.deepEqual(pieces.comments, whole.comments);
        assert.deepEqual(bytes.messages, whole.messages);
        assert.equal(pieces.parser.retry, whole.parser.retry);
      }),
      { numRuns: 300 },
    );
  });
});

// ───── a server this test controls ─────

interface Seen {
  lastEventId: string | undefined;
  after: string | null;
  authorization: string | undefined;
  at: number;
}
type Handler = (req: http.IncomingMessage, res: http.ServerResponse, n: number) => void;

let server: http.Server;
let base = '';
let handler: Handler = (_req, res) => {
  res.statusCode = 500;
  res.end();
};
let seen: Seen[] = [];
const closedRequests: number[] = [];

// A fresh server (and port) per test: the client's connection pool never carries a socket of
// one case into the next.
beforeEach(async () => {
  seen = [];
  closedRequests.length = 0;
  handler = (_req, res) => {
    res.statusCode = 500;
    res.end();
  };
  server = http.createServer((req, res) => {
    const n = seen.length;
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push({
      lastEventId: req.headers['last-event-id'] as string | undefined,
      after: url.searchParams.get('after'),
      authorization: req.headers.authorization,
      at: Date.now(),
    });
    res.on('close', () => closedRequests.push(n));
    handler(req, res, n);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const SSE_HEADERS = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store' };
const event = (seq: number, extra: Partial<ComplaintEvent> = {}): ComplaintEvent => ({
  id: `cmp_${seq}`,
  number: `IPR-2026-${String(seq).padStart(6, '0')}`,
  status: 'submitted',
  action: 'create' as never,
  updatedAt: new Date(0).toISOString(),
  seq,
  ...extra,
});
const frame = (e: ComplaintEvent) => `id: ${e.seq}\nevent: complaint\ndata: ${JSON.stringify(e)}\n\n`;

const until = async (check: () => boolean, ms = 5000, what = 'condition') => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

function listen(
  token: string | (() => string) = 'tok',
  opts: { after?: number; reconnect?: { baseDelayMs?: number; maxDelayMs?: number; idleTimeoutMs?: number } } = {},
) {
  const events: ComplaintEvent[] = [];
  const states: LiveState[] = [];
  const errors: string[] = [];
  const client = createIprClient(
    typeof token === 'string' ? { baseUrl: base, token } : { baseUrl: base, getToken: token },
  );
  const ac = new AbortController();
  const unsubscribe = client.events.subscribe((e) => events.push(e), {
    signal: ac.signal,
    after: opts.after,
    reconnect: { baseDelayMs: 20, ...opts.reconnect },
    onState: (s) => states.push(s),
    onError: (e) => errors.push(e.code),
  });
  return { events, states, errors, unsubscribe, abort: () => ac.abort() };
}

describe('events.subscribe over a real socket', () => {
  test('a dropped connection is resumed with Last-Event-ID; bytes split anywhere (even inside UTF-8) still parse', async () => {
    handler = (_req, res, n) => {
      res.writeHead(200, SSE_HEADERS);
      if (n === 0) {
        // byte by byte, with a Chinese number so multi-byte characters are split, then the socket dies
        const bytes = Buffer.from(
          `retry: 20\n: connected\n\n${frame(event(1, { number: '投诉-1' }))}${frame(event(2))}data: half an ev`,
          'utf8',
        );
        let i = 0;
        const tick = () => {
          if (i < bytes.length) {
            res.write(bytes.subarray(i, i + 1));
            i++;
            setImmediate(tick);
          } else res.socket?.destroy();
        };
        tick();
      } else {
        res.write(`: connected\r\n\r\n${frame(event(3)).replace(/\n/g, '\r\n')}`);
      }
    };
    const l = listen();
    await until(() => l.events.length === 3, 5000, 'three events');
    assert.deepEqual(
      l.events.map((e) => e.seq),
      [1, 2, 3],
    );
    assert.equal(l.events[0]!.number, '投诉-1');
    assert.equal(seen.length, 2);
    assert.equal(seen[0]!.lastEventId, undefined);
    assert.equal(seen[0]!.authorization, 'Bearer tok');
    assert.equal(seen[1]!.lastEventId, '2', 'resumes after the last event received');
    assert.deepEqual(l.states, ['connecting', 'open', 'retrying', 'open']);
    l.unsubscribe();
    await until(() => closedRequests.includes(1), 2000, 'the server to see the stream closed');
    assert.deepEqual(l.states.at(-1), 'closed');
  });

  test("an id without data (a stream's starting point) is resumed from too", async () => {
    handler = (_req, res, n) => {
      res.writeHead(200, SSE_HEADERS);
      if (n === 0) res.end('retry: 10\nid: 41\n: connected\n\n');
      else res.write(frame(event(42)));
    };
    const l = listen();
    await until(() => l.events.length === 1);
    assert.equal(seen[1]!.lastEventId, '41');
    l.unsubscribe();
  });

  test('after: the first request asks ?after=N; events at or before N are never delivered twice', async () => {
    handler = (_req, res, n) => {
      res.writeHead(200, SSE_HEADERS);
      // the server (wrongly) repeats 5 on the reconnect: the client delivers each seq once
      if (n === 0) {
        res.write(frame(event(5)));
        res.end();
      } else res.write(frame(event(4)) + frame(event(5)) + frame(event(6)));
    };
    const l = listen('tok', { after: 4 });
    await until(() => l.events.length >= 2);
    await pause(50);
    assert.equal(seen[0]!.after, '4', JSON.stringify(seen));
    assert.equal(seen[0]!.lastEventId, undefined);
    assert.equal(seen[1]!.lastEventId, '5');
    assert.equal(seen[1]!.after, null);
    assert.deepEqual(
      l.events.map((e) => e.seq),
      [5, 6],
    );
    l.unsubscribe();
  });

  test('failed attempts back off exponentially (with jitter); a working connection resets it', async () => {
    const fails = 5;
    handler = (_req, res, n) => {
      if (n < fails) {
        res.writeHead(503, { 'content-type': 'application/problem+json' });
        res.end('{}');
        return;
      }
      res.writeHead(200, SSE_HEADERS);
      res.write(frame(event(1)));
    };
    const b = 40;
    const l = listen('tok', { reconnect: { baseDelayMs: b, maxDelayMs: 10_000 } });
    await until(() => l.events.length === 1, 10_000, 'the event after the failures');
    const gaps = seen.slice(1).map((s, i) => s.at - seen[i]!.at);
    assert.equal(gaps.length, fails);
    gaps.forEach((gap, k) => {
      const ceiling = b * 2 ** k;
      assert.ok(
        gap >= ceiling / 2 - 3,
        `gap ${k} = ${gap} ms ≥ ${ceiling / 2} (half the ceiling, jitter on the other half)`,
      );
    });
    // A 503 whose problem names no code is `server.unavailable` (the status table of @ipr/validators).
    assert.ok(l.errors.every((c) => c === 'server.unavailable') && l.errors.length === fails, l.errors.join());
    assert.equal(l.states.filter((s) => s === 'open').length, 1);
    l.unsubscribe();
  });

  test('the delay is capped by maxDelayMs and a Retry-After is honoured', async () => {
    handler = (_req, res, n) => {
      if (n === 0) {
        res.writeHead(503, { 'retry-after': '1' });
        res.end();
        return;
      }
      if (n < 6) {
        res.writeHead(502);
        res.end();
        return;
      }
      res.writeHead(200, SSE_HEADERS);
      res.write(frame(event(1)));
    };
    const l = listen('tok', { reconnect: { baseDelayMs: 30, maxDelayMs: 60 } });
    await until(() => l.events.length === 1, 10_000);
    const gaps = seen.slice(1).map((s, i) => s.at - seen[i]!.at);
    assert.ok(gaps[0]! >= 990, `Retry-After: 1 → about a second (${gaps[0]})`);
    // uncapped, the last wait (5th failure) would be at least 30 * 2^5 / 2 = 480 ms
    assert.ok(gaps.at(-1)! < 480, `capped at 60 ms (${gaps.join(', ')})`);
    l.unsubscribe();
  });

  test('retry: 0 from the server is floored (no hot reconnect loop)', async () => {
    handler = (_req, res) => {
      res.writeHead(200, SSE_HEADERS);
      res.end('retry: 0\n: bye\n\n');
    };
    const l = listen('tok', { reconnect: { baseDelayMs: 1 } });
    await pause(400);
    l.unsubscribe();
    assert.ok(seen.length >= 2 && seen.length <= 4, `${seen.length} attempts in 400 ms (100, 200 ms ceilings)`);
  });

  test("the server's retry: field sets the base delay", async () => {
    handler = (_req, res, n) => {
      res.writeHead(200, SSE_HEADERS);
      if (n === 0) res.end('retry: 400\n\n');
      else res.write(frame(event(1)));
    };
    const l = listen('tok', { reconnect: { baseDelayMs: 5 } });
    await until(() => l.events.length === 1, 5000);
    const gap = seen[1]!.at - seen[0]!.at;
    assert.ok(gap >= 200 - 3, `waited at least half of retry: 400 (${gap} ms)`);
    l.unsubscribe();
  });

  test('401 closes for good: one request, state closed, auth.unauthorized, no retry loop', async () => {
    handler = (_req, res) => {
      res.writeHead(401, { 'content-type': 'application/problem+json' });
      res.end(
        JSON.stringify({
          type: 'about:blank',
          title: 'Unauthorized',
          status: 401,
          code: 'auth.unauthorized',
          issues: [{ code: 'auth.unauthorized', path: [], message: 'x' }],
        }),
      );
    };
    const l = listen('bad');
    await until(() => l.states.includes('closed'));
    await pause(200);
    assert.equal(seen.length, 1);
    assert.deepEqual(l.states, ['connecting', 'closed']);
    assert.deepEqual(l.errors, ['auth.unauthorized']);
  });

  test('401 with getToken: one more try with a fresh token, then closed', async () => {
    handler = (req, res) => {
      if (req.headers.authorization === 'Bearer fresh') {
        res.writeHead(200, SSE_HEADERS);
        res.write(frame(event(1)));
        return;
      }
      res.writeHead(401);
      res.end();
    };
    const tokens = ['stale', 'fresh'];
    const ok = listen(() => tokens.shift() ?? 'never');
    await until(() => ok.events.length === 1);
    assert.deepEqual(
      seen.map((s) => s.authorization),
      ['Bearer stale', 'Bearer fresh'],
    );
    ok.unsubscribe();
    seen = [];
    const never = listen(() => 'stale');
    await until(() => never.states.includes('closed'));
    await pause(150);
    assert.equal(seen.length, 2, 'once, then once more: no loop');
    assert.deepEqual(never.errors, ['auth.unauthorized']);
  });

  test('403/404-like refusals and a non-SSE 200 close without retrying', async () => {
    handler = (_req, res) => {
      res.writeHead(403, { 'content-type': 'application/problem+json' });
      res.end('{"code":"auth.forbidden"}');
    };
    const a = listen();
    await until(() => a.states.includes('closed'));
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>proxy</html>');
    };
    const b = listen();
    await until(() => b.states.includes('closed'));
    await pause(100);
    assert.equal(seen.length, 2);
    assert.deepEqual(a.errors, ['auth.forbidden']);
    assert.deepEqual(b.errors, ['server.error']);
  });

  test('an unreachable server is retried (network.error) until it comes up', async () => {
    const dead = http.createServer();
    await new Promise<void>((r) => dead.listen(0, '127.0.0.1', r));
    const port = (dead.address() as AddressInfo).port;
    await new Promise<void>((r) => dead.close(() => r()));
    const errors: string[] = [];
    const states: LiveState[] = [];
    const events: ComplaintEvent[] = [];
    const unsubscribe = createIprClient({ baseUrl: `http://127.0.0.1:${port}`, token: 't' }).events.subscribe(
      (e) => events.push(e),
      {
        reconnect: { baseDelayMs: 20, maxDelayMs: 50 },
        onError: (e) => errors.push(e.code),
        onState: (s) => states.push(s),
      },
    );
    await until(() => errors.length >= 3, 5000, 'three failed attempts');
    assert.ok(errors.every((c) => c === 'network.error'));
    const up = http.createServer((_req, res) => {
      res.writeHead(200, SSE_HEADERS);
      res.write(frame(event(1)));
    });
    await new Promise<void>((r) => up.listen(port, '127.0.0.1', r));
    try {
      await until(() => events.length === 1, 5000, 'the event once the server is up');
      assert.deepEqual(states.slice(0, 2), ['connecting', 'retrying']);
      assert.equal(states.at(-1), 'open');
    } finally {
      unsubscribe();
      up.closeAllConnections();
      await new Promise<void>((r) => up.close(() => r()));
    }
  });

  test('a silent connection (no heartbeat) is replaced after idleTimeoutMs', async () => {
    handler = (_req, res, n) => {
      res.writeHead(200, SSE_HEADERS);
      if (n === 0)
        res.write(': connected\n\n'); // then nothing, ever
      else res.write(frame(event(1)));
    };
    const l = listen('tok', { reconnect: { idleTimeoutMs: 150 } });
    await until(() => l.events.length === 1, 5000);
    assert.equal(seen.length, 2);
    assert.ok(seen[1]!.at - seen[0]!.at >= 150);
    await until(() => closedRequests.includes(0), 2000, 'the silent connection to be closed');
    l.unsubscribe();
  });

  test('abort while connected, and unsubscribe during a back-off wait, stop everything', async () => {
    handler = (_req, res) => {
      res.writeHead(200, SSE_HEADERS);
      res.write(': connected\n\n');
    };
    const a = listen();
    await until(() => a.states.includes('open'));
    a.abort();
    await until(() => closedRequests.includes(0), 2000, 'the server to see the abort');
    assert.equal(a.states.at(-1), 'closed');

    seen = [];
    handler = (_req, res) => {
      res.writeHead(503);
      res.end();
    };
    const b = listen('tok', { reconnect: { baseDelayMs: 300 } });
    await until(() => b.states.includes('retrying'));
    b.unsubscribe();
    await pause(700);
    assert.equal(seen.length, 1, 'no attempt after unsubscribe');
    assert.deepEqual(b.states, ['connecting', 'retrying', 'closed']);

    // an already-aborted signal: closed at once, no request
    seen = [];
    const states: LiveState[] = [];
    createIprClient({ baseUrl: base, token: 't' }).events.subscribe(() => undefined, {
      signal: AbortSignal.abort(),
      onState: (s) => states.push(s),
    });
    await pause(100);
    assert.equal(seen.length, 0);
    assert.deepEqual(states, ['closed']);
  });

  test('a throwing onEvent does not end the stream; bad JSON and other event types are skipped', async () => {
    handler = (_req, res) => {
      res.writeHead(200, SSE_HEADERS);
      res.write(
        'event: complaint\ndata: {not json\n\n' +
          'event: other\ndata: {"seq":1}\n\n' +
          frame(event(1)) +
          frame(event(2)),
      );
    };
    const got: number[] = [];
    const original = console.error;
    const reported: unknown[] = [];
    console.error = (e: unknown) => {
      reported.push(e);
    };
    try {
      const unsubscribe = createIprClient({ baseUrl: base, token: 't' }).events.subscribe((e) => {
        got.push(e.seq);
        if (e.seq === 1) throw new Error('listener bug');
      });
      await until(() => got.length === 2);
      unsubscribe();
    } finally {
      console.error = original;
    }
    assert.deepEqual(got, [1, 2]);
    assert.equal(seen.length, 1);
    assert.ok(reported.some((e) => e instanceof Error && e.message === 'listener bug'));
  });
});
