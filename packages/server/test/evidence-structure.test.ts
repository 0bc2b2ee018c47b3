// A file is judged by its structure, not only its first bytes: HTML with `%PDF-1.4` in its first
// KiB, or `PK\x03\x04` and junk named .docx, once stored as a PDF and a Word document, are refused
// with evidence.content_mismatch and the reason (the validators' containerIssues on the stored bytes).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { zip } from '../../validators/test/support/zip.js';
import { type Api, form, seededApi } from './helpers.js';

let api: Api;
before(async () => {
  api = await seededApi();
});
after(async () => {
  await api.close();
});

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
