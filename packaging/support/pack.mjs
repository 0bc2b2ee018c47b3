// The packages as a partner gets them: `npm pack` of each workspace package exactly as it would be
// published (its prepack script strips the `source` export condition; postpack restores it), into
// a temp folder removed when the process exits. Packed once per process, whoever asks first.
//
// npm pack rewrites each package.json for a moment, so two packers in one checkout at once (two
// `npm test` runs) could leave one stripped: packers take turns (a lock folder in node_modules/.cache),
// and a package.json left without its source condition is put back as it was.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from '../../scripts/start.mjs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const PACKAGES = ['validators', 'client', 'server', 'elements'];

/** @typedef {{ name: string, tarball: string, files: Set<string>, manifest: Record<string, any> }} Packed */

/** @type {Map<string, Packed> | undefined} */
let packed;

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Whether a lock folder's owner is gone (its pid is not running, or it never wrote one in 30 s). */
function abandoned(lock) {
  try {
    process.kill(Number(readFileSync(join(lock, 'pid'), 'utf8')), 0);
    return false;
  } catch (error) {
    if (error.code === 'ESRCH') return true;
    if (error.code === 'EPERM') return false;
    try {
      return Date.now() - statSync(lock).mtimeMs > 30_000;
    } catch {
      return false;
    }
  }
}

/** Runs `fn` while holding this checkout's pack lock (waits up to 10 minutes for another packer). */
function whileLocked(fn) {
  const lock = join(ROOT, 'node_modules/.cache/ipr-pack.lock');
  mkdirSync(dirname(lock), { recursive: true });
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      if (abandoned(lock)) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`another packer holds ${lock}`);
      else sleep(250);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

const hasSource = (text) => /"source"\s*:/.test(text);

/**
 * Builds the packages when stale, then packs all of them in one `npm pack` run. Returns the
 * packed packages by short name (`validators`, …): tarball path, shipped files, published manifest.
 * @returns {Map<string, Packed>}
 */
export function packAll() {
  if (packed) return packed;
  buildIfStale({ quiet: true });
  const out = mkdtempSync(join(tmpdir(), 'ipr-packs-'));
  process.once('exit', () => rmSync(out, { recursive: true, force: true }));
  const json = whileLocked(() => {
    const manifests = PACKAGES.map((name) => join(ROOT, 'packages', name, 'package.json'));
    const before = manifests.map((file) => readFileSync(file, 'utf8'));
    try {
      return execFileSync(
        'npm',
        ['pack', ...PACKAGES.flatMap((name) => ['-w', `@ipr/${name}`]), '--json', '--pack-destination', out],
        { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
    } finally {
      manifests.forEach((file, i) => {
        if (hasSource(before[i]) && !hasSource(readFileSync(file, 'utf8'))) {
          console.warn(`[pack] ${file} was left stripped: put back as it was`);
          writeFileSync(file, before[i]);
        }
      });
    }
  });
  packed = new Map();
  for (const info of JSON.parse(json)) {
    const name = info.name.replace(/^@ipr\//, '');
    const tarball = join(out, info.filename);
    const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
    packed.set(name, { name, tarball, files: new Set(info.files.map((f) => f.path)), manifest });
  }
  for (const name of PACKAGES) if (!packed.has(name)) throw new Error(`npm pack gave no tarball for @ipr/${name}`);
  return packed;
}
