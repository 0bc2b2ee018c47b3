import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import * as XLSX from 'xlsx';
import { LIMITS } from '@ipr/validators';
import { createTemplate, importLinks, TEMPLATE_HEADERS, type ImportResult, type ImportRow } from '../src/index.js';
import { ensureFixtures, OUT, type Expected } from './fixtures/make-fixtures.js';

let expected: Record<string, Expected>;
before(async () => {
  expected = await ensureFixtures();
});

const fileOf = async (name: string) => new File([await readFile(OUT + name)], name);

function check(name: string, result: ImportResult, want: Expected) {
  if (!want.ok) {
    assert.equal(result.ok, false, `${name} should be refused`);
    if (!result.ok)
      assert.deepEqual(
        result.issues.map((i) => i.code),
        want.codes,
      );
    return;
  }
  assert.ok(result.ok, `${name}: ${!result.ok ? JSON.stringify(result.issues) : ''}`);
  if (!result.ok) return;
  assert.equal(result.summary.valid, want.valid, `${name} valid`);
  assert.equal(result.summary.invalid, want.invalid, `${name} invalid`);
  assert.deepEqual(result.summary.byStatus, want.byStatus, `${name} byStatus`);
  assert.equal(result.summary.unreadRows, want.unreadRows, `${name} unreadRows`);
  assert.equal(result.valid.length + result.invalid.length, result.rows.length);
  if (want.column) assert.deepEqual({ index: result.column.index, header: result.column.header }, want.column);
  for (const w of want.rows ?? []) {
    const got: ImportRow | undefined = result.rows.find((r) => r.row === w.row);
    assert.ok(got, `${name}: row ${w.row} reported`);
    assert.equal(got.status, w.status, `${name}: row ${w.row} status`);
    if (w.duplicateOfRow !== undefined)
      assert.equal(got.duplicateOfRow, w.duplicateOfRow, `${name}: row ${w.row} duplicateOfRow`);
    if (w.url) assert.equal(got.url, w.url);
    if (got.status !== 'ok') assert.ok(got.issue?.code, `${name}: row ${w.row} carries an issue`);
  }
}

describe('importLinks (in-thread, no API)', () => {
  const names = [
    'links-800.xlsx',
    'links-801.xlsx',
    'duplicates.xlsx',
    'chinese-headers.xlsx',
    'no-header.xlsx',
    'no-link-column.xlsx',
    'formulas.xlsx',
    'empty.xlsx',
    'header-only.xlsx',
    'pdf-named.xlsx',
    'truncated.xlsx',
    'garbage.xlsx',
    'rows-100000.xlsx',
    'rows-1000000.xlsx',
    'big-5mib.xlsx',
    'links.csv',
    'links.xls',
  ];
  for (const name of names) {
    test(name, async () => {
      const started = performance.now();
      const result = await importLinks(await fileOf(name));
      const ms = performance.now() - started;
      check(name, result, expected[name]!);
      if (['big-5mib.xlsx', 'rows-100000.xlsx', 'rows-1000000.xlsx', 'links-800.xlsx'].includes(name))
        console.log(`# ${name}: ${ms.toFixed(0)} ms in Node (in-thread)`);
    });
  }

  test('issues carry sheet row numbers in their messages', async () => {
    const result = await importLinks(await fileOf('duplicates.xlsx'));
    assert.ok(result.ok);
    const dup = result.rows.find((r) => r.row === 4)!;
    assert.equal(dup.issue?.code, 'links.duplicate');
    assert.match(dup.issue!.message, /row 2/);
    const over = await importLinks(await fileOf('links-801.xlsx'));
    assert.ok(over.ok);
    assert.equal(over.invalid[0]!.issue?.code, 'sheet.too_many_rows');
    assert.match(over.invalid[0]!.issue!.message, /Row 802/);
  });

  test('refuses a file over 5 MiB and a wrong type before reading it', async () => {
    let read = 0;
    const big = new Blob([new Uint8Array(LIMITS.maxSheetBytes + 1)]);
    const spy = new File([big], 'huge.xlsx');
    const original = spy.arrayBuffer.bind(spy);
    spy.arrayBuffer = async () => {
      read++;
      return original();
    };
    const tooLarge = await importLinks(spy);
    assert.deepEqual(!tooLarge.ok && tooLarge.issues.map((i) => i.code), ['sheet.too_large']);
    assert.equal(read, 0, 'the whole file was never read');
    const txt = await importLinks(new File(['https://market.example/product/a'], 'links.txt'));
    assert.deepEqual(!txt.ok && txt.issues.map((i) => i.code), ['sheet.type_not_allowed']);
    const empty = await importLinks(new File([], 'links.xlsx'));
    assert.deepEqual(!empty.ok && empty.issues.map((i) => i.code), ['sheet.empty']);
  });

  test('a nameless Blob is judged by its content', async () => {
    const result = await importLinks(new Blob([await readFile(OUT + 'links-800.xlsx')]));
    assert.ok(result.ok);
    assert.equal(result.summary.valid, 800);
  });

  test('reports progress phases and honours an aborted signal', async () => {
    const phases: string[] = [];
    const ok = await importLinks(await fileOf('links-800.xlsx'), { onProgress: (p) => phases.push(p.phase) });
    assert.ok(ok.ok);
    assert.deepEqual([...new Set(phases)], ['read', 'parse', 'validate']);
    const ac = new AbortController();
    ac.abort();
    const aborted = await importLinks(await fileOf('links-800.xlsx'), { signal: ac.signal });
    assert.deepEqual(!aborted.ok && aborted.issues.map((i) => i.code), ['request.aborted']);
  });
});

describe('createTemplate', () => {
  test('is a real .xlsx with the header, an example row and instructions, and imports cleanly', async () => {
    const blob = await createTemplate();
    const wb = XLSX.read(new Uint8Array(await blob.arrayBuffer()), { type: 'array' });
    assert.deepEqual(wb.SheetNames, ['Product links', 'Instructions']);
    const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['Product links']!, { header: 1 });
    assert.equal(rows[0]![0], TEMPLATE_HEADERS.en);
    assert.match(rows[1]![0]!, /^https:\/\/market\.example\/product\//);
    const info = XLSX.utils.sheet_to_json<string[]>(wb.Sheets.Instructions!, { header: 1 }).flat().join('\n');
    assert.match(info, new RegExp(`${LIMITS.maxProductLinks}`));
    assert.match(info, /5 MB/);
    assert.match(info, /产品链接/);
    // No cell the SDK wrote starts a formula.
    for (const name of wb.SheetNames) {
      for (const [ref, cell] of Object.entries(wb.Sheets[name]!))
        if (!ref.startsWith('!')) assert.equal((cell as XLSX.CellObject).f, undefined);
    }
    const imported = await importLinks(new File([blob], 'template.xlsx'));
    assert.ok(imported.ok);
    assert.equal(imported.summary.valid, 1);
    const zh = await createTemplate({ locale: 'zh-CN' });
    const zwb = XLSX.read(new Uint8Array(await zh.arrayBuffer()), { type: 'array' });
    assert.equal(zwb.Sheets[zwb.SheetNames[0]!]!.A1.v, TEMPLATE_HEADERS['zh-CN']);
  });
});
