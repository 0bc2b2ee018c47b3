// `npm start`: the demo. Builds what it needs when missing or stale (the root `npm run build`),
// then serves on ONE origin (PORT, default 8787; 0 picks a free port):
//   /v1/*      the reference API (@ipr/server/node on embedded PGlite in DATA_DIR, default .data;
//              seeded on first start, kept across restarts)
//   /sdk/*     the CDN bundle directory (packages/elements/dist/cdn)
//   /vendor/*  Vue's ESM browser build (for demo/vue.html)
//   /demo-receiver/*  a partner backend's webhook receiver (demo/webhooks.html; scripts/demo-webhook-receiver.mjs)
//   else       demo/ (its pages with host.css inlined and modulepreload links for the SDK's files:
//              scripts/demo-pages.mjs)
// Prints `IPR demo ready at <url>` (parsed by the e2e tests). SKIP_BUILD=1 skips the build check;
// SDK_DIR serves the bundle from another folder.
import { createServer } from 'node:http';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { demoPage } from './demo-pages.mjs';
import { serveBytes, serveFile, TYPES } from './static-files.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;

/** Newest mtime of the files under `dir` (0 when missing). */
function newest(dir) {
  if (!existsSync(dir)) return 0;
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const m = statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs;
    if (m > max) max = m;
  }
  return max;
}

/** What the demo needs, and the sources it is built from. */
const OUTPUTS = [
  { out: 'packages/validators/dist/index.js', src: ['packages/validators/src'] },
  { out: 'packages/client/dist/index.js', src: ['packages/client/src'] },
  { out: 'packages/server/dist/node.js', src: ['packages/server/src'] },
  {
    out: 'packages/elements/dist/cdn/ipr-elements.js',
    src: ['packages/elements/src', 'packages/client/src', 'packages/validators/src'],
  },
];

export function staleOutputs() {
  return OUTPUTS.filter(({ out, src }) => {
    const file = join(ROOT, out);
    if (!existsSync(file)) return true;
    const built = statSync(file).mtimeMs;
    return src.some((dir) => newest(join(ROOT, dir)) > built);
  }).map((o) => o.out);
}

/**
 * Runs the root `npm run build` when an output the demo needs is missing or older than its
 * sources (used by `npm start`, `npm test` and the e2e suite; SKIP_BUILD=1 skips the check).
 * Returns the ms it took, 0 when nothing was built; throws when the build fails.
 */
export function buildIfStale({ log = console.log, quiet = false } = {}) {
  if (env.SKIP_BUILD === '1') return 0;
  const stale = staleOutputs();
  if (stale.length === 0) return 0;
  log(`[build] missing or older than their sources: ${stale.join(', ')}`);
  const started = Date.now();
  // quiet: the build's output is shown only when it fails.
  const r = spawnSync('npm', ['run', 'build'], {
    cwd: ROOT,
    stdio: quiet ? 'pipe' : 'inherit',
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0)
    throw new Error(`npm run build failed (exit ${r.status})${quiet ? `:\n${r.stdout}${r.stderr}` : ''}`);
  return Date.now() - started;
}

/** Hands a node request to a fetch handler and streams its answer back. */
async function toFetch(handler, req, res, origin) {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const request = new Request(new URL(req.url, origin), {
    method: req.method,
    headers,
    ...(hasBody ? { body: /** @type {any} */ (req), duplex: 'half' } : {}),
  });
  const answer = await handler(request);
  const out = {};
  answer.headers.forEach((v, k) => {
    if (k !== 'set-cookie') out[k] = v;
  });
  res.writeHead(answer.status, out);
  if (!answer.body || req.method === 'HEAD') return res.end();
  for await (const chunk of answer.body) res.write(chunk);
  res.end();
}

export async function startDemo({ port = 8787, dataDir = '.data', hostname = '127.0.0.1' } = {}) {
  const started = performance.now();
  const { startServer, compressAnswer } = await import(pathToFileURL(join(ROOT, 'packages/server/dist/node.js')).href);
  // The API on an internal free port; the demo origin forwards /v1 to it (same origin for the page).
  const api = await startServer({
    port: 0,
    hostname: '127.0.0.1',
    dataDir: resolve(ROOT, dataDir),
    // The demo: its accounts have public tokens, so the server seeds them only when asked.
    seed: true,
    // The demo's webhook receiver is on this machine (loopback): allowed here, never in production.
    webhooks: { allowPrivateAddresses: true },
    // Compressed once, at the demo's edge (below): a proxy's fetch would decode it on the way.
    compression: false,
    ...(env.LARGE_ATTACHMENT_EMAIL
      ? { emailForLargeAttachments: env.LARGE_ATTACHMENT_EMAIL }
      : { emailForLargeAttachments: 'ipr-evidence@market.example' }),
  });
  const apiFetch = async (request) => {
    const url = new URL(request.url);
    return compressAnswer(request, await fetch(new Request(api.url + url.pathname + url.search, request)));
  };
  const demoDir = join(ROOT, 'demo');
  const { createDemoReceiver } = await import('./demo-webhook-receiver.mjs');
  const receiver = createDemoReceiver();
  // SDK_DIR: serve another copy of the bundle directory (the e2e suite serves a snapshot, so a rebuild
  // running meanwhile in the checkout cannot swap files under a test).
  const sdkDir = env.SDK_DIR ? resolve(env.SDK_DIR) : join(ROOT, 'packages/elements/dist/cdn');
  const vueDir = join(ROOT, 'node_modules/vue/dist');
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const origin = `http://${req.headers.host ?? 'localhost'}`;
    const done = (p) =>
      p.catch((error) => {
        console.error('[start]', error);
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
        res.end();
      });
    if (path === '/v1' || path.startsWith('/v1/')) return done(toFetch(apiFetch, req, res, origin));
    if (path.startsWith('/demo-receiver/'))
      return done(receiver(req, res, path).then((handled) => handled || notFound(res)));
    if (path.startsWith('/sdk/')) return serveFile(req, res, sdkDir, path.slice(5));
    if (path.startsWith('/vendor/vue/')) return serveFile(req, res, vueDir, path.slice(12));
    const rel = path === '/' ? 'index.html' : path.slice(1);
    // The pages with their stylesheet inlined and the SDK's files announced (demo-pages.mjs).
    const page = demoPage(demoDir, rel, sdkDir);
    if (page) return serveBytes(req, res, page, { type: TYPES['.html'] });
    return serveFile(req, res, demoDir, rel);
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, hostname, ok);
  });
  const address = server.address();
  const url = `http://${hostname}:${typeof address === 'object' && address ? address.port : port}`;
  return {
    url,
    startupMs: performance.now() - started,
    async close() {
      await new Promise((ok) => server.close(() => ok()));
      server.closeAllConnections?.();
      await api.close();
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const ms = buildIfStale();
    if (ms) console.log(`[start] built in ${(ms / 1000).toFixed(1)} s`);
  } catch (error) {
    console.error(`[start] ${error.message}`);
    process.exit(1);
  }
  const demo = await startDemo({
    port: Number(env.PORT ?? 8787),
    dataDir: env.DATA_DIR ?? '.data',
    hostname: env.HOST ?? '127.0.0.1',
  });
  console.log(
    `IPR demo ready at ${demo.url} (started in ${Math.round(demo.startupMs)} ms, data in ${env.DATA_DIR ?? '.data'})`,
  );
  console.log(`  host site ${demo.url}/   console ${demo.url}/console.html   Vue ${demo.url}/vue.html`);
  const stop = async () => {
    await demo.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
