// `prepack` / `postpack` of each package: what is published carries no `source` export condition
// (it points at src/, which the tarball does not hold; inside this repository tests and tools
// resolve it with `--conditions=source`). `strip` keeps the original beside it, `restore` puts it
// back, so the working tree never changes for more than the time `npm pack` takes.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const [mode] = process.argv.slice(2);
const FILE = 'package.json';
const KEPT = '.package.json.orig';

/** The exports map without `source` conditions (a condition object left with one target collapses to it). */
export function withoutSource(exports) {
  if (typeof exports !== 'object' || exports === null) return exports;
  const out = {};
  for (const [key, value] of Object.entries(exports)) {
    if (key === 'source') continue;
    out[key] = withoutSource(value);
  }
  return out;
}

if (mode === 'strip') {
  const text = readFileSync(FILE, 'utf8');
  const manifest = JSON.parse(text);
  writeFileSync(KEPT, text);
  manifest.exports = withoutSource(manifest.exports);
  if (Array.isArray(manifest.sideEffects))
    manifest.sideEffects = manifest.sideEffects.filter((f) => !f.includes('/src/'));
  writeFileSync(FILE, `${JSON.stringify(manifest, null, 2)}\n`);
} else if (mode === 'restore') {
  if (existsSync(KEPT)) renameSync(KEPT, FILE);
} else if (mode) {
  console.error(`publish-manifest: unknown mode ${mode} (strip | restore)`);
  process.exit(2);
}
