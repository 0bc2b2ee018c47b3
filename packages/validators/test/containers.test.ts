// A file's structure, not only its first bytes: a PDF needs its cross-reference section and
// `%%EOF`, a zip its central directory, an OOXML document `[Content_Types].xml` and its main part,
// an OLE file a valid header. Fakes that carry only the magic bytes are refused.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  bytesSource,
  containerFault,
  containerIssues,
  sniffFileType,
  type ByteSource,
  zipEntryNames,
} from '@ipr/validators';
import { zip } from './support/zip.js';

const enc = (s: string) => new TextEncoder().encode(s);

const DOCX = {
  '[Content_Types].xml': '<Types/>',
  '_rels/.rels': '<Relationships/>',
  'word/document.xml': '<w:document/>',
};
const XLSX = {
  '[Content_Types].xml': '<Types/>',
  'xl/workbook.xml': '<workbook/>',
  'xl/worksheets/sheet1.xml': '<x/>',
};

const PDF =
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
  'xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \ntrailer<</Size 3/Root 1 0 R>>\nstartxref\n98\n%%EOF\n';

function ole(valid: boolean): Uint8Array {
  const h = Buffer.alloc(1024);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(h, 0);
  h.writeUInt16LE(0x3e, 24);
  h.writeUInt16LE(3, 26);
  h.writeUInt16LE(valid ? 0xfffe : 0x1234, 28);
  h.writeUInt16LE(9, 30);
  h.writeUInt16LE(6, 32);
  return h;
}

const fault = (ext: string, bytes: Uint8Array) =>
  containerFault(ext, sniffFileType(bytes.subarray(0, 1024)), bytesSource(bytes));

describe('container structure of evidence files', () => {
  test('real structures pass: PDF (classic xref and xref-stream style), zip, docx, xlsx, xlsx saved as .xls, OLE', () => {
    assert.equal(fault('pdf', enc(PDF)), undefined);
    assert.equal(
      fault('pdf', enc('%PDF-1.7\n1 0 obj<</Type/XRef>>stream\nx\nendstream endobj\nstartxref\n9\n%%EOF')),
      undefined,
    );
    assert.equal(fault('zip', zip({ 'a.txt': 'hello', 'b/c.txt': 'world' }, 'a comment')), undefined);
    assert.equal(fault('docx', zip(DOCX)), undefined);
    assert.equal(fault('xlsx', zip(XLSX)), undefined);
    assert.equal(fault('xls', zip(XLSX)), undefined);
    assert.equal(fault('doc', ole(true)), undefined);
    assert.equal(fault('msg', ole(true)), undefined);
  });

  test('HTML with %PDF-1.4 in its first KiB is not a PDF', () => {
    const html = enc(
      `<html><!-- %PDF-1.4 --><body>${'<p>phish</p>'.repeat(200)}<script>steal()</script></body></html>`,
    );
    assert.equal(sniffFileType(html.subarray(0, 1024)), 'pdf', 'the first bytes alone are fooled');
    assert.equal(fault('pdf', html), 'pdf_no_trailer');
    assert.equal(fault('pdf', enc('%PDF-1.4\n1 0 obj<<>>endobj\n')), 'pdf_no_trailer', 'truncated: no %%EOF');
    assert.equal(fault('pdf', enc(`%PDF-1.4\n${' '.repeat(3000)}\n%%EOF`)), 'pdf_no_trailer', 'no xref section');
  });

  test('PK\\x03\\x04 followed by junk has no central directory', () => {
    const junk = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...enc('not really a zip, just junk bytes '.repeat(20))]);
    assert.equal(fault('docx', junk), 'zip_no_central_directory');
    assert.equal(fault('zip', junk), 'zip_no_central_directory');
  });

  test('a central directory pointing outside the file, or at garbage, is refused', () => {
    const good = zip({ 'a.txt': 'hello' });
    const outside = Buffer.from(good);
    outside.writeUInt32LE(good.length + 100, good.length - 6); // cd offset past the end
    assert.equal(fault('zip', outside), 'zip_bad_central_directory');
    const garbage = Buffer.from(good);
    garbage.writeUInt32LE(0, good.length - 6); // cd offset 0: a local header, not a central one
    assert.equal(fault('zip', garbage), 'zip_bad_central_directory');
  });

  test('a zip named .docx or .xlsx must be that document', () => {
    assert.equal(fault('docx', zip({ 'a.txt': 'hello' })), 'ooxml_no_content_types');
    assert.equal(fault('docx', zip(XLSX)), 'ooxml_no_main_part');
    assert.equal(fault('xlsx', zip(DOCX)), 'ooxml_no_main_part');
  });

  test('an OLE file with a broken header is refused', () => {
    assert.equal(fault('doc', ole(false)), 'ole_bad_header');
    assert.equal(fault('doc', ole(true).subarray(0, 100)), 'ole_bad_header');
  });

  test('images and text have no container to check', () => {
    assert.equal(containerFault('png', 'png', bytesSource(new Uint8Array(8))), undefined);
    assert.equal(containerFault('txt', 'text', bytesSource(enc('hello'))), undefined);
  });

  test('reads by offset: a 5 MiB docx is judged from its directory, not read whole', () => {
    const big = zip({ ...DOCX, 'word/media/pad.bin': 'x'.repeat(5 * 1024 * 1024 - 2000) });
    let read = 0;
    const src: ByteSource = {
      size: big.length,
      read: (offset, length) => {
        read += Math.min(length, big.length - offset);
        return big.subarray(offset, offset + length);
      },
    };
    assert.equal(containerFault('docx', 'zip', src), undefined);
    assert.ok(read < 100 * 1024, `read ${read} bytes`);
    const names = zipEntryNames(src);
    assert.ok(names.ok && names.names.includes('word/document.xml'));
  });

  test('the issue names the file, what it looked like and why', () => {
    const result = containerIssues('invoice.pdf', 'pdf', 'pdf', bytesSource(enc('%PDF-1.4 <html>')), ['file']);
    assert.equal(result.ok, false);
    assert.deepEqual(!result.ok && result.issues[0]?.params, {
      file: 'invoice.pdf',
      detected: 'pdf',
      reason: 'pdf_no_trailer',
    });
    assert.equal(!result.ok && result.issues[0]?.code, 'evidence.content_mismatch');
  });
});
