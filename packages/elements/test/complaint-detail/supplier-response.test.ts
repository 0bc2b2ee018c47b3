// A supplier answers for its products in <ipr-complaint-detail>: the validators' rule inline
// (a statement for "not infringing"), then the complaint moves on, through the real API.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { IprComplaintDetail } from '../../src/index.js';
import {
  TOKENS,
  clientFor,
  deep,
  deepAll,
  fileComplaint,
  freshProducts,
  ok,
  text,
  tokenOf,
  until,
} from '../support/helpers.js';

const complainant = clientFor(TOKENS.complainantA);

describe('<ipr-complaint-detail> supplier response', () => {
  it('offers a per-product answer to the supplier, refuses "not infringing" without a statement in place, then sends it', async () => {
    const [product] = await freshProducts(complainant, 1);
    const complaint = await fileComplaint(complainant, {}, [product!]);
    await ok(clientFor(TOKENS.platform).complaints.act(complaint.id, 'forward_to_supplier'));
    const supplier = clientFor(tokenOf(product!.supplierId));

    const el = await fixture<IprComplaintDetail>(
      html`<ipr-complaint-detail .client=${supplier} complaint-id=${complaint.id} .live=${false}></ipr-complaint-detail>`,
    );
    const form = await until(
      () => el.shadowRoot!.querySelector<HTMLFormElement>('form.respond'),
      8000,
      'the response form',
    );
    const answers = deepAll(el, 'form.respond fieldset.answer');
    expect(answers.map((f) => f.getAttribute('data-product'))).to.deep.equal([product!.id]);
    await expect(el).to.be.accessible();

    const select = deep<HTMLSelectElement>(el, 'form.respond select.response');
    select.value = 'not_infringing';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    form.requestSubmit();
    await el.updateComplete;
    const statement = deep<HTMLTextAreaElement>(el, 'form.respond textarea.statement');
    expect(statement.getAttribute('aria-invalid')).to.equal('true');
    expect(text(deep(el, `#${statement.getAttribute('aria-describedby')}`))).to.equal(
      'Explain why the product does not infringe.',
    );
    expect((await ok(supplier.complaints.get(complaint.id))).status, 'nothing was sent').to.equal('awaiting_supplier');

    statement.value = 'Our own design, registered in 2021.';
    statement.dispatchEvent(new Event('input'));
    await el.updateComplete;
    setTimeout(() => form.requestSubmit());
    const event = await oneEvent(el, 'ipr-complaint-action');
    expect(event.detail.action).to.equal('respond');
    expect(event.detail.complaint.status).to.equal('supplier_responded');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('form.respond'), 'no form once answered').to.equal(null);
    expect(text(deep(el, '.ok'))).to.equal('Response sent.');
    expect(text(deep(el, `tr[data-product="${product!.id}"]`))).to.contain('Our own design, registered in 2021.');
  });

  it('is not offered to the complainant or the platform', async () => {
    const complaint = await fileComplaint(complainant);
    await ok(clientFor(TOKENS.platform).complaints.act(complaint.id, 'forward_to_supplier'));
    for (const client of [complainant, clientFor(TOKENS.platform)]) {
      const el = await fixture<IprComplaintDetail>(
        html`<ipr-complaint-detail .client=${client} complaint-id=${complaint.id} .live=${false}></ipr-complaint-detail>`,
      );
      await until(() => el.shadowRoot!.querySelector('h2'), 8000, 'the complaint');
      expect(el.shadowRoot!.querySelector('form.respond')).to.equal(null);
    }
  });
});
