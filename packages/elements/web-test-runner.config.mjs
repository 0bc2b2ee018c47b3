// Browser tests of the elements in Debian's Chromium, against the REAL reference API:
// the Node side starts `@ipr/server` (fresh seeded data folder, port 0) and /v1 is proxied
// to it, so tests are same-origin. Run with `node --conditions=source --import tsx` (see the
// `test` script) so sibling packages resolve to their TypeScript sources.
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/ensure-chromium.mjs';
import { manifestDriftPlugin } from './test/support/manifest-plugin.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
let api; // { port, close }
let dataDir;

async function startApi() {
  const { startServer } = await import('@ipr/server');
  dataDir = await mkdtemp(join(tmpdir(), 'ipr-elements-'));
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, seed: true, log: false });
  return server;
}

function portOf(server) {
  if (typeof server.port === 'number') return server.port;
  const address = server.address?.() ?? server.server?.address?.();
  return address?.port;
}

const apiPlugin = {
  name: 'ipr-reference-api',
  async serverStart() {
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
  rootDir: '../..',
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'import', 'default'] },
  concurrency: 1,
  testsFinishTimeout: 180000,
  testFramework: { config: { timeout: 20000 } },
  middleware: [
    async (ctx, next) => {
      if (ctx.path === '/v1' || ctx.path.startsWith('/v1/')) return proxy(ctx);
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
