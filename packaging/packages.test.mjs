// What a partner installs: each package packed with `npm pack` exactly as it would be published,
// then read back. Its manifest carries a license and no `source` export condition (src/ is not
// shipped), every file its manifest points at is in the tarball, and @arethetypeswrong/cli finds
// no problem for ESM consumers (node16 from ESM, bundlers; node10 for the types of each entry).
// The CDN folder of @ipr/elements holds each module once (one build: the sheet worker shares the
// page's chunks of xlsx, papaparse and the import rules instead of carrying copies).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { duplicatedCode } from './support/duplicates.mjs';
import { PACKAGES, ROOT, packAll } from './support/pack.mjs';

/** name -> { tarball, files: Set<string>, manifest } */
let packed;

function targets(exports) {
  if (typeof exports === 'string') return [exports];
  if (typeof exports !== 'object' || exports === null) return [];
  return Object.values(exports).flatMap(targets);
}

function conditions(exports) {
  if (typeof exports !== 'object' || exports === null) return [];
  return Object.entries(exports).flatMap(([key, value]) => [key, ...conditions(value)]);
}

before(() => {
  packed = packAll();
});

describe('published packages', () => {
  for (const name of PACKAGES) {
    test(`@ipr/${name}: license, readme, changelog, no source condition, every target shipped`, () => {
      const { files, manifest } = packed.get(name);
      assert.equal(manifest.license, 'MIT');
      for (const f of ['LICENSE', 'README.md', 'CHANGELOG.md', 'package.json']) assert.ok(files.has(f), `${f} shipped`);
      assert.ok(!conditions(manifest.exports).includes('source'), 'no source condition in what is published');
      assert.ok(![...files].some((f) => f.startsWith('src/')), 'no sources shipped');
      const pointed = [
        ...targets(manifest.exports),
        manifest.main,
        manifest.types,
        manifest.jsdelivr,
        manifest.unpkg,
        manifest.customElements,
        ...Object.values(manifest.typesVersions?.['*'] ?? {}).flat(),
        ...Object.values(manifest.bin ?? {}),
      ].filter(Boolean);
      for (const target of pointed) assert.ok(files.has(target.replace(/^\.\//, '')), `${target} is in the tarball`);
      assert.ok(manifest.types, 'top-level types for resolvers without exports');
    });

    test(`@ipr/${name}: types resolve for ESM consumers and bundlers (arethetypeswrong)`, () => {
      const { tarball } = packed.get(name);
      const r = spawnSync(
        join(ROOT, 'node_modules/.bin/attw'),
        [tarball, '--profile', 'esm-only', '--format', 'ascii', '--no-color'],
        {
          encoding: 'utf8',
        },
      );
      assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
    });
  }

  test('@ipr/elements names its CDN file for jsDelivr and unpkg', () => {
    const { manifest, files } = packed.get('elements');
    assert.equal(manifest.jsdelivr, './dist/cdn/ipr-elements.js');
    assert.equal(manifest.unpkg, manifest.jsdelivr);
    assert.ok(files.has('dist/cdn/ipr-elements.js'));
  });

  test('@ipr/elements ships each module once: no chunk of the CDN folder copied into another (xlsx, papaparse)', () => {
    const { tarball } = packed.get('elements');
    const dir = mkdtempSync(join(tmpdir(), 'ipr-elements-tgz-'));
    try {
      execFileSync('tar', ['-xzf', tarball, '-C', dir]);
      const js = (sub) =>
        new Map(
          readdirSync(join(dir, 'package', sub), { recursive: true })
            .map(String)
            .filter((f) => f.endsWith('.js'))
            // The build appends a 300-byte preload helper to each chunk that imports on demand: not a module.
            .map((f) => [
              join(sub, f),
              readFileSync(join(dir, 'package', sub, f), 'utf8').replace(/^function __iprPreload\(.*$/m, ''),
            ]),
        );
      const cdn = js('dist/cdn');
      assert.ok(cdn.has('dist/cdn/ipr-elements.js') && cdn.has('dist/cdn/ipr-sheet.worker.js'), 'both CDN entries');
      const { bytes, pairs } = duplicatedCode(cdn);
      assert.equal(bytes, 0, `code shipped twice in dist/cdn: ${JSON.stringify(Object.fromEntries(pairs), null, 1)}`);
      // The heavy parsers by what defines them, over the whole tarball (the library build leaves them to npm).
      const all = js('dist');
      const defining = (marker) => [...all].filter(([, code]) => marker.test(code)).map(([f]) => f);
      assert.equal(defining(/SheetJS/).length, 1, `SheetJS in ${defining(/SheetJS/)}`);
      assert.equal(defining(/BAD_DELIMITERS=\[/).length, 1, `papaparse in ${defining(/BAD_DELIMITERS=\[/)}`);
      // The worker loads no page code (no element, no lit): it runs where there is no customElements.
      const closure = new Set();
      const visit = (file) => {
        if (closure.has(file)) return;
        closure.add(file);
        for (const m of cdn.get(file).matchAll(/(?:import|from)\s*"\.\/([\w.-]+\.js)"/g)) visit(`dist/cdn/${m[1]}`);
      };
      visit('dist/cdn/ipr-sheet.worker.js');
      for (const file of closure) {
        assert.ok(!/customElements|attachShadow/.test(cdn.get(file)), `${file} (loaded by the worker) holds page code`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the repository itself keeps its source condition (tests and tools resolve src/)', async () => {
    const { readFile } = await import('node:fs/promises');
    for (const name of PACKAGES) {
      const manifest = JSON.parse(await readFile(join(ROOT, 'packages', name, 'package.json'), 'utf8'));
      assert.ok(conditions(manifest.exports).includes('source'), `${name}: packing restored package.json`);
    }
  });
});
