// Static files as a CDN should serve them; shared by the demo server (scripts/start.mjs) and the
// bench's page server (bench/serve.mjs):
// - content-hashed chunks (`name-<8-character rollup hash>.js`): `public, max-age=31536000, immutable`;
// - fixed-name files (the entry ipr-elements.js, the sheet worker, HTML, anything not hashed):
//   `no-cache` (stored, but revalidated every use: a new release is seen at once) with a strong
//   ETag from the bytes, and If-None-Match → 304;
// - a precompressed `<file>.br` / `<file>.gz` beside the file (written by scripts/precompress.mjs
//   at the end of the root build) is sent when Accept-Encoding allows, with Vary: Accept-Encoding;
//   other text files from 1 KB on (the demo's pages) are compressed once and kept in memory;
// - bytes made at run time (serveBytes: the demo's pages as scripts/demo-pages.mjs puts them
//   together) get the same ETag, 304 and compression.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Files the build names without a hash although they look like it (entries keep their names). */
export const FIXED_NAMES = new Set(['ipr-elements.js', 'ipr-sheet.worker.js']);

/** A content-hashed chunk: rollup's `[name]-[hash].js` (8 base64url characters), not an entry. */
export function isHashed(fileName) {
  const base = fileName.split('/').pop() ?? '';
  return !FIXED_NAMES.has(base) && /-[A-Za-z0-9_-]{8}\.(js|mjs|css|wasm)$/.test(base);
}

/** The Cache-Control a host or CDN should send for `fileName`. */
export function cacheControl(fileName) {
  return isHashed(fileName) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** Which precompressed sibling to send, by Accept-Encoding (brotli first; q=0 refuses). */
export function pickEncoding(acceptEncoding) {
  const q = new Map();
  for (const part of String(acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const w = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    q.set(name, w === undefined ? 1 : Number(w));
  }
  const ok = (c) => (q.get(c) ?? q.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : null;
}

const etags = new Map();
/** A strong ETag from the file's bytes (remembered by path, size and mtime). */
function etagOf(file, stat) {
  const key = `${file}:${stat.size}:${stat.mtimeMs}`;
  let tag = etags.get(key);
  if (!tag) {
    tag = `"${createHash('sha256').update(readFileSync(file)).digest('base64url').slice(0, 22)}"`;
    etags.set(key, tag);
  }
  return tag;
}

function ifNoneMatchHas(header, etag) {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = (t) =>
    t
      .trim()
      .replace(/^W\//, '')
      .replace(/-(br|gzip)"$/, '"');
  return header.split(',').some((t) => bare(t) === etag);
}

const TEXT = /\.(html|js|mjs|css|json|svg|txt|map)$/;
const compressed = new Map();
/** A text file without a precompressed sibling, compressed once per version (1 KB and more). */
function compressOnce(file, stat, coding) {
  if (!coding || !TEXT.test(file) || stat.size < 1024) return null;
  const key = `${file}:${stat.size}:${stat.mtimeMs}:${coding}`;
  let bytes = compressed.get(key);
  if (!bytes) {
    const raw = readFileSync(file);
    bytes =
      coding === 'br'
        ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
        : gzipSync(raw, { level: 9 });
    if (compressed.size > 500) compressed.clear();
    compressed.set(key, bytes);
  }
  return bytes;
}

const madeCompressed = new Map();
/**
 * Serves bytes put together at run time (a demo page with its stylesheet inlined) as serveFile
 * serves a file: a strong ETag from the bytes (If-None-Match → 304), brotli or gzip when accepted
 * (compressed once per version), `no-cache` unless told otherwise.
 */
export function serveBytes(req, res, bytes, { type, cache = 'no-cache', headers = {} }) {
  const identityTag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 22)}"`;
  const coding = bytes.length >= 1024 ? pickEncoding(req.headers['accept-encoding']) : null;
  const common = {
    'cache-control': cache,
    etag: coding ? `${identityTag.slice(0, -1)}-${coding}"` : identityTag,
    'x-content-type-options': 'nosniff',
    ...(bytes.length >= 1024 ? { vary: 'Accept-Encoding' } : {}),
    ...headers,
  };
  if (ifNoneMatchHas(req.headers['if-none-match'], identityTag)) {
    res.writeHead(304, common);
    return res.end();
  }
  let body = bytes;
  if (coding) {
    const key = `${identityTag}:${coding}`;
    body = madeCompressed.get(key);
    if (!body) {
      body =
        coding === 'br'
          ? brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
          : gzipSync(bytes, { level: 9 });
      if (madeCompressed.size > 100) madeCompressed.clear();
      madeCompressed.set(key, body);
    }
  }
  res.writeHead(200, {
    ...common,
    'content-type': type,
    'content-length': String(body.length),
    ...(coding ? { 'content-encoding': coding } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function notFound(res) {
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('Not found');
}

/**
 * Serves `rel` from `base` (never outside it; a directory serves its index.html). `headers`
 * adds to every answer (a page's Content-Security-Policy, say).
 */
export function serveFile(req, res, root, rel, headers = {}) {
  const base = resolve(root);
  let file;
  try {
    file = resolve(base, `.${sep}${decodeURIComponent(rel)}`);
  } catch {
    return notFound(res);
  }
  if (file !== base && !file.startsWith(base + sep)) return notFound(res);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file) || !statSync(file).isFile()) return notFound(res);
  const stat = statSync(file);
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const coding = pickEncoding(req.headers['accept-encoding']);
  const siblingPath = coding ? `${file}.${coding === 'br' ? 'br' : 'gz'}` : null;
  const sibling = siblingPath && existsSync(siblingPath) ? siblingPath : null;
  const inMemory = sibling ? null : compressOnce(file, stat, coding);
  const compressible = existsSync(`${file}.br`) || existsSync(`${file}.gz`) || (TEXT.test(file) && stat.size >= 1024);
  const identityTag = etagOf(file, stat);
  const etag = sibling || inMemory ? `${identityTag.slice(0, -1)}-${coding}"` : identityTag;
  const common = {
    'cache-control': cacheControl(file),
    etag,
    'x-content-type-options': 'nosniff',
    ...(compressible ? { vary: 'Accept-Encoding' } : {}),
    ...headers,
  };
  if (ifNoneMatchHas(req.headers['if-none-match'], identityTag)) {
    res.writeHead(304, common);
    return res.end();
  }
  const sent = sibling || file;
  res.writeHead(200, {
    ...common,
    'content-type': type,
    'content-length': String(inMemory ? inMemory.length : statSync(sent).size),
    ...(sibling || inMemory ? { 'content-encoding': coding } : {}),
  });
  if (req.method === 'HEAD') return res.end();
  if (inMemory) return res.end(inMemory);
  createReadStream(sent).pipe(res);
}
