// The picker's "Added products" at the limit: 800 products, a window of items in the DOM, every
// item reachable (scrolling, Tab), removal, and the open-complaint warning on a windowed item.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LIMITS, isOpenStatus, type Product } from '@ipr/validators';
import '../../src/define.js';
import type { IprProductPicker } from '../../src/index.js';
import { TOKENS, clientFor, deep, deepAll, ok, text, until } from '../support/helpers.js';

const client = clientFor(TOKENS.complainantA);
const MAX = LIMITS.maxProductLinks;
const frame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/** 800 products (not in the catalogue: no open complaint), as a person's picks would come. */
const products: Product[] = Array.from({ length: MAX }, (_, i) => ({
  id: `w${String(i).padStart(6, '0')}`,
  url: `https://market.example/product/w${String(i).padStart(6, '0')}`,
  name: `Windowed lamp ${i}${i % 7 === 0 ? ' with a name far too long to fit on one line of the list, brass and glass, 220 V' : ''}`,
  supplierId: 'acc_supplier_a',
  supplierName: 'Supplier A',
  thumbnailUrl: null,
  listed: true,
}));

const items = (el: IprProductPicker) => deepAll(el, '.added-list > li[data-url]');
const list = (el: IprProductPicker) => deep<HTMLElement>(el, '.added-list');
const focusedUrl = (el: IprProductPicker) => el.shadowRoot!.activeElement?.closest('li')?.getAttribute('data-url');

async function picker800(): Promise<IprProductPicker> {
  const el = await fixture<IprProductPicker>(html`<ipr-product-picker .client=${client}></ipr-product-picker>`);
  expect(el.add(products)).to.equal(MAX);
  await el.updateComplete;
  await frame();
  await el.updateComplete;
  return el;
}

/** Scrolls the list and waits for the window to follow. */
async function scrollList(el: IprProductPicker, top: number) {
  list(el).scrollTop = top;
  await frame();
  await el.updateComplete;
}

describe('<ipr-product-picker> with 800 added products', () => {
  it('renders a window of items, each of one height, and says the list has 800', async () => {
    const el = await picker800();
    expect(text(deep(el, '[part=counter]'))).to.equal(`${MAX} / ${MAX}`);
    const shown = items(el);
    expect(shown.length).to.be.greaterThan(4);
    expect(shown.length).to.be.lessThan(40);
    expect(shown[0]!.getAttribute('data-url')).to.equal(products[0]!.url);
    expect(shown.map((li) => li.getAttribute('aria-posinset'))).to.deep.equal(shown.map((_, i) => String(i + 1)));
    expect(new Set(shown.map((li) => li.getAttribute('aria-setsize')))).to.deep.equal(new Set([String(MAX)]));
    // The whole list scrolls: the spacer stands in for the 800 items' height.
    const heights = new Set(shown.map((li) => li.getBoundingClientRect().height));
    expect(heights.size, 'one item height, long names included').to.equal(1);
    expect(list(el).scrollHeight).to.be.closeTo(MAX * [...heights][0]!, 2);
    // A long name is cut on one line and whole in its title.
    const long = deep(el, `.added-list li[data-url="${products[7]!.url}"] .name`);
    expect(long.getAttribute('title')).to.equal(products[7]!.name);
    expect(long.scrollWidth).to.be.greaterThan(long.clientWidth);
    await expect(el).to.be.accessible();
  });

  it('shows later items when the list is scrolled, down to the 800th', async () => {
    const el = await picker800();
    const row = items(el)[0]!.getBoundingClientRect().height;
    await scrollList(el, 400 * row);
    const middle = items(el);
    expect(middle.length).to.be.lessThan(40);
    expect(middle.map((li) => li.getAttribute('data-url'))).to.include(products[400]!.url);
    expect(middle.map((li) => li.getAttribute('data-url'))).not.to.include(products[0]!.url);
    expect(middle[0]!.getAttribute('aria-posinset')).to.equal(
      String(products.findIndex((p) => p.url === middle[0]!.getAttribute('data-url')) + 1),
    );

    await scrollList(el, list(el).scrollHeight);
    const last = await until(
      () => items(el).find((li) => li.getAttribute('aria-posinset') === String(MAX)),
      4000,
      'the 800th item',
    );
    expect(last.getAttribute('data-url')).to.equal(products[MAX - 1]!.url);
    expect(text(last.querySelector('.name'))).to.equal(products[MAX - 1]!.name);
    expect(items(el).length).to.be.lessThan(40);
  });

  it('reaches every remove button with Tab, past the rendered window', async () => {
    const el = await picker800();
    const first = deep<HTMLButtonElement>(el, '.added-list > li[data-url] button.remove');
    first.focus();
    const presses = 40;
    expect(
      deepAll(el, `.added-list li[data-url="${products[presses]!.url}"]`),
      'not rendered before tabbing',
    ).to.have.length(0);
    for (let i = 1; i <= presses; i++) {
      await sendKeys({ press: 'Tab' });
      await frame();
      expect(focusedUrl(el), `Tab ${i}`).to.equal(products[i]!.url);
    }
    expect(el.shadowRoot!.activeElement?.classList.contains('remove')).to.equal(true);
    expect(items(el).length).to.be.lessThan(40);
    // And back.
    await sendKeys({ down: 'Shift' });
    try {
      for (let i = presses - 1; i >= presses - 5; i--) {
        await sendKeys({ press: 'Tab' });
        await frame();
        expect(focusedUrl(el), `Shift+Tab to ${i}`).to.equal(products[i]!.url);
      }
    } finally {
      await sendKeys({ up: 'Shift' });
    }
  });

  it('removes an item: the counter, the set size and the window follow, focus goes to the next remove button', async () => {
    const el = await picker800();
    const row = items(el)[0]!.getBoundingClientRect().height;
    await scrollList(el, 300 * row);
    const target = products[302]!;
    const button = deep<HTMLButtonElement>(el, `.added-list li[data-url="${target.url}"] button.remove`);
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await frame();
    expect(el.value).to.have.length(MAX - 1);
    expect(el.value).not.to.include(target.url);
    expect(text(deep(el, '[part=counter]'))).to.equal(`${MAX - 1} / ${MAX}`);
    expect(deepAll(el, `.added-list li[data-url="${target.url}"]`)).to.have.length(0);
    const next = deep(el, `.added-list li[data-url="${products[303]!.url}"]`);
    expect(next.getAttribute('aria-posinset')).to.equal('303');
    expect(new Set(items(el).map((li) => li.getAttribute('aria-setsize')))).to.deep.equal(new Set([String(MAX - 1)]));
    expect(focusedUrl(el), 'focus on the next remove button').to.equal(products[303]!.url);
    expect(el.shadowRoot!.activeElement?.classList.contains('remove')).to.equal(true);

    // The last one: focus goes to the one before, now the last.
    await scrollList(el, list(el).scrollHeight);
    const lastButton = await until(
      () => deepAll<HTMLButtonElement>(el, `.added-list li[data-url="${products[MAX - 1]!.url}"] button.remove`)[0],
      4000,
      'the last item',
    );
    lastButton.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await frame();
    expect(el.value).to.have.length(MAX - 2);
    expect(focusedUrl(el)).to.equal(products[MAX - 2]!.url);
    expect(items(el).at(-1)!.getAttribute('aria-posinset')).to.equal(String(MAX - 2));

    // A host removing a link through the API does not move the focus.
    const search = deep<HTMLInputElement>(el, '#q');
    search.focus();
    el.removeLink(products[10]!.url);
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(search);
    expect(el.value).to.have.length(MAX - 3);
  });

  it('renders links listed more than once (value may repeat one) in order, through any change', async () => {
    const el = await fixture<IprProductPicker>(html`<ipr-product-picker></ipr-product-picker>`);
    const pool = products.slice(0, 4).map((p) => p.url);
    let seed = 1;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const wrong: string[] = [];
    for (let k = 0; k < 200; k++) {
      const links = Array.from(
        { length: 1 + Math.floor(random() * 6) },
        () => pool[Math.floor(random() * pool.length)]!,
      );
      el.value = links;
      await el.updateComplete;
      const shown = items(el).map((li) => li.getAttribute('data-url'));
      if (shown.join() !== links.join()) wrong.push(`${links.join()} rendered as ${shown.join()}`);
    }
    expect(wrong).to.deep.equal([]);
    expect(items(el).map((li) => li.getAttribute('aria-posinset'))).to.deep.equal(
      el.value.map((_, i) => String(i + 1)),
    );
  });

  it('shows the open-complaint warning, number included, on a flagged item scrolled into view', async () => {
    const page = await ok(client.complaints.list({ limit: 100 }));
    const open = page.items.find((c) => isOpenStatus(c.status));
    if (!open) throw new Error('complainant A has no open complaint');
    const complaint = await ok(client.complaints.get(open.id));
    const flagged = complaint.products[0]!.url;
    const at = 700;
    const links = products.map((p) => p.url);
    links[at] = flagged;

    const el = await fixture<IprProductPicker>(
      html`<ipr-product-picker .client=${client} style="width: 20rem"></ipr-product-picker>`,
    );
    el.value = links;
    await until(() => el.openComplaints.length === 1, 8000, 'the open complaint check');
    await el.updateComplete;
    expect(text(deep(el, '[part=duplicates]'))).to.contain('1 added product is already in one of your open complaints');
    expect(deepAll(el, `.added-list li[data-url="${flagged}"]`), 'out of the window at first').to.have.length(0);

    const row = items(el)[0]!.getBoundingClientRect().height;
    await scrollList(el, at * row);
    const li = await until(() => deepAll(el, `.added-list li[data-url="${flagged}"]`)[0], 4000, 'the flagged item');
    expect(li.getAttribute('aria-posinset')).to.equal(String(at + 1));
    const warning = li.querySelector<HTMLElement>('[part=warning]')!;
    const sentence = `This product is already in your open complaint ${complaint.number}.`;
    expect(text(warning)).to.equal(sentence);
    expect(warning.getAttribute('title')).to.equal(sentence);
    // Same height as the others; in a picker this narrow the sentence is cut, the number is not.
    expect(li.getBoundingClientRect().height).to.be.closeTo(row, 0.5);
    const number = [...warning.querySelectorAll('span')].find((s) => text(s).includes(complaint.number))!;
    const box = number.getBoundingClientRect();
    const line = li.querySelector('.sub')!.getBoundingClientRect();
    expect(box.width).to.be.greaterThan(0);
    expect(box.right, 'the number fits the line').to.be.at.most(line.right + 0.5);
    expect(number.scrollWidth).to.be.at.most(number.clientWidth);
    const cut = warning.querySelector<HTMLElement>('.cut')!;
    expect(cut.scrollWidth, 'the sentence is cut').to.be.greaterThan(cut.clientWidth);
    const others = items(el).filter((x) => x !== li);
    expect(others.every((x) => !x.querySelector('[part=warning]'))).to.equal(true);
    await expect(el).to.be.accessible();
  });
});
