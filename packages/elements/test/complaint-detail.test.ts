import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/define.js';
import type { IprComplaintDetail } from '../src/index.js';
import { TOKENS, clientFor, deep, deepAll, fileComplaint, ok, text, toSupplierResponded, until } from './support/helpers.js';

const client = clientFor(TOKENS.complainantA);

async function open(id: string, c = client) {
  const el = await fixture<IprComplaintDetail>(html`<ipr-complaint-detail .client=${c} complaint-id=${id}></ipr-complaint-detail>`);
  await until(() => el.shadowRoot!.querySelector('[part=header], [role=alert]'), 8000, 'the complaint');
  await el.updateComplete;
  return el;
}

describe('<ipr-complaint-detail>', () => {
  it('renders with no axe violations', async () => {
    const complaint = await fileComplaint(client);
    const el = await open(complaint.id);
    expect(text(deep(el, 'h2'))).to.equal(complaint.number);
    await expect(el).to.be.accessible();
  });

  it('shows the history of transitions with who and when', async () => {
    const complaint = await toSupplierResponded(await fileComplaint(client));
    const el = await open(complaint.id);
    const items = deepAll(el, 'ol.history li');
    expect(items.map((li) => li.dataset.action)).to.deep.equal(['create', 'forward_to_supplier', 'respond']);
    expect(text(items[1])).to.contain('Platform IPR review team');
    expect(text(deep(el, '.status'))).to.equal('Supplier responded');
  });

  it('"Check now" updates the per-product status and fires ipr-complaint-action', async () => {
    const complaint = await toSupplierResponded(await fileComplaint(client), 'not_infringing');
    const el = await open(complaint.id);
    expect(deep(el, '.product-status').dataset.status).to.equal('pending');
    setTimeout(() => deep<HTMLButtonElement>(el, 'button[data-action=check]').click());
    const event = await oneEvent(el, 'ipr-complaint-action');
    expect(event.detail.action).to.equal('check');
    await el.updateComplete;
    expect(deep(el, '.product-status').dataset.status).to.equal('declared_non_infringing');
    expect(text(deep(el, '.product-status'))).to.equal('Declared non-infringing');
  });

  it('shows the arbitration result notice', async () => {
    const complaint = await toSupplierResponded(await fileComplaint(client));
    await ok(client.complaints.act(complaint.id, 'request_arbitration', { reason: 'Still for sale.' }));
    await ok(clientFor(TOKENS.platform).complaints.act(complaint.id, 'issue_result', { decision: 'upheld', notice: 'The listings were removed.' }));
    const el = await open(complaint.id);
    const notice = deep(el, '[part=arbitration]');
    expect(text(notice)).to.contain('Upheld');
    expect(text(notice)).to.contain('The listings were removed.');
    expect(deepAll(el, 'button[data-action]')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('confirm and close asks first and changes the status', async () => {
    const complaint = await toSupplierResponded(await fileComplaint(client));
    const el = await open(complaint.id);
    deep<HTMLButtonElement>(el, 'button[data-action=confirm_close]').click();
    const dialog = await until(() => el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.action[open]'), 4000, 'the dialog');
    setTimeout(() => dialog.querySelector<HTMLButtonElement>('button.confirm')!.click());
    const event = await oneEvent(el, 'ipr-complaint-action');
    expect(event.detail.complaint.status).to.equal('closed');
    await el.updateComplete;
    expect(text(deep(el, '.status'))).to.equal('Closed');
  });

  it('keeps XSS payloads as text', async () => {
    const payload = '<img src=x onerror=alert(1)>';
    const hostile = (await ok(client.products.search({ q: 'Hostile' }))).items.filter((p) => p.name.includes(payload));
    expect(hostile).to.have.length(1);
    const complaint = await fileComplaint(client, { description: `Look: ${payload}` }, hostile);
    let alerted = false;
    const original = window.alert;
    window.alert = () => { alerted = true; };
    try {
      const el = await open(complaint.id);
      expect(text(deep(el, '.description'))).to.contain(payload);
      expect(el.shadowRoot!.querySelector('.description img')).to.equal(null);
      expect(text(deep(el, '[part=products] .name'))).to.equal(`${payload} Hostile widget`);
      expect(el.shadowRoot!.querySelectorAll('img').length).to.equal(0);
      await new Promise((r) => setTimeout(r, 50));
      expect(alerted).to.equal(false);
    } finally {
      window.alert = original;
    }
  });

  it('works alone with api-base and token attributes', async () => {
    const complaint = await fileComplaint(client);
    const el = await fixture<IprComplaintDetail>(html`<ipr-complaint-detail api-base=${location.origin} token=${TOKENS.complainantA} complaint-id=${complaint.id}></ipr-complaint-detail>`);
    await until(() => el.shadowRoot!.querySelector('[part=header]'), 8000, 'the complaint');
    expect(text(deep(el, 'h2'))).to.equal(complaint.number);
  });

  it('shows "not found" for a complaint of another complainant', async () => {
    const other = await fileComplaint(clientFor(TOKENS.complainantB));
    const el = await open(other.id);
    expect(text(deep(el, '[role=alert]'))).to.contain('Not found');
  });
});
