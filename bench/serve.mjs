// A tiny static server for the browser figures: serves the repository root read-only (only the
// paths the pages need) and proxies /v1/* to the reference API when one is given, so pages and
// API share an origin (no CORS in the numbers).
// Files go out as the demo serves them (scripts/static-files.mjs: precompressed .br/.gz, ETags),
// but never kept by the browser, so each figure is a cold load.
import { createServer } from 'node:http';
import { normalize } from 'node:path';
import { serveFile } from '../scripts/static-files.mjs';
const ALLOWED = [
  '/bench/',
  '/packages/elements/dist/',
  '/node_modules/lit/',
  '/node_modules/lit-html/',
  '/node_modules/lit-element/',
  '/node_modules/@lit/reactive-element/',
  '/node_modules/xlsx/',
];

async function readBody(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return Buffer.concat(chunks);
}

export async function serveStatic(root, { apiUrl } = {}) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    try {
      if (apiUrl && path.startsWith('/v1/')) {
        const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req);
        const headers = Object.fromEntries(
          Object.entries(req.headers).filter(([k]) => k !== 'host' && k !== 'connection'),
        );
        const answer = await fetch(apiUrl + req.url, { method: req.method, headers, body });
        const out = Object.fromEntries(
          [...answer.headers].filter(
            ([k]) => k !== 'content-encoding' && k !== 'content-length' && k !== 'transfer-encoding',
          ),
        );
        res.writeHead(answer.status, out).end(Buffer.from(await answer.arrayBuffer()));
        return;
      }
      if (!ALLOWED.some((p) => path.startsWith(p))) {
        res.writeHead(404).end();
        return;
      }
      serveFile(req, res, root, path.slice(1), { 'cache-control': 'no-store' });
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}
