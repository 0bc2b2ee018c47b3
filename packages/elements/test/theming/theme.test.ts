import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { IprComplaintList, IprEvidencePicker } from '../../src/index.js';

const bg = (el: Element) => getComputedStyle(el).backgroundColor;

describe('theming', () => {
  it('has a light default, a dark look, and takes --ipr-* overrides', async () => {
    const light = await fixture<IprComplaintList>(
      html`<ipr-complaint-list viewer-role="complainant"></ipr-complaint-list>`,
    );
    const dark = await fixture<IprComplaintList>(
      html`<ipr-complaint-list viewer-role="complainant" theme="dark"></ipr-complaint-list>`,
    );
    const custom = await fixture<IprComplaintList>(
      html`<div style="--ipr-color-background: rgb(1, 2, 3)"><ipr-complaint-list viewer-role="complainant"></ipr-complaint-list></div>`,
    );
    expect(bg(light)).to.equal('rgb(255, 255, 255)');
    expect(bg(dark)).to.equal('rgb(20, 23, 31)');
    expect(bg(custom.querySelector('ipr-complaint-list')!)).to.equal('rgb(1, 2, 3)');
  });

  it('the dark look has no axe violations (contrast included)', async () => {
    const el = await fixture<IprEvidencePicker>(
      html`<ipr-evidence-picker theme="dark" show-errors required></ipr-evidence-picker>`,
    );
    await expect(el).to.be.accessible();
  });

  it('exposes documented parts to the host page', async () => {
    const el = await fixture<IprEvidencePicker>(html`<ipr-evidence-picker></ipr-evidence-picker>`);
    for (const part of ['saved', 'drop', 'selected', 'error'])
      expect(el.shadowRoot!.querySelector(`[part~=${part}]`), part).to.exist;
  });
});
