// One origin per fixture app, as a partner deploys it: the app's built dist/ and the real
// reference API under /v1 (startServer from @ipr/server/node on a fresh, seeded data folder,
// reached through a small proxy that streams, so uploads and the live event stream pass).
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';

/** The reference API on a free port and a temp data folder, seeded with the demo accounts and catalogue. */
export async function startApi() {
  const dataDir = mkdtempSync(join(tmpdir(), 'ipr-consumers-api-'));
  const { startServer } = await import('@ipr/server/node');
  const api = await startServer({
    port: 0,
    hostname: '127.0.0.1',
    dataDir,
    seed: true,
    emailForLargeAttachments: 'ipr-evidence@market.example',
  });
  return {
    url: api.url,
    startupMs: api.startupMs,
    async close() {
      await api.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Serves folders by path prefix (`{ '/': dist, '/sdk/': cdnDir }`; index.html for a folder) and
 * forwards `/v1/*` to `apiUrl`.
 */
export async function serveApp(mounts, apiUrl) {
  const roots = Object.entries(mounts)
    .map(([prefix, dir]) => [prefix, resolve(dir)])
    .sort(([a], [b]) => b.length - a.length);
  const api = new URL(apiUrl);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/v1' || path.startsWith('/v1/')) {
      const upstream = request(
        { host: api.hostname, port: api.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.once('error', () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      // A closed page ends its event stream upstream too.
      res.once('close', () => upstream.destroy());
      req.pipe(upstream);
      return;
    }
    const [prefix, base] = roots.find(([p]) => path.startsWith(p)) ?? ['/', ''];
    const rel = decodeURIComponent(path.slice(prefix.length)) || 'index.html';
    const file = resolve(base, `.${sep}${rel}`);
    if (!base || !file.startsWith(base + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((ok) => server.close(() => ok()));
    },
  };
}
