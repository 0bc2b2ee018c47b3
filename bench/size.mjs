// Figure 1: the initial CDN file, min + gzip (node:zlib level 9), and its baseline: the same
// entry (packages/elements/src/define.ts) built with the same rollup plugins, but with full
// `zod` (every 'zod/mini' import aliased to 'zod') and without the lazy import-pipeline
// wrappers. "Eager xlsx" is approximated: SheetJS stays a dynamic import in the client's
// sources (aliasing it into the initial chunk would mean editing the client), so the gzip size
// of the xlsx chunk is added to the baseline; the output says so. The few zod/mini-only
// functions (minimum, extend) are missing from full zod's exports: the baseline is built for
// size, never run.
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';

/** run.mjs's snapshot of packages/elements/dist/cdn. */
export const CDN_DIR = 'bench/.tmp/cdn';
export const gz = (buf) => gzipSync(buf, { level: 9 }).length;

/**
 * What a page loads before the bundle runs: `ipr-elements.js` and the chunks it imports statically
 * (the one it shares with the sheet worker), each gzipped on its own as a CDN serves them.
 */
export function sdkInitialSize() {
  const files = new Set();
  const visit = (name) => {
    if (files.has(name)) return;
    files.add(name);
    const code = readFileSync(`${CDN_DIR}/${name}`, 'utf8');
    for (const m of code.matchAll(/(?:import|from)\s*"\.\/([\w.-]+\.js)"/g)) visit(m[1]);
  };
  visit('ipr-elements.js');
  return [...files].reduce((sum, name) => sum + gz(readFileSync(`${CDN_DIR}/${name}`)), 0);
}

/** The baseline bundle, built into bench/.tmp/baseline (git-ignored, removed after). */
export async function baselineSize() {
  const OUT = 'bench/.tmp/baseline';
  // (the ts plugin wants its outDir inside rollup's output dir; nothing is written: generate only)
  rmSync(OUT, { recursive: true, force: true });
  const { ts, default: _configs } = await import('../rollup.config.mjs');
  const { nodeResolve } = await import('@rollup/plugin-node-resolve');
  const { default: commonjs } = await import('@rollup/plugin-commonjs');
  const { default: terser } = await import('@rollup/plugin-terser');
  const { minifyLiterals } = await import('../packages/elements/rollup.extra.mjs');
  const fullZod = {
    name: 'bench-full-zod',
    async resolveId(source, importer) {
      if (source === 'zod/mini' || source.startsWith('zod/v4/mini'))
        return this.resolve('zod', importer, { skipSelf: true });
      return null;
    },
  };
  const workerUrl = {
    name: 'bench-worker-url',
    transform(code, id) {
      if (!id.includes('/packages/client/') || !code.includes('sheet.worker.js')) return null;
      return {
        code: code.replace(
          /new URL\((['"])\.\/sheet\.worker\.js\1,\s*import\.meta\.url\)/g,
          "new URL('./ipr-sheet.worker.js', import.meta.url)",
        ),
        map: null,
      };
    },
  };
  const bundle = await rollup({
    input: { 'ipr-elements': 'packages/elements/src/define.ts' },
    preserveEntrySignatures: 'allow-extension',
    onwarn: (w, warn) => {
      if (!['INVALID_ANNOTATION', 'CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED', 'MISSING_EXPORT'].includes(w.code))
        warn(w);
    },
    plugins: [
      fullZod,
      nodeResolve({ browser: true, exportConditions: ['browser', 'import', 'default'] }),
      commonjs(),
      ts('elements', {
        declaration: false,
        declarationDir: undefined,
        outDir: OUT,
        sourceMap: false,
        rootDir: 'packages/elements/src',
      }),
      minifyLiterals(),
      workerUrl,
      terser({ ecma: 2020, module: true, format: { comments: false } }),
    ],
  });
  const { output } = await bundle.generate({
    dir: OUT,
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
    sourcemap: false,
  });
  await bundle.close();
  rmSync(OUT, { recursive: true, force: true });
  const files = Object.fromEntries(output.map((f) => [f.fileName, f]));
  const initial = new Set();
  const visit = (name) => {
    const f = files[name];
    if (!f || initial.has(name)) return;
    initial.add(name);
    if (f.type === 'chunk') f.imports.forEach(visit);
  };
  for (const f of output) if (f.type === 'chunk' && f.isEntry) visit(f.fileName);
  let initialGz = 0;
  for (const name of initial) initialGz += gz(Buffer.from(files[name].code ?? files[name].source));
  const xlsxChunk = readdirSync(CDN_DIR).find((f) => /^xlsx-[\w-]+\.js$/.test(f));
  const xlsxGz = xlsxChunk ? gz(readFileSync(`${CDN_DIR}/${xlsxChunk}`)) : 0;
  return { initialGz, xlsxGz, total: initialGz + xlsxGz };
}
