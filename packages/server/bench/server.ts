// Child process of the benchmark: the reference API (startServer) and a bare hono route, side by side.
// Prints one JSON line with both URLs and the start-up time.
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { startServer } from '../src/node.js';

const dataDir = process.argv[2]!;
const catalogueSize = Number(process.argv[3] ?? 5000);
const server = await startServer({ port: 0, dataDir, seed: true, catalogueSize, onError: (e) => console.error(e) });
const bare = new Hono().get('/bare', (c) => c.json({ ok: true }));
const bareServer = serve({ fetch: bare.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((r) => bareServer.once('listening', r));
const address = bareServer.address();
const barePort = typeof address === 'object' && address ? address.port : 0;
console.log(JSON.stringify({ url: server.url, bareUrl: `http://127.0.0.1:${barePort}`, startupMs: server.startupMs }));
process.once('SIGTERM', async () => {
  bareServer.close();
  await server.close();
  process.exit(0);
});
