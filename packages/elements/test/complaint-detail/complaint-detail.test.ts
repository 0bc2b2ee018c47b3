import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { IprComplaintDetail } from '../../src/index.js';
import { emulateMedia } from '@web/test-runner-commands';
import { DECLARATION_VERSION, receiptText } from '@ipr/validators';
import {
  TOKENS,
  clientFor,
  deep,
  deepAll,
  fileComplaint,
  freshProducts,
  ok,
  pdfFile,
  text,
  toSupplierResponded,
  tokenOf,
  until,
} from '../support/helpers.js';
import { captureDownloads } from '../support/downloads.js';

const client = clientFor(TOKENS.complainantA);

async function open(id: string, c = client) {
  const el = await fixture<IprComplaintDetail>(
    html`<ipr-complaint-detail .client=${c} complaint-id=${id}></ipr-complaint-detail>`,
  );
  await until(() => el.shadowRoot!.querySelector('[part=header], [role=alert]'), 8000, 'the complaint');
  await el.updateComplete;
  return el;
}

describe('<ipr-complaint-detail>', () => {
  it('renders with no axe violations', async () => {
    const complaint = await fileComplaint(client);
    const el = await open(complaint.id);
    expect(text(deep(el, 'h2'))).to.equal(complaint.number);
    await expect(el).to.be.accessible();
  });

  it('shows the history of transitions with who and when', async () => {
    const complaint = await toSupplierResponded(await fileComplaint(client));
    const el = await open(complaint.id);
    const items = deepAll(el, 'ol.history li');
    expect(items.map((li) => li.dataset.action)).to.deep.equal(['create', 'forward_to_supplier', 'respond']);
    expect(text(items[1])).to.contain('Platform IPR review team');
    expect(text(deep(el, '.status'))).to.equal('Supplier responded');
  });

  it('"Check now" updates the per-product status and fires ipr-complaint-action', async () => {
    const complaint = await toSupplierResponded(await fileComplaint(client), 'not_infringing');
    const el = await open(complaint.id);
    expect(deep(el, '.product-status').dataset.status).to.equal('pending');
    setTimeout(() => deep<HTMLButtonElement>(el, 'button[data-action=check]').click());
    const event = await oneEvent(el, 'ipr-complaint-action');
    expect(event.detail.action).to.equal('check');
    await el.updateComplete;
    expect(deep(el, '.product-status').dataset.status).to.equal('declared_non_infringing');
    expect(text(deep(el, '.product-status'))).to.equal('Declared non-infringing');
  });

  it('shows the arbitration result notice', async () => {
    const complaint = await toSupplierResponded(await fileComplaint(client));
    await ok(client.complaints.act(complaint.id, 'request_arbitration', { reason: 'Still for sale.' }));
    await ok(
      clientFor(TOKENS.platform).complaints.act(complaint.id, 'issue_result', {
        decision: 'upheld',
        notice: 'The listings were removed.',
      }),
    );
    const el = await open(complaint.id);
    const notice = deep(el, '[part=arbitration]');
    expect(text(notice)).to.contain('Upheld');
    expect(text(notice)).to.contain('The listings were removed.');
    expect(deepAll(el, 'button[data-action]')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('confirm and close asks first and changes the status', async () => {
    const complaint = await toSupplierResponded(await fileComplaint(client));
    const el = await open(complaint.id);
    deep<HTMLButtonElement>(el, 'button[data-action=confirm_close]').click();
    const dialog = await until(
      () => el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.action[open]'),
      4000,
      'the dialog',
    );
    setTimeout(() => dialog.querySelector<HTMLButtonElement>('button.confirm')!.click());
    const event = await oneEvent(el, 'ipr-complaint-action');
    expect(event.detail.complaint.status).to.equal('closed');
    await el.updateComplete;
    expect(text(deep(el, '.status'))).to.equal('Closed');
  });

  it('keeps XSS payloads as text', async () => {
    const payload = '<img src=x onerror=alert(1)>';
    const hostile = (await ok(client.products.search({ q: 'Hostile' }))).items.filter((p) => p.name.includes(payload));
    expect(hostile).to.have.length(1);
    const complaint = await fileComplaint(client, { description: `Look: ${payload}` }, hostile);
    let alerted = false;
    const original = window.alert;
    window.alert = () => {
      alerted = true;
    };
    try {
      const el = await open(complaint.id);
      expect(text(deep(el, '.description'))).to.contain(payload);
      expect(el.shadowRoot!.querySelector('.description img')).to.equal(null);
      expect(text(deep(el, '[part=products] .name'))).to.equal(`${payload} Hostile widget`);
      expect(el.shadowRoot!.querySelectorAll('img').length).to.equal(0);
      await new Promise((r) => setTimeout(r, 50));
      expect(alerted).to.equal(false);
    } finally {
      window.alert = original;
    }
  });

  it('works alone with api-base and token attributes', async () => {
    const complaint = await fileComplaint(client);
    const el = await fixture<IprComplaintDetail>(
      html`<ipr-complaint-detail api-base=${location.origin} token=${TOKENS.complainantA} complaint-id=${complaint.id}></ipr-complaint-detail>`,
    );
    await until(() => el.shadowRoot!.querySelector('[part=header]'), 8000, 'the complaint');
    expect(text(deep(el, 'h2'))).to.equal(complaint.number);
  });

  it('shows "not found" for a complaint of another complainant', async () => {
    const other = await fileComplaint(clientFor(TOKENS.complainantB));
    const el = await open(other.id);
    expect(text(deep(el, '[role=alert]'))).to.contain('Not found');
  });
});

describe('<ipr-complaint-detail> receipt', () => {
  it('shows the receipt as text: number, time, declaration version, products and evidence with SHA-256', async () => {
    const payload = '<img src=x onerror=alert(1)>';
    const evidence = await ok(client.evidence.upload(pdfFile(`${payload}.pdf`)));
    const [product] = await freshProducts(client, 1);
    const complaint = await ok(
      client.complaints.create(
        {
          type: 'trademark_infringement',
          productLinks: [product!.url],
          description: 'Counterfeit goods.',
          contact: { name: 'Lin Mei', email: 'lin.mei@aurora.example', phone: '+86 20 1234 5678' },
          discloseContactToSupplier: false,
          isIprHolder: true,
          holder: null,
          evidence: [{ id: evidence.id }],
          declaration: { goodFaith: true, accurate: true, authorised: true, version: DECLARATION_VERSION },
        },
        { idempotencyKey: crypto.randomUUID(), evidence: [evidence] },
      ),
    );
    const receipt = (await ok(client.complaints.get(complaint.id))).receipt!;
    expect(receipt).to.exist;
    const el = await open(complaint.id);
    const section = deep(el, '[part=receipt]');
    expect(text(section.querySelector('.receipt-number'))).to.equal(receipt.number);
    expect(text(section.querySelector('.receipt-declaration'))).to.equal(receipt.declarationVersion);
    expect(section.querySelector('time')!.getAttribute('datetime')).to.equal(receipt.submittedAt);
    expect([...section.querySelectorAll('.receipt-products li')].map((li) => text(li))).to.deep.equal(
      receipt.products.map((p) => p.url),
    );
    const items = [...section.querySelectorAll<HTMLElement>('.receipt-evidence li')];
    expect(items.map((li) => text(li.querySelector('.name')))).to.deep.equal(receipt.evidence.map((e) => e.name));
    expect(items.map((li) => text(li.querySelector('.sha256')))).to.deep.equal(receipt.evidence.map((e) => e.sha256));
    expect(receipt.evidence.some((e) => e.name.includes(payload))).to.equal(true);
    expect(section.querySelectorAll('img')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('"Download receipt" saves receiptText of the locale as a .txt file', async () => {
    const complaint = await fileComplaint(client);
    const receipt = (await ok(client.complaints.get(complaint.id))).receipt!;
    for (const locale of ['en', 'zh-CN'] as const) {
      const downloads = captureDownloads();
      try {
        const el = await fixture<IprComplaintDetail>(
          html`<ipr-complaint-detail .client=${client} locale=${locale} complaint-id=${complaint.id}></ipr-complaint-detail>`,
        );
        const button = await until(
          () => el.shadowRoot!.querySelector<HTMLButtonElement>('button.download-receipt'),
          8000,
          'the download button',
        );
        expect(text(button)).to.equal(locale === 'en' ? 'Download receipt' : '下载回执');
        button.click();
        expect(downloads.files).to.have.length(1);
        expect(downloads.files[0]!.name).to.equal(`${receipt.number}-receipt.txt`);
        expect(downloads.files[0]!.blob.type).to.contain('text/plain');
        expect(await downloads.files[0]!.blob.text()).to.equal(receiptText(receipt, locale));
      } finally {
        downloads.restore();
      }
    }
  });

  it('"Print receipt" prints only the receipt', async () => {
    const complaint = await fileComplaint(client);
    const el = await open(complaint.id);
    const original = window.print;
    let printedWith: { attr: boolean; headerShown: boolean; receiptShown: boolean } | undefined;
    await emulateMedia({ media: 'print' });
    try {
      window.print = () => {
        printedWith = {
          attr: el.hasAttribute('printing-receipt'),
          headerShown: getComputedStyle(deep(el, '[part=header]')).display !== 'none',
          receiptShown: getComputedStyle(deep(el, '[part=receipt]')).display !== 'none',
        };
      };
      deep<HTMLButtonElement>(el, 'button.print-receipt').click();
      expect(printedWith).to.deep.equal({ attr: true, headerShown: false, receiptShown: true });
      await new Promise((r) => setTimeout(r, 10));
      expect(el.hasAttribute('printing-receipt')).to.equal(false);
      // Printing the page otherwise: the whole complaint, without the buttons.
      expect(getComputedStyle(deep(el, '[part=header]')).display).to.not.equal('none');
      expect(getComputedStyle(deep(el, '[part=receipt] .no-print')).display).to.equal('none');
    } finally {
      window.print = original;
      await emulateMedia({ media: 'screen' });
    }
  });

  it('a supplier gets no receipt', async () => {
    const complaint = await fileComplaint(client);
    await ok(clientFor(TOKENS.platform).complaints.act(complaint.id, 'forward_to_supplier'));
    const el = await open(complaint.id, clientFor(tokenOf(complaint.products[0]!.supplierId)));
    expect(el.complaint!.receipt).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part=receipt]')).to.equal(null);
  });
});

describe('<ipr-complaint-detail> refused transition', () => {
  for (const [locale, expected] of [
    ['en', '"Cancel complaint" is not possible while the complaint is "Cancelled".'],
    ['zh-CN', '投诉状态为“已撤销”，不能执行“撤销投诉”。'],
  ] as const) {
    it(`names the status and the action by their labels (${locale})`, async () => {
      const complaint = await fileComplaint(client);
      const el = await fixture<IprComplaintDetail>(
        html`<ipr-complaint-detail .client=${client} locale=${locale} live="false" complaint-id=${complaint.id}></ipr-complaint-detail>`,
      );
      const cancel = await until(
        () => el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action=cancel]'),
        8000,
        'the cancel button',
      );
      // Meanwhile it is cancelled in another tab (this view is not live, so it still offers Cancel).
      await ok(clientFor(TOKENS.complainantA).complaints.act(complaint.id, 'cancel', {}));
      cancel.click();
      const dialog = await until(
        () => el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.action[open]'),
        4000,
        'the dialog',
      );
      dialog.querySelector<HTMLButtonElement>('button.confirm')!.click();
      const alert = await until(() => dialog.querySelector('[role=alert]'), 8000, 'the refusal');
      expect(text(alert)).to.equal(expected);
      expect(text(alert)).to.not.match(/cancelled\b|\bcancel\b/);
    });
  }
});
