import { expect } from '@open-wc/testing';
import * as XLSX from 'xlsx';
import { importLinks } from '../../src/index.js';
import { fixture, watchMainThread, type Blocking } from './measure.js';

const link = (i: number) => `https://market.example/product/p${String(i).padStart(6, '0')}`;

function workbook800(): File {
  const rows = [['Product link'], ...Array.from({ length: 800 }, (_, i) => [link(i + 1)])];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Links');
  return new File([XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer], 'links-800.xlsx');
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number; blocking: Blocking }> {
  await new Promise((r) => setTimeout(r, 50));
  const watch = watchMainThread();
  const started = performance.now();
  const value = await run();
  const ms = Math.round(performance.now() - started);
  return { value, ms, blocking: await watch.stop() };
}

const line = (label: string, t: { ms: number; blocking: Blocking }) =>
  `[measure] ${label}: ${t.ms} ms total; longest main-thread task ${t.blocking.longestTaskMs} ms (${t.blocking.longTasks} long tasks); longest timer gap ${t.blocking.longestGapMs} ms`;

describe('importLinks in Chromium', () => {
  it('parses an 800-row workbook made here in a module Web Worker', async () => {
    const file = workbook800();
    const phases: string[] = [];
    // The first import starts the worker and compiles SheetJS in it; later ones reuse it.
    const cold = await timed(() => importLinks(file));
    console.log(line('800 rows, worker, first import (cold worker)', cold));
    const worker = await timed(() => importLinks(file, { onProgress: (p) => phases.push(p.phase) }));
    expect(worker.value.ok).to.equal(true);
    if (!worker.value.ok) return;
    expect(worker.value.summary.valid).to.equal(800);
    expect(worker.value.summary.invalid).to.equal(0);
    expect(phases).to.include('parse');
    const main = await timed(() => importLinks(file, { worker: false }));
    expect(main.value.ok).to.equal(true);
    console.log(line('800 rows, worker', worker));
    console.log(line('800 rows, SheetJS on the main thread', main));
  });

  it('parses a ~5 MiB workbook in the worker; compares with SheetJS on the main thread', async () => {
    const file = await fixture('big-5mib.xlsx');
    expect(file.size).to.be.greaterThan(4.5 * 1024 * 1024);
    const worker = await timed(() => importLinks(file));
    expect(worker.value.ok).to.equal(true);
    if (!worker.value.ok) return;
    expect(worker.value.summary.valid).to.equal(800);
    expect(worker.value.summary.byStatus.over_limit).to.equal(200);
    expect(worker.value.summary.unreadRows).to.be.greaterThan(20000);
    const main = await timed(() => importLinks(file, { worker: false }));
    expect(main.value.ok).to.equal(true);
    // The freeze the worker avoids: reading the whole workbook on the main thread without sheetRows.
    const buffer = new Uint8Array(await file.arrayBuffer());
    const whole = await timed(async () => XLSX.read(buffer, { type: 'array' }));
    console.log(line(`5 MiB workbook (${file.size} bytes), worker`, worker));
    console.log(line('5 MiB workbook, importLinks on the main thread (sheetRows)', main));
    console.log(line('5 MiB workbook, XLSX.read of the whole file on the main thread', whole));
  });

  it('reads a million-row sheet (a small zip of 58 MB of XML) only up to the limit, off the main thread', async () => {
    const file = await fixture('rows-1000000.xlsx');
    const worker = await timed(() => importLinks(file));
    expect(worker.value.ok).to.equal(true);
    if (!worker.value.ok) return;
    expect(worker.value.summary.total).to.equal(1000);
    expect(worker.value.summary.unreadRows).to.equal(999_000);
    console.log(line(`1,000,000-row sheet (${file.size} bytes), worker`, worker));
  });

  it('imports a CSV (papaparse) in the worker', async () => {
    const result = await importLinks(await fixture('links.csv'));
    expect(result.ok, JSON.stringify(result)).to.equal(true);
    if (!result.ok) return;
    expect(result.summary.byStatus).to.deep.equal({ ok: 2, formula: 1, duplicate: 1, empty: 1, not_url: 1 });
  });

  it('ends a corrupt workbook with sheet.corrupt, in the worker too', async () => {
    for (const name of ['truncated.xlsx', 'garbage.xlsx', 'pdf-named.xlsx']) {
      const result = await importLinks(await fixture(name));
      expect(result.ok, name).to.equal(false);
      if (!result.ok) expect(result.issues[0]!.code, name).to.equal('sheet.corrupt');
    }
  });

  it('an abort terminates the worker and answers request.aborted', async () => {
    const ac = new AbortController();
    const pending = importLinks(await fixture('rows-100000.xlsx'), { signal: ac.signal });
    setTimeout(() => ac.abort(), 5);
    const result = await pending;
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.issues[0]!.code).to.equal('request.aborted');
  });

  it('a worker URL that cannot load falls back to parsing here', async () => {
    const result = await importLinks(workbook800(), { workerUrl: '/nowhere/sheet.worker.js' });
    expect(result.ok).to.equal(true);
  });
});
