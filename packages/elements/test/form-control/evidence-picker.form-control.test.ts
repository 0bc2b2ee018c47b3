import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { IprEvidencePicker } from '../../src/index.js';
import { TOKENS, clientFor, pdfFile } from '../support/helpers.js';
import { runFormControlTests } from './form-control-suite.js';

const client = clientFor(TOKENS.complainantA);

runFormControlTests<IprEvidencePicker>('ipr-evidence-picker', {
  setup: (el) => {
    el.client = client;
  },
  fill: async (el) => {
    await el.addFiles([pdfFile('form-control-a.pdf'), pdfFile('form-control-b.pdf')]);
    return el.value.map((ref) => ref.id);
  },
  entries: (el) => el.value.map((ref) => ref.id),
  requiredCode: 'evidence.required',
  errorRegion: '#error',
  innerControls: (el) => [
    ...el.shadowRoot!.querySelectorAll<HTMLButtonElement | HTMLInputElement>('#add, [part=selected] button.remove'),
  ],
});

describe('<ipr-evidence-picker> form state', () => {
  it('restores the original marks with the ids, and submits the ids only', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><ipr-evidence-picker name="files" allow-original .client=${client}></ipr-evidence-picker></form>`,
    );
    const el = form.querySelector<IprEvidencePicker>('ipr-evidence-picker')!;
    const state = new FormData();
    state.append('state', 'ev_restored_a#original');
    state.append('state', 'ev_restored_b');
    el.formStateRestoreCallback(state, 'restore');
    await el.updateComplete;
    expect(el.value).to.deep.equal([{ id: 'ev_restored_a', original: true }, { id: 'ev_restored_b' }]);
    expect(new FormData(form).getAll('files')).to.deep.equal(['ev_restored_a', 'ev_restored_b']);
  });
});
