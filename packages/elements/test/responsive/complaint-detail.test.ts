import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../src/define.js';
import type { IprComplaintDetail } from '../../src/index.js';
import type { IprClient } from '../../src/api.js';
import type { Complaint } from '@ipr/validators';
import {
  TOKENS,
  clientFor,
  fileComplaint,
  freshProducts,
  ok,
  toSupplierResponded,
  tokenOf,
  until,
} from '../support/helpers.js';
import { assertUncut, pathOf, sweep, wideWindow } from './layout.js';

const complainant = clientFor(TOKENS.complainantA);
const platform = clientFor(TOKENS.platform);

/** Long words and a long address: what made values wrap three letters per line. */
const LONG = {
  description:
    'Copies of our registered AURORA desk lamp are sold with our product photos and manual; see https://brand.example/registrations/aurora-desk-lamp-2024-certificate-number-0001234567 for the registration.',
  contact: {
    name: 'Lin Mei',
    email: 'lin.mei.intellectual-property-department@aurora-lighting-holdings.example',
    phone: '+86 20 1234 5678',
    company: 'Aurora Lighting Holdings (Guangzhou) Co., Ltd.',
  },
  discloseContactToSupplier: true,
};

async function open(client: IprClient, complaint: Complaint) {
  const frame = await fixture<HTMLDivElement>(
    html`<div style="width: 320px"><ipr-complaint-detail .client=${client} complaint-id=${complaint.id}></ipr-complaint-detail></div>`,
  );
  const el = frame.querySelector<IprComplaintDetail>('ipr-complaint-detail')!;
  await until(() => el.shadowRoot!.querySelector('[part=header]'), 8000, 'the complaint');
  await el.updateComplete;
  return el;
}

/** Labels over values when narrow, beside them when wide; values and products never squeezed. */
function checkDetail(el: IprComplaintDetail, where: string, width: number) {
  const root = el.shadowRoot!;
  const host = el.getBoundingClientRect();
  const narrow = width < 600;
  for (const dd of root.querySelectorAll<HTMLElement>('.view > dl > dd')) {
    const dt = dd.previousElementSibling!;
    const [a, b] = [dt.getBoundingClientRect(), dd.getBoundingClientRect()];
    expect(narrow ? b.top >= a.bottom - 0.5 : Math.abs(b.top - a.top) < 2, `${where}: ${pathOf(dd)} stacked: ${narrow}`)
      .to.be.true;
    expect(b.width, `${where}: ${pathOf(dd)} is ${b.width}px of ${host.width}`).to.be.at.least(host.width * 0.5);
  }
  for (const row of root.querySelectorAll<HTMLElement>('table[part=products] tbody tr')) {
    const name = row.querySelector('td')!.getBoundingClientRect();
    expect(name.width, `${where}: the product cell is ${name.width}px`).to.be.at.least(
      narrow ? host.width * 0.8 : host.width * 0.3,
    );
    expect(getComputedStyle(row).display, `${where}: products as stacked rows`).to.equal(
      narrow ? 'block' : 'table-row',
    );
  }
  assertUncut(el, root.querySelectorAll('.badge, button'), where);
}

describe('responsive <ipr-complaint-detail>', () => {
  before(() => wideWindow());
  afterEach(() => fixtureCleanup());

  it('as the complainant: four actions, the products, the receipt', async () => {
    const products = await freshProducts(complainant, 2);
    const complaint = await toSupplierResponded(
      await fileComplaint(complainant, { ...LONG, type: 'copyright_infringement' }, products),
      'not_infringing',
    );
    const el = await open(complainant, complaint);
    await sweep(el, {
      name: 'complaint-detail-complainant',
      axe: true,
      // Four lifecycle actions, print and download the receipt.
      minButtons: 6,
      check: (where, width) => checkDetail(el, where, width),
    });
  });

  it('as the supplier: the per-product answer form', async () => {
    const products = await freshProducts(complainant, 2);
    const complaint = await fileComplaint(complainant, LONG, products);
    await ok(platform.complaints.act(complaint.id, 'forward_to_supplier'));
    const el = await open(clientFor(tokenOf(products[0]!.supplierId)), complaint);
    await until(() => el.shadowRoot!.querySelector('form.respond'), 8000, 'the response form');
    await sweep(el, {
      name: 'complaint-detail-supplier',
      axe: true,
      minButtons: 1,
      check: (where, width) => checkDetail(el, where, width),
    });
  });

  it('as the platform: the arbitration and its result', async () => {
    const complaint = await toSupplierResponded(await fileComplaint(complainant, LONG));
    await ok(complainant.complaints.act(complaint.id, 'request_arbitration', { reason: LONG.description }));
    const el = await open(platform, complaint);
    await until(() => el.shadowRoot!.querySelector('button[data-action=issue_result]'), 8000, 'issue result');
    await sweep(el, {
      name: 'complaint-detail-platform',
      axe: true,
      minButtons: 1,
      check: (where, width) => checkDetail(el, where, width),
    });
  });
});
