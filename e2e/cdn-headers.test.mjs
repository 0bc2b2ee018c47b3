// The demo origin's HTTP headers, as a host or CDN should send them (README "Serving the SDK"):
// the entry ipr-elements.js revalidated every use (no-cache + strong ETag → 304), content-hashed
// chunks cached a year as immutable, the build's precompressed .br/.gz sent by Accept-Encoding
// with Vary, and the API's JSON compressed with a revalidating ETag. Read with node:http so the
// bytes are those on the wire.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { ROOT, buildIfStale, startDemo } from './support.mjs';

let demo;
before(async () => {
  await buildIfStale();
  demo = await startDemo();
});
after(async () => {
  await demo?.stop();
});

function get(path, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request(demo.url + path, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('the entry: brotli from the build, no-cache with a strong ETag, 304 on revalidation', async () => {
  const plain = await get('/sdk/ipr-elements.js');
  assert.equal(plain.status, 200);
  assert.equal(plain.headers['cache-control'], 'no-cache');
  assert.match(plain.headers.etag, /^"[\w-]{20,}"$/);
  assert.equal(plain.headers['content-encoding'], undefined);
  const br = await get('/sdk/ipr-elements.js', { 'accept-encoding': 'gzip, deflate, br' });
  assert.equal(br.headers['content-encoding'], 'br');
  assert.match(br.headers.vary, /accept-encoding/i);
  assert.ok(br.body.length < plain.body.length / 2, `${br.body.length} of ${plain.body.length}`);
  assert.deepEqual(brotliDecompressSync(br.body), plain.body);
  const again = await get('/sdk/ipr-elements.js', { 'accept-encoding': 'br', 'if-none-match': br.headers.etag });
  assert.equal(again.status, 304);
  assert.equal(again.body.length, 0);
});

test('content-hashed chunks are immutable for a year; the sheet worker is not', async () => {
  const names = readdirSync(join(ROOT, 'packages/elements/dist/cdn'));
  const chunk = names.find((n) => /^import-[\w-]{8}\.js$/.test(n));
  assert.ok(chunk, `a hashed import chunk among ${names.join(', ')}`);
  const hashed = await get(`/sdk/${chunk}`, { 'accept-encoding': 'gzip' });
  assert.equal(hashed.status, 200);
  assert.equal(hashed.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.equal(hashed.headers['content-encoding'], 'gzip');
  const worker = await get('/sdk/ipr-sheet.worker.js');
  assert.equal(worker.status, 200);
  assert.equal(worker.headers['cache-control'], 'no-cache');
  assert.ok(worker.headers.etag);
});

test('the API through the demo origin: compressed JSON, and the list revalidates with a 304', async () => {
  const doc = await get('/v1/openapi.json', { 'accept-encoding': 'br' });
  assert.equal(doc.status, 200);
  assert.equal(doc.headers['content-encoding'], 'br');
  JSON.parse(brotliDecompressSync(doc.body).toString('utf8'));
  const auth = { authorization: 'Bearer demo-complainant-a', 'accept-encoding': 'br, gzip' };
  const list = await get('/v1/complaints?limit=100', auth);
  assert.equal(list.status, 200);
  assert.ok(list.headers.etag);
  const reopened = await get('/v1/complaints?limit=100', { ...auth, 'if-none-match': list.headers.etag });
  assert.equal(reopened.status, 304);
});

test('the demo pages: host.css inlined, a modulepreload link for every SDK file their tags need, 304 on revalidation', async () => {
  const manifest = JSON.parse((await get('/sdk/ipr-preload.json')).body.toString('utf8'));
  const page = await get('/', { 'accept-encoding': 'br' });
  assert.equal(page.status, 200);
  assert.equal(page.headers['content-encoding'], 'br');
  assert.equal(page.headers['cache-control'], 'no-cache');
  const html = brotliDecompressSync(page.body).toString('utf8');
  assert.doesNotMatch(html, /<link rel="stylesheet"/, 'no render-blocking stylesheet');
  assert.match(html, /<style>\n\/\* The partner's own styles/, 'host.css inlined');
  const preloads = [...html.matchAll(/<link rel="modulepreload" href="\/sdk\/([^"]+)"/g)].map((m) => m[1]);
  // What the entry imports at the page's priority; the tags' chunks at low priority (the first paint needs none).
  for (const file of manifest.entry.slice(1)) assert.match(html, new RegExp(`href="/sdk/${file}" />`));
  // The list, form, profiles and detail are in the page's markup: their chunks and what those import.
  const wanted = new Set([
    ...manifest.entry.slice(1),
    ...['ipr-complaint-list', 'ipr-complaint-form', 'ipr-holder-profiles', 'ipr-complaint-detail'].flatMap(
      (tag) => manifest.tags[tag],
    ),
  ]);
  assert.deepEqual(new Set(preloads), wanted);
  for (const file of preloads) assert.equal((await get(`/sdk/${file}`)).status, 200, file);
  const again = await get('/', { 'accept-encoding': 'br', 'if-none-match': page.headers.etag });
  assert.equal(again.status, 304);

  // The console names only the provider (the transparency report is created later, by script).
  const consolePage = (await get('/console.html')).body.toString('utf8');
  const consolePreloads = [...consolePage.matchAll(/<link rel="modulepreload" href="\/sdk\/([^"]+)"/g)].map(
    (m) => m[1],
  );
  assert.deepEqual(consolePreloads, manifest.entry.slice(1));
  assert.doesNotMatch(consolePage, /<link rel="stylesheet"/);
});
