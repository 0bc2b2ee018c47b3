// Measurement, not part of the suite (the suite runs *.test.ts): 800 added products set, painted,
// scrolled, one removed, against the reference API. Run:
//   npm run test -w @ipr/elements -- --files test/product-picker.perf.ts
// "render+layout" is the main thread's work up to layout (lit update, then forced style and layout);
// "to paint" adds the wait for the next frame; long tasks are those over 50 ms (PerformanceObserver).
import { fixture, html } from '@open-wc/testing';
import { LIMITS, type Product } from '@ipr/validators';
import '../src/define.js';
import type { IprProductPicker } from '../src/index.js';
import { TOKENS, clientFor, deepAll, until } from './support/helpers.js';

const client = clientFor(TOKENS.complainantA);
const painted = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

const longtasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => longtasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });

async function measure(label: string, action: () => unknown, done: () => Promise<unknown> = async () => {}) {
  await new Promise((r) => setTimeout(r, 300));
  const t0 = performance.now();
  await action();
  await done();
  void document.body.offsetHeight; // forces style and layout
  const work = performance.now() - t0;
  await painted();
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 200));
  const mine = longtasks.filter((e) => e.startTime >= t0 - 1 && e.startTime <= t0 + ms);
  const longest = Math.max(0, ...mine.map((e) => e.duration));
  console.log(`PERF ${label}: ${work.toFixed(1)} ms render+layout, ${ms.toFixed(1)} ms to paint, longest task ${longest.toFixed(0)} ms (${mine.length} long tasks)`);
  return { ms, longest };
}

const links = Array.from({ length: LIMITS.maxProductLinks }, (_, i) => `https://market.example/product/p${String(i + 1).padStart(6, '0')}`);
const products: Product[] = links.map((url, i) => ({
  id: `p${String(i + 1).padStart(6, '0')}`, url, name: `Aurora desk lamp with a rather long product name, brass, model ${i + 1}`,
  supplierId: 'acc_supplier_a', supplierName: 'Supplier A', thumbnailUrl: null, listed: true,
}));

describe('PERF <ipr-product-picker> 800 added products', () => {
  for (let run = 1; run <= 5; run++) {
    it(`run ${run}`, async () => {
      const el = await fixture<IprProductPicker>(html`<ipr-product-picker .client=${client}></ipr-product-picker>`);
      await measure('value = 800 links → list painted', () => { el.value = links; }, () => el.updateComplete);
      const el1 = await fixture<IprProductPicker>(html`<ipr-product-picker .client=${client}></ipr-product-picker>`);
      await measure('value = 800 links → names resolved (API) and painted', () => { el1.value = links; }, async () => {
        await until(() => el1.products.length >= 400, 20000, 'resolved');
        await el1.updateComplete;
      });
      console.log(`PERF   li in DOM: ${deepAll(el, '.added-list li').length}`);
      const ul = deepAll<HTMLElement>(el, '.added-list')[0]!;
      await measure('scroll to middle → painted', () => { ul.scrollTop = ul.scrollHeight / 2; }, async () => { await painted(); await el.updateComplete; });
      await measure('remove the first of 800 → painted', () => el.removeLink(links[0]!), () => el.updateComplete);
      await measure('remove the 400th of 799 → painted', () => el.removeLink(links[400]!), () => el.updateComplete);

      const el2 = await fixture<IprProductPicker>(html`<ipr-product-picker .client=${client}></ipr-product-picker>`);
      await measure('add(800 products) → painted', () => el2.add(products), () => el2.updateComplete);
      await measure('remove the first of 800 (click) → painted', () => deepAll<HTMLButtonElement>(el2, '.added-list button.remove')[0]!.click(), () => el2.updateComplete);
    });
  }
});
