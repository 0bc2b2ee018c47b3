// A client that gives up mid-upload is not a server fault: the body read fails, the API answers
// 400 request.aborted (nobody hears it, but nothing is reported as a 500 and nothing is stored),
// and the server carries on. Over a real socket (startServer, and the app behind @hono/node-server
// with its answers recorded) and in-process with a body stream that fails like a cancelled upload.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { startServer, type RunningServer } from '../src/node.js';
import { TOKENS, seededApi, type Api } from './helpers.js';

const BOUNDARY = 'ipr-abort-boundary';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

/** Sends the headers and part of a multipart (or JSON) body over a raw socket, then drops the connection. */
async function abortMidBody(
  port: number,
  options: { chunked: boolean; path?: string; json?: boolean },
): Promise<string> {
  const socket = net.connect(port, '127.0.0.1');
  await new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let heard = '';
  socket.on('data', (d) => {
    heard += d;
  });
  socket.on('error', () => {});
  const partial = options.json
    ? Buffer.from('{"type":"trademark_infringement","description":"' + 'x'.repeat(50_000))
    : Buffer.concat([
        Buffer.from(
          `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="photo.png"\r\nContent-Type: image/png\r\n\r\n`,
        ),
        PNG,
        Buffer.alloc(200_000, 7),
      ]);
  const head =
    [
      `POST ${options.path ?? '/v1/evidence'} HTTP/1.1`,
      'Host: 127.0.0.1',
      `Authorization: Bearer ${TOKENS.a}`,
      options.json ? 'Content-Type: application/json' : `Content-Type: multipart/form-data; boundary=${BOUNDARY}`,
      ...(options.json ? ['Idempotency-Key: abort-test-' + Math.random()] : []),
      options.chunked ? 'Transfer-Encoding: chunked' : 'Content-Length: 1000000',
    ].join('\r\n') + '\r\n\r\n';
  socket.write(head);
  socket.write(
    options.chunked
      ? Buffer.concat([Buffer.from(partial.length.toString(16) + '\r\n'), partial, Buffer.from('\r\n')])
      : partial,
  );
  await new Promise((resolve) => setTimeout(resolve, 150));
  socket.destroy();
  await new Promise((resolve) => setTimeout(resolve, 250));
  return heard;
}

const CASES = [
  { name: 'multipart, Content-Length (the app reads the body)', chunked: false },
  { name: 'multipart, chunked (the body limit reads the body)', chunked: true },
  { name: 'JSON complaint, Content-Length', chunked: false, json: true, path: '/v1/complaints' },
  { name: 'JSON complaint, chunked', chunked: true, json: true, path: '/v1/complaints' },
];

describe('an upload aborted mid-body over a real socket (startServer)', () => {
  let server: RunningServer;
  let dataDir: string;
  const reported: unknown[] = [];
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ipr-abort-'));
    server = await startServer({
      port: 0,
      dataDir,
      seed: true,
      catalogueSize: 100,
      onError: (e) => {
        reported.push(e);
      },
    });
  });
  after(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  for (const c of CASES) {
    test(`${c.name}: nothing reported as a server error, nothing stored, the server carries on`, async () => {
      const before = (await server.db.query<{ n: number }>('select count(*)::int as n from evidence')).rows[0]!.n;
      await abortMidBody(server.port, c);
      assert.deepEqual(reported.map(String), [], 'no unexpected error (500) was reported');
      const afterCount = (await server.db.query<{ n: number }>('select count(*)::int as n from evidence')).rows[0]!.n;
      assert.equal(afterCount, before, 'no evidence stored from a half body');
      const health = await fetch(`${server.url}/v1/account`, { headers: { authorization: `Bearer ${TOKENS.a}` } });
      assert.equal(health.status, 200);
    });
  }
});

describe('the answer to an aborted body (the app behind @hono/node-server, answers recorded)', () => {
  let api: Api;
  let close: () => Promise<void>;
  let port = 0;
  const answers: { path: string; status: number; code: string | null }[] = [];
  const reported: unknown[] = [];
  before(async () => {
    api = await seededApi();
    // The seeded app throws its 500s (helpers' onError); record them instead.
    const { createApp } = await import('../src/index.js');
    const app = createApp({
      db: api.db,
      files: api.files,
      onError: (e) => {
        reported.push(e);
      },
    });
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve(
        {
          port: 0,
          hostname: '127.0.0.1',
          fetch: async (request: Request) => {
            const response = await app.fetch(request);
            const text = await response.clone().text();
            let code: string | null = null;
            try {
              code = JSON.parse(text).code ?? null;
            } catch {
              /* not JSON */
            }
            answers.push({ path: new URL(request.url).pathname, status: response.status, code });
            return response;
          },
        },
        () => resolve(s),
      );
    });
    const address = server.address();
    port = typeof address === 'object' && address ? address.port : 0;
    close = async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await api.close();
    };
  });
  after(async () => {
    await close();
  });

  for (const c of CASES) {
    test(`${c.name} → 400 request.aborted`, async () => {
      answers.length = 0;
      await abortMidBody(port, c);
      for (let i = 0; i < 20 && !answers.length; i++) await new Promise((r) => setTimeout(r, 50));
      assert.deepEqual(answers, [{ path: c.path ?? '/v1/evidence', status: 400, code: 'request.aborted' }]);
      assert.deepEqual(reported.map(String), []);
    });
  }
});

describe("a cancelled upload in-process (the client's streamed body fails with AbortError)", () => {
  let api: Api;
  before(async () => {
    api = await seededApi();
  });
  after(async () => {
    await api.close();
  });

  const failingBody = (name: string) => {
    let sent = false;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) return controller.error(new DOMException('The upload was cancelled.', name));
        sent = true;
        controller.enqueue(
          new TextEncoder().encode(
            `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n`,
          ),
        );
      },
    });
  };

  for (const withLength of [false, true]) {
    test(`streamed multipart ${withLength ? 'with' : 'without'} Content-Length → 400 request.aborted, not a 500`, async () => {
      const controller = new AbortController();
      const request = new Request('http://api.test/v1/evidence', {
        method: 'POST',
        body: failingBody('AbortError'),
        duplex: 'half',
        signal: controller.signal,
        headers: {
          authorization: `Bearer ${TOKENS.a}`,
          'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
          ...(withLength ? { 'content-length': '500000' } : {}),
        },
      } as RequestInit);
      const response = await api.app.fetch(request);
      assert.equal(response.status, 400);
      assert.equal((await response.json()).code, 'request.aborted');
    });
  }

  test('a body that fails for another reason is still not mistaken for an abort', async () => {
    const request = new Request('http://api.test/v1/evidence', {
      method: 'POST',
      body: failingBody('DataError'),
      duplex: 'half',
      headers: {
        authorization: `Bearer ${TOKENS.a}`,
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
        'content-length': '500000',
      },
    } as RequestInit);
    const response = await api.app.fetch(request);
    assert.equal(response.status, 400);
    assert.equal((await response.json()).code, 'request.invalid_json');
  });
});
