import { expect } from '@open-wc/testing';
import * as XLSX from 'xlsx';
import { downloadTemplate, TEMPLATE_FILE_NAME } from '../../src/index.js';

describe('downloadTemplate in Chromium', () => {
  it('saves a real .xlsx through a temporary link', async () => {
    const original = HTMLAnchorElement.prototype.click;
    let saved: { href: string; download: string } | undefined;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      saved = { href: this.href, download: this.download };
    };
    try {
      await downloadTemplate();
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
    expect(saved?.download).to.equal(TEMPLATE_FILE_NAME);
    expect(saved!.href.startsWith('blob:')).to.equal(true);
    const bytes = new Uint8Array(await (await fetch(saved!.href)).arrayBuffer());
    const wb = XLSX.read(bytes, { type: 'array' });
    expect(wb.SheetNames).to.deep.equal(['Product links', 'Instructions']);
    expect(wb.Sheets['Product links']!.A1.v).to.equal('Product link');
    expect(document.querySelectorAll('a[download]').length).to.equal(0);
  });
});
