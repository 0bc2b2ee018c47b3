// Storybook runs the app in the browser: the graph of src/index.ts must not reach `node:` or `pg`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const BROWSER_PACKAGES = ['hono', '@electric-sql/pglite', '@ipr/validators', 'zod'];

function walk(file: string, seen = new Map<string, string[]>()): Map<string, string[]> {
  if (seen.has(file)) return seen;
  const source = readFileSync(file, 'utf8');
  const specifiers = [
    ...source.matchAll(
      /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3]!);
  seen.set(
    file,
    specifiers.filter((s) => !s.startsWith('.')),
  );
  for (const s of specifiers.filter((x) => x.startsWith('.')))
    walk(resolve(dirname(file), s.replace(/\.js$/, '.ts')), seen);
  return seen;
}

test('the browser entry (src/index.ts) imports no node: module, pg or other Node-only package', () => {
  const graph = walk(fileURLToPath(new URL('../src/index.ts', import.meta.url)));
  assert.ok(graph.size > 8, 'walked the module graph');
  for (const [file, bare] of graph) {
    for (const spec of bare) {
      assert.ok(
        BROWSER_PACKAGES.some((p) => spec === p || spec.startsWith(p + '/')),
        `${file} imports ${spec}`,
      );
    }
  }
  assert.ok(![...graph.keys()].some((f) => /node\.ts$|db\/pg\.ts$|files\/disk\.ts$/.test(f)));
});
