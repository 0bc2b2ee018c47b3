import { expect, fixture, html, oneEvent, fixtureCleanup } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { IprEvidencePicker, IprHolderProfiles } from '../../src/index.js';
import { TOKENS, choose, clientFor, deep, deepAll, ok, text, type, until, uploadPdf } from '../support/helpers.js';
import { dayFromToday, later, makeProfile, profilesOf } from '../support/profiles.js';

const client = clientFor(TOKENS.complainantA);

async function makeList(opts: { now?: Date; locale?: string } = {}) {
  const el = await fixture<IprHolderProfiles>(
    html`<ipr-holder-profiles .client=${client} .now=${opts.now} locale=${opts.locale ?? 'en'}></ipr-holder-profiles>`,
  );
  await until(() => el.shadowRoot!.querySelector('ul.profiles, p.hint'), 8000, 'the profiles');
  await el.updateComplete;
  return el;
}

const row = (el: IprHolderProfiles, id: string) => deep(el, `li.profile[data-id="${id}"]`);

describe('<ipr-holder-profiles>', () => {
  afterEach(() => fixtureCleanup());

  it('renders the saved profiles with no axe violations', async () => {
    const profile = await makeProfile(client, 'Axe Holder Ltd', dayFromToday(200));
    const el = await makeList();
    expect(text(row(el, profile.id).querySelector('.label'))).to.equal('Axe Holder Ltd');
    await expect(el).to.be.accessible();
  });

  it("badges each power-of-attorney state with the rule of the validators, at the element's clock", async () => {
    const soon = await makeProfile(client, 'Soon Expiring GmbH', dayFromToday(10));
    const none = await makeProfile(client, 'No Date Co', null);
    const far = await makeProfile(client, 'Far Future Inc', dayFromToday(400));
    const today = await makeList();
    const badge = (el: IprHolderProfiles, id: string) => row(el, id).querySelector<HTMLElement>('[part=badge]')!;
    expect(badge(today, soon.id).dataset.state).to.equal('expiring');
    expect(text(badge(today, soon.id))).to.contain('Expires in 10 days');
    expect(badge(today, none.id).dataset.state).to.equal('none');
    expect(text(badge(today, none.id))).to.contain('No expiry date');
    expect(badge(today, far.id).dataset.state).to.equal('valid');
    expect(text(badge(today, far.id))).to.contain('Valid until');
    // Forty days on: the first one has expired, the far one is still valid.
    const later40 = await makeList({ now: later(40) });
    expect(badge(later40, soon.id).dataset.state).to.equal('expired');
    expect(text(badge(later40, soon.id))).to.contain('Expired on');
    expect(row(later40, soon.id).dataset.state).to.equal('expired');
    expect(badge(later40, far.id).dataset.state).to.equal('valid');
    await expect(later40).to.be.accessible();
    const zh = await makeList({ now: later(40), locale: 'zh-CN' });
    expect(text(badge(zh, soon.id))).to.contain('过期');
  });

  it('adds a profile through its form: errors in place first, then saved and listed (ipr-profile-saved)', async () => {
    const el = await makeList();
    deep<HTMLButtonElement>(el, 'button.new').click();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('p-label');
    deep<HTMLFormElement>(el, 'form.editor').requestSubmit();
    await until(() => text(deep(el, '#err-holder-name')), 4000, 'the inline errors');
    expect(text(deep(el, '#err-holder-name'))).to.not.equal('');
    expect(deep(el, '#p-name').getAttribute('aria-invalid')).to.equal('true');
    type(deep<HTMLInputElement>(el, '#p-label'), 'Aurora (Shenzhen branch)');
    type(deep<HTMLInputElement>(el, '#p-name'), 'Aurora Lighting Shenzhen Co., Ltd.');
    choose(deep<HTMLSelectElement>(el, '#p-identificationType'), 'business_registration');
    type(deep<HTMLInputElement>(el, '#p-identificationNumber'), '91440300MA5F111111');
    type(deep<HTMLInputElement>(el, '#p-powerOfAttorneyExpiresAt'), dayFromToday(90));
    await el.updateComplete;
    const [licence, poa] = [await uploadPdf(client, 'sz-licence.pdf'), await uploadPdf(client, 'sz-poa.pdf')];
    for (const [key, doc] of [
      ['holder.identificationAttachments', licence],
      ['holder.powerOfAttorney', poa],
    ] as const) {
      const picker = deep<IprEvidencePicker>(el, `ipr-evidence-picker[data-key="${key}"]`);
      picker.descriptors = [doc];
      picker.value = [{ id: doc.id }];
      picker.dispatchEvent(new Event('change'));
    }
    await el.updateComplete;
    const saved = oneEvent(el, 'ipr-profile-saved');
    deep<HTMLButtonElement>(el, 'form.editor button.save').click();
    const event = await saved;
    expect(event.detail.created).to.equal(true);
    expect(event.detail.profile.label).to.equal('Aurora (Shenzhen branch)');
    expect(event.detail.profile.holder.powerOfAttorney).to.deep.equal([poa.id]);
    await until(
      () => el.shadowRoot!.querySelector(`li.profile[data-id="${event.detail.profile.id}"]`),
      8000,
      'the new profile in the list',
    );
    expect(text(deep(el, '.status'))).to.contain('Saved');
    const stored = await ok(profilesOf(client).list());
    expect(stored.items.map((p) => p.id)).to.include(event.detail.profile.id);
  });

  it('refuses to save an expired power of attorney, in place', async () => {
    const profile = await makeProfile(client, 'Lapsing Ltd', dayFromToday(5));
    const el = await makeList();
    row(el, profile.id).querySelector<HTMLButtonElement>('button.edit')!.click();
    await el.updateComplete;
    type(deep<HTMLInputElement>(el, '#p-powerOfAttorneyExpiresAt'), dayFromToday(-3));
    deep<HTMLFormElement>(el, 'form.editor').requestSubmit();
    await until(() => text(deep(el, '#err-holder-powerOfAttorneyExpiresAt')), 4000, 'the expiry error');
    expect(text(deep(el, '#err-holder-powerOfAttorneyExpiresAt'))).to.match(/expired/i);
  });

  it('edits a profile (ipr-profile-saved, created: false)', async () => {
    const profile = await makeProfile(client, 'Rename Me Ltd', dayFromToday(120));
    const el = await makeList();
    const edit = row(el, profile.id).querySelector<HTMLButtonElement>('button.edit')!;
    expect(edit.getAttribute('aria-label')).to.equal('Edit Rename Me Ltd');
    edit.click();
    await el.updateComplete;
    expect(deep<HTMLInputElement>(el, '#p-name').value).to.equal('Rename Me Ltd');
    type(deep<HTMLInputElement>(el, '#p-label'), 'Renamed Ltd');
    const saved = oneEvent(el, 'ipr-profile-saved');
    deep<HTMLFormElement>(el, 'form.editor').requestSubmit();
    const event = await saved;
    expect(event.detail.created).to.equal(false);
    expect(event.detail.profile.id).to.equal(profile.id);
    await until(() => text(row(el, profile.id).querySelector('.label')) === 'Renamed Ltd', 8000, 'the renamed profile');
    expect(el.shadowRoot!.activeElement).to.equal(row(el, profile.id).querySelector('button.edit'));
  });

  it('deletes after a confirmation, with the keyboard; Escape keeps it (ipr-profile-deleted)', async () => {
    const profile = await makeProfile(client, 'Delete Me Ltd', dayFromToday(60));
    const el = await makeList();
    const del = row(el, profile.id).querySelector<HTMLButtonElement>('button.delete')!;
    del.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const dialog = deep<HTMLDialogElement>(el, 'dialog.confirm');
    await until(() => dialog.open, 2000, 'the confirmation');
    expect(text(dialog.querySelector('h3'))).to.contain('Delete Me Ltd');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(del);
    expect(el.profiles.map((p) => p.id)).to.include(profile.id);
    // Again, and confirm.
    await sendKeys({ press: 'Enter' });
    await until(() => dialog.open, 2000, 'the confirmation');
    const deleted = oneEvent(el, 'ipr-profile-deleted');
    dialog.querySelector<HTMLButtonElement>('button.confirm-delete')!.focus();
    await sendKeys({ press: 'Enter' });
    const event = await deleted;
    expect(event.detail.id).to.equal(profile.id);
    await until(() => !el.shadowRoot!.querySelector(`li.profile[data-id="${profile.id}"]`), 8000, 'the profile gone');
    expect(text(deep(el, '.status'))).to.contain('Deleted');
    const stored = await ok(profilesOf(client).list());
    expect(stored.items.map((p) => p.id)).to.not.include(profile.id);
  });

  it("never shows another account's profiles", async () => {
    const mine = await makeProfile(client, 'Only A Ltd', null);
    const el = await fixture<IprHolderProfiles>(
      html`<ipr-holder-profiles .client=${clientFor(TOKENS.complainantB)}></ipr-holder-profiles>`,
    );
    await until(() => el.shadowRoot!.querySelector('ul.profiles, p.hint'), 8000, 'the profiles');
    expect(el.shadowRoot!.querySelector(`li.profile[data-id="${mine.id}"]`)).to.equal(null);
    expect(deepAll(el, 'li.profile').length).to.equal(el.profiles.length);
  });
});
