// The import's module worker is loaded by URL (`new URL('./sheet.worker.js', import.meta.url)`),
// so it is its own entry: dist/import/sheet.worker.js beside dist/import/index.js. Like the
// library, it leaves its dependencies to the consumer's bundler (which bundles workers it
// finds through that URL pattern); the CDN bundle builds its own self-contained copy.
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';

export default ({ ts, onwarn, nodeResolve }) => {
  const manifest = JSON.parse(readFileSync('packages/client/package.json', 'utf8'));
  const deps = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies });
  const external = (id) =>
    builtinModules.includes(id) || id.startsWith('node:') || deps.some((d) => id === d || id.startsWith(d + '/'));
  return [
    {
      input: { 'import/sheet.worker': 'packages/client/src/import/sheet.worker.ts' },
      external,
      onwarn,
      output: {
        dir: 'packages/client/dist',
        format: 'es',
        sourcemap: true,
        preserveModules: true,
        preserveModulesRoot: 'packages/client/src',
      },
      plugins: [nodeResolve({ exportConditions: ['import', 'default'] }), ts('client')],
    },
  ];
};
