// The CDN bundle: `<script type="module" src=".../ipr-elements.js">` (entry `src/cdn.ts`) registers
// every tag: the provider, list and detail at once, the form and its pickers from a chunk loaded
// on demand (see cdn.ts). Everything is inlined (lit, @lit/*, @ipr/client, @ipr/validators from their dist, which
// the root build produces first) except what loads on demand: the zh-CN strings, the
// spreadsheet parsers (xlsx, papaparse) and the client's sheet worker, emitted beside the
// bundle and fetched from URLs relative to it.
import { existsSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const OUT = 'packages/elements/dist/cdn';
const WORKER = 'ipr-sheet.worker.js';
// The client's worker entry: its dist when built there, else its source.
const WORKER_INPUT = [
  'packages/client/dist/import/sheet.worker.js',
  'packages/client/dist/sheet.worker.js',
  'packages/client/src/import/sheet.worker.ts',
].find((f) => existsSync(f));

/**
 * The client starts its sheet worker from `new URL('./sheet.worker.js', import.meta.url)`.
 * Inside the single-file bundle that URL must point beside the bundle: it is rewritten to
 * the worker built by the second config below (its own graph: a worker must not import the
 * bundle, which defines custom elements).
 */
function workerUrl() {
  return {
    name: 'ipr-worker-url',
    transform(code, id) {
      if (!id.includes('/packages/client/') || !code.includes('sheet.worker.js')) return null;
      return {
        code: code.replace(
          /new URL\((['"])\.\/sheet\.worker\.js\1,\s*import\.meta\.url\)/g,
          `new URL('./${WORKER}', import.meta.url)`,
        ),
        map: null,
      };
    },
  };
}

/**
 * Collapses the whitespace of `html` and `css` tagged templates in our own sources (the
 * templates are static text: indentation is bytes nobody needs). Whitespace is collapsed to
 * one space, never removed, so inline text keeps its spaces; CSS also loses comments and
 * the spaces around punctuation.
 */
export function minifyLiterals() {
  const scan = (code) => {
    let out = '';
    let i = 0;
    const tag = /\b(html|css)`/g;
    for (;;) {
      tag.lastIndex = i;
      const m = tag.exec(code);
      if (!m) break;
      const isCss = m[1] === 'css';
      let j = m.index + m[0].length;
      out += code.slice(i, j);
      // Walk the template: static text until `${`, then skip the expression (which may hold templates).
      let text = '';
      const flush = () => {
        let t = text.replace(/\s+/g, ' ');
        if (isCss)
          t = t
            .replace(/\/\*[\s\S]*?\*\//g, '')
            .replace(/ ?([{};,>]) ?/g, '$1')
            .replace(/: /g, ':');
        else t = t.replace(/> </g, '><');
        out += t;
        text = '';
      };
      while (j < code.length && code[j] !== '`') {
        if (code[j] === '\\') {
          text += code[j] + code[j + 1];
          j += 2;
          continue;
        }
        if (code[j] === '$' && code[j + 1] === '{') {
          flush();
          let depth = 1;
          let k = j + 2;
          // The expression's end: braces balance (nested templates' `${}` included); its templates are minified too.
          let expr = '';
          while (k < code.length && depth > 0) {
            const c = code[k];
            if (c === '{') depth++;
            else if (c === '}') depth--;
            if (depth > 0) expr += c;
            k++;
          }
          out += '${' + scan(expr) + '}';
          j = k;
          continue;
        }
        text += code[j++];
      }
      flush();
      out += '`';
      i = j + 1;
    }
    return out + code.slice(i);
  };
  return {
    name: 'ipr-minify-literals',
    transform(code, id) {
      if (!id.includes('/packages/elements/src/')) return null;
      return { code: scan(code), map: null };
    },
  };
}

/** Prints the gzip size of the entry (what a page loads first) and of each lazy chunk. */
function sizes() {
  return {
    name: 'ipr-sizes',
    buildStart() {
      // Old hashed chunks must not linger beside the bundle.
      rmSync(OUT, { recursive: true, force: true });
    },
    async generateBundle(_options, bundle) {
      const rows = [];
      const gzOf = (file) =>
        gzipSync(Buffer.from(file.type === 'chunk' ? file.code : file.source), { level: 9 }).length;
      // What a page loads first: the entry and everything it imports statically.
      const initialFiles = new Set();
      const visit = (name) => {
        const file = bundle[name];
        if (!file || initialFiles.has(name)) return;
        initialFiles.add(name);
        if (file.type === 'chunk') file.imports.forEach(visit);
      };
      for (const f of Object.values(bundle)) if (f.type === 'chunk' && f.isEntry) visit(f.fileName);
      let initial = 0;
      for (const file of Object.values(bundle)) {
        const source = file.type === 'chunk' ? file.code : file.source;
        const gz = gzOf(file);
        if (initialFiles.has(file.fileName)) initial += gz;
        rows.push(
          `${file.fileName.padEnd(36)} ${(Buffer.byteLength(source) / 1024).toFixed(1).padStart(8)} KB ${(gz / 1024).toFixed(1).padStart(7)} KB gz${initialFiles.has(file.fileName) ? '  (initial)' : '  (lazy)'}`,
        );
      }
      if (process.env.IPR_SIZE_DETAIL) {
        const entry = Object.values(bundle).find((f) => f.type === 'chunk' && f.isEntry);
        const groups = {};
        for (const [id, m] of Object.entries(entry.modules)) {
          const key =
            process.env.IPR_SIZE_DETAIL === 'modules'
              ? id.replace(/^.*(node_modules|packages)\//, '')
              : id.includes('node_modules/')
                ? id
                    .split('node_modules/')
                    .pop()
                    .split('/')
                    .slice(0, id.includes('@') ? 2 : 1)
                    .join('/')
                : id.replace(/^.*packages\//, '');
          groups[key] = (groups[key] ?? 0) + m.renderedLength;
        }
        if (process.env.IPR_SIZE_DETAIL === 'gz') {
          const { minify } = await import('terser');
          const gz = {};
          for (const [id, m] of Object.entries(entry.modules)) {
            if (!m.code) continue;
            const key = id.includes('node_modules/')
              ? id
                  .split('node_modules/')
                  .pop()
                  .split('/')
                  .slice(0, id.includes('@') ? 2 : 1)
                  .join('/')
              : process.env.IPR_SIZE_FILES
                ? id.replace(/^.*packages\//, '')
                : id
                    .replace(/^.*packages\//, '')
                    .split('/')
                    .slice(0, 2)
                    .join('/');
            const min = await minify(m.code, { module: true, compress: false, mangle: false }).catch(() => ({
              code: m.code,
            }));
            gz[key] = (gz[key] ?? 0) + (min.code ?? '').length;
          }
          const all = Object.values(gz).reduce((a, b) => a + b, 0);
          console.log(
            Object.entries(gz)
              .sort((a, b) => b[1] - a[1])
              .map(
                ([k, v]) => `${k.padEnd(40)} ${(v / 1024).toFixed(1)} KB min, share ${((100 * v) / all).toFixed(1)}%`,
              )
              .join('\n'),
          );
        }
        console.log(
          Object.entries(groups)
            .sort((a, b) => b[1] - a[1])
            .map(([k, v]) => `${k.padEnd(50)} ${(v / 1024).toFixed(1)} KB (before terser)`)
            .join('\n'),
        );
      }
      console.log(
        `\n[ipr-elements cdn] ${OUT}\n${rows.join('\n')}\n[ipr-elements cdn] initial bundle: ${(initial / 1024).toFixed(1)} KB min+gzip (budget 40 KB)\n`,
      );
    },
  };
}

/**
 * Flattens the request waterfall of on-demand chunks: `import("./form-elements-….js")` becomes a
 * call that first adds `<link rel="modulepreload">` for the chunks that one imports in turn (and
 * they in turn) and the importer does not already have, so the browser asks for all of them at
 * once instead of discovering them one level at a time (one round trip per level: on a CDN
 * 50–100 ms each). Runs on the final (minified) code; the CDN bundle has no source maps.
 */
function preloadDynamicDeps() {
  const HELPER =
    'function __iprPreload(l,d){if(typeof document<"u")for(const h of d){const u=new URL(h,import.meta.url).href;' +
    // biome-ignore lint/suspicious/noTemplateCurlyInString: this string is code for the bundle, with its own template literal.
    'if(!document.querySelector(`link[rel="modulepreload"][href="${u}"]`)){const e=document.createElement("link");e.rel="modulepreload";e.href=u;document.head.append(e)}}return l()}';
  return {
    name: 'ipr-preload-dynamic-deps',
    generateBundle(_options, bundle) {
      const graph = (name, seen = new Set()) => {
        for (const dep of bundle[name]?.imports ?? [])
          if (!seen.has(dep)) {
            seen.add(dep);
            graph(dep, seen);
          }
        return seen;
      };
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.dynamicImports.length) continue;
        const have = graph(chunk.fileName, new Set([chunk.fileName]));
        let changed = false;
        for (const target of new Set(chunk.dynamicImports)) {
          const deps = [...graph(target)].filter((d) => !have.has(d) && d !== target);
          const call = `import("./${target}")`;
          if (!deps.length || !chunk.code.includes(call)) continue;
          chunk.code = chunk.code
            .split(call)
            .join(`__iprPreload(()=>${call},${JSON.stringify(deps.map((d) => `./${d}`))})`);
          changed = true;
        }
        if (changed) chunk.code += `\n${HELPER}\n`;
      }
    },
  };
}

export default ({ ts, onwarn, nodeResolve, commonjs, terser }) => [
  {
    input: { 'ipr-elements': 'packages/elements/src/cdn.ts' },
    // Lazy chunks may import from the bundle itself (extra exports), so the initial code stays one file.
    preserveEntrySignatures: 'allow-extension',
    onwarn,
    output: {
      dir: OUT,
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: '[name]-[hash].js',
      sourcemap: false,
    },
    plugins: [
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
      workerUrl(),
      terser({ ecma: 2020, module: true, compress: { passes: 2 }, format: { comments: false } }),
      preloadDynamicDeps(),
      sizes(),
    ],
  },
  ...(WORKER_INPUT
    ? [
        {
          input: WORKER_INPUT,
          onwarn,
          output: {
            dir: OUT,
            format: 'es',
            entryFileNames: WORKER,
            chunkFileNames: 'worker-[name]-[hash].js',
            sourcemap: false,
          },
          plugins: [
            nodeResolve({ browser: true, exportConditions: ['browser', 'import', 'default'] }),
            commonjs(),
            ...(WORKER_INPUT.endsWith('.ts')
              ? [
                  ts('client', {
                    declaration: false,
                    declarationDir: undefined,
                    outDir: OUT,
                    sourceMap: false,
                    rootDir: 'packages/client/src',
                  }),
                ]
              : []),
            terser({ ecma: 2020, module: true, format: { comments: false } }),
          ],
        },
      ]
    : []),
];
