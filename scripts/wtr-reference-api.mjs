// Shared by the browser suites (web-test-runner configs of @ipr/client and @ipr/elements):
// the Node side starts the REAL reference API (`startServer`, fresh seeded data folder, port 0)
// and the dev server proxies /v1 to it, so test pages are same-origin and nothing is mocked.
// Run the configs under `node --conditions=source --import tsx` so @ipr/server resolves to its sources.
import http from 'node:http';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * @param {{ name: string, catalogueSize: number, prepare?: () => Promise<void>, afterStart?: (server: any) => Promise<void> }} options
 * @returns {{ plugin: object, middleware: (ctx: any, next: () => Promise<any>) => Promise<any> }}
 */
export function referenceApiForTests({ name, catalogueSize, prepare, afterStart }) {
  let api;
  let dataDir;

  const plugin = {
    name: 'ipr-reference-api',
    async serverStart() {
      await prepare?.();
      const { startServer } = await import('@ipr/server/node');
      dataDir = await mkdtemp(join(tmpdir(), `ipr-${name}-`));
      // No per-account rate limits: a suite files and uploads far faster than a person (limits are tested in the server suite).
      api = await startServer({ port: 0, hostname: '127.0.0.1', dataDir, seed: true, catalogueSize, limits: false });
      await afterStart?.(api);
      console.log(`[${name} tests] reference API on ${api.url} (started in ${Math.round(api.startupMs)} ms)`);
    },
    async serverStop() {
      try {
        await api?.close();
      } finally {
        if (dataDir) await rm(dataDir, { recursive: true, force: true });
      }
    },
  };

  const proxy = (ctx) =>
    new Promise((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: api.port, path: ctx.url, method: ctx.method, headers: ctx.req.headers },
        (res) => {
          ctx.status = res.statusCode ?? 502;
          for (const [key, value] of Object.entries(res.headers)) {
            if (value !== undefined && key !== 'transfer-encoding' && key !== 'connection') ctx.set(key, value);
          }
          ctx.body = res;
          resolve();
        },
      );
      req.on('error', reject);
      // The browser gave up (an aborted upload, a closed event stream): so does the proxied request.
      ctx.req.on('close', () => {
        if (!ctx.req.complete) req.destroy();
      });
      ctx.res.on('close', () => req.destroy());
      ctx.req.pipe(req);
    });

  const middleware = async (ctx, next) => {
    if (ctx.path === '/v1' || ctx.path.startsWith('/v1/')) return proxy(ctx);
    // The client's sheet worker is requested by its built name (sheet.worker.js); in sources it is .ts.
    if (
      ctx.path.endsWith('.js') &&
      !existsSync(join(root, ctx.path)) &&
      existsSync(join(root, ctx.path.replace(/\.js$/, '.ts')))
    ) {
      ctx.url = ctx.url.replace(/\.js(\?|$)/, '.ts$1');
    }
    return next();
  };

  return { plugin, middleware };
}
