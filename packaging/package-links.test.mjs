// The links npm shows for each package (repository with the package's folder, homepage, bugs) are
// written at pack time from one place, and `npm publish` refuses a package without them. Runs the
// real prepack script (scripts/publish-manifest.mjs) in a scratch package folder.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { repositoryAddress, webAddress } from '../scripts/publish-manifest.mjs';
import { ROOT } from './support/pack.mjs';

const SCRIPT = join(ROOT, 'scripts/publish-manifest.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'ipr-links-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A package folder `packages/<name>` holding `manifest`, as npm runs prepack in it. */
function packageFolder(name, manifest) {
  const dir = join(scratch, String(Math.random()).slice(2), 'packages', name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return dir;
}

/** Runs the prepack script in `dir` with only `env` added to a clean environment. */
function prepack(dir, mode, env) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('npm_') && k !== 'IPR_REPOSITORY'),
  );
  return spawnSync(process.execPath, [SCRIPT, mode], { cwd: dir, env: { ...clean, ...env }, encoding: 'utf8' });
}

const MANIFEST = {
  name: '@ipr/client',
  version: '1.2.3',
  exports: { '.': { source: './src/index.ts', types: './dist/index.d.ts', default: './dist/index.js' } },
};

describe('package links', () => {
  test('hosted git URLs become their web address; local folders and junk do not', () => {
    assert.equal(webAddress('git@github.com:acme/ipr-kit.git'), 'https://github.com/acme/ipr-kit');
    assert.equal(webAddress('https://gitlab.com/acme/tools/ipr-kit.git'), 'https://gitlab.com/acme/tools/ipr-kit');
    assert.equal(webAddress('git+https://github.com/acme/ipr-kit.git'), 'https://github.com/acme/ipr-kit');
    assert.equal(webAddress('ssh://git@github.com/acme/ipr-kit.git'), 'https://github.com/acme/ipr-kit');
    assert.equal(webAddress('/work/main'), undefined);
    assert.equal(webAddress('file:///work/main'), undefined);
    assert.equal(webAddress(''), undefined);
    assert.equal(webAddress(undefined), undefined);
  });

  test('a pack writes repository (with the folder), homepage and bugs; restore puts the original back', () => {
    const dir = packageFolder('client', MANIFEST);
    const original = readFileSync(join(dir, 'package.json'), 'utf8');
    const r = prepack(dir, 'strip', { IPR_REPOSITORY: 'git@github.com:acme/ipr-complaint-kit.git' });
    assert.equal(r.status, 0, r.stderr);
    const packed = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    assert.deepEqual(packed.repository, {
      type: 'git',
      url: 'git+https://github.com/acme/ipr-complaint-kit.git',
      directory: 'packages/client',
    });
    assert.equal(packed.homepage, 'https://github.com/acme/ipr-complaint-kit/tree/main/packages/client#readme');
    assert.deepEqual(packed.bugs, { url: 'https://github.com/acme/ipr-complaint-kit/issues' });
    assert.deepEqual(packed.exports, { '.': { types: './dist/index.d.ts', default: './dist/index.js' } });
    assert.equal(prepack(dir, 'restore', {}).status, 0);
    assert.equal(readFileSync(join(dir, 'package.json'), 'utf8'), original);
  });

  test('npm publish without a repository is refused and leaves package.json as it was', (t) => {
    if (repositoryAddress(ROOT, {})) return t.skip('this checkout names its repository: nothing to refuse');
    const dir = packageFolder('validators', { ...MANIFEST, name: '@ipr/validators' });
    const original = readFileSync(join(dir, 'package.json'), 'utf8');
    const refused = prepack(dir, 'strip', { npm_command: 'publish' });
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /@ipr\/validators has no repository to link/);
    assert.equal(readFileSync(join(dir, 'package.json'), 'utf8'), original);
    // A pack for tests goes on without the links.
    assert.equal(prepack(dir, 'strip', { npm_command: 'pack' }).status, 0);
    assert.equal(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).repository, undefined);
  });
});
