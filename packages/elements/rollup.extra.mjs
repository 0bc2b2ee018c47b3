// The CDN bundle: `<script type="module" src=".../ipr-elements.js">` (entry `src/cdn.ts`) registers
// `<ipr-provider>` at once and the other tags from chunks loaded on demand (see cdn.ts). One rollup
// build with two entries: the page's (`ipr-elements.js`) and the client's sheet worker
// (`ipr-sheet.worker.js`), so every module exists once in dist/cdn: xlsx, papaparse and the import
// rules the page and the worker both use are chunks both load, never two copies. Everything is
// inlined (lit, @lit/*, @ipr/client, @ipr/validators from their dist, which the root build produces
// first) except what loads on demand: the elements' chunks, the zh-CN strings, the spreadsheet
// parsers and the worker, fetched from URLs relative to the bundle.
//
// Names: the two entries keep fixed names (a page and a `new Worker()` ask for them by name, so a
// CDN caches them briefly); every other file is `[name]-[hash].js`, named by its content, so it can
// be cached for ever. Beside them, `ipr-preload.json` (fixed name) lists the files a page needs for
// each tag, for `<link rel="modulepreload">` in the page's HTML (see preloadManifest).
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const OUT = 'packages/elements/dist/cdn';
const ENTRY = 'ipr-elements';
const WORKER = 'ipr-sheet.worker';
// The client's worker entry, from its dist: the page's graph reaches the client through its dist
// too, so the modules both use are the same files and rollup puts them in one chunk.
const WORKER_INPUT = ['packages/client/dist/import/sheet.worker.js', 'packages/client/dist/sheet.worker.js'].find((f) =>
  existsSync(f),
);

/**
 * The client starts its sheet worker from `new URL('./sheet.worker.js', import.meta.url)`.
 * Inside the bundle that URL must point beside the bundle: it is rewritten to the worker entry.
 */
function workerUrl() {
  return {
    name: 'ipr-worker-url',
    transform(code, id) {
      if (!id.includes('/packages/client/') || !code.includes('sheet.worker.js')) return null;
      return {
        code: code.replace(
          /new URL\((['"])\.\/sheet\.worker\.js\1,\s*import\.meta\.url\)/g,
          `new URL('./${WORKER}.js', import.meta.url)`,
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

/** The file names `name` loads before it runs: itself and its static imports, transitively. */
function staticClosure(bundle, name, seen = new Set()) {
  const file = bundle[name];
  if (!file || seen.has(name)) return seen;
  seen.add(name);
  if (file.type === 'chunk') for (const dep of file.imports) staticClosure(bundle, dep, seen);
  return seen;
}

/**
 * Fails the build when the worker would load page code: a chunk the worker imports holding an
 * element or lit (rollup would only do that if a module moved between graphs) would run
 * `customElements.define` in a worker, where there is no `customElements`.
 */
function headlessWorker() {
  return {
    name: 'ipr-headless-worker',
    generateBundle(_options, bundle) {
      for (const name of staticClosure(bundle, `${WORKER}.js`)) {
        const chunk = bundle[name];
        const page = Object.keys(chunk.modules ?? {}).find((id) =>
          /\/packages\/elements\/|\/node_modules\/(lit|lit-html|lit-element|@lit)\//.test(id),
        );
        if (page) this.error(`the sheet worker would load ${name}, which holds page code (${page})`);
      }
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
      // What a page loads first: the page's entry and everything it imports statically.
      const initialFiles = staticClosure(bundle, `${ENTRY}.js`);
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
        const entry = bundle[`${ENTRY}.js`];
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
        `\n[ipr-elements cdn] ${OUT}\n${rows.join('\n')}\n[ipr-elements cdn] initial bundle: ${(initial / 1024).toFixed(1)} KB min+gzip (budget 32 KB)\n`,
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

/** The manifest's name: a fixed name beside the entry (it changes with every build, like the entry). */
export const PRELOAD_MANIFEST = 'ipr-preload.json';

/**
 * Writes `ipr-preload.json`, so a host page can name in its HTML every file it will load
 * (`<link rel="modulepreload">`) and the browser asks for them at once instead of discovering them
 * one import at a time: `entry` is `ipr-elements.js` and its static imports; `tags` gives, for each
 * tag, the on-demand chunk that registers it and that chunk's static imports beyond `entry` (none
 * for `<ipr-provider>`, which the entry registers). Which module defines a tag comes from
 * custom-elements.json; which chunk holds that module, from this build.
 */
function preloadManifest() {
  return {
    name: 'ipr-preload-manifest',
    generateBundle(_options, bundle) {
      const manifest = JSON.parse(readFileSync('packages/elements/custom-elements.json', 'utf8'));
      const elements = manifest.modules.flatMap((m) =>
        (m.declarations ?? [])
          .filter((d) => d.customElement && d.tagName)
          .map((d) => ({
            tag: d.tagName,
            source: m.path.replace(/^dist\//, '/packages/elements/src/').replace(/\.js$/, '.ts'),
          })),
      );
      const entry = [...staticClosure(bundle, `${ENTRY}.js`)];
      const tags = {};
      const holds = (files, source) =>
        files.some((f) => Object.keys(bundle[f].modules ?? {}).some((id) => id.endsWith(source)));
      for (const { tag, source } of elements) if (holds(entry, source)) tags[tag] = [];
      for (const target of bundle[`${ENTRY}.js`].dynamicImports) {
        const files = [...staticClosure(bundle, target)].filter((f) => !entry.includes(f));
        for (const { tag, source } of elements) if (!tags[tag] && holds(files, source)) tags[tag] = files;
      }
      const missing = elements.filter(({ tag }) => !tags[tag]).map(({ tag }) => tag);
      if (missing.length) this.error(`${PRELOAD_MANIFEST}: no chunk of the CDN entry registers ${missing.join(', ')}`);
      this.emitFile({
        type: 'asset',
        fileName: PRELOAD_MANIFEST,
        source: `${JSON.stringify({ entry, tags }, null, 2)}\n`,
      });
    },
  };
}

export default ({ ts, onwarn, nodeResolve, commonjs, terser }) => {
  if (!WORKER_INPUT) throw new Error('the CDN bundle needs the client built first (packages/client/dist)');
  return [
    {
      input: { [ENTRY]: 'packages/elements/src/cdn.ts', [WORKER]: WORKER_INPUT },
      // Lazy chunks may import from the bundle itself (extra exports), so the page's initial code stays
      // in its entry, plus the one chunk of validator limits and messages it shares with the worker.
      preserveEntrySignatures: 'allow-extension',
      onwarn,
      output: {
        dir: OUT,
        format: 'es',
        entryFileNames: '[name].js',
        // Rollup names a shared chunk after one of its modules; the one holding the base classes and
        // tokens every element extends (shared by the list, form and detail chunks; the provider
        // needs none of them) is named for what it is. Names only: the chunking stays rollup's.
        chunkFileNames: (chunk) =>
          chunk.moduleIds.some((id) => id.endsWith('/packages/elements/src/base/ipr-element.ts'))
            ? 'element-base-[hash].js'
            : '[name]-[hash].js',
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
        preloadManifest(),
        headlessWorker(),
        sizes(),
      ],
    },
  ];
};
