// Library builds, one package at a time (`--environment PKG:<name>`), or all of them in
// dependency order when PKG is unset. Each package is built to its own dist/ with .d.ts;
// siblings are external (their dist is what a consumer gets). The elements package adds the
// single-file CDN bundle (everything but the lazily loaded spreadsheet parsers inlined).
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import terser from '@rollup/plugin-terser';

// Paths below are relative to the repository root, whichever workspace runs the build.
process.chdir(new URL('.', import.meta.url).pathname);

const ORDER = ['validators', 'client', 'server', 'elements'];

function onwarn(warning, warn) {
  // zod's sources carry annotations rollup cannot place and internal import cycles: harmless.
  if (
    warning.code === 'INVALID_ANNOTATION' ||
    warning.code === 'CIRCULAR_DEPENDENCY' ||
    warning.code === 'THIS_IS_UNDEFINED'
  )
    return;
  warn(warning);
}

export function ts(pkg, extra = {}) {
  return typescript({
    tsconfig: './tsconfig.base.json',
    filterRoot: process.cwd(),
    include: [`packages/${pkg}/src/**/*.ts`],
    exclude: ['**/*.test.ts', '**/*.stories.ts'],
    compilerOptions: {
      rootDir: `packages/${pkg}/src`,
      outDir: `packages/${pkg}/dist`,
      declarationDir: `packages/${pkg}/dist`,
      declaration: true,
      noEmit: false,
      noEmitOnError: true,
      sourceMap: true,
      ...extra,
    },
  });
}

function library(pkg) {
  const manifest = JSON.parse(readFileSync(`packages/${pkg}/package.json`, 'utf8'));
  const deps = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies });
  const external = (id) =>
    builtinModules.includes(id) || id.startsWith('node:') || deps.some((d) => id === d || id.startsWith(d + '/'));
  const entries = {
    validators: ['src/index.ts'],
    client: ['src/index.ts', 'src/webhook-verify.ts'],
    server: ['src/index.ts', 'src/main.ts', 'src/db/pglite-thread-worker.js'],
    elements: ['src/index.ts', 'src/define.ts', 'src/react/index.ts', 'src/react/jsx.ts', 'src/vue/index.ts'],
  }[pkg];
  return {
    input: Object.fromEntries(
      entries.map((e) => [e.replace(/^src\//, '').replace(/\.[jt]s$/, ''), `packages/${pkg}/${e}`]),
    ),
    external,
    onwarn,
    output: {
      dir: `packages/${pkg}/dist`,
      format: 'es',
      sourcemap: true,
      preserveModules: true,
      preserveModulesRoot: `packages/${pkg}/src`,
    },
    plugins: [nodeResolve({ exportConditions: ['import', 'default'] }), ts(pkg)],
  };
}

let configs;
try {
  const extra = await import(`./packages/${process.env.PKG}/rollup.extra.mjs`);
  configs = [library(process.env.PKG), ...extra.default({ ts, onwarn, nodeResolve, commonjs, terser })];
} catch (error) {
  if (process.env.PKG && error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  configs = process.env.PKG ? [library(process.env.PKG)] : ORDER.map(library);
}
export default configs;
