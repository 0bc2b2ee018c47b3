import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { issue } from '@ipr/validators';
import { dateFormatter, formatDate, issueMessage } from '../../src/i18n/index.js';
import {
  type IprComplaintList,
  type IprWebhooks,
  overrideMessages,
  registerLocale,
  resolveUiLocale,
} from '../../src/index.js';
import { clientFor, TOKENS, until } from '../support/helpers.js';

// A list without a client shows the `noClient` text: a string every locale has.
const shown = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const bg = (el: Element) => getComputedStyle(el).backgroundColor;

describe('a host adds a locale and overrides strings', () => {
  it('a third locale shows its strings and falls back to English for the rest', async () => {
    registerLocale('fr', { noClient: 'Non connecté : indiquez api-base.', statuses: { submitted: 'Déposée' } });
    const el = await fixture<IprComplaintList>(html`<ipr-complaint-list locale="fr"></ipr-complaint-list>`);
    expect(shown(el)).to.contain('Non connecté : indiquez api-base.');
    expect(shown(el)).to.contain('Status', 'left-out strings come from English');
    expect(resolveUiLocale('fr-CA')).to.equal('fr');
    expect(resolveUiLocale('FR')).to.equal('fr');
  });

  it('a locale whose strings load on demand, based on Simplified Chinese', async () => {
    let loads = 0;
    registerLocale(
      'ja',
      async () => {
        loads++;
        return { noClient: '未接続です。' };
      },
      { base: 'zh-CN' },
    );
    const el = await fixture<IprComplaintList>(html`<ipr-complaint-list locale="ja"></ipr-complaint-list>`);
    await el.updateComplete;
    expect(shown(el)).to.contain('未接続です。');
    expect(shown(el)).to.contain('状态', 'left-out strings come from the base (zh-CN)');
    expect(loads).to.equal(1);
  });

  it('elements already on the page switch when a locale is registered or a string overridden', async () => {
    const el = await fixture<IprComplaintList>(html`<ipr-complaint-list locale="es"></ipr-complaint-list>`);
    expect(shown(el)).to.contain('Not connected', 'es is not registered yet: English');
    registerLocale('es', { noClient: 'Sin conexión.' });
    await el.updateComplete;
    expect(shown(el)).to.contain('Sin conexión.');
    const english = await fixture<IprComplaintList>(html`<ipr-complaint-list locale="en"></ipr-complaint-list>`);
    overrideMessages('en', { noClient: 'Sign in to see your complaints.' });
    await english.updateComplete;
    expect(shown(english)).to.contain('Sign in to see your complaints.');
  });

  it("part of a partner element's group: English for the rest (those English strings come with the partner chunk)", async () => {
    registerLocale('it', { webhooks: { title: 'Webhook (it)' } });
    const el = await fixture<IprWebhooks>(
      html`<ipr-webhooks .client=${clientFor(TOKENS.complainantB)} locale="it"></ipr-webhooks>`,
    );
    await until(() => el.shadowRoot!.querySelector('ul.endpoints, p.hint'), 8000, 'the endpoints');
    expect(shown(el)).to.contain('Webhook (it)');
    expect(shown(el)).to.contain('Add endpoint', 'the strings it leaves out come from English');
  });

  it('issue messages of a registered locale, with placeholders filled', () => {
    registerLocale('de', {}, { issues: { 'field.too_long': '{field}: höchstens {limit} Zeichen.' } });
    const tooLong = issue('field.too_long', ['description'], { limit: 5000 });
    expect(issueMessage(tooLong, 'de')).to.equal('Description: höchstens 5000 Zeichen.');
    expect(issueMessage(issue('field.required', ['description']), 'de')).to.equal(
      'Description is required.',
      'a code it leaves out reads as in its base',
    );
  });

  it('zh-TW and zh-HK read Simplified Chinese unless a host registers them', async () => {
    for (const tag of ['zh-TW', 'zh-HK', 'zh-Hant']) {
      const el = await fixture<IprComplaintList>(html`<ipr-complaint-list locale=${tag}></ipr-complaint-list>`);
      await el.updateComplete;
      expect(shown(el), tag).to.contain('未连接');
    }
    registerLocale('zh-TW', { noClient: '未連線：請設定 api-base。' }, { base: 'zh-CN' });
    const tw = await fixture<IprComplaintList>(html`<ipr-complaint-list locale="zh-TW"></ipr-complaint-list>`);
    await tw.updateComplete;
    expect(shown(tw)).to.contain('未連線');
  });
});

describe('<ipr-provider theme>', () => {
  it("flows down to the elements inside; an element's own theme wins", async () => {
    const provider = await fixture(html`<ipr-provider theme="dark">
      <ipr-complaint-list id="inherits"></ipr-complaint-list>
      <ipr-complaint-list id="own" theme="light"></ipr-complaint-list>
    </ipr-provider>`);
    const inherits = provider.querySelector<IprComplaintList>('#inherits')!;
    const own = provider.querySelector<IprComplaintList>('#own')!;
    await inherits.updateComplete;
    await own.updateComplete;
    expect(bg(inherits)).to.equal('rgb(20, 23, 31)');
    expect(bg(own)).to.equal('rgb(255, 255, 255)');
    provider.setAttribute('theme', 'light');
    await (provider as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    await inherits.updateComplete;
    expect(bg(inherits)).to.equal('rgb(255, 255, 255)');
  });
});

describe('dates', () => {
  it("are written as the locale writes them, by one formatter per locale and style (made once: a list's screen of rows made one per date)", () => {
    const at = '2026-03-04T05:06:00Z';
    expect(formatDate(at, 'en', true)).to.equal(
      new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at)),
    );
    expect(formatDate(at, 'zh-CN')).to.equal(
      new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium' }).format(new Date(at)),
    );
    expect(formatDate('not a date', 'en')).to.equal('not a date');
    expect(formatDate(null, 'en')).to.equal('');
    expect(dateFormatter('en', 'date')).to.equal(dateFormatter('en', 'date'));
    expect(dateFormatter('en', 'date')).not.to.equal(dateFormatter('en', 'dateTime'));
    expect(dateFormatter('en', 'date')).not.to.equal(dateFormatter('zh-CN', 'date'));
    // A calendar day is read in UTC: the first of January stays the first wherever the browser is.
    expect(dateFormatter('en', 'utcDay').format(new Date('2026-01-01T00:00:00Z'))).to.match(/Jan 1, 2026/);
  });
});
