// The end of the root build: writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip -9)
// beside each text file of the CDN folder (JavaScript, JSON, CSS, SVG) from 1 KB on, so a host
// or CDN serves them without compressing per request (scripts/static-files.mjs does). Stale
// siblings of files that are gone are removed. `node scripts/precompress.mjs [dir]`.
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const TEXT = /\.(js|mjs|json|css|svg|html|txt)$/;
const MIN_BYTES = 1024;

export function precompress(dir) {
  let written = 0;
  let before = 0;
  let afterBr = 0;
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    if (/\.(br|gz)$/.test(name)) {
      if (!existsSync(file.slice(0, -3)) && !existsSync(file.slice(0, -2))) rmSync(file);
      continue;
    }
    if (!TEXT.test(name) || !statSync(file).isFile()) continue;
    const bytes = readFileSync(file);
    if (bytes.length < MIN_BYTES) {
      rmSync(`${file}.br`, { force: true });
      rmSync(`${file}.gz`, { force: true });
      continue;
    }
    const br = brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    });
    writeFileSync(`${file}.br`, br);
    writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
    written++;
    before += bytes.length;
    afterBr += br.length;
  }
  return { written, before, afterBr };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = resolve(process.argv[2] ?? join(ROOT, 'packages/elements/dist/cdn'));
  const r = precompress(dir);
  console.log(
    `[precompress] ${dir}: ${r.written} files, ${(r.before / 1024).toFixed(1)} KB → ${(r.afterBr / 1024).toFixed(1)} KB brotli (+ .gz)`,
  );
}
