// What a partner installs: each package packed with `npm pack` exactly as it would be published,
// then read back. Its manifest carries a license and no `source` export condition (src/ is not
// shipped), every file its manifest points at is in the tarball, and @arethetypeswrong/cli finds
// no problem for ESM consumers (node16 from ESM, bundlers; node10 for the types of each entry).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
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

  test('the repository itself keeps its source condition (tests and tools resolve src/)', async () => {
    const { readFile } = await import('node:fs/promises');
    for (const name of PACKAGES) {
      const manifest = JSON.parse(await readFile(join(ROOT, 'packages', name, 'package.json'), 'utf8'));
      assert.ok(conditions(manifest.exports).includes('source'), `${name}: packing restored package.json`);
    }
  });
});
