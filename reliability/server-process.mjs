// The real reference API as a separate process (packages/server/src/main.ts through tsx), for
// the fault and load tests: it can be SIGKILLed and restarted on the same data. SERVER_NODE_ARGS
// adds Node options to it (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it under load).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAIN = fileURLToPath(new URL('../packages/server/src/main.ts', import.meta.url));

/**
 * Starts the server on a free port. `dataDir` holds PGlite and the evidence files; with
 * `databaseUrl` the database is that PostgreSQL (evidence files still under `dataDir`), and
 * `workers` runs that many processes on the one port.
 */
export function spawnServer({
  dataDir,
  databaseUrl,
  catalogueSize = 600,
  timeoutMs = 60_000,
  log = false,
  workers,
} = {}) {
  const env = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    CATALOGUE_SIZE: String(catalogueSize),
    // The demo accounts and catalogue: asked for explicitly (the server seeds nothing by default).
    DEMO: '1',
    NODE_OPTIONS: '',
  };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  // Processes sharing the port (src/main.ts); PostgreSQL only.
  delete env.WORKERS;
  if (workers) env.WORKERS = String(workers);
  const child = spawn(
    process.execPath,
    [
      ...(process.env.SERVER_NODE_ARGS ? process.env.SERVER_NODE_ARGS.split(' ') : []),
      '--conditions=source',
      '--import',
      'tsx',
      MAIN,
    ],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const take = (chunk) => {
      output += chunk;
      if (log) process.stdout.write(chunk);
      const m = /listening on (http:\/\/[\d.]+:\d+) \(started in (\d+) ms/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], startupMs: Number(m[2]) });
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
  return ready.then(({ url, startupMs }) => ({
    url,
    startupMs,
    child,
    exited,
    get output() {
      return output;
    },
    /** SIGKILL: no shutdown code runs. */
    kill() {
      child.kill('SIGKILL');
      return exited;
    },
    /** SIGTERM: the server closes its database and exits. */
    stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  }));
}

/** A fresh schema on TEST_DATABASE_URL for one run, and the URL that makes the server use it. */
export async function freshSchema(url, prefix = 'ipr_rel') {
  const pg = (await import('pg')).default;
  const schema = `${prefix}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6).toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema},public`);
  return {
    schema,
    url: u.toString(),
    async query(sql, params = []) {
      const c = new pg.Client({ connectionString: u.toString() });
      await c.connect();
      try {
        return (await c.query(sql, params)).rows;
      } finally {
        await c.end();
      }
    },
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await c.end();
      }
    },
  };
}
