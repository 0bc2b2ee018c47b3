// A server command for the drift test: regenerates custom-elements.json into a temporary
// folder with the same command as `npm run manifest` and compares it with the committed one.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

// The analyzer lists modules in file-system glob order, which varies: compare them sorted by path.
function canonical(text) {
  const manifest = JSON.parse(text);
  manifest.modules = [...(manifest.modules ?? [])].sort((a, b) => a.path.localeCompare(b.path));
  return JSON.stringify(manifest);
}

export function manifestDriftPlugin(packageDir) {
  return {
    name: 'ipr-manifest-drift',
    async executeCommand({ command }) {
      if (command !== 'manifest-drift') return undefined;
      const out = await mkdtemp(join(tmpdir(), 'ipr-cem-'));
      try {
        const cem = join(packageDir, '../../node_modules/.bin/cem');
        // cem joins --outdir to the working directory: pass it relative.
        await run(cem, ['analyze', '--litelement', '--globs', 'src/**/*.ts', '--outdir', relative(packageDir, out)], {
          cwd: packageDir,
        });
        const fresh = await readFile(join(out, 'custom-elements.json'), 'utf8');
        const committed = await readFile(join(packageDir, 'custom-elements.json'), 'utf8').catch(() => '');
        return {
          same: committed !== '' && canonical(fresh) === canonical(committed),
          freshLength: fresh.length,
          committedLength: committed.length,
        };
      } finally {
        await rm(out, { recursive: true, force: true });
      }
    },
  };
}
