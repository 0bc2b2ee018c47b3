// The consumer fixture apps (packaging/consumers/<app>/) install what a partner would: the packed
// tarballs of @ipr/validators, @ipr/client and @ipr/elements, and their own dependencies from the
// npm registry at the exact versions of their package.json and committed package-lock.json.
//
// Each fixture names the tarballs as `file:../.packs/ipr-<name>.tgz`; stagePacks() copies the
// tarballs of this run there. Installs are cached between runs (node_modules is git-ignored):
//   - no node_modules, or package.json / package-lock.json changed  -> `npm ci` (seconds to a minute)
//   - only tarballs changed (a hash of each)                        -> just those are unpacked again
//   - nothing changed                                               -> nothing to do
// The locks carry no integrity for the tarballs (they change with every build; with one, npm would
// serve the old tarball from its cache). After changing a fixture's dependencies, or when the
// packages' own dependencies change, refresh the locks:
//   node packaging/support/install.mjs --update-locks
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CONSUMERS = fileURLToPath(new URL('../consumers/', import.meta.url));
export const FIXTURES = ['react', 'vue', 'node'];
/** The packages the fixtures install from tarballs. */
export const PACKED = ['validators', 'client', 'elements'];
const PACKS = join(CONSUMERS, '.packs');
const STAMP = 'node_modules/.ipr-install.json';
const UPDATE = 'node packaging/support/install.mjs --update-locks';

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const sha = (...buffers) => {
  const hash = createHash('sha256');
  for (const b of buffers) hash.update(b);
  return hash.digest('hex');
};

/** The environment for tools run in a fixture: nothing of an enclosing `npm test` (npm_config_* etc.). */
function cleanEnv(extra = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return { ...env, FORCE_COLOR: '0', NO_COLOR: '1', NODE_OPTIONS: '', ...extra };
}

/**
 * Runs a command in `cwd`; resolves with its exit status and combined output (never rejects on a
 * non-zero exit: callers assert on it). `bin` is looked up in the fixture's node_modules/.bin first.
 * @returns {Promise<{ status: number | null, output: string, ms: number }>}
 */
export function run(cwd, bin, args, { env = {}, timeoutMs = 300_000 } = {}) {
  const local = join(cwd, 'node_modules/.bin', bin);
  const command = existsSync(local) ? local : bin;
  const started = Date.now();
  return new Promise((ok, fail) => {
    const child = spawn(command, args, { cwd, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => {
      output += c;
    });
    child.stderr.on('data', (c) => {
      output += c;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', fail);
    child.once('close', (status) => {
      clearTimeout(timer);
      ok({ status, output, ms: Date.now() - started });
    });
  });
}

/** Copies the packed tarballs (from packAll()) to consumers/.packs/ipr-<name>.tgz, where the fixtures name them. */
export function stagePacks(packed) {
  mkdirSync(PACKS, { recursive: true });
  for (const name of PACKED) {
    const from = packed.get(name)?.tarball;
    if (!from) throw new Error(`@ipr/${name} was not packed`);
    const to = join(PACKS, `ipr-${name}.tgz`);
    if (!existsSync(to) || sha(readFileSync(to)) !== sha(readFileSync(from))) copyFileSync(from, to);
  }
}

/** The fixture's tarball dependencies: package name, lock key, tarball path. */
function tarballDeps(dir) {
  const manifest = readJson(join(dir, 'package.json'));
  return Object.entries(manifest.dependencies ?? {})
    .filter(([, spec]) => spec.startsWith('file:'))
    .map(([name, spec]) => ({ name, key: `node_modules/${name}`, file: resolve(dir, spec.slice('file:'.length)) }));
}

const same = (a, b) =>
  JSON.stringify(Object.entries(a ?? {}).sort()) === JSON.stringify(Object.entries(b ?? {}).sort());

/**
 * Throws when the committed lock cannot install these tarballs faithfully: an integrity for a
 * tarball (npm would install a cached old one), or a tarball whose version or dependencies differ
 * from what the lock says (its dependencies would be missing or at other versions).
 */
function checkLock(dir, manifests) {
  const lock = readJson(join(dir, 'package-lock.json'));
  const where = relative(process.cwd(), join(dir, 'package-lock.json'));
  for (const dep of tarballDeps(dir)) {
    const entry = lock.packages?.[dep.key];
    const manifest = manifests[dep.name];
    const problem = !entry
      ? 'does not list it'
      : entry.integrity
        ? 'records an integrity for it (npm would install a cached old tarball)'
        : entry.version !== manifest.version
          ? `says version ${entry.version}, the tarball is ${manifest.version}`
          : !same(entry.dependencies, manifest.dependencies) || !same(entry.peerDependencies, manifest.peerDependencies)
            ? 'lists other dependencies than the tarball has'
            : '';
    if (problem) throw new Error(`${where} ${problem} (${dep.name}): run ${UPDATE}`);
  }
}

/** The tarball's package.json. */
async function tarballManifest(file) {
  const { output, status } = await run(CONSUMERS, 'tar', ['-xzOf', file, 'package/package.json']);
  if (status !== 0) throw new Error(`cannot read package.json from ${file}: ${output}`);
  return JSON.parse(output);
}

/**
 * Installs one fixture (see the top of this file). Returns how: 'npm ci', 'tarballs' (only those
 * that changed were unpacked) or 'cached', and the time it took.
 * @returns {Promise<{ how: 'npm ci' | 'tarballs' | 'cached', changed: string[], ms: number }>}
 */
export async function installFixture(dir) {
  const started = Date.now();
  const deps = tarballDeps(dir);
  for (const dep of deps) if (!existsSync(dep.file)) throw new Error(`${dep.file} is missing: stagePacks() first`);
  const read = await Promise.all(deps.map((d) => tarballManifest(d.file)));
  checkLock(dir, Object.fromEntries(deps.map((d, i) => [d.name, read[i]])));
  const want = {
    registry: sha(readFileSync(join(dir, 'package.json')), readFileSync(join(dir, 'package-lock.json'))),
    packs: Object.fromEntries(deps.map((d) => [d.name, sha(readFileSync(d.file))])),
  };
  const stampFile = join(dir, STAMP);
  const have = existsSync(stampFile) ? readJson(stampFile) : undefined;
  let how = 'cached';
  let changed = [];
  if (!have || have.registry !== want.registry || !existsSync(join(dir, 'node_modules/.package-lock.json'))) {
    // Fresh or changed dependencies: exactly what the lock says.
    const r = await run(dir, 'npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error']);
    if (r.status !== 0) throw new Error(`npm ci in ${dir} failed (${r.status}):\n${r.output}`);
    how = 'npm ci';
    changed = deps.map((d) => d.name);
  } else {
    // Only the tarballs: unpacked in place as npm would (they have no install scripts).
    changed = deps.filter((d) => have.packs?.[d.name] !== want.packs[d.name]).map((d) => d.name);
    for (const dep of deps.filter((d) => changed.includes(d.name))) {
      const target = join(dir, dep.key);
      rmSync(target, { recursive: true, force: true });
      mkdirSync(target, { recursive: true });
      const r = await run(dir, 'tar', ['-xzf', dep.file, '--strip-components=1', '-C', target]);
      if (r.status !== 0) throw new Error(`unpacking ${dep.file} failed:\n${r.output}`);
    }
    if (changed.length) how = 'tarballs';
  }
  writeFileSync(stampFile, JSON.stringify(want, null, 2));
  return { how, changed, ms: Date.now() - started };
}

/**
 * Refreshes a fixture's package-lock.json with `npm install` (the registry dependencies stay at
 * the locked versions unless package.json changed them), without integrity for the tarballs.
 */
export async function updateLock(dir) {
  rmSync(join(dir, 'node_modules'), { recursive: true, force: true });
  const r = await run(dir, 'npm', ['install', '--no-audit', '--no-fund', '--loglevel=error']);
  if (r.status !== 0) throw new Error(`npm install in ${dir} failed (${r.status}):\n${r.output}`);
  const file = join(dir, 'package-lock.json');
  const lock = readJson(file);
  for (const entry of Object.values(lock.packages ?? {}))
    if (entry.resolved?.startsWith('file:')) delete entry.integrity;
  writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
  // The next installFixture() starts from `npm ci`, as CI does.
  rmSync(join(dir, STAMP), { force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.argv.includes('--update-locks')) {
    console.error(`usage: ${UPDATE} [react|vue|node …]`);
    process.exit(2);
  }
  const { packAll } = await import('./pack.mjs');
  stagePacks(packAll());
  const only = process.argv.slice(2).filter((a) => FIXTURES.includes(a));
  for (const name of only.length ? only : FIXTURES) {
    await updateLock(join(CONSUMERS, name));
    console.log(`[install] packaging/consumers/${name}/package-lock.json updated`);
  }
}
