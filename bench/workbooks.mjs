// The workbooks of the import figures, made with SheetJS in Node (deterministic).
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const XLSX = require('xlsx');

const link = (i) => `https://market.example/product/p${String(i).padStart(6, '0')}`;

/** Random text that does not compress, so the file reaches its size. */
function noise(len, seed) {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < len; i++) {
    seed.s = (seed.s * 1103515245 + 12345) & 0x7fffffff;
    out += abc[seed.s % 62];
  }
  return out;
}

function book(rows) {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Links');
  return Buffer.from(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }));
}

/** Writes rows-800.xlsx (800 links) and big-5mib.xlsx (links and notes, just under 5 MiB) into dir. */
export function makeWorkbooks(dir) {
  mkdirSync(dir, { recursive: true });
  const small = book([
    ['Product link', 'Note'],
    ...Array.from({ length: 800 }, (_, i) => [link(i + 1), `row ${i + 1}`]),
  ]);
  writeFileSync(`${dir}/rows-800.xlsx`, small);
  let n = 48_000;
  const make = (count) => {
    const seed = { s: 7 };
    return book([
      ['Product link', 'Note'],
      ...Array.from({ length: count }, (_, i) => [link(i + 1), noise(160, seed)]),
    ]);
  };
  let big = make(n);
  while (big.length > 5 * 1024 * 1024) {
    n -= 500;
    big = make(n);
  }
  writeFileSync(`${dir}/big-5mib.xlsx`, big);
  return { small: small.length, big: big.length, bigRows: n };
}
