import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { LIMITS, isOpenStatus, type Product } from '@ipr/validators';
import '../../src/define.js';
import type { IprProductPicker } from '../../src/index.js';
import { TOKENS, clientFor, deep, deepAll, ok, someProducts, text, until } from '../support/helpers.js';

const client = clientFor(TOKENS.complainantA);

describe('<ipr-product-picker>', () => {
  it('renders with no axe violations', async () => {
    const el = await fixture<IprProductPicker>(html`<ipr-product-picker .client=${client}></ipr-product-picker>`);
    expect(text(deep(el, '[part=counter]'))).to.equal(`0 / ${LIMITS.maxProductLinks}`);
    await expect(el).to.be.accessible();
  });

  it('searches by name, adds and removes with the counter and change events', async () => {
    const [product] = await someProducts(client, 1);
    const el = await fixture<IprProductPicker>(html`<ipr-product-picker .client=${client}></ipr-product-picker>`);
    const input = deep<HTMLInputElement>(el, '#q');
    input.value = product!.name.split(' ')[0]!;
    input.dispatchEvent(new Event('input'));
    deep<HTMLButtonElement>(el, 'form.search button[type=submit]').click();
    const add = await until(() => deepAll<HTMLButtonElement>(el, '.results button.add')[0], 8000, 'search results');
    const changed = oneEvent(el, 'change');
    add.click();
    await changed;
    await el.updateComplete;
    expect(el.value.length).to.equal(1);
    expect(text(deep(el, '[part=counter]'))).to.equal(`1 / ${LIMITS.maxProductLinks}`);
    await expect(el).to.be.accessible();
    deep<HTMLButtonElement>(el, '.added button.remove').click();
    await el.updateComplete;
    expect(el.value).to.deep.equal([]);
  });

  it('searches by product link', async () => {
    const [product] = await someProducts(client, 1);
    const el = await fixture<IprProductPicker>(html`<ipr-product-picker .client=${client}></ipr-product-picker>`);
    const input = deep<HTMLInputElement>(el, '#q');
    input.value = product!.url;
    input.dispatchEvent(new Event('input'));
    deep<HTMLFormElement>(el, 'form.search').requestSubmit();
    await until(() => deepAll(el, '.results .name').length > 0, 8000, 'search results');
    expect(deepAll(el, '.results .name').map(text)).to.include(product!.name);
  });

  it('shows 801 links as an inline error linked to the search field', async () => {
    const el = await fixture<IprProductPicker>(html`<ipr-product-picker show-errors></ipr-product-picker>`);
    el.value = Array.from({ length: LIMITS.maxProductLinks + 1 }, (_, i) => `https://market.example/product/p${i}`);
    await el.updateComplete;
    const error = deep(el, '#links-error');
    expect(text(error)).to.contain('At most 800 product links');
    expect(deep(el, '#q').getAttribute('aria-describedby')).to.equal('links-error');
    expect(text(deep(el, '[part=counter]'))).to.equal('801 / 800');
  });

  it('refuses adding over the limit with ipr-restriction-failed', async () => {
    const el = await fixture<IprProductPicker>(html`<ipr-product-picker></ipr-product-picker>`);
    el.value = Array.from({ length: LIMITS.maxProductLinks }, (_, i) => `https://market.example/product/p${i}`);
    setTimeout(() => el.add(['https://market.example/product/extra']));
    const event = await oneEvent(el, 'ipr-restriction-failed');
    expect(event.detail.source).to.equal('links');
    expect(event.detail.issues[0]!.code).to.equal('links.too_many');
    expect(el.value.length).to.equal(LIMITS.maxProductLinks);
  });

  it('imports a sheet: per-row results with errors in place, then adds the valid rows', async () => {
    const products = await someProducts(client, 2);
    // A real workbook, written with the same library the client reads it with.
    const XLSX = await import('xlsx');
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet([
        ['Product link'],
        [products[0]!.url],
        ['not a link'],
        [products[1]!.url],
        [products[0]!.url],
      ]),
      'Links',
    );
    const bytes = XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;
    const el = await fixture<IprProductPicker>(html`<ipr-product-picker .client=${client}></ipr-product-picker>`);
    const result = await el.importFile(new File([bytes], 'links.xlsx'));
    expect(result.ok, JSON.stringify(result)).to.equal(true);
    await el.updateComplete;
    const rows = deepAll(el, '.import-result tbody tr');
    expect(rows.length).to.equal(4);
    expect(rows[1]!.querySelector('td.bad')).to.exist;
    expect(text(rows[1])).to.contain('not a web address');
    expect(rows[3]!.querySelector('td.bad')).to.exist; // duplicate of row 2
    await expect(el).to.be.accessible();
    deep<HTMLButtonElement>(el, '.import-result button.primary').click();
    await el.updateComplete;
    expect(el.value).to.have.length(2);
  });

  it('refuses a file that is not a spreadsheet', async () => {
    const el = await fixture<IprProductPicker>(html`<ipr-product-picker .client=${client}></ipr-product-picker>`);
    setTimeout(() => void el.importFile(new File(['hello'], 'links.pdf', { type: 'application/pdf' })));
    const event = await oneEvent(el, 'ipr-restriction-failed');
    expect(event.detail.source).to.equal('sheet');
    expect(event.detail.issues[0]!.code).to.equal('sheet.type_not_allowed');
    await el.updateComplete;
    expect(text(deep(el, '[part=import] .error'))).to.contain('is not an Excel file');
  });

  it('shows a product named <img src=x onerror=alert(1)> as text', async () => {
    let alerted = false;
    const original = window.alert;
    window.alert = () => {
      alerted = true;
    };
    try {
      const el = await fixture<IprProductPicker>(html`<ipr-product-picker .client=${client}></ipr-product-picker>`);
      const input = deep<HTMLInputElement>(el, '#q');
      input.value = 'Hostile';
      input.dispatchEvent(new Event('input'));
      deep<HTMLFormElement>(el, 'form.search').requestSubmit();
      const name = await until(
        () => deepAll(el, '.results .name').find((n) => text(n).includes('Hostile widget')),
        8000,
        'the hostile product',
      );
      expect(text(name)).to.equal('<img src=x onerror=alert(1)> Hostile widget');
      name.closest('li')!.querySelector<HTMLButtonElement>('button.add')!.click();
      await el.updateComplete;
      expect(text(deep(el, '.added .name'))).to.equal('<img src=x onerror=alert(1)> Hostile widget');
      expect(el.shadowRoot!.querySelectorAll('img').length).to.equal(0);
      await new Promise((r) => setTimeout(r, 50));
      expect(alerted).to.equal(false);
    } finally {
      window.alert = original;
    }
  });

  describe('products already in an open complaint', () => {
    /** A product in one of complainant A's open complaints (the seed has some), with that complaint's number. */
    async function productInOpenComplaint(): Promise<{ product: Product; number: string }> {
      const page = await ok(client.complaints.list({ limit: 100 }));
      const open = page.items.find((c) => isOpenStatus(c.status));
      if (!open) throw new Error('complainant A has no open complaint');
      const complaint = await ok(client.complaints.get(open.id));
      const found = await ok(client.products.search({ link: complaint.products[0]!.url }));
      return { product: found.items[0]!, number: complaint.number };
    }

    it('marks each such product with that complaint number and a note; it is a warning, not a block', async () => {
      const { product, number } = await productInOpenComplaint();
      const others = await someProducts(client, 20);
      const openUrls = new Set(
        (await ok(client.products.resolveLinks(others.map((p) => p.url)))).items
          .filter((r) => r.openComplaint)
          .map((r) => r.url),
      );
      const fresh = others.find((p) => !openUrls.has(p.url) && p.url !== product.url)!;
      const el = await fixture<IprProductPicker>(html`<ipr-product-picker .client=${client}></ipr-product-picker>`);
      el.add([fresh, product]);
      await until(() => el.openComplaints.length === 1, 8000, 'the open complaint check');
      await el.updateComplete;
      expect(el.value).to.deep.equal([fresh.url, product.url]);
      const marked = deep(el, `.added li[data-url="${product.url}"]`);
      expect(text(marked.querySelector('[part=warning]'))).to.equal(
        `This product is already in your open complaint ${number}.`,
      );
      expect(deep(el, `.added li[data-url="${fresh.url}"]`).querySelector('[part=warning]')).to.equal(null);
      expect(text(deep(el, '[part=duplicates]'))).to.contain(
        '1 added product is already in one of your open complaints',
      );
      expect(el.openComplaints[0]!.complaint.number).to.equal(number);
      await expect(el).to.be.accessible();
      // Removing it clears the note.
      el.removeLink(product.url);
      await el.updateComplete;
      expect(text(deep(el, '[part=duplicates]'))).to.equal('');
    });

    it('says it in Chinese too', async () => {
      const { product, number } = await productInOpenComplaint();
      const el = await fixture<IprProductPicker>(
        html`<ipr-product-picker locale="zh-CN" .client=${client}></ipr-product-picker>`,
      );
      el.value = [product.url];
      await until(() => el.openComplaints.length === 1, 8000, 'the open complaint check');
      await el.updateComplete;
      expect(text(deep(el, '[part=warning]'))).to.equal(`该产品已在您未结案的投诉 ${number} 中。`);
      // The same answer names a link set without its product.
      expect(text(deep(el, '.added .name'))).to.equal(product.name);
      expect(text(deep(el, '[part=duplicates]'))).to.contain('1 个已在您未结案的投诉中');
    });
  });
});
