import { expect, fixture, html } from '@open-wc/testing';
import { createDraftStore } from '@ipr/client';
import '../../src/define.js';
import type { IprComplaintForm } from '../../src/index.js';
import { TOKENS, clientFor, deep, freshProducts, ok, uniqueKey, until } from '../support/helpers.js';

const client = clientFor(TOKENS.complainantA);

describe('<ipr-complaint-form> picture warning', () => {
  it('on review of a picture complaint, names the products matching none of the originals', async () => {
    const [copied, other] = await freshProducts(client, 2);
    const picture = await fetch(client.pictures!.url(`/v1/products/${copied!.id}/pictures/0`));
    const original = await ok(
      client.evidence.upload(new File([await picture.blob()], 'our-original.jpg', { type: 'image/jpeg' })),
    );
    const key = uniqueKey();
    const { id } = await ok(client.account.get());
    await createDraftStore({ key: `${key}:${id}`, storage: 'memory' }).save({
      step: 'review',
      evidence: [original],
      draft: {
        type: 'picture_embezzlement',
        productLinks: [copied!.url, other!.url],
        description: 'Our photo.',
        evidence: [{ id: original.id, original: true }],
      },
    });
    const el = await fixture<IprComplaintForm>(
      html`<ipr-complaint-form .client=${client} draft-key=${key} draft-storage="memory"></ipr-complaint-form>`,
    );
    await el.draftReady;
    expect(el.step).to.equal('review');
    const warning = await until(
      () => el.shadowRoot!.querySelector('[part=picture-warning]'),
      15000,
      'the picture warning',
    );
    const named = [...warning.querySelectorAll<HTMLElement>('li')].map((li) => li.dataset.url);
    expect(named).to.deep.equal([other!.url]);
    expect(deep(el, '[part=picture-warning]').textContent).to.contain(
      "No original picture matches this product's images.",
    );
    await el.reset();
  });
});
