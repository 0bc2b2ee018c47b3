// `prepack` / `postpack` of each package: what is published carries no `source` export condition
// (it points at src/, which the tarball does not hold; inside this repository tests and tools
// resolve it with `--conditions=source`). `strip` keeps the original beside it, `restore` puts it
// back, so the working tree never changes for more than the time `npm pack` takes.
//
// `strip` also writes the links npm shows (`repository` with the package's folder, `homepage`,
// `bugs`) from ONE place: the root package.json's `repository`, else `IPR_REPOSITORY`, else the
// checkout's `origin` remote when it is a hosted URL (a clone of a local folder is not). The
// project has no public repository yet, so these are absent today; `npm publish` refuses to
// publish a package without them (a pack for tests only warns).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** A hosted git URL (https, ssh or scp-like) as the https address of its web page; undefined for anything else. */
export function webAddress(url) {
  const text = String(url ?? '')
    .trim()
    .replace(/^git\+/, '');
  const scp = /^[\w.-]+@([\w.-]+):(.+?)(\.git)?\/?$/.exec(text);
  if (scp) return `https://${scp[1]}/${scp[2]}`;
  const parsed = URL.canParse(text) ? new URL(text) : undefined;
  if (!parsed || !['https:', 'http:', 'ssh:', 'git:'].includes(parsed.protocol) || !parsed.hostname) return undefined;
  return `https://${parsed.hostname}${parsed.pathname.replace(/\.git$/, '').replace(/\/$/, '')}`;
}

/** The project's repository page: root package.json `repository`, IPR_REPOSITORY, or a hosted `origin`. */
export function repositoryAddress(root, env = process.env) {
  const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const declared = rootManifest.repository?.url ?? rootManifest.repository;
  for (const candidate of [declared, env.IPR_REPOSITORY]) {
    const address = webAddress(candidate);
    if (address) return address;
  }
  try {
    const origin = execFileSync('git', ['remote', 'get-url', 'origin'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return webAddress(origin);
  } catch {
    return undefined;
  }
}

/** `manifest` with repository (and the package's folder in it), homepage and bugs pointing at `address`. */
export function withLinks(manifest, address, directory) {
  return {
    ...manifest,
    repository: { type: 'git', url: `git+${address}.git`, directory },
    homepage: `${address}/tree/main/${directory}#readme`,
    bugs: { url: `${address}/issues` },
  };
}

if (mode === 'strip') {
  const text = readFileSync(FILE, 'utf8');
  const manifest = JSON.parse(text);
  const address = repositoryAddress(resolve(dirname(fileURLToPath(import.meta.url)), '..'));
  if (!address && process.env.npm_command === 'publish') {
    console.error(
      `publish-manifest: ${manifest.name} has no repository to link: set "repository" in the root package.json (or IPR_REPOSITORY) before publishing`,
    );
    process.exit(1);
  }
  writeFileSync(KEPT, text);
  const published = address ? withLinks(manifest, address, `packages/${basename(process.cwd())}`) : { ...manifest };
  published.exports = withoutSource(manifest.exports);
  if (Array.isArray(manifest.sideEffects))
    published.sideEffects = manifest.sideEffects.filter((f) => !f.includes('/src/'));
  writeFileSync(FILE, `${JSON.stringify(published, null, 2)}\n`);
} else if (mode === 'restore') {
  if (existsSync(KEPT)) renameSync(KEPT, FILE);
} else if (mode) {
  console.error(`publish-manifest: unknown mode ${mode} (strip | restore)`);
  process.exit(2);
}
