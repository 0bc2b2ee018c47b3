import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import * as XLSX from 'xlsx';
import '../../src/define.js';
import type { IprComplaintList } from '../../src/index.js';
import { COMPLAINT_TYPE_LABELS, STATUS_REPORT_COLUMNS } from '@ipr/validators';
import { TOKENS, clientFor, deep, deepAll, fileComplaint, ok, text, until } from '../support/helpers.js';
import { captureDownloads } from '../support/downloads.js';

const client = clientFor(TOKENS.complainantA);

/** The first sheet of a workbook (xlsx or csv bytes) as rows of strings. */
async function sheetRows(blob: Blob): Promise<string[][]> {
  const book = XLSX.read(new Uint8Array(await blob.arrayBuffer()), { type: 'array', raw: true });
  const sheet = book.Sheets[book.SheetNames[0]!]!;
  return XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: false, defval: '' });
}

/** The next ipr-export of `el`; fails at once with the shown error when the export fails instead. */
async function exported(el: IprComplaintList) {
  const event = oneEvent(el, 'ipr-export');
  const failed = until(() => el.shadowRoot!.querySelector('.export-error'), 15_000, 'an export error').then((e) => {
    throw new Error(`export failed: ${text(e)}`);
  });
  return Promise.race([
    event,
    failed.catch((e: Error) => {
      if (e.message.startsWith('export failed')) throw e;
      return event;
    }),
  ]);
}

async function listFor(q: string, locale = 'en') {
  const el = await fixture<IprComplaintList>(
    html`<ipr-complaint-list .client=${client} q=${q} locale=${locale} live="false"></ipr-complaint-list>`,
  );
  await until(() => el.shadowRoot!.querySelector('tr.data, .empty'), 8000, 'the list');
  await el.updateComplete;
  return el;
}

describe('<ipr-complaint-list> export', () => {
  let downloads: ReturnType<typeof captureDownloads>;
  beforeEach(() => {
    downloads = captureDownloads();
  });
  afterEach(() => {
    downloads.restore();
    fixtureCleanup();
  });

  it('offers .xlsx and .csv as labelled, keyboard-reachable buttons', async () => {
    const el = await listFor('');
    const group = deep(el, '[part=export] [role=group]');
    expect(text(deep(el, `#${group.getAttribute('aria-labelledby')}`))).to.equal('Export');
    const buttons = deepAll<HTMLButtonElement>(el, '[part=export] button');
    expect(buttons.map((b) => text(b))).to.deep.equal(['Export .xlsx', 'Export .csv']);
    expect(buttons.every((b) => b.type === 'button' && b.tabIndex === 0)).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('downloads the CSV of the current filters, with the header and the labels of the locale', async () => {
    const complaint = await fileComplaint(client, { type: 'patent_infringement' });
    const el = await listFor(complaint.number);
    setTimeout(() => deep<HTMLButtonElement>(el, 'button[data-format=csv]').click());
    const event = await exported(el);
    expect(event.detail).to.deep.equal({ format: 'csv', rows: complaint.products.length, truncated: false });
    expect(downloads.files).to.have.length(1);
    const [file] = downloads.files;
    expect(file!.name).to.match(/\.csv$/);
    const bytes = new Uint8Array(await file!.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf], 'UTF-8 with BOM');
    const rows = await sheetRows(file!.blob);
    expect(rows[0]).to.deep.equal(STATUS_REPORT_COLUMNS.map((c) => c.en));
    const body = rows.slice(1).filter((r) => r.some(Boolean));
    expect(body).to.have.length(complaint.products.length);
    const col = (key: string) => STATUS_REPORT_COLUMNS.findIndex((c) => c.key === key);
    expect(body[0]![col('number')]).to.equal(complaint.number);
    expect(body[0]![col('type')]).to.equal(COMPLAINT_TYPE_LABELS.patent_infringement.en);
    expect(body[0]![col('status')]).to.equal('Submitted');
    expect(body[0]![col('productUrl')]).to.equal(complaint.products[0]!.url);
    await el.updateComplete;
    expect(text(deep(el, '.export-status'))).to.equal(
      `${complaint.products.length} row${complaint.products.length === 1 ? '' : 's'} exported.`,
    );
  });

  it('downloads an .xlsx in Chinese whose rows follow the status filter', async () => {
    const complaint = await fileComplaint(client);
    await ok(clientFor(TOKENS.platform).complaints.act(complaint.id, 'forward_to_supplier'));
    const el = await fixture<IprComplaintList>(
      html`<ipr-complaint-list .client=${client} status="awaiting_supplier" locale="zh-CN" live="false"></ipr-complaint-list>`,
    );
    await until(() => el.shadowRoot!.querySelector('tr.data'), 8000, 'the list');
    await el.updateComplete;
    const expected = (await ok(client.complaints.list({ status: 'awaiting_supplier', limit: 100 }))).items;
    expect(text(deep(el, 'button[data-format=xlsx]'))).to.equal('导出 .xlsx');
    deep<HTMLButtonElement>(el, 'button[data-format=xlsx]').focus();
    setTimeout(() => deep<HTMLButtonElement>(el, 'button[data-format=xlsx]').click());
    const event = await exported(el);
    expect(event.detail.format).to.equal('xlsx');
    const [file] = downloads.files;
    expect(file!.name).to.match(/\.xlsx$/);
    const rows = await sheetRows(file!.blob);
    expect(rows[0]).to.deep.equal(STATUS_REPORT_COLUMNS.map((c) => c['zh-CN']));
    const body = rows.slice(1).filter((r) => r.some(Boolean));
    expect(body.length).to.equal(event.detail.rows);
    const numbers = new Set(body.map((r) => r[0]));
    expect(numbers.has(complaint.number)).to.equal(true);
    for (const s of expected) expect(numbers.has(s.number), s.number).to.equal(true);
    expect(body.every((r) => r[2] === '等待供应商处理')).to.equal(
      true,
      'only the filtered status, as its Chinese label',
    );
  });

  it('shows a failed export in place and leaves the buttons usable', async () => {
    const el = await listFor('');
    el.client = clientFor('wrong-token');
    await el.updateComplete;
    deep<HTMLButtonElement>(el, 'button[data-format=csv]').click();
    const alert = await until(() => el.shadowRoot!.querySelector('.export-error'), 8000, 'the export error');
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(text(alert)).to.contain('The export failed.');
    expect(downloads.files).to.have.length(0);
    expect(deep<HTMLButtonElement>(el, 'button[data-format=csv]').getAttribute('aria-disabled')).to.equal('false');
  });

  it('is busy while the report is prepared, and a second click starts nothing', async () => {
    const el = await listFor('');
    let exports = 0;
    el.addEventListener('ipr-export', () => exports++);
    const button = deep<HTMLButtonElement>(el, 'button[data-format=csv]');
    button.focus();
    button.click();
    await el.updateComplete;
    expect(deep(el, '[part=export] [role=group]').getAttribute('aria-busy')).to.equal('true');
    // aria-disabled (not disabled): the focused button keeps the keyboard focus; a second click is ignored.
    expect(
      deepAll<HTMLButtonElement>(el, '[part=export] button').every((b) => b.getAttribute('aria-disabled') === 'true'),
    ).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(button);
    deep<HTMLButtonElement>(el, 'button[data-format=xlsx]').click();
    expect(text(deep(el, '.export-status'))).to.equal('Preparing the export…');
    const done = await exported(el);
    expect(done.detail.format).to.equal('csv');
    await el.updateComplete;
    expect(deep(el, '[part=export] [role=group]').getAttribute('aria-busy')).to.equal('false');
    await new Promise((r) => setTimeout(r, 300));
    expect(exports).to.equal(1);
    expect(downloads.files).to.have.length(1);
  });
});
