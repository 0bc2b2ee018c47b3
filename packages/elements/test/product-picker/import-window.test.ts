// The picker's Excel import at its limit: the parser worker is warmed when the section opens, and
// 801 result rows are windowed (a screenful in the DOM) yet every row stays reachable.
import { expect, fixture, html } from '@open-wc/testing';
import { LIMITS } from '@ipr/validators';
import '../../src/define.js';
import type { IprProductPicker } from '../../src/index.js';
import { deep, deepAll, text, until } from '../support/helpers.js';
import { spyOnWorkers } from '../../../client/test/browser/worker-spy.js';

async function linksWorkbook(n: number): Promise<File> {
  const XLSX = await import('xlsx');
  const book = XLSX.utils.book_new();
  const rows = [
    ['Product link'],
    ...Array.from({ length: n }, (_, i) => [`https://market.example/product/w${String(i).padStart(6, '0')}`]),
  ];
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Links');
  return new File([XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer], `links-${n}.xlsx`);
}

describe('<ipr-product-picker> import at the limit', () => {
  it('starts the parser worker when the Excel section opens, and the import reuses it', async () => {
    const { made, restore } = spyOnWorkers();
    try {
      const el = await fixture<IprProductPicker>(html`<ipr-product-picker></ipr-product-picker>`);
      expect(made).to.have.length(0);
      deep<HTMLElement>(el, 'details[part=import] > summary').click();
      await until(() => made.length > 0, 8000, 'the warm-up worker');
      expect(made[0]).to.match(/sheet\.worker/);
      const result = await el.importFile(await linksWorkbook(3));
      expect(result.ok, JSON.stringify(result)).to.equal(true);
      expect(made, 'the import used the warmed worker').to.have.length(1);
    } finally {
      restore();
    }
  });

  it('windows 801 result rows, reaches the last by scrolling, and filters to the rows with problems', async () => {
    const el = await fixture<IprProductPicker>(html`<ipr-product-picker></ipr-product-picker>`);
    const result = await el.importFile(await linksWorkbook(LIMITS.maxProductLinks + 1));
    expect(result.ok, JSON.stringify(result)).to.equal(true);
    await el.updateComplete;
    const table = deep(el, '.import-result table');
    expect(table.getAttribute('aria-rowcount')).to.equal(String(LIMITS.maxProductLinks + 2));
    const shown = () => deepAll(el, '.import-result tr[data-row]');
    expect(shown().length).to.be.greaterThan(5);
    expect(shown().length).to.be.lessThan(60);
    expect(shown()[0]!.getAttribute('data-row')).to.equal('2');

    // Scrolling to the end brings the 801st link (sheet row 802), refused over the limit.
    const viewport = deep<HTMLElement>(el, '.import-result .rows');
    viewport.scrollTop = viewport.scrollHeight;
    const last = await until(
      () => shown().find((r) => r.getAttribute('data-row') === '802'),
      4000,
      'row 802 after scrolling',
    );
    expect(last.querySelector('td.bad')).to.exist;
    expect(text(last)).to.contain('over the limit of 800');
    expect(shown().length).to.be.lessThan(60);

    // Only the rows with problems: the one refused row.
    const filter = deep<HTMLInputElement>(el, '.import-result .filter input');
    filter.click();
    await el.updateComplete;
    expect(shown().map((r) => r.getAttribute('data-row'))).to.deep.equal(['802']);
    expect(table.getAttribute('aria-rowcount')).to.equal('2');
    filter.click();
    await el.updateComplete;
    expect(shown()[0]!.getAttribute('data-row')).to.equal('2');
    await expect(el).to.be.accessible();
  });
});
