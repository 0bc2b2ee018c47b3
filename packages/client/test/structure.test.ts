// The browser bundle stays small and Node-free: the spreadsheet parsers load only with a
// dynamic import(), and no source file imports a node: module statically.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sources(path)));
    else if (entry.name.endsWith('.ts')) out.push(path);
  }
  return out;
}

test('xlsx, papaparse and node: modules are never imported statically', async () => {
  const files = await sources(SRC);
  assert.ok(files.length > 5);
  for (const file of files) {
    const code = await readFile(file, 'utf8');
    const statics = [...code.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
    for (const spec of statics) {
      assert.ok(!/^(xlsx|papaparse)$/.test(spec) && !spec.startsWith('node:'), `${file} imports ${spec} statically`);
    }
  }
  const parse = await readFile(join(SRC, 'import/parse.ts'), 'utf8');
  assert.match(parse, /await import\('xlsx'\)/);
  assert.match(parse, /await import\('papaparse'\)/);
});
