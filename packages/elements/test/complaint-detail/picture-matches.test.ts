import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { IprComplaintDetail } from '../../src/index.js';
import { TOKENS, clientFor, freshProducts, ok, until } from '../support/helpers.js';

const client = clientFor(TOKENS.complainantA);

/** A picture complaint whose original is the first product's own listing picture, and a second, unrelated product. */
async function pictureComplaint() {
  const [copied, other] = await freshProducts(client, 2);
  const picture = await fetch(client.pictures!.url(`/v1/products/${copied!.id}/pictures/0`));
  expect(picture.status).to.equal(200);
  const original = await ok(
    client.evidence.upload(new File([await picture.blob()], 'our-original.jpg', { type: 'image/jpeg' })),
  );
  const draft = {
    type: 'picture_embezzlement',
    productLinks: [other!.url, copied!.url],
    description: 'Our product photo is used in these listings.',
    contact: { name: 'Lin Mei', email: 'lin.mei@aurora.example', phone: '+86 20 1234 5678' },
    discloseContactToSupplier: false,
    isIprHolder: true,
    holder: null,
    evidence: [{ id: original.id, original: true }],
    declaration: { goodFaith: true, accurate: true, authorised: true, version: '2026-11' },
  };
  const complaint = await ok(
    client.complaints.create(draft, { idempotencyKey: crypto.randomUUID(), evidence: [original] }),
  );
  return { complaint, copied: copied!, other: other! };
}

describe('<ipr-complaint-detail> picture matches', () => {
  it('shows each product beside its best original, the band and the distance, strongest first', async () => {
    const { complaint, copied, other } = await pictureComplaint();
    const el = await fixture<IprComplaintDetail>(
      html`<ipr-complaint-detail .client=${client} complaint-id=${complaint.id}></ipr-complaint-detail>`,
    );
    const section = await until(() => el.shadowRoot!.querySelector('[part=pictures]'), 15000, 'the picture matches');
    const items = [...section.querySelectorAll<HTMLElement>('.match')];
    expect(items.map((i) => i.dataset.product)).to.deep.equal([copied.id, other.id]);
    expect(items[0]!.dataset.band).to.equal('likely_same');
    expect(items[0]!.textContent).to.contain('0 of 64 bits differ');
    expect(items[1]!.dataset.band).to.not.equal('likely_same');
    const [listing, original] = [...items[0]!.querySelectorAll('img')];
    expect(original!.src).to.match(/^data:image\/jpeg;base64,/);
    await until(() => (listing!.complete && listing!.naturalWidth > 0 ? listing : null), 8000, 'the listing thumbnail');
    expect(listing!.naturalWidth).to.equal(96);
    await expect(el).to.be.accessible();
  });
});
