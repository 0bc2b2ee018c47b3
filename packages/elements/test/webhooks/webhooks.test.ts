import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../src/define.js';
import type { IprTransparencyReport, IprWebhooks } from '../../src/index.js';
import { clientFor, deep, deepAll, ok, text, TOKENS, until } from '../support/helpers.js';

const complainant = clientFor(TOKENS.complainantB);
const platform = clientFor(TOKENS.platform);

async function makeWebhooks(locale = 'en') {
  const el = await fixture<IprWebhooks>(html`<ipr-webhooks .client=${complainant} locale=${locale}></ipr-webhooks>`);
  await until(() => el.shadowRoot!.querySelector('ul.endpoints, p.hint'), 8000, 'the endpoints');
  await el.updateComplete;
  return el;
}

function typeInto(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

describe('<ipr-webhooks>', () => {
  afterEach(() => fixtureCleanup());

  it('adds an endpoint: the secret shown once, then listed; no axe violations', async () => {
    const el = await makeWebhooks();
    await expect(el).to.be.accessible();
    typeInto(deep<HTMLInputElement>(el, '#wh-url'), 'https://crm.partner.example/hooks/ipr');
    deepAll<HTMLInputElement>(el, 'fieldset input[type=checkbox]')[0]!.click();
    deep<HTMLFormElement>(el, 'form.add').requestSubmit();
    await until(() => el.shadowRoot!.querySelector('.secret code'), 8000, 'the secret');
    expect(text(deep(el, '.secret code'))).to.match(/^whsec_/);
    await until(() => el.endpoints.some((e) => e.url === 'https://crm.partner.example/hooks/ipr'), 8000, 'listed');
    await el.updateComplete;
    const created = el.endpoints.find((e) => e.url === 'https://crm.partner.example/hooks/ipr')!;
    expect(created.events).to.deep.equal(['complaint.submitted']);
    await expect(el).to.be.accessible();
    // A new element (a reload) never shows the secret again.
    const again = await makeWebhooks();
    expect(again.shadowRoot!.querySelector('.secret')).to.equal(null);
    await ok(complainant.webhooks!.remove(created.id));
  });

  it("a private URL is refused in place, with the server's message, and the field keeps its text", async () => {
    const el = await makeWebhooks();
    const input = deep<HTMLInputElement>(el, '#wh-url');
    typeInto(input, 'https://192.168.1.20/hook');
    deep<HTMLFormElement>(el, 'form.add').requestSubmit();
    await until(() => el.shadowRoot!.querySelector('#wh-error'), 8000, 'the error');
    expect(text(deep(el, '#wh-error'))).to.contain('192.168.1.20');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal('wh-error');
    expect(input.value).to.equal('https://192.168.1.20/hook');
  });

  it("opens an endpoint's delivery log, and removes it after a second click", async () => {
    const endpoint = await ok(complainant.webhooks!.create({ url: 'https://log.partner.example/hook' }));
    const el = await makeWebhooks('zh-CN');
    const row = () => deep(el, `li.endpoint[data-id="${endpoint.id}"]`);
    row().querySelector<HTMLButtonElement>('button.log-toggle')!.click();
    await until(() => row().querySelector('table.log, p.hint'), 8000, 'the log');
    expect(text(row().querySelector('p.hint'))).to.equal('尚无投递。');
    const remove = row().querySelector<HTMLButtonElement>('button.remove')!;
    remove.click();
    await el.updateComplete;
    expect(text(remove)).to.equal('确认删除');
    remove.click();
    await until(() => !el.shadowRoot!.querySelector(`li.endpoint[data-id="${endpoint.id}"]`), 8000, 'removed');
    expect((await complainant.webhooks!.list()).data!.items.some((e) => e.id === endpoint.id)).to.equal(false);
  });

  it('disables and enables an endpoint; a new secret after a second click, shown once with the overlap of the old one', async () => {
    const endpoint = await ok(complainant.webhooks!.create({ url: 'https://rotate.partner.example/hook' }));
    const el = await makeWebhooks();
    // The list re-renders after each change (a moment without rows): look the row up each time.
    const row = () => el.shadowRoot!.querySelector<HTMLElement>(`li.endpoint[data-id="${endpoint.id}"]`)!;
    row().querySelector<HTMLButtonElement>('button.enable')!.click();
    await until(() => row()?.dataset.enabled === 'false', 8000, 'disabled');
    await el.updateComplete;
    expect(text(row().querySelector('.disabled'))).to.contain('Disabled');
    expect(text(row().querySelector('button.enable'))).to.equal('Enable');
    expect((await ok(complainant.webhooks!.list())).items.find((e) => e.id === endpoint.id)!.enabled).to.equal(false);
    row().querySelector<HTMLButtonElement>('button.enable')!.click();
    await until(() => row()?.dataset.enabled === 'true', 8000, 'enabled again');
    await el.updateComplete;
    const rotate = () => row().querySelector<HTMLButtonElement>('button.rotate')!;
    rotate().click();
    await el.updateComplete;
    expect(text(rotate())).to.equal('Replace the secret');
    expect(el.shadowRoot!.querySelector('.secret')).to.equal(null, 'one click changes nothing');
    rotate().click();
    await until(() => el.shadowRoot!.querySelector('.secret code'), 8000, 'the new secret');
    expect(text(deep(el, '.secret code'))).to.match(/^whsec_/);
    expect(text(deep(el, '.secret .hint'))).to.contain('previous secret also signs until');
    await expect(el).to.be.accessible();
    await ok(complainant.webhooks!.remove(endpoint.id));
  });
});

describe('<ipr-transparency-report>', () => {
  afterEach(() => fixtureCleanup());

  it('shows the figures the API answers, with a bar per month; no axe violations', async () => {
    const el = await fixture<IprTransparencyReport>(
      html`<ipr-transparency-report .client=${platform} from="2000-01-01" locale="en"></ipr-transparency-report>`,
    );
    await until(() => el.shadowRoot!.querySelector('.total'), 8000, 'the figures');
    const truth = await ok(platform.transparency!.report({ from: '2000-01-01' }));
    expect(deep(el, '.total').dataset.total).to.equal(String(truth.notices.total));
    expect(deepAll(el, 'svg.chart rect').length).to.equal(truth.notices.byMonth.length);
    expect(deepAll(el, 'table.by-month tbody tr').length).to.equal(truth.notices.byMonth.length);
    expect(deepAll(el, 'table.durations tbody tr').length).to.equal(3);
    await expect(el).to.be.accessible();
  });

  it('a complainant is refused with the shared error view', async () => {
    const el = await fixture<IprTransparencyReport>(
      html`<ipr-transparency-report .client=${complainant} locale="en"></ipr-transparency-report>`,
    );
    await until(() => el.shadowRoot!.querySelector('[part=error]'), 8000, 'the error');
    expect(el.shadowRoot!.querySelector('.total')).to.equal(null);
  });
});
