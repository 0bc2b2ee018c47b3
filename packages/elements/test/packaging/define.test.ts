import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { define } from '../../src/base/define.js';

describe('define', () => {
  it('registers every tag', () => {
    for (const tag of [
      'ipr-provider',
      'ipr-product-picker',
      'ipr-evidence-picker',
      'ipr-complaint-form',
      'ipr-complaint-list',
      'ipr-complaint-detail',
    ]) {
      expect(customElements.get(tag), tag).to.be.a('function');
    }
  });

  it('defining a tag twice warns instead of throwing', () => {
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      expect(() => define('ipr-complaint-form', class extends HTMLElement {})).not.to.throw();
      expect(define('ipr-complaint-form', class extends HTMLElement {})).to.equal(false);
    } finally {
      console.warn = original;
    }
    expect(warnings.length).to.equal(2);
  });

  it('a second copy of the SDK on the page does not throw', async () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      // A different URL is a separate module instance, as with a second bundle on the page.
      const entry = new URL('../../src/define.ts?copy=2', import.meta.url).href;
      await import(/* @vite-ignore */ entry);
      const form = await import(
        /* @vite-ignore */ new URL(
          '../../src/components/complaint-form/complaint-form.component.ts?copy=2',
          import.meta.url,
        ).href
      );
      expect(form.IprComplaintForm).not.to.equal(customElements.get('ipr-complaint-form'));
      expect(define('ipr-complaint-form', form.IprComplaintForm)).to.equal(false);
    } finally {
      console.warn = warn;
    }
    expect(warnings.length).to.equal(1);
    expect(String((warnings[0] as unknown[])[0])).to.contain('already defined');
  });
});
