import { expect, fixture, html } from '@open-wc/testing';
import { TOKENS, deep, someProducts, clientFor, text, until } from '../support/helpers.js';

// The single-file CDN bundle, when the build has produced it (`npm run build`): the tags it
// registers work against the real API, and its lazy files (zh-CN strings, the sheet worker,
// xlsx) load from URLs relative to the bundle.
const BUNDLE = '/packages/elements/dist/cdn/ipr-elements.js';

describe('CDN bundle (dist/cdn/ipr-elements.js)', () => {
  before(async function () {
    const head = await fetch(BUNDLE, { method: 'HEAD' });
    if (!head.ok) this.skip();
    await import(/* @vite-ignore */ BUNDLE);
  });

  it('registers the provider at once, and the list, form, pickers, profiles and detail from their chunks', async () => {
    expect(customElements.get('ipr-provider'), 'ipr-provider').to.be.a('function');
    // Nothing on this page asks for them: the chunks still arrive once the page is idle.
    for (const tag of [
      'ipr-complaint-list',
      'ipr-product-picker',
      'ipr-evidence-picker',
      'ipr-complaint-form',
      'ipr-holder-profiles',
      'ipr-complaint-detail',
    ]) {
      await Promise.race([
        customElements.whenDefined(tag),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`${tag} was not defined`)), 8000)),
      ]);
    }
    const bundle = await import(/* @vite-ignore */ BUNDLE);
    const lazy = await bundle.loadFormElements();
    expect(customElements.get('ipr-complaint-form')).to.equal(lazy.IprComplaintForm);
    expect(customElements.get('ipr-product-picker')).to.equal(lazy.IprProductPicker);
    expect(customElements.get('ipr-evidence-picker')).to.equal(lazy.IprEvidencePicker);
    expect(customElements.get('ipr-holder-profiles')).to.equal(lazy.IprHolderProfiles);
    const detail = await bundle.loadDetailElement();
    expect(customElements.get('ipr-complaint-detail')).to.equal(detail.IprComplaintDetail);
    expect(bundle.IprComplaintDetail, 'the detail is not in the initial file').to.equal(undefined);
    const list = await bundle.loadListElement();
    expect(customElements.get('ipr-complaint-list')).to.equal(list.IprComplaintList);
    expect(bundle.IprComplaintList, 'the list is not in the initial file').to.equal(undefined);
    // The partner chunk is not loaded on idle; its loader registers both tags.
    const partner = await bundle.loadPartnerElements();
    expect(customElements.get('ipr-webhooks')).to.equal(partner.IprWebhooks);
    expect(customElements.get('ipr-transparency-report')).to.equal(partner.IprTransparencyReport);
    expect(bundle.IprTransparencyReport, 'the partner elements are not in the initial file').to.equal(undefined);
  });

  it('preloads what an on-demand chunk imports, so its files are asked for at once (no waterfall)', async () => {
    const bundle = await import(/* @vite-ignore */ BUNDLE);
    await bundle.loadFormElements();
    await bundle.loadDetailElement();
    await bundle.loadListElement();
    await bundle.loadPartnerElements();
    const preloaded = new Set(
      [...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((l) => l.href),
    );
    const dir = new URL('./', new URL(BUNDLE, location.href));
    const initial = await (await fetch(BUNDLE)).text();
    // What the bundle itself imports statically (the chunk it shares with the sheet worker) is loaded already.
    const initialImports = new Set([...initial.matchAll(/from\s*"\.\/([\w.-]+\.js)"/g)].map((m) => m[1]!));
    for (const chunk of ['form-elements', 'detail-element', 'list-element', 'partner-elements']) {
      const file = initial.match(new RegExp(`\\./(${chunk}-[\\w-]+\\.js)`))?.[1];
      expect(file, `the bundle names its ${chunk} chunk`).to.be.a('string');
      const source = await (await fetch(new URL(file!, dir))).text();
      const imports = [...source.matchAll(/from\s*"\.\/([\w.-]+\.js)"/g)]
        .map((m) => m[1]!)
        .filter((f) => f !== 'ipr-elements.js' && !initialImports.has(f));
      expect(imports.length, `${chunk} imports other chunks`).to.be.greaterThan(0);
      for (const f of imports)
        expect(preloaded.has(new URL(f, dir).href), `${f} (imported by ${chunk}) is preloaded`).to.equal(true);
    }
  });

  it('renders a form with no axe violations', async () => {
    const el = await fixture(html`<ipr-provider api-base=${location.origin} token=${TOKENS.complainantA}>
      <ipr-complaint-form draft-storage="memory"></ipr-complaint-form></ipr-provider>`);
    const form = el.querySelector('ipr-complaint-form')!;
    await until(
      () => (form.shadowRoot?.querySelector<HTMLInputElement>('#f-contact-name')?.value ?? '') !== '',
      8000,
      'the account contact',
    );
    await expect(form).to.be.accessible();
  });

  it('loads zh-CN beside the bundle', async () => {
    await customElements.whenDefined('ipr-complaint-list');
    const el = await fixture(html`<ipr-complaint-list viewer-role="complainant" locale="zh-CN"></ipr-complaint-list>`);
    await until(() => text(el.shadowRoot?.querySelector('label[for=status]')) === '状态', 8000, 'Chinese labels');
  });

  it('imports a workbook through the worker and the lazy xlsx chunk', async () => {
    const client = clientFor(TOKENS.complainantA);
    const [product] = await someProducts(client, 1);
    await customElements.whenDefined('ipr-product-picker');
    const picker = await fixture<
      HTMLElement & { client: unknown; importFile(f: File): Promise<{ ok: boolean }>; updateComplete: Promise<unknown> }
    >(html`<ipr-product-picker .client=${client}></ipr-product-picker>`);
    const XLSX = await import('xlsx');
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Product link'], [product!.url]]), 'Links');
    const bytes = XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;
    const result = await picker.importFile(new File([bytes], 'links.xlsx'));
    expect(result.ok, JSON.stringify(result)).to.equal(true);
    await picker.updateComplete;
    expect(text(deep(picker, '.import-result [role=status]'))).to.contain('1 valid');
  });
});
