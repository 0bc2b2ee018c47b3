// What a partner installs: each package packed with `npm pack` exactly as it would be published,
// then read back. Its manifest carries a license and no `source` export condition (src/ is not
// shipped), every file its manifest points at is in the tarball, and @arethetypeswrong/cli finds
// no problem for ESM consumers (node16 from ESM, bundlers; node10 for the types of each entry).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from '../scripts/start.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PACKAGES = ['validators', 'client', 'server', 'elements'];
const out = mkdtempSync(join(tmpdir(), 'ipr-packs-'));
/** name -> { tarball, files: Set<string>, manifest } */
const packed = new Map();

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
  buildIfStale({ quiet: true });
  for (const name of PACKAGES) {
    const json = execFileSync('npm', ['pack', '-w', `@ipr/${name}`, '--json', '--pack-destination', out], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const [info] = JSON.parse(json);
    const tarball = join(out, info.filename);
    const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
    packed.set(name, { tarball, files: new Set(info.files.map((f) => f.path)), manifest });
  }
});
after(() => rmSync(out, { recursive: true, force: true }));

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
