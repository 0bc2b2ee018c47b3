// The packages as a partner gets them: `npm pack` of each workspace package exactly as it would be
// published (its prepack script strips the `source` export condition; postpack restores it), into
// a temp folder removed when the process exits. Packed once per process, whoever asks first.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from '../../scripts/start.mjs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const PACKAGES = ['validators', 'client', 'server', 'elements'];

/** @typedef {{ name: string, tarball: string, files: Set<string>, manifest: Record<string, any> }} Packed */

/** @type {Map<string, Packed> | undefined} */
let packed;

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
  const json = execFileSync(
    'npm',
    ['pack', ...PACKAGES.flatMap((name) => ['-w', `@ipr/${name}`]), '--json', '--pack-destination', out],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
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
