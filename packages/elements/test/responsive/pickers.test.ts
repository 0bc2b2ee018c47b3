import { fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../src/define.js';
import type { IprEvidencePicker, IprProductPicker } from '../../src/index.js';
import { TOKENS, clientFor, fileComplaint, freshProducts, pngFile, until, uploadPdf } from '../support/helpers.js';
import { settle, sweep, wideWindow } from './layout.js';

const client = clientFor(TOKENS.complainantA);

/** A sheet of product links with one refused row, for the import result. */
async function linksWorkbook(links: string[]): Promise<File> {
  const XLSX = await import('xlsx');
  const book = XLSX.utils.book_new();
  const rows = [['Product link'], ...links.map((l) => [l]), ['not a product link at all, far too long to fit']];
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Links');
  return new File([XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer], 'links.xlsx');
}

describe('responsive pickers', () => {
  before(() => wideWindow());
  afterEach(() => fixtureCleanup());

  it('<ipr-product-picker>: search results, added products (one already in an open complaint), the import result', async () => {
    const [open, ...fresh] = await freshProducts(client, 3);
    await fileComplaint(client, {}, [open!]);
    const frame = await fixture<HTMLDivElement>(
      html`<div style="width: 320px"><ipr-product-picker .client=${client}></ipr-product-picker></div>`,
    );
    const el = frame.querySelector<IprProductPicker>('ipr-product-picker')!;
    el.add([open!, ...fresh]);
    await until(() => el.shadowRoot!.querySelector('[part~=warning]'), 8000, 'the open-complaint mark');
    // Search results through the search form (a user's way in).
    const search = el.shadowRoot!.querySelector<HTMLFormElement>('[part~=search]')!;
    const q = search.querySelector<HTMLInputElement>('input')!;
    q.value = 'lamp';
    q.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    search.requestSubmit();
    await until(() => el.shadowRoot!.querySelector('[part~=results] li, [part~=results] button'), 8000, 'results');
    // The import result, with its windowed rows.
    el.shadowRoot!.querySelector<HTMLElement>('details[part~=import] > summary')!.click();
    await el.importFile(await linksWorkbook(fresh.map((p) => p.url)));
    await settle(el);
    await sweep(el, { name: 'product-picker', axe: true, minButtons: 4 });
  });

  it('<ipr-evidence-picker>: saved evidence open, selected files with a preview and the original mark', async () => {
    const pdf = await uploadPdf(client, 'trademark-registration-certificate-aurora-2024-final-signed-copy.pdf');
    const frame = await fixture<HTMLDivElement>(
      html`<div style="width: 320px"><ipr-evidence-picker .client=${client} allow-original label="Evidence"></ipr-evidence-picker></div>`,
    );
    const el = frame.querySelector<IprEvidencePicker>('ipr-evidence-picker')!;
    el.descriptors = [pdf];
    el.value = [{ id: pdf.id }];
    await el.addFiles([await pngFile('product-photo-front.png')]);
    el.shadowRoot!.querySelector<HTMLDetailsElement>('details[part~=saved]')!.open = true;
    await until(() => el.shadowRoot!.querySelector('[part~=saved] li, [part~=saved] button'), 8000, 'saved evidence');
    await settle(el);
    await sweep(el, { name: 'evidence-picker', axe: true, minButtons: 3 });
  });
});
