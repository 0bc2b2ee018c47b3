import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { IprProvider, IprComplaintDetail } from '../../src/index.js';
import { TOKENS, clientFor, deep, fileComplaint, text, until } from '../support/helpers.js';

describe('<ipr-provider>', () => {
  it('renders its children and has no axe violations', async () => {
    const el = await fixture<IprProvider>(
      html`<ipr-provider api-base=${location.origin} token=${TOKENS.complainantA}><p>inside</p></ipr-provider>`,
    );
    expect(el.currentClient).to.exist;
    await expect(el).to.be.accessible();
  });

  it('hands its client and locale to the elements inside by context', async () => {
    const complaint = await fileComplaint(clientFor(TOKENS.complainantA));
    const el =
      await fixture<IprProvider>(html`<ipr-provider api-base=${location.origin} token=${TOKENS.complainantA} locale="zh-CN">
      <ipr-complaint-detail complaint-id=${complaint.id}></ipr-complaint-detail>
    </ipr-provider>`);
    const detail = el.querySelector<IprComplaintDetail>('ipr-complaint-detail')!;
    await until(() => detail.shadowRoot?.querySelector('h2'), 8000, 'the detail to load');
    await detail.updateComplete;
    expect(text(deep(detail, 'h2'))).to.equal(complaint.number);
    expect(text(deep(detail, '#history-h'))).to.equal('处理记录');
    el.locale = 'en';
    await el.updateComplete;
    await detail.updateComplete;
    expect(text(deep(detail, '#history-h'))).to.equal('History');
  });

  it('takes a getToken callback', async () => {
    let calls = 0;
    const el = await fixture<IprProvider>(
      html`<ipr-provider api-base=${location.origin} .getToken=${() => {
        calls++;
        return TOKENS.complainantB;
      }}></ipr-provider>`,
    );
    const account = await el.currentClient!.account.get();
    expect(account.data?.id).to.equal('acc_complainant_b');
    expect(calls).to.be.greaterThan(0);
  });
});
