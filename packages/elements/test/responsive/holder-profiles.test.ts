import { fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../src/define.js';
import type { IprHolderProfiles, IprProvider } from '../../src/index.js';
import { TOKENS, clientFor, until } from '../support/helpers.js';
import { dayFromToday, makeProfile } from '../support/profiles.js';
import { settle, sweep, wideWindow } from './layout.js';

const client = clientFor(TOKENS.complainantA);

describe('responsive <ipr-holder-profiles>', () => {
  before(() => wideWindow());
  afterEach(() => fixtureCleanup());

  it('fits 320–1280 px: the saved profiles, then the editor with its attachment pickers (locale from <ipr-provider>)', async () => {
    await makeProfile(client, 'Aurora Lighting Holdings (Guangzhou) International Trading Co., Ltd.', dayFromToday(12));
    await makeProfile(client, 'Brightstone Toys GmbH', null);
    const frame = await fixture<HTMLDivElement>(
      html`<div style="width: 320px"><ipr-provider .client=${client}><ipr-holder-profiles></ipr-holder-profiles></ipr-provider></div>`,
    );
    const provider = frame.querySelector<IprProvider>('ipr-provider')!;
    const el = frame.querySelector<IprHolderProfiles>('ipr-holder-profiles')!;
    await until(() => el.shadowRoot!.querySelector('ul.profiles'), 8000, 'the profiles');
    await el.updateComplete;
    // Add, and edit and delete for each profile.
    await sweep(el, { name: 'holder-profiles', localeTarget: provider, axe: true, minButtons: 5 });

    el.shadowRoot!.querySelector<HTMLButtonElement>('button.new')!.click();
    await until(() => el.shadowRoot!.querySelector('form.editor'), 4000, 'the editor');
    await settle(el);
    await sweep(el, { name: 'holder-profiles-editor', localeTarget: provider, axe: true, minButtons: 7 });
  });
});
