// A PostgreSQL of the test's own: initdb into a temporary folder, on a free port, its unix socket in
// that folder, so a test may stop and start it without touching the machine's shared cluster
// (other suites use that). As root, the binaries run as the `postgres` user (they refuse root).
// `privatePostgres()` answers `{ skip: reason }` when the binaries (or that user) are missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The newest installed PostgreSQL's bin folder (Debian: /usr/lib/postgresql/<major>/bin), or null. */
function binaries() {
  const base = '/usr/lib/postgresql';
  if (process.env.PG_BIN) return existsSync(join(process.env.PG_BIN, 'pg_ctl')) ? process.env.PG_BIN : null;
  if (!existsSync(base)) return null;
  const majors = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'initdb')) && existsSync(join(base, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return majors.length ? join(base, majors[0], 'bin') : null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function privatePostgres() {
  const bin = binaries();
  if (!bin) return { skip: 'no PostgreSQL server binaries (initdb, pg_ctl under /usr/lib/postgresql/*/bin)' };
  const root = process.getuid?.() === 0;
  let owner;
  if (root) {
    const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (id.status !== 0) return { skip: 'running as root and there is no `postgres` user to run PostgreSQL as' };
    if (spawnSync('runuser', ['--help']).error) return { skip: 'running as root without `runuser`' };
    owner = { uid: Number(id.stdout.trim()), gid: Number(gid.stdout.trim()) };
  }
  const dir = mkdtempSync(join(tmpdir(), 'ipr-private-pg-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  const log = join(dir, 'postgres.log');
  const port = await freePort();
  const run = (tool, args) => {
    const [cmd, argv] = root
      ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]]
      : [join(bin, tool), args];
    return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  };
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses='127.0.0.1'",
    '-c max_connections=60',
    '-c shared_buffers=16MB',
  ].join(' ');
  const pg = {
    dir,
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    /** Starts it and waits until it accepts connections. */
    start() {
      run('pg_ctl', ['start', '-D', data, '-l', log, '-o', options, '-w', '-t', '30']);
    },
    /** `pg_ctl stop -m <mode>`: fast (every session is terminated, 57P01), immediate, smart. */
    stop(mode = 'fast') {
      run('pg_ctl', ['stop', '-D', data, '-m', mode, '-w', '-t', '30']);
    },
    /** Stops it (if running) and removes its folder. */
    destroy() {
      try {
        run('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w', '-t', '10']);
      } catch {
        /* not running */
      }
      rmSync(dir, { recursive: true, force: true });
    },
    log: () => (existsSync(log) ? readFileSync(log, 'utf8') : ''),
  };
  try {
    pg.start();
  } catch (error) {
    const text = pg.log();
    pg.destroy();
    throw new Error(`private PostgreSQL did not start: ${error.message}\n${text}`);
  }
  return pg;
}
