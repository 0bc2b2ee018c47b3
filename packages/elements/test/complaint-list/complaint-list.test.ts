import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { IprComplaintList } from '../../src/index.js';
import type { ComplaintSummary } from '@ipr/validators';
import {
  TOKENS,
  choose,
  clientFor,
  deep,
  deepAll,
  fileComplaint,
  text,
  toSupplierResponded,
  type,
  until,
} from '../support/helpers.js';

const client = clientFor(TOKENS.complainantA);

async function loaded(el: IprComplaintList) {
  await until(() => el.shadowRoot?.querySelector('tr.data, .empty'), 8000, 'rows');
  await el.updateComplete;
}
const rowOf = (el: IprComplaintList, id: string) =>
  el.shadowRoot!.querySelector<HTMLTableRowElement>(`tr.data[data-id="${id}"]`);

describe('<ipr-complaint-list>', () => {
  it('renders with no axe violations', async () => {
    await fileComplaint(client);
    const el = await fixture<IprComplaintList>(html`<ipr-complaint-list .client=${client}></ipr-complaint-list>`);
    await loaded(el);
    expect(deepAll(el, 'tr.data').length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });

  it('filters by status and type, and searches by number', async () => {
    const complaint = await fileComplaint(client, { type: 'patent_infringement' });
    const el = await fixture<IprComplaintList>(html`<ipr-complaint-list .client=${client}></ipr-complaint-list>`);
    await loaded(el);
    const status = deep<HTMLSelectElement>(el, '#status');
    status.value = 'cancelled';
    status.dispatchEvent(new Event('change'));
    await until(
      () => el.items.every((s) => s.status === 'cancelled') && !el.items.some((s) => s.id === complaint.id),
      8000,
      'the status filter',
    );
    status.value = '';
    status.dispatchEvent(new Event('change'));
    const typeSelect = deep<HTMLSelectElement>(el, '#type');
    typeSelect.value = 'patent_infringement';
    typeSelect.dispatchEvent(new Event('change'));
    await until(
      () => el.items.length > 0 && el.items.every((s) => s.type === 'patent_infringement'),
      8000,
      'the type filter',
    );
    type(deep<HTMLInputElement>(el, '#q'), complaint.number);
    await until(() => el.items.length === 1 && el.items[0]!.id === complaint.id, 8000, 'the number search');
    // The other type with the same number: nothing.
    choose(typeSelect, 'copyright_infringement');
    await until(() => el.items.length === 0, 8000, 'no match with another type');
    choose(typeSelect, '');
    await until(() => el.items.length === 1, 8000, 'the number search again');
    await el.updateComplete;
    expect(text(rowOf(el, complaint.id)?.querySelector('button.number'))).to.equal(complaint.number);
  });

  it('opens a complaint by its number (ipr-complaint-open)', async () => {
    const complaint = await fileComplaint(client);
    const el = await fixture<IprComplaintList>(
      html`<ipr-complaint-list .client=${client} q=${complaint.number}></ipr-complaint-list>`,
    );
    await until(() => rowOf(el, complaint.id), 8000, 'the row');
    setTimeout(() => rowOf(el, complaint.id)!.querySelector<HTMLButtonElement>('button.number')!.click());
    const event = await oneEvent(el, 'ipr-complaint-open');
    expect(event.detail).to.deep.equal({ id: complaint.id, number: complaint.number });
  });

  it('cancel asks for confirmation, then fires ipr-complaint-cancelled and updates the row', async () => {
    const complaint = await fileComplaint(client);
    const el = await fixture<IprComplaintList>(
      html`<ipr-complaint-list .client=${client} q=${complaint.number}></ipr-complaint-list>`,
    );
    const row = await until(
      () => rowOf(el, complaint.id)?.querySelector<HTMLButtonElement>('button[data-action=cancel]'),
      8000,
      'the cancel button',
    );
    row.click();
    await el.updateComplete;
    const dialog = await until(
      () => el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.action[open]'),
      4000,
      'the dialog',
    );
    expect(text(dialog)).to.contain('This cannot be undone.');
    await expect(el).to.be.accessible();
    // "Cancel" in the dialog leaves the complaint as it is.
    dialog.querySelector<HTMLButtonElement>('button.dismiss')!.click();
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    rowOf(el, complaint.id)!.querySelector<HTMLButtonElement>('button[data-action=cancel]')!.click();
    await until(() => el.shadowRoot!.querySelector('dialog.action[open]'), 4000, 'the dialog');
    setTimeout(() => el.shadowRoot!.querySelector<HTMLButtonElement>('dialog.action button.confirm')!.click());
    const event = await oneEvent(el, 'ipr-complaint-cancelled');
    expect(event.detail.complaint.id).to.equal(complaint.id);
    expect(event.detail.complaint.status).to.equal('cancelled');
    await el.updateComplete;
    expect(rowOf(el, complaint.id)!.querySelector('[data-status]')!.getAttribute('data-status')).to.equal('cancelled');
    expect(rowOf(el, complaint.id)!.querySelector('button[data-action]')).to.equal(null);
  });

  it('platform arbitration requires a reason', async () => {
    const complaint = await toSupplierResponded(await fileComplaint(client));
    const el = await fixture<IprComplaintList>(
      html`<ipr-complaint-list .client=${client} q=${complaint.number}></ipr-complaint-list>`,
    );
    const button = await until(
      () => rowOf(el, complaint.id)?.querySelector<HTMLButtonElement>('button[data-action=request_arbitration]'),
      8000,
      'the arbitration button',
    );
    expect(rowOf(el, complaint.id)!.querySelector('button[data-action=check]')).to.exist;
    expect(rowOf(el, complaint.id)!.querySelector('button[data-action=confirm_close]')).to.exist;
    button.click();
    const dialog = await until(
      () => el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.action[open]'),
      4000,
      'the dialog',
    );
    dialog.querySelector<HTMLButtonElement>('button.confirm')!.click();
    await el.updateComplete;
    expect(text(dialog.querySelector('#reason-error'))).to.contain('Give a reason');
    expect(dialog.querySelector('#reason')!.getAttribute('aria-invalid')).to.equal('true');
    type(dialog.querySelector<HTMLTextAreaElement>('#reason')!, 'The products are still online.');
    await el.updateComplete;
    setTimeout(() => dialog.querySelector<HTMLButtonElement>('button.confirm')!.click());
    const event = await oneEvent(el, 'ipr-complaint-action');
    expect(event.detail.action).to.equal('request_arbitration');
    expect(event.detail.reason).to.equal('The products are still online.');
    expect(event.detail.complaint.status).to.equal('in_arbitration');
  });

  it('renders only the visible rows of 10,000 and keeps scrolling cheap', async () => {
    const now = new Date().toISOString();
    const items: ComplaintSummary[] = Array.from({ length: 10_000 }, (_, i) => ({
      id: `c${i}`,
      number: `IPR-2026-${String(i + 1).padStart(6, '0')}`,
      type: 'trademark_infringement',
      status: 'submitted',
      productCount: (i % 7) + 1,
      createdAt: now,
      updatedAt: now,
    }));
    const el = await fixture<IprComplaintList>(
      html`<ipr-complaint-list viewer-role="complainant" .items=${items} .total=${items.length}></ipr-complaint-list>`,
    );
    await el.updateComplete;
    const rendered = deepAll(el, 'tr.data').length;
    expect(rendered).to.be.greaterThan(5).and.lessThan(60);
    const viewport = deep(el, '.viewport');
    const started = performance.now();
    // Twenty steps down to the end, whatever the row height of the layout the container gets.
    for (let step = 1; step <= 20; step++) {
      viewport.scrollTop = (step / 20) * viewport.scrollHeight;
      viewport.dispatchEvent(new Event('scroll'));
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      await el.updateComplete;
    }
    const perFrame = (performance.now() - started) / 20;
    expect(deepAll(el, 'tr.data').length).to.be.lessThan(60);
    const [start] = el.visibleRange;
    expect(start).to.be.greaterThan(8000);
    expect(text(deepAll(el, 'tr.data')[0]!.querySelector('button.number'))).to.equal(items[start]!.number);
    expect(perFrame).to.be.lessThan(50);
  });

  it('shows the empty state', async () => {
    const el = await fixture<IprComplaintList>(
      html`<ipr-complaint-list .client=${client} q="IPR-1999-999999"></ipr-complaint-list>`,
    );
    await until(() => el.shadowRoot!.querySelector('.empty'), 8000, 'the empty state');
    expect(text(deep(el, '.empty'))).to.equal('No complaints match.');
  });

  it('shows a load error with a retry', async () => {
    const el = await fixture<IprComplaintList>(
      html`<ipr-complaint-list .client=${clientFor('wrong-token')}></ipr-complaint-list>`,
    );
    const alert = await until(() => el.shadowRoot!.querySelector('[role=alert]'), 8000, 'the error');
    expect(text(alert)).to.contain('Sign in again');
    el.client = client;
    alert.querySelector<HTMLButtonElement>('button')!.click();
    await until(() => el.shadowRoot!.querySelector('tr.data'), 8000, 'rows after retry');
  });
});
