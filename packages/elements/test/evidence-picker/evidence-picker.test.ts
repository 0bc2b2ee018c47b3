import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { IprEvidencePicker } from '../../src/index.js';
import { TOKENS, clientFor, deep, deepAll, pdfFile, pngFile, text, until } from '../support/helpers.js';

const client = clientFor(TOKENS.complainantA);

describe('<ipr-evidence-picker>', () => {
  it('renders with no axe violations', async () => {
    const el = await fixture<IprEvidencePicker>(html`<ipr-evidence-picker .client=${client}></ipr-evidence-picker>`);
    await expect(el).to.be.accessible();
  });

  it('uploads a new image with a preview, marks it original, removes it', async () => {
    const el = await fixture<IprEvidencePicker>(
      html`<ipr-evidence-picker .client=${client} allow-original></ipr-evidence-picker>`,
    );
    await el.addFiles([await pngFile('photo.png')]);
    await el.updateComplete;
    expect(el.value).to.have.length(1);
    expect(el.descriptors[0]!.kind).to.equal('image');
    const img = deep<HTMLImageElement>(el, '[part=selected] img');
    expect(img.src).to.match(/^blob:/);
    expect(img.alt).to.contain('photo.png');
    deep<HTMLInputElement>(el, 'input.original').click();
    await el.updateComplete;
    expect(el.value[0]!.original).to.equal(true);
    await expect(el).to.be.accessible();
    deep<HTMLButtonElement>(el, '[part=selected] button.remove').click();
    await el.updateComplete;
    expect(el.value).to.deep.equal([]);
  });

  it('refuses a file over 5 MB, naming the file and the limit', async () => {
    const el = await fixture<IprEvidencePicker>(html`<ipr-evidence-picker .client=${client}></ipr-evidence-picker>`);
    const big = new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'scan.pdf', { type: 'application/pdf' });
    setTimeout(() => void el.addFiles([big]));
    const event = await oneEvent(el, 'ipr-restriction-failed');
    expect(event.detail.file).to.equal('scan.pdf');
    expect(event.detail.issues.map((i: { code: string }) => i.code)).to.include('evidence.too_large');
    await el.updateComplete;
    const message = text(deep(el, 'li.failed .error'));
    expect(message).to.contain('"scan.pdf" is larger than 5 MB');
    expect(el.value).to.deep.equal([]);
  });

  it('refuses a PNG named .pdf (content judged by its bytes)', async () => {
    const el = await fixture<IprEvidencePicker>(html`<ipr-evidence-picker .client=${client}></ipr-evidence-picker>`);
    const png = await pngFile();
    const fake = new File([png], 'contract.pdf', { type: 'application/pdf' });
    setTimeout(() => void el.addFiles([fake]));
    const event = await oneEvent(el, 'ipr-restriction-failed');
    expect(event.detail.issues.map((i: { code: string }) => i.code)).to.include('evidence.content_mismatch');
    await el.updateComplete;
    expect(text(deep(el, 'li.failed .error'))).to.contain('does not match its name');
  });

  it('accepts dropped files', async () => {
    const el = await fixture<IprEvidencePicker>(html`<ipr-evidence-picker .client=${client}></ipr-evidence-picker>`);
    const data = new DataTransfer();
    data.items.add(pdfFile('dropped.pdf'));
    const changed = oneEvent(el, 'change');
    deep(el, '[part=drop]').dispatchEvent(
      new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
    );
    await changed;
    expect(el.descriptors.map((d) => d.name)).to.deep.equal(['dropped.pdf']);
  });

  it('cancels an upload in progress', async () => {
    const el = await fixture<IprEvidencePicker>(html`<ipr-evidence-picker .client=${client}></ipr-evidence-picker>`);
    const done = el.addFiles([pdfFile('slow.pdf', 4 * 1024 * 1024)]);
    const cancel = await until(() => deepAll<HTMLButtonElement>(el, 'li.uploading button')[0], 4000, 'the upload row');
    expect(cancel.getAttribute('aria-label')).to.contain('slow.pdf');
    cancel.click();
    await done;
    await el.updateComplete;
    expect(deepAll(el, 'li.uploading')).to.have.length(0);
    expect(el.value).to.deep.equal([]);
  });

  it('lists saved evidence to reuse', async () => {
    const saved = (await client.evidence.upload(pdfFile('saved-before.pdf'))).data!;
    const el = await fixture<IprEvidencePicker>(html`<ipr-evidence-picker .client=${client}></ipr-evidence-picker>`);
    deep<HTMLDetailsElement>(el, 'details[part=saved]').open = true;
    const label = await until(
      () => deepAll(el, '[part=saved] label').find((l) => text(l).includes('saved-before.pdf')),
      8000,
      'saved evidence',
    );
    label.querySelector('input')!.click();
    await el.updateComplete;
    expect(el.value[0]!.id).to.equal(saved.id);
  });

  it('takes part in a host form: value, validity, reset', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><ipr-evidence-picker name="files" required .client=${client}></ipr-evidence-picker></form>`,
    );
    const el = form.querySelector<IprEvidencePicker>('ipr-evidence-picker')!;
    await el.updateComplete;
    expect(form.checkValidity()).to.equal(false);
    expect(el.validity!.valueMissing).to.equal(true);
    expect(el.validationMessage).to.contain('at least one piece of evidence');
    await el.addFiles([pdfFile('in-form.pdf')]);
    await el.updateComplete;
    expect(form.checkValidity()).to.equal(true);
    expect(new FormData(form).getAll('files')).to.deep.equal([el.value[0]!.id]);
    form.reset();
    await el.updateComplete;
    expect(el.value).to.deep.equal([]);
    expect(new FormData(form).getAll('files')).to.deep.equal([]);
  });

  it('requires an original image for Picture Embezzlement (require-original)', async () => {
    const el = await fixture<IprEvidencePicker>(
      html`<ipr-evidence-picker .client=${client} allow-original require-original show-errors></ipr-evidence-picker>`,
    );
    await el.addFiles([await pngFile('not-marked.png')]);
    await el.updateComplete;
    expect(el.validity!.customError).to.equal(true);
    expect(text(deep(el, '#error'))).to.contain('must include the original pictures');
    deep<HTMLInputElement>(el, 'input.original').click();
    await el.updateComplete;
    expect(el.checkValidity()).to.equal(true);
    expect(text(deep(el, '#error'))).to.equal('');
  });

  it('shows file names as text, never as HTML', async () => {
    const el = await fixture<IprEvidencePicker>(html`<ipr-evidence-picker .client=${client}></ipr-evidence-picker>`);
    await el.addFiles([pdfFile('<img src=x onerror=alert(1)>.pdf')]);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=selected] .name img')).to.equal(null);
    expect(text(deep(el, '[part=selected] .name'))).to.contain('<img src=x onerror=alert(1)>');
  });
});
