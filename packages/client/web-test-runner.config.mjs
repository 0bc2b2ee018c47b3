// Browser tests of @ipr/client in Debian's Chromium: the worker path of the import, upload
// progress against the REAL reference API, IndexedDB drafts. The Node side starts @ipr/server
// (seeded, fresh data folder, port 0) and proxies /v1 to it, so the page is same-origin; it
// also makes the spreadsheet fixtures. Run under `node --conditions=source --import tsx`
// (the `test:browser` script) so sibling packages resolve to their TypeScript sources.
import http from 'node:http';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/ensure-chromium.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));
let api; // { port, close }
let dataDir;

async function startApi() {
  const { startServer } = await import('@ipr/server/node');
  dataDir = await mkdtemp(join(tmpdir(), 'ipr-client-'));
  return startServer({ port: 0, hostname: '127.0.0.1', dataDir, seed: true, catalogueSize: 500 });
}

function portOf(server) {
  if (typeof server?.port === 'number') return server.port;
  const address = server?.address?.() ?? server?.server?.address?.();
  return address?.port;
}

const apiPlugin = {
  name: 'ipr-reference-api',
  async serverStart() {
    const { ensureFixtures } = await import('./test/fixtures/make-fixtures.ts');
    await ensureFixtures();
    api = await startApi().catch((e) => { if (process.env.IPR_NO_API) return undefined; throw e; });
  },
  async serverStop() {
    try {
      await (api?.close?.() ?? api?.stop?.());
    } finally {
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    }
  },
};

function proxy(ctx) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: portOf(api), path: ctx.url, method: ctx.method, headers: ctx.req.headers }, (res) => {
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
  rootDir: root,
  files: ['test/browser/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'import', 'default'] },
  concurrency: 1,
  testsFinishTimeout: 180000,
  testFramework: { config: { timeout: 60000 } },
  middleware: [
    async (ctx, next) => {
      if (ctx.path === '/v1' || ctx.path.startsWith('/v1/')) return proxy(ctx);
      // The worker is requested by its built name (sheet.worker.js); in sources it is .ts.
      if (ctx.path.endsWith('.js') && !existsSync(join(root, ctx.path)) && existsSync(join(root, ctx.path.replace(/\.js$/, '.ts')))) {
        ctx.url = ctx.url.replace(/\.js(\?|$)/, '.ts$1');
      }
      return next();
    },
  ],
  plugins: [
    apiPlugin,
    // papaparse ships CommonJS/UMD only; bundlers convert it, the dev server needs this.
    fromRollup(rollupCommonjs)({ include: ['**/node_modules/papaparse/**'], ignore: ['stream'], strictRequires: false }),
    esbuildPlugin({ ts: true, tsconfig: join(here, 'tsconfig.wtr.json'), target: 'auto' }),
  ],
  browsers: [chromeLauncher({ launchOptions: { executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS } })],
};
