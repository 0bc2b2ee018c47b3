// Browser tests of the elements in Debian's Chromium, against the REAL reference API:
// the Node side starts `@ipr/server` (fresh seeded data folder, port 0) and /v1 is proxied
// to it, so tests are same-origin. Run with `node --conditions=source --import tsx` (see the
// `test` script) so sibling packages resolve to their TypeScript sources.
import http from 'node:http';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/ensure-chromium.mjs';
import { manifestDriftPlugin } from './test/support/manifest-plugin.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));
let api; // { port, close }
let dataDir;

async function startApi() {
  // Node-only entry of the server (`@ipr/server/node`), resolved to its TypeScript source.
  const { startServer } = await import('@ipr/server/node');
  dataDir = await mkdtemp(join(tmpdir(), 'ipr-elements-'));
  const server = await startServer({ port: 0, hostname: '127.0.0.1', dataDir, seed: true, catalogueSize: 400 });
  // Hostile data through the real database: a product whose name is markup (it must render as text).
  await server.db.query(
    `insert into products (id, url, name, supplier_id, category, listed) values ($1, $2, $3, $4, $5, true) on conflict (id) do nothing`,
    ['xss000001', 'https://market.example/product/xss000001', '<img src=x onerror=alert(1)> Hostile widget', 'acc_supplier_a', 'lighting'],
  );
  console.log(`[elements tests] reference API on ${server.url} (started in ${Math.round(server.startupMs)} ms)`);
  return server;
}

const apiPlugin = {
  name: 'ipr-reference-api',
  async serverStart() {
    api = await startApi();
  },
  async serverStop() {
    try {
      await api?.close();
    } finally {
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    }
  },
};

function proxy(ctx) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: api.port, path: ctx.url, method: ctx.method, headers: ctx.req.headers }, (res) => {
      ctx.status = res.statusCode ?? 502;
      for (const [key, value] of Object.entries(res.headers)) if (value !== undefined && key !== 'transfer-encoding' && key !== 'connection') ctx.set(key, value);
      ctx.body = res;
      resolve();
    });
    req.on('error', reject);
    ctx.req.pipe(req);
  });
}

export default {
  rootDir: '../..',
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'import', 'default'] },
  concurrency: 1,
  testsFinishTimeout: 180000,
  testFramework: { config: { timeout: 20000 } },
  middleware: [
    async (ctx, next) => {
      if (ctx.path === '/v1' || ctx.path.startsWith('/v1/')) return proxy(ctx);
      // The client's sheet worker is requested by its built name (sheet.worker.js); in sources it is .ts.
      if (ctx.path.endsWith('.js') && !existsSync(join(root, ctx.path)) && existsSync(join(root, ctx.path.replace(/\.js$/, '.ts')))) {
        ctx.url = ctx.url.replace(/\.js(\?|$)/, '.ts$1');
      }
      return next();
    },
  ],
  plugins: [
    apiPlugin,
    manifestDriftPlugin(here),
    esbuildPlugin({ ts: true, tsconfig: join(here, 'tsconfig.wtr.json'), target: 'auto' }),
  ],
  browsers: [chromeLauncher({ launchOptions: { executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS } })],
};
