// Finds code shipped twice: the same module bundled into two files (say, by two builds of
// overlapping graphs) shows up as long identical runs of statements in both. Each .js file is cut
// at statement ends (`;` and `}`) into pieces; a piece of at least MIN characters found in two
// files is a copy. Minified output of one module is nearly the same text wherever it lands, and
// unrelated code does not share 200 characters of statements.
import { createHash } from 'node:crypto';

const MIN = 200;

/** Statement-sized pieces of `code`, each at least MIN characters (short ones are merged forward). */
function pieces(code) {
  const out = [];
  let start = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if ((c === ';' || c === '}') && i + 1 - start >= MIN) {
      out.push(code.slice(start, i + 1));
      start = i + 1;
    }
  }
  return out;
}

/**
 * @param {Map<string, string>} files path -> text of each .js file
 * @returns {{ bytes: number, pairs: Map<string, number> }} bytes found twice, and by which files
 *   ("a.js <-> b.js" -> bytes)
 */
export function duplicatedCode(files) {
  /** @type {Map<string, string>} hash of a piece -> the first file it was seen in */
  const seen = new Map();
  const pairs = new Map();
  let bytes = 0;
  for (const [path, code] of files) {
    for (const piece of pieces(code)) {
      const key = createHash('sha1').update(piece).digest('base64');
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, path);
        continue;
      }
      // A piece repeated inside one file is that module's own repetition, not a second copy.
      if (first === path) continue;
      bytes += piece.length;
      const pair = `${first} <-> ${path}`;
      pairs.set(pair, (pairs.get(pair) ?? 0) + piece.length);
    }
  }
  return { bytes, pairs };
}
