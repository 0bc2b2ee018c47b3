import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../src/define.js';
import type { IprComplaintForm, IprEvidencePicker, IprProductPicker } from '../../src/index.js';
import { TOKENS, clientFor, freshProducts, uniqueKey, until, uploadPdf } from '../support/helpers.js';
import { screenshot, settle, sweep, wideWindow } from './layout.js';

const client = clientFor(TOKENS.complainantA);

/** The step bar: one row of steps when wide, stacked when narrow; never wider than the form. */
function checkSteps(el: IprComplaintForm, where: string, width: number) {
  const items = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~=steps] li')];
  expect(items, where).to.have.length(3);
  const tops = new Set(items.map((li) => Math.round(li.getBoundingClientRect().top)));
  expect(tops.size, `${where}: steps ${width < 600 ? 'stacked' : 'in one row'}`).to.equal(width < 600 ? 3 : 1);
}

describe('responsive <ipr-complaint-form>', () => {
  before(() => wideWindow());
  afterEach(() => fixtureCleanup());

  it('fits 320–1280 px at each step: basics with products and the holder section, evidence, review', async () => {
    const products = await freshProducts(client, 2);
    const evidence = await uploadPdf(client, 'trademark-registration-certificate-aurora-2024-final-signed-copy.pdf');
    const frame = await fixture<HTMLDivElement>(
      html`<div style="width: 320px"><ipr-complaint-form .client=${client} draft-key=${uniqueKey()} draft-storage="memory"
        large-attachment-email="ipr-evidence-large-attachments@market.example"></ipr-complaint-form></div>`,
    );
    const el = frame.querySelector<IprComplaintForm>('ipr-complaint-form')!;
    await el.draftReady;
    await until(() => el.draft.contact.email, 8000, 'the account contact');
    el.draft = {
      ...el.draft,
      type: 'trademark_infringement',
      productLinks: products.map((p) => p.url),
      description: 'Copies of our registered AURORA desk lamp, sold with our photos and manual.',
      isIprHolder: true,
      evidence: [{ id: evidence.id }],
    };
    await el.updateComplete;
    const picker = el.shadowRoot!.querySelector<IprProductPicker>('ipr-product-picker')!;
    await until(() => picker.shadowRoot!.querySelector('[part~=added] li[data-url]'), 8000, 'the added products');
    // For the README (docs/screenshots/form-390.png): step 1 filled in, at phone width.
    frame.style.width = '390px';
    await settle(el);
    await screenshot(el, 'readme-form-390');
    frame.style.width = '320px';

    // Filing for a holder whose details are missing, "Next": the holder section and the inline errors are laid out too.
    el.draft = { ...el.draft, isIprHolder: false };
    await settle(el);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=nav] button.next')!.click();
    await settle(el);
    expect(el.step).to.equal('basics');
    await sweep(el, {
      name: 'complaint-form-basics',
      axe: true,
      minButtons: 3,
      check: (where, width) => checkSteps(el, where, width),
    });

    el.step = 'evidence';
    await settle(el);
    const ep = el.shadowRoot!.querySelector<IprEvidencePicker>('ipr-evidence-picker')!;
    ep.descriptors = [evidence];
    await settle(el);
    await sweep(el, {
      name: 'complaint-form-evidence',
      axe: true,
      minButtons: 3,
      check: (where, width) => checkSteps(el, where, width),
    });

    el.step = 'review';
    await settle(el);
    await sweep(el, {
      name: 'complaint-form-review',
      axe: true,
      minButtons: 3,
      check: (where, width) => checkSteps(el, where, width),
    });
  });
});
