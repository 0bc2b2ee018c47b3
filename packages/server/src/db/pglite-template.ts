// Node-only: a new PGlite database starts from a copy of an empty one instead of running initdb.
// initdb in WASM took 3.1 s for a database in memory and 7.6 s for a new data folder on the 2-core
// build machine; loading the dump of a freshly initialised cluster takes 0.7–0.9 s. The dump is made
// once per machine and PGlite version (in the OS temp folder, written under a temporary name and
// renamed, so concurrent processes never read half a file) and holds no data: only what initdb makes.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';

/** PGlite's version, read from its package.json (not exported: found above its entry file). */
function pgliteVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite')));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === '@electric-sql/pglite' && pkg.version) return pkg.version;
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('the version of @electric-sql/pglite was not found');
    dir = up;
  }
}

/** Where the template of this PGlite version is kept (`IPR_PGLITE_TEMPLATE_DIR` moves it). */
export function pgliteTemplatePath(): string {
  const dir = process.env.IPR_PGLITE_TEMPLATE_DIR ?? join(tmpdir(), 'ipr-pglite-templates');
  return join(dir, `initdb-${pgliteVersion()}.tar`);
}

let made: Promise<string> | undefined;

/** The template's path, made on first use (once per process; a finished file is reused by all). */
export function ensurePgliteTemplate(): Promise<string> {
  made ??= (async () => {
    const path = pgliteTemplatePath();
    if (existsSync(path)) return path;
    const pglite = await PGlite.create();
    const dump = await pglite.dumpDataDir('none');
    await pglite.close();
    mkdirSync(join(path, '..'), { recursive: true });
    const partial = `${path}.${process.pid}.${Date.now()}.partial`;
    writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()));
    renameSync(partial, path);
    return path;
  })();
  made.catch(() => {
    made = undefined;
  });
  return made;
}

/** The template as a Blob for `PGlite.create({ loadDataDir })` / `createPgliteDb({ loadDataDir })`. */
export async function pgliteTemplate(): Promise<Blob> {
  return new Blob([readFileSync(await ensurePgliteTemplate())]);
}

/** Whether a data folder holds no database yet (missing or empty): then it may start from the template. */
export function isNewDataDir(dataDir: string): boolean {
  return !existsSync(dataDir) || readdirSync(dataDir).length === 0;
}
