// Compression on the wire (startServer over a real socket, read with node:http so the bytes are
// the bytes sent): brotli or gzip as Accept-Encoding allows, from 1 KB on, with Vary; the ETag of
// a compressed answer names its coding and still revalidates; never the event stream, never an
// evidence file; `compression: false` sends everything as it is.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startServer, type RunningServer } from '../src/node.js';
import { negotiate } from '../src/compression.js';
import { TOKENS } from './helpers.js';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One GET with node:http: the body as it came over the socket (not decoded). */
function get(base: string, path: string, headers: Record<string, string>, readMs = 2000): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      const timer = setTimeout(() => res.destroy(), readMs);
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('close', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const auth = { authorization: `Bearer ${TOKENS.a}` };

describe('compression over a real socket', () => {
  let server: RunningServer;
  let plain: RunningServer;
  let dataDir: string;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ipr-compression-'));
    server = await startServer({ port: 0, dataDir, seed: true, catalogueSize: 200 });
    plain = await startServer({
      port: 0,
      dataDir: join(dataDir, 'plain'),
      seed: true,
      catalogueSize: 20,
      compression: false,
    });
  });
  after(async () => {
    await server.close();
    await plain.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('the OpenAPI document goes out as brotli, gzip or identity as asked, the same JSON each way', async () => {
    const identity = await get(server.url, '/v1/openapi.json', {});
    assert.equal(identity.headers['content-encoding'], undefined);
    assert.match(String(identity.headers.vary), /accept-encoding/i);
    const br = await get(server.url, '/v1/openapi.json', { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.match(String(br.headers.vary), /accept-encoding/i);
    assert.equal(Number(br.headers['content-length']), br.body.length);
    assert.ok(br.body.length < identity.body.length / 5, `${br.body.length} vs ${identity.body.length}`);
    assert.deepEqual(brotliDecompressSync(br.body), identity.body);
    const gz = await get(server.url, '/v1/openapi.json', { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(gunzipSync(gz.body), identity.body);
    const refused = await get(server.url, '/v1/openapi.json', { 'accept-encoding': 'br;q=0, gzip;q=0' });
    assert.equal(refused.headers['content-encoding'], undefined);
  });

  test('a small answer goes out as it is; a compressed list keeps a strong ETag with its coding that revalidates', async () => {
    const small = await get(server.url, '/v1/account', { ...auth, 'accept-encoding': 'br' });
    assert.ok(small.body.length < 1024, String(small.body.length));
    assert.equal(small.headers['content-encoding'], undefined);
    const list = await get(server.url, '/v1/complaints?limit=100', { ...auth, 'accept-encoding': 'br' });
    assert.equal(list.status, 200);
    assert.equal(list.headers['content-encoding'], 'br');
    const etag = String(list.headers.etag);
    assert.match(etag, /^"[\w-]+-br"$/);
    const again = await get(server.url, '/v1/complaints?limit=100', {
      ...auth,
      'accept-encoding': 'br',
      'if-none-match': etag,
    });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
  });

  test('never the event stream (each event leaves at once), never an evidence file', async () => {
    const events = await get(server.url, '/v1/events', { ...auth, 'accept-encoding': 'br, gzip' }, 300);
    assert.equal(events.status, 200);
    assert.match(String(events.headers['content-type']), /text\/event-stream/);
    assert.equal(events.headers['content-encoding'], undefined);
    assert.match(events.body.toString('utf8'), /retry:|event:|:/, 'events arrive as text, unbuffered');
    const file = await get(server.url, '/v1/evidence/ev_seed_a_certificate/content', {
      ...auth,
      'accept-encoding': 'br, gzip',
    });
    assert.equal(file.status, 200);
    assert.equal(file.headers['content-encoding'], undefined);
  });

  test('an answer sent as it is goes out whole: Content-Length, not chunked, and Vary: Accept-Encoding', async () => {
    for (const headers of [auth, { ...auth, 'accept-encoding': 'identity' }]) {
      const answer = await get(server.url, '/v1/complaints?limit=50', headers);
      assert.equal(answer.status, 200);
      assert.equal(answer.headers['content-encoding'], undefined);
      assert.equal(answer.headers['transfer-encoding'], undefined, 'not streamed in chunks');
      assert.equal(Number(answer.headers['content-length']), answer.body.byteLength);
      assert.match(String(answer.headers.vary), /accept-encoding/i);
      assert.ok(JSON.parse(answer.body.toString('utf8')).items.length > 0);
    }
  });

  test('compression: false sends the answers as they are', async () => {
    const answer = await get(plain.url, '/v1/openapi.json', { 'accept-encoding': 'br, gzip' });
    assert.equal(answer.status, 200);
    assert.equal(answer.headers['content-encoding'], undefined);
  });

  test('Accept-Encoding negotiation: brotli first, q=0 refuses, * accepts', () => {
    assert.equal(negotiate('gzip, br'), 'br');
    assert.equal(negotiate('gzip;q=1, br;q=0'), 'gzip');
    assert.equal(negotiate('*'), 'br');
    assert.equal(negotiate('*;q=0, gzip'), 'gzip');
    assert.equal(negotiate('identity'), null);
    assert.equal(negotiate(null), null);
  });
});
