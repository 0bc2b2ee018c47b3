// The single-file CDN bundle: `<script type="module" src=".../ipr-elements.js">` registers every
// tag. Everything is inlined (lit, @lit/*, @ipr/client, @ipr/validators from their dist, which
// the root build produces first) except what loads on demand: the zh-CN strings, the
// spreadsheet parsers (xlsx, papaparse) and the client's sheet worker, emitted beside the
// bundle and fetched from URLs relative to it.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, basename, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const OUT = 'packages/elements/dist/cdn';

/** Emits files referenced as `new URL('./x.js', import.meta.url)` (the client's worker) beside the bundle. */
function urlAssets() {
  const pattern = /new URL\((['"])(\.{1,2}\/[^'"]+)\1,\s*import\.meta\.url\)/g;
  return {
    name: 'ipr-url-assets',
    transform(code, id) {
      if (!code.includes('import.meta.url') || !id.includes('/packages/client/')) return null;
      let changed = false;
      const out = code.replace(pattern, (whole, quote, rel) => {
        const file = resolve(dirname(id), rel);
        if (!existsSync(file)) return whole;
        const ref = this.emitFile({ type: 'asset', fileName: basename(file), source: readFileSync(file) });
        changed = true;
        return `new URL(import.meta.ROLLUP_FILE_URL_${ref})`;
      });
      return changed ? { code: out, map: null } : null;
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
        if (isCss) t = t.replace(/\/\*[^]*?\*\//g, '').replace(/ ?([{};,>]) ?/g, '$1').replace(/: /g, ':');
        else t = t.replace(/> </g, '><');
        out += t;
        text = '';
      };
      while (j < code.length && code[j] !== '`') {
        if (code[j] === '\\') { text += code[j] + code[j + 1]; j += 2; continue; }
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
    generateBundle(_options, bundle) {
      const rows = [];
      let initial = 0;
      for (const file of Object.values(bundle)) {
        const source = file.type === 'chunk' ? file.code : file.source;
        const gz = gzipSync(Buffer.from(source), { level: 9 }).length;
        if (file.type === 'chunk' && file.isEntry) initial += gz;
        rows.push(`${file.fileName.padEnd(36)} ${(Buffer.byteLength(source) / 1024).toFixed(1).padStart(8)} KB ${(gz / 1024).toFixed(1).padStart(7)} KB gz${file.type === 'chunk' && file.isEntry ? '  (initial)' : file.type === 'chunk' && file.isDynamicEntry ? '  (lazy)' : ''}`);
      }
      console.log(`\n[ipr-elements cdn] ${OUT}\n${rows.join('\n')}\n[ipr-elements cdn] initial bundle: ${(initial / 1024).toFixed(1)} KB min+gzip (budget 40 KB)\n`);
    },
  };
}

export default ({ ts, onwarn, nodeResolve, commonjs, terser }) => [
  {
    input: { 'ipr-elements': 'packages/elements/src/define.ts' },
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
      ts('elements', { declaration: false, declarationDir: undefined, outDir: OUT, sourceMap: false, rootDir: 'packages/elements/src' }),
      minifyLiterals(),
      urlAssets(),
      terser({ ecma: 2020, module: true, format: { comments: false } }),
      sizes(),
    ],
  },
];
