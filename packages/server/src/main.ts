// `npm start -w @ipr/server`: PORT (default 8787), DATA_DIR (default .data), DATABASE_URL, CORS_ORIGINS (comma-separated),
// CATALOGUE_SIZE, LARGE_ATTACHMENT_EMAIL, DEMO=1 (the demo data), NODE_ENV=production, JWT_* (src/config.ts),
// WORKERS (processes sharing the port; more than 1 needs DATABASE_URL).
import cluster from 'node:cluster';
import { startOptionsFromEnv } from './config.js';
import { startServer } from './node.js';

const env = process.env;
const workers = Number(env.WORKERS ?? 1);
const where = env.DATABASE_URL ? 'PostgreSQL' : `data in ${env.DATA_DIR ?? '.data'}`;
const fail = (message: string) => {
  console.error(`IPR reference API: ${message}`);
  process.exit(1);
};

/** What a worker tells the primary once it listens. */
type Ready = { ready: string };

if (cluster.isPrimary && workers > 1) {
  // One process per core: Node runs a request's JavaScript on one thread, so a second process doubles
  // what the API can do when the database has room. The workers share the port (the primary hands out
  // connections) and one PostgreSQL, as separate instances do; PGlite is one process's database.
  if (!Number.isInteger(workers) || workers > 64) fail(`WORKERS must be an integer from 1 to 64, not ${env.WORKERS}`);
  if (!env.DATABASE_URL) fail('WORKERS > 1 needs DATABASE_URL: PGlite is the database of one process');
  const started = performance.now();
  let stopping = false;
  const fork = () =>
    new Promise<Ready>((resolve, reject) => {
      const worker = cluster.fork();
      let listening = false;
      worker.on('message', (message: Ready) => {
        if (message && typeof message.ready === 'string') {
          listening = true;
          resolve(message);
        }
      });
      worker.once('exit', (code, signal) => {
        if (!listening) return reject(new Error(`a worker exited (${code ?? signal}) before listening`));
        // A worker lost while serving is replaced (the others keep serving meanwhile).
        if (stopping) return;
        console.error(`IPR reference API: worker ${worker.process.pid} exited (${code ?? signal}); starting another`);
        setTimeout(() => {
          if (!stopping) fork().catch((error: Error) => console.error(`IPR reference API: ${error.message}`));
        }, 500);
      });
    });
  // The first migrates and seeds alone; the others then start on a database that is ready.
  let first: Ready;
  try {
    first = await fork();
    await Promise.all(Array.from({ length: workers - 1 }, fork));
  } catch (error) {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
    fail(error instanceof Error ? error.message : String(error));
  }
  console.log(
    `IPR reference API listening on ${first!.ready} (started in ${Math.round(performance.now() - started)} ms, ${where}, ${workers} processes)`,
  );
  const stop = async () => {
    stopping = true;
    const all = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    await Promise.all(
      all.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.isDead()) return resolve();
            w.once('exit', () => resolve());
            w.kill('SIGTERM');
          }),
      ),
    );
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} else {
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({
      ...startOptionsFromEnv(env),
      onDatabaseLost: (error) => {
        console.error(
          `IPR reference API: the database stopped (${error.message}); exiting so a supervisor can restart it`,
        );
        process.exit(1);
      },
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (cluster.isWorker) process.send?.({ ready: server!.url } satisfies Ready);
  else
    console.log(
      `IPR reference API listening on ${server!.url} (started in ${Math.round(server!.startupMs)} ms, ${where})`,
    );
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
