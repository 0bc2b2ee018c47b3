import { LIMITS } from '@ipr/validators';
import '../../src/define.js';
import type { IprProductPicker } from '../../src/index.js';
import { TOKENS, clientFor, someProducts } from '../support/helpers.js';
import { runFormControlTests } from './form-control-suite.js';

const client = clientFor(TOKENS.complainantA);

runFormControlTests<IprProductPicker>('ipr-product-picker', {
  setup: (el) => {
    el.client = client;
  },
  fill: async (el) => {
    const products = await someProducts(client, 2);
    el.add(products);
    return products.map((p) => p.url);
  },
  entries: (el) => el.value,
  requiredCode: 'links.required',
  errorRegion: '#links-error',
  innerControls: (el) => [
    ...el.shadowRoot!.querySelectorAll<HTMLButtonElement | HTMLInputElement>(
      '#q, form.search button[type=submit], button.upload, .added-list button.remove',
    ),
  ],
  overfill: (el) => {
    const count = LIMITS.maxProductLinks + 1;
    el.value = Array.from({ length: count }, (_, i) => `https://market.example/product/over${i}`);
    return { code: 'links.too_many', params: { limit: LIMITS.maxProductLinks, count } };
  },
});
