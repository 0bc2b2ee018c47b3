// A file is judged by its structure, not only its first bytes: HTML with `%PDF-1.4` in its first
// KiB, or `PK\x03\x04` and junk named .docx, once stored as a PDF and a Word document, are refused
// with evidence.content_mismatch and the reason (the validators' containerIssues on the stored bytes).
import assert from 'node:assert/strict';
import { crc32 } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { type Api, form, seededApi } from './helpers.js';

let api: Api;
before(async () => {
  api = await seededApi();
});
after(async () => {
  await api.close();
});

/** A zip of stored entries (as any archiver writes it). */
function zip(entries: Record<string, string>): Uint8Array<ArrayBuffer> {
  const enc = new TextEncoder();
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const nameBytes = Buffer.from(enc.encode(name));
    const data = Buffer.from(enc.encode(text));
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const cdSize = centrals.reduce((a, b) => a + b.length, 0);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(centrals.length / 2, 8);
  eocd.writeUInt16LE(centrals.length / 2, 10);
  eocd.writeUInt32LE(cdSize, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, ...centrals, eocd]));
}

describe('a file is judged by its structure, not only its first bytes', () => {
  const upload = (bytes: Uint8Array<ArrayBuffer> | string, name: string) =>
    api.post('/v1/evidence', 'a', form(new File([bytes], name)));

  test('HTML with %PDF-1.4 in its first KiB is refused as a PDF', async () => {
    const html = `<html><!-- %PDF-1.4 --><body>${'<p>phish</p>'.repeat(200)}<script>steal()</script></body></html>`;
    const res = await upload(html, 'invoice.pdf');
    assert.equal(res.status, 422, JSON.stringify(res.data));
    assert.equal(res.data.code, 'evidence.content_mismatch');
    assert.equal(res.data.issues[0].params.reason, 'pdf_no_trailer');
    assert.equal(res.data.issues[0].params.file, 'invoice.pdf');
    assert.deepEqual(res.data.issues[0].path, ['file']);
  });

  test('PK\\x03\\x04 and junk is refused as a .docx; a real (minimal) .docx and a real PDF are stored', async () => {
    const junk = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('not a zip at all '.repeat(30))]);
    const res = await upload(junk, 'contract.docx');
    assert.equal(res.status, 422, JSON.stringify(res.data));
    assert.equal(res.data.code, 'evidence.content_mismatch');
    assert.equal(res.data.issues[0].params.reason, 'zip_no_central_directory');
    const noMainPart = await upload(zip({ '[Content_Types].xml': '<Types/>', 'a.txt': 'x' }), 'contract.docx');
    assert.equal(noMainPart.status, 422);
    assert.equal(noMainPart.data.issues[0].params.reason, 'ooxml_no_main_part');
    const docx = zip({
      '[Content_Types].xml': '<Types/>',
      '_rels/.rels': '<Relationships/>',
      'word/document.xml': '<w:document/>',
    });
    const stored = await upload(docx, 'contract.docx');
    assert.equal(stored.status, 201, JSON.stringify(stored.data));
    const pdf =
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
      'trailer<</Root 1 0 R>>\n%%EOF\n';
    assert.equal((await upload(pdf, 'scan.pdf')).status, 201);
    const { rows } = await api.db.query<{ n: number }>(
      `select count(*)::int as n from evidence where name in ('invoice.pdf') and account_id = 'acc_complainant_a'`,
    );
    assert.equal(rows[0]!.n, 0, 'nothing refused was stored');
  });
});
