import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../src/define.js';
import type { IprComplaintList } from '../../src/index.js';
import type { Action, Complaint, ComplaintSummary, Product, Status } from '@ipr/validators';
import { STATUSES } from '@ipr/validators';
import { TOKENS, clientFor, fileComplaint, freshProducts, ok, toSupplierResponded, until } from '../support/helpers.js';
import { assertUncut, pathOf, screenshot, settle, sweep, wideWindow, type SweepOptions } from './layout.js';

const client = clientFor(TOKENS.complainantA);
const platform = clientFor(TOKENS.platform);

/** One complaint of complainant A in each status, filed through the API and moved along (side by side). */
async function oneInEachStatus(): Promise<Map<Status, Complaint>> {
  const act = (c: Complaint, action: Action, body?: object, by = client) => ok(by.complaints.act(c.id, action, body));
  const responded = async (p: Product) => toSupplierResponded(await fileComplaint(client, {}, [p]));
  const reason = { reason: 'Still for sale.' };
  const steps: Record<Status, (p: Product) => Promise<Complaint>> = {
    cancelled: async (p) => act(await fileComplaint(client, {}, [p]), 'cancel'),
    closed: async (p) => act(await responded(p), 'confirm_close'),
    arbitrated: async (p) =>
      act(await act(await responded(p), 'request_arbitration', reason), 'issue_result', RESULT, platform),
    in_arbitration: async (p) => act(await responded(p), 'request_arbitration', reason),
    supplier_responded: responded,
    awaiting_supplier: async (p) =>
      act(await fileComplaint(client, {}, [p]), 'forward_to_supplier', undefined, platform),
    submitted: (p) => fileComplaint(client, {}, [p]),
  };
  // One fresh product each, so complaints filed side by side never meet the duplicate rule.
  const products = await freshProducts(client, STATUSES.length);
  const made = await Promise.all(STATUSES.map((s, i) => steps[s](products[i]!)));
  return new Map(STATUSES.map((s, i) => [s, made[i]!]));
}
const RESULT = { decision: 'upheld', notice: 'The listings were removed.' };

const rowsOf = (el: IprComplaintList) => [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tr.data')];

describe('responsive <ipr-complaint-list>', () => {
  before(() => wideWindow());
  afterEach(() => fixtureCleanup());

  it('fits 320–1280 px in both locales and themes: cards when narrow, every action whole and hit-testable', async () => {
    const made = await oneInEachStatus();
    expect([...made.keys()].sort()).to.deep.equal([...STATUSES].sort());
    const frame = await fixture<HTMLDivElement>(
      html`<div style="width: 320px"><ipr-complaint-list .client=${client}></ipr-complaint-list></div>`,
    );
    const el = frame.querySelector<IprComplaintList>('ipr-complaint-list')!;
    await until(() => rowsOf(el).length >= STATUSES.length, 8000, 'the rows');
    await el.updateComplete;
    // The newest seven are ours, one in each status, at the top.
    const shown = new Set(
      rowsOf(el)
        .slice(0, STATUSES.length)
        .map((r) => r.querySelector('[data-status]')!.getAttribute('data-status')),
    );
    expect([...shown].sort()).to.deep.equal([...STATUSES].sort());
    const worst = made.get('supplier_responded')!;
    const checks: SweepOptions = {
      name: 'complaint-list',
      axe: true,
      minButtons: 4,
      check: (where, width) => {
        const rows = rowsOf(el);
        const row = rows.find((r) => r.dataset.id === worst.id)!;
        // Four actions in the worst row: cancel, check, confirm and close, platform arbitration.
        expect(row.querySelectorAll('button.action'), where).to.have.length(4);
        // A table when wide, wide cards in between, narrow cards (actions two by two) below 600 px.
        const layout =
          getComputedStyle(row).display === 'table-row'
            ? 'table'
            : getComputedStyle(row.querySelector('div.actions')!).display === 'grid'
              ? 'narrow cards'
              : 'wide cards';
        expect(layout, where).to.equal(width < 600 ? 'narrow cards' : width < 1140 ? 'wide cards' : 'table');
        // Nothing in a row is cut short: numbers, types, badges, dates (an ellipsis is a last resort).
        assertUncut(el, [...row.querySelectorAll('td, td > *')], where);
        // Number, type, status, dates and actions all in the row's box.
        const box = row.getBoundingClientRect();
        for (const cell of row.querySelectorAll('td')) {
          const r = cell.getBoundingClientRect();
          expect(r.width, `${where}: ${pathOf(cell)} is shown`).to.be.greaterThan(0);
          expect(r.right, `${where}: ${pathOf(cell)} inside the row`).to.be.at.most(box.right + 0.5);
          expect(r.bottom, `${where}: ${pathOf(cell)} inside the row`).to.be.at.most(box.bottom + 0.5);
        }
        // One row height (windowed rows): every row as tall as the spacers assume.
        const heights = new Set(rows.map((r) => Math.round(r.getBoundingClientRect().height)));
        expect(heights.size, `${where}: one row height (${[...heights].join(', ')})`).to.equal(1);
        // Table semantics stay, whatever the display of the table parts.
        expect(row.getAttribute('role')).to.equal('row');
        expect(row.querySelector('td')!.getAttribute('role')).to.equal('cell');
      },
    };
    await sweep(el, checks);
    // Either side of each breakpoint (600 px and 1,140 px): checked, no screenshots.
    await sweep(el, { ...checks, widths: [599, 600, 1139, 1140], themes: ['light'], axe: false, screenshots: false });
    // For the README (docs/screenshots/list-390.png): a phone-width list, the four-action card in view.
    frame.style.width = '390px';
    el.setAttribute('locale', 'en');
    el.setAttribute('theme', 'light');
    el.style.setProperty('--ipr-list-height', '33rem');
    await settle(el);
    const viewport = el.shadowRoot!.querySelector<HTMLElement>('.viewport')!;
    const worstAt = el.items.findIndex((s) => s.id === worst.id);
    viewport.scrollTop = Math.max(0, worstAt - 1) * rowsOf(el)[0]!.getBoundingClientRect().height;
    viewport.dispatchEvent(new Event('scroll'));
    await settle(el);
    await screenshot(el, 'readme-list-390');
  });
});

/** Synthetic rows: the list without a client renders what it is given (no API round trips). */
function summaries(n: number): ComplaintSummary[] {
  const at = new Date('2026-11-20T08:00:00Z').getTime();
  return Array.from({ length: n }, (_, i) => ({
    id: `cmp_${String(i).padStart(5, '0')}`,
    number: `IPR-2026-${String(100000 + i).padStart(6, '0')}`,
    type: 'copyright_infringement',
    status: 'supplier_responded',
    productCount: 1 + (i % 3),
    createdAt: new Date(at - i * 60_000).toISOString(),
    updatedAt: new Date(at - i * 30_000).toISOString(),
  })) as ComplaintSummary[];
}

/**
 * Lit's development build warns "scheduled an update … after an update completed" when an
 * update asks for another from inside its own cycle (`updated()` or a controller's
 * `hostUpdated()`). The suite loads Lit's production build, which does not warn: the same
 * condition is checked after each update here (and a real warning, when Lit runs in
 * development mode, is caught from the console too).
 */
function watchUpdateInUpdate(el: IprComplaintList): string[] {
  const found: string[] = [];
  const own = el as unknown as { updated: (changed: Map<PropertyKey, unknown>) => void };
  const updated = own.updated;
  own.updated = function (this: IprComplaintList, changed) {
    updated.call(this, changed);
    if (this.isUpdatePending) found.push(`update scheduled in the update after [${[...changed.keys()].join(', ')}]`);
  };
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (args.some((a) => String(a).includes('scheduled an update'))) found.push(String(args[0]));
    warn.apply(console, args);
  };
  after(() => {
    console.warn = warn;
  });
  return found;
}

describe('responsive <ipr-complaint-list>: windowed rows', () => {
  before(() => wideWindow());
  afterEach(() => fixtureCleanup());

  it('re-measures the row height when the layout switches, and never schedules an update from inside one', async () => {
    const items = summaries(600);
    const frame = await fixture<HTMLDivElement>(
      html`<div style="width: 1280px"><ipr-complaint-list viewer-role="complainant" .items=${items} .total=${items.length}></ipr-complaint-list></div>`,
    );
    const el = frame.querySelector<IprComplaintList>('ipr-complaint-list')!;
    const found = watchUpdateInUpdate(el);
    await settle(el);
    const viewport = el.shadowRoot!.querySelector<HTMLElement>('.viewport')!;
    const heightOfRows = () => {
      const rows = rowsOf(el);
      const heights = new Set(rows.map((r) => Math.round(r.getBoundingClientRect().height)));
      expect(heights.size, `one row height (${[...heights].join(', ')})`).to.equal(1);
      return rows[0]!.getBoundingClientRect().height;
    };
    // The header row takes room in the scroll height unless it is visually hidden (cards).
    const head = () => {
      const thead = el.shadowRoot!.querySelector('thead')!;
      return getComputedStyle(thead).position === 'absolute' ? 0 : thead.getBoundingClientRect().height;
    };
    for (const width of [1280, 320, 768, 390, 1280, 320]) {
      frame.style.width = `${width}px`;
      await settle(el);
      const row = heightOfRows();
      // The spacers stand in for the rows not rendered: the scroll height is every row at the measured height.
      const headHeight = head();
      const expected = items.length * row + headHeight;
      expect(
        Math.abs(viewport.scrollHeight - expected),
        `${width}px: scroll height ${viewport.scrollHeight} vs ${expected}`,
      ).to.be.below(items.length * 0.6 + 2);
      // Scroll through: the rows in view are rendered, whatever the row height.
      for (const fraction of [0.25, 0.5, 0.9, 0]) {
        viewport.scrollTop = fraction * (viewport.scrollHeight - viewport.clientHeight);
        viewport.dispatchEvent(new Event('scroll'));
        await settle(el);
        const top = viewport.getBoundingClientRect().top + viewport.clientHeight / 2;
        const hit = el.shadowRoot!.elementFromPoint(viewport.getBoundingClientRect().left + 40, top);
        expect(hit?.closest('tr.data'), `${width}px at ${fraction}: a row in the middle of the viewport`).to.exist;
        const index = Number(hit!.closest('tr.data')!.getAttribute('aria-rowindex')) - 2;
        const expectedIndex = Math.floor((viewport.scrollTop + viewport.clientHeight / 2 - headHeight) / row);
        expect(
          Math.abs(index - expectedIndex),
          `${width}px at ${fraction}: row ${index} near ${expectedIndex}`,
        ).to.be.at.most(2);
      }
    }
    expect(found).to.deep.equal([]);
  });

  it('loads further pages while scrolling without scheduling an update from inside one', async () => {
    // The real API in pages of three (a host's own wrapper of the client): scrolling loads more.
    const paged = { ...client, complaints: { ...client.complaints } };
    paged.complaints.list = (query, opts) => client.complaints.list({ ...query, limit: 3 }, opts);
    while ((await ok(client.complaints.list({ limit: 1 }))).total < 9) await fileComplaint(client);
    const frame = await fixture<HTMLDivElement>(
      html`<div style="width: 390px"><ipr-complaint-list .client=${paged}></ipr-complaint-list></div>`,
    );
    const el = frame.querySelector<IprComplaintList>('ipr-complaint-list')!;
    const found = watchUpdateInUpdate(el);
    await until(() => rowsOf(el).length > 0, 8000, 'the first page');
    const viewport = el.shadowRoot!.querySelector<HTMLElement>('.viewport')!;
    for (let i = 0; i < 6; i++) {
      viewport.scrollTop = viewport.scrollHeight;
      viewport.dispatchEvent(new Event('scroll'));
      await settle(el);
      await new Promise((r) => setTimeout(r, 50));
    }
    await until(() => el.items.length >= 9, 8000, 'further pages');
    expect(found).to.deep.equal([]);
  });
});
