import { expect, fixture, html, oneEvent, fixtureCleanup } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { IprComplaintForm, IprEvidencePicker, IprProductPicker } from '../../src/index.js';
import type { IprClient } from '../../src/api.js';
import {
  TOKENS,
  check,
  choose,
  clientFor,
  deep,
  deepAll,
  freshProducts,
  ok,
  pdfFile,
  pngFile,
  text,
  type,
  uniqueKey,
  until,
  uploadPdf,
} from '../support/helpers.js';
import { isOpenStatus } from '@ipr/validators';
import { dayFromToday, later, makeProfile, profilesOf } from '../support/profiles.js';

const client = clientFor(TOKENS.complainantA);

async function makeForm(opts: { key?: string; storage?: string; client?: IprClient } = {}) {
  const el =
    await fixture<IprComplaintForm>(html`<ipr-complaint-form .client=${opts.client ?? client} draft-key=${opts.key ?? uniqueKey()}
    draft-storage=${opts.storage ?? 'memory'} large-attachment-email="ipr-evidence@market.example"></ipr-complaint-form>`);
  await el.draftReady;
  await el.updateComplete;
  return el;
}

const picker = (el: IprComplaintForm) => deep<IprProductPicker>(el, 'ipr-product-picker');
const evidencePicker = (el: IprComplaintForm, key = 'evidence') =>
  deep<IprEvidencePicker>(el, `ipr-evidence-picker[data-key="${key}"]`);
const errorOf = (el: IprComplaintForm, key: string) => text(deep(el, `#err-${key.replace(/\./g, '-')}`));

async function next(el: IprComplaintForm) {
  deep<HTMLButtonElement>(el, 'button.next').click();
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
}

/** On the evidence step: a freshly uploaded PDF as the evidence, on to the review step, every declaration ticked. */
async function attachEvidenceAndDeclare(el: IprComplaintForm, name: string) {
  const evidence = await uploadPdf(client, name);
  const ep = evidencePicker(el);
  ep.descriptors = [evidence];
  ep.value = [{ id: evidence.id }];
  ep.dispatchEvent(new Event('change'));
  await el.updateComplete;
  await next(el);
  for (const box of deepAll<HTMLInputElement>(el, 'input[id^=f-decl-]')) box.click();
  await el.updateComplete;
}

/** Fills step 1 with valid data (the complainant is the holder). */
async function fillBasics(el: IprComplaintForm, products = 1) {
  choose(deep<HTMLSelectElement>(el, '#f-type'), 'trademark_infringement');
  await el.updateComplete;
  picker(el).add(await freshProducts(client, products));
  type(deep<HTMLTextAreaElement>(el, '#f-description'), 'They sell copies of our lamp under our brand.');
  await until(() => el.draft.contact.email, 8000, 'the account contact');
  await el.updateComplete;
  check(deep<HTMLInputElement>(el, '#f-holder'));
  await el.updateComplete;
}

describe('<ipr-complaint-form>', () => {
  afterEach(() => fixtureCleanup());

  it('renders step 1 with no axe violations', async () => {
    const el = await makeForm();
    expect(text(deep(el, '#step-heading'))).to.contain('Basic information and products');
    await expect(el).to.be.accessible();
  });

  it('pre-fills the contact from the account; consent unticked by default', async () => {
    const el = await makeForm();
    await until(() => el.draft.contact.name, 8000, 'the account contact');
    await el.updateComplete;
    expect(deep<HTMLInputElement>(el, '#f-contact-name').value).to.equal('Lin Mei');
    expect(deep<HTMLInputElement>(el, '#f-disclose').checked).to.equal(false);
    type(deep<HTMLInputElement>(el, '#f-contact-name'), 'Someone Else');
    await el.updateComplete;
    expect(el.draft.contact.name).to.equal('Someone Else');
  });

  it('shows every step-1 rule inline after "Next", linked by aria-describedby, and announces them', async () => {
    const el = await makeForm();
    expect(errorOf(el, 'type')).to.equal('');
    await next(el);
    expect(el.step).to.equal('basics');
    expect(errorOf(el, 'type')).to.not.equal('');
    expect(errorOf(el, 'description')).to.contain('Description is required');
    expect(text(deep(picker(el), '#links-error'))).to.contain('Add at least one infringing product link');
    expect(errorOf(el, 'holder.name')).to.contain('holder');
    const poa = evidencePicker(el, 'holder.powerOfAttorney');
    expect(text(deep(poa, '#error'))).to.contain('Attach the power of attorney');
    expect(deep(el, '#f-description').getAttribute('aria-describedby')).to.contain('err-description');
    expect(deep(el, '#f-description').getAttribute('aria-invalid')).to.equal('true');
    expect(text(deep(el, '.summary'))).to.match(/problems need your attention/);
    await expect(el).to.be.accessible();
  });

  it('shows an error only after interaction with that field', async () => {
    const el = await makeForm();
    const description = deep<HTMLTextAreaElement>(el, '#f-description');
    description.dispatchEvent(new Event('blur'));
    await el.updateComplete;
    expect(errorOf(el, 'description')).to.contain('Description is required');
    expect(errorOf(el, 'type')).to.equal('');
  });

  it('requires the power of attorney when not the IPR holder, and accepts it once uploaded', async () => {
    const el = await makeForm();
    await fillBasics(el);
    check(deep<HTMLInputElement>(el, '#f-holder'), false);
    await el.updateComplete;
    type(deep<HTMLInputElement>(el, '#f-holder-name'), 'Aurora Lighting Co., Ltd.');
    choose(deep<HTMLSelectElement>(el, '#f-holder-identificationType'), 'business_registration');
    type(deep<HTMLInputElement>(el, '#f-holder-identificationNumber'), '91440101MA5CXXXX');
    await el.updateComplete;
    await evidencePicker(el, 'holder.identificationAttachments').addFiles([pdfFile('licence.pdf')]);
    await next(el);
    expect(el.step).to.equal('basics');
    expect(text(deep(evidencePicker(el, 'holder.powerOfAttorney'), '#error'))).to.contain(
      'Attach the power of attorney',
    );
    await evidencePicker(el, 'holder.powerOfAttorney').addFiles([pdfFile('poa.pdf')]);
    await el.updateComplete;
    const stepChange = oneEvent(el, 'ipr-step-change');
    await next(el);
    expect((await stepChange).detail).to.deep.equal({ step: 'evidence', previous: 'basics' });
    expect(el.step).to.equal('evidence');
    expect(el.shadowRoot!.activeElement?.id).to.equal('step-heading');
  });

  it('Picture Embezzlement needs an original picture; shows the large-attachments email', async () => {
    const el = await makeForm();
    await fillBasics(el);
    choose(deep<HTMLSelectElement>(el, '#f-type'), 'picture_embezzlement');
    await next(el);
    expect(el.step).to.equal('evidence');
    expect(text(deep(el, '.large'))).to.contain('ipr-evidence@market.example');
    await evidencePicker(el).addFiles([await pngFile('copy.png')]);
    await el.updateComplete;
    await next(el);
    expect(el.step).to.equal('evidence');
    expect(deep(evidencePicker(el), '#add').getAttribute('aria-invalid')).to.equal('true');
    expect(text(deep(evidencePicker(el), '#error'))).to.contain('must include the original pictures');
    deep<HTMLInputElement>(evidencePicker(el), 'input.original').click();
    await el.updateComplete;
    await next(el);
    expect(el.step).to.equal('review');
  });

  it('submits: creates a complaint, shows the receipt, fires ipr-complaint-submitted', async () => {
    const el = await makeForm();
    await fillBasics(el, 2);
    await next(el);
    await evidencePicker(el).addFiles([pdfFile('proof.pdf')]);
    await el.updateComplete;
    await next(el);
    expect(el.step).to.equal('review');
    await next(el);
    expect(errorOf(el, 'declaration')).to.contain('Confirm the declaration');
    for (const box of deepAll<HTMLInputElement>(el, 'input[id^=f-decl-]')) box.click();
    await el.updateComplete;
    const submitted = oneEvent(el, 'ipr-complaint-submitted');
    deep<HTMLButtonElement>(el, 'button.next').click();
    const event = await submitted;
    expect(event.detail.number).to.match(/^IPR-\d{4}-\d{6}$/);
    expect(event.detail.complaint.products).to.have.length(2);
    expect(event.detail.idempotencyKey).to.equal(el.submissionKey);
    await el.updateComplete;
    expect(text(deep(el, '.receipt .number'))).to.equal(event.detail.number);
    expect(el.shadowRoot!.activeElement?.id).to.equal('receipt-heading');
    await expect(el).to.be.accessible();
    const again = await client.complaints.get(event.detail.complaint.id);
    expect(again.data?.number).to.equal(event.detail.number);
  });

  it('a failed submit keeps the draft and the retry uses the same idempotency key', async () => {
    const key = uniqueKey();
    const bad = clientFor('not-a-valid-token');
    const el = await makeForm({ key });
    await fillBasics(el);
    await next(el);
    await attachEvidenceAndDeclare(el, 'kept.pdf');
    const keyBefore = el.submissionKey;
    el.client = bad;
    await el.updateComplete;
    const failed = oneEvent(el, 'ipr-complaint-submit-failed');
    await el.submit();
    const failure = await failed;
    expect(failure.detail.status).to.equal(401);
    await el.updateComplete;
    expect(text(deep(el, '[role=alert][part=error]'))).to.contain('could not be submitted');
    expect(el.step).to.equal('review');
    expect(text(deep(el, 'button.next'))).to.equal('Try again');
    el.client = client;
    await el.updateComplete;
    const submitted = oneEvent(el, 'ipr-complaint-submitted');
    await el.submit();
    const ok = await submitted;
    expect(ok.detail.idempotencyKey).to.equal(keyBefore);
  });

  it('keeps the draft across re-creating the element (IndexedDB) and fires ipr-draft-restored', async () => {
    const key = uniqueKey();
    const first = await makeForm({ key, storage: 'indexeddb' });
    await fillBasics(first);
    await next(first);
    expect(first.step).to.equal('evidence');
    await first.saveNow();
    const links = first.draft.productLinks;
    fixtureCleanup();
    const restored = new Promise<CustomEvent>((resolve) =>
      document.addEventListener('ipr-draft-restored', (e) => resolve(e as CustomEvent), { once: true }),
    );
    const second = await makeForm({ key, storage: 'indexeddb' });
    const event = await restored;
    expect(event.detail.step).to.equal('evidence');
    expect(second.step).to.equal('evidence');
    expect(second.draft.productLinks).to.deep.equal(links);
    expect(second.draft.description).to.equal('They sell copies of our lamp under our brand.');
    expect(text(deep(second, '[role=status]'))).to.contain('restored');
    await second.reset();
  });

  it('another account (new token and draft key) gets its own empty form and contact; switching back restores the first draft', async () => {
    const keyA = uniqueKey();
    const keyB = uniqueKey();
    const el = await makeForm({ key: keyA, storage: 'indexeddb' });
    await until(() => el.draft.contact.name === 'Lin Mei', 8000, "account A's contact");
    type(deep<HTMLTextAreaElement>(el, '#f-description'), 'Draft of account A.');
    await el.updateComplete;
    // The host signs in as B at once, before A's debounced save ran: that change stays A's.
    el.client = clientFor(TOKENS.complainantB);
    el.draftKey = keyB;
    await el.draftReady;
    await until(() => el.draft.contact.name === 'Jonas Weber', 8000, "account B's contact");
    expect(el.draft.description).to.equal('');
    expect(deep<HTMLTextAreaElement>(el, '#f-description').value).to.equal('');
    expect(el.submissionKey, 'a new submission key').to.be.a('string');
    await el.saveNow();

    el.client = client;
    el.draftKey = keyA;
    await el.draftReady;
    await el.updateComplete;
    expect(el.draft.description).to.equal('Draft of account A.');
    await until(() => el.draft.contact.name === 'Lin Mei', 8000, "A's contact again");
    // And B's store never got A's draft.
    el.client = clientFor(TOKENS.complainantB);
    el.draftKey = keyB;
    await el.draftReady;
    await el.updateComplete;
    expect(el.draft.description).to.equal('');
    await el.reset();
  });

  it("two accounts on one browser with the same draft key never see each other's draft", async () => {
    const key = uniqueKey();
    const first = await makeForm({ key, storage: 'indexeddb' });
    await until(() => first.draft.contact.name === 'Lin Mei', 8000, "account A's contact");
    type(deep<HTMLTextAreaElement>(first, '#f-description'), 'Only for account A.');
    await first.saveNow();
    fixtureCleanup();
    // Another person signs in on the same browser, the page uses the same key.
    const second = await makeForm({ key, storage: 'indexeddb', client: clientFor(TOKENS.complainantB) });
    await until(() => second.draft.contact.name === 'Jonas Weber', 8000, "account B's contact");
    expect(second.draft.description).to.equal('');
    expect(
      deepAll(second, '.notice[role=status]')
        .map((n) => text(n))
        .join(' '),
    ).not.to.contain('restored');
    fixtureCleanup();
    // A comes back: the draft is there.
    const third = await makeForm({ key, storage: 'indexeddb' });
    await until(() => third.draft.description === 'Only for account A.', 8000, "A's draft restored");
    await third.reset();
  });

  it('keeps an edited contact when a new client of the same account answers again', async () => {
    const el = await makeForm();
    await until(() => el.draft.contact.name === 'Lin Mei', 8000, "account A's contact");
    type(deep<HTMLInputElement>(el, '#f-contact-name'), 'Someone Else');
    type(deep<HTMLTextAreaElement>(el, '#f-description'), 'Still here after the new token.');
    await el.updateComplete;
    // The host refreshes its token: a new client, the same account.
    el.client = clientFor(TOKENS.complainantA);
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 500));
    expect(el.draft.contact.name, "an edited contact is the person's").to.equal('Someone Else');
    expect(el.draft.description).to.equal('Still here after the new token.');
  });

  it('keyboard only: every step through to the receipt', async () => {
    const [product] = await freshProducts(client, 1);
    const saved = await uploadPdf(client, 'keyboard-saved.pdf');
    const el = await makeForm();
    await until(() => el.draft.contact.email, 8000, 'the account contact');
    await el.updateComplete;
    const select = deep<HTMLSelectElement>(el, '#f-type');
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.draft.type).to.be.a('string');
    await sendKeys({ press: 'Tab' }); // into the picker's search box
    await sendKeys({ type: product!.url });
    await sendKeys({ press: 'Enter' });
    const add = await until(
      () => deepAll<HTMLButtonElement>(picker(el), '.results button.add')[0],
      8000,
      'search results',
    );
    add.focus(); // the next Tab stop after the results heading
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.draft.productLinks).to.have.length(1);
    deep<HTMLTextAreaElement>(el, '#f-description').focus();
    await sendKeys({ type: 'Copies of our product.' });
    deep<HTMLInputElement>(el, '#f-holder').focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.draft.isIprHolder).to.equal(true);
    deep<HTMLButtonElement>(el, 'button.next').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el.step === 'evidence', 4000, 'step 2');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('step-heading');
    // Step 2: open "Saved evidence" and tick one, all with keys.
    const ep = evidencePicker(el);
    await sendKeys({ press: 'Tab' });
    expect(ep.shadowRoot!.activeElement?.tagName).to.equal('SUMMARY');
    await sendKeys({ press: 'Enter' });
    const label = await until(
      () => deepAll(ep, '[part=saved] label').find((l) => text(l).includes('keyboard-saved.pdf')),
      8000,
      'saved evidence',
    );
    label.querySelector('input')!.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.draft.evidence.map((r) => r.id)).to.deep.equal([saved.id]);
    deep<HTMLButtonElement>(el, 'button.next').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el.step === 'review', 4000, 'step 3');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('step-heading');
    // Step 3: tick the three declarations with Space, submit with Enter.
    for (const id of ['f-decl-goodFaith', 'f-decl-accurate', 'f-decl-authorised']) {
      deep<HTMLInputElement>(el, `#${id}`).focus();
      await sendKeys({ press: 'Space' });
    }
    const submitted = oneEvent(el, 'ipr-complaint-submitted');
    deep<HTMLButtonElement>(el, 'button.next').focus();
    await sendKeys({ press: 'Enter' });
    const event = await submitted;
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('receipt-heading');
    expect(text(deep(el, '.receipt .number'))).to.equal(event.detail.number);
  });

  it('switches to zh-CN at run time, issue messages included', async () => {
    const el = await makeForm();
    await next(el);
    expect(errorOf(el, 'description')).to.contain('Description is required');
    el.setAttribute('locale', 'zh-CN');
    await el.updateComplete;
    expect(text(deep(el, '#step-heading'))).to.contain('基本信息与产品');
    expect(text(deep(el, 'button.next'))).to.equal('下一步');
    expect(errorOf(el, 'description')).to.not.contain('required');
    expect(errorOf(el, 'description')).to.match(/[\u4e00-\u9fff]/);
    await picker(el).updateComplete;
    expect(text(deep(picker(el), 'label[for=q]'))).to.equal('产品链接或名称');
    el.setAttribute('locale', 'en');
    await el.updateComplete;
    expect(text(deep(el, 'button.next'))).to.equal('Next');
  });

  it('a refused file bubbles ipr-restriction-failed out of the form (composed)', async () => {
    const el = await makeForm();
    await fillBasics(el);
    await next(el);
    const refused = new Promise<CustomEvent>((resolve) =>
      document.addEventListener('ipr-restriction-failed', (e) => resolve(e as CustomEvent), { once: true }),
    );
    void evidencePicker(el).addFiles([new File(['MZ\x90\x00 not really'], 'tool.exe')]);
    const event = await refused;
    expect(event.detail.file).to.equal('tool.exe');
    expect(event.detail.issues[0].code).to.equal('evidence.type_not_allowed');
  });

  it('marks products already in an open complaint, and a duplicate of it (409) names that complaint in the error summary', async () => {
    const page = await ok(client.complaints.list({ limit: 100 }));
    const open = page.items.find((c) => isOpenStatus(c.status));
    if (!open) throw new Error('complainant A has no open complaint');
    const existing = await ok(client.complaints.get(open.id));
    const el = await makeForm();
    choose(deep<HTMLSelectElement>(el, '#f-type'), existing.type);
    const p = picker(el);
    p.value = existing.products.map((x) => x.url);
    p.dispatchEvent(new Event('change'));
    type(deep<HTMLTextAreaElement>(el, '#f-description'), 'The same listings again.');
    await until(() => el.draft.contact.email, 8000, 'the account contact');
    check(deep<HTMLInputElement>(el, '#f-holder'));
    await el.updateComplete;
    // A warning before submit, not a block.
    await until(() => p.openComplaints.length === existing.products.length, 8000, 'the duplicate marks');
    await p.updateComplete;
    expect(deepAll(p, '[part=warning]').map(text)).to.include(
      `This product is already in your open complaint ${existing.number}.`,
    );
    await next(el);
    expect(el.step).to.equal('evidence');
    const evidence = await uploadPdf(client, 'duplicate.pdf');
    const ep = evidencePicker(el);
    ep.descriptors = [evidence];
    ep.value = [{ id: evidence.id, ...(existing.type === 'picture_embezzlement' ? { original: true } : {}) }];
    ep.dispatchEvent(new Event('change'));
    await el.updateComplete;
    if (existing.type === 'picture_embezzlement') {
      // An original picture is needed for this type: use a PNG instead.
      const png = await ok(client.evidence.upload(await pngFile('dup-original.png')));
      ep.descriptors = [png];
      ep.value = [{ id: png.id, original: true }];
      ep.dispatchEvent(new Event('change'));
      await el.updateComplete;
    }
    await next(el);
    expect(el.step).to.equal('review');
    for (const box of deepAll<HTMLInputElement>(el, 'input[id^=f-decl-]')) box.click();
    await el.updateComplete;
    const failed = oneEvent(el, 'ipr-complaint-submit-failed');
    await el.submit();
    const failure = await failed;
    expect(failure.detail.status).to.equal(409);
    expect(failure.detail.issues[0]!.code).to.equal('complaint.duplicate');
    await el.updateComplete;
    // Back on step 1, where the products are: the summary names the open complaint, so does the picker.
    expect(el.step).to.equal('basics');
    const summary = text(deep(el, '.submit-error'));
    expect(summary).to.contain(existing.number);
    expect(summary).to.contain('already filed');
    const again = picker(el); // step 1 is rendered anew
    await again.updateComplete;
    expect(text(deep(again, '#links-error'))).to.contain(existing.number);
    await expect(el).to.be.accessible();
    // Changing the products answers it.
    again.removeLink(existing.products[0]!.url);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.submit-error')).to.equal(null);
  });

  describe('saved holder profiles', () => {
    /** Step 1 filled in, with "I am the IPR holder" unticked. */
    async function holderStep(el: IprComplaintForm) {
      await fillBasics(el);
      check(deep<HTMLInputElement>(el, '#f-holder'), false);
      await el.updateComplete;
      await until(() => !deep<HTMLSelectElement>(el, '#f-holder-profile').disabled, 8000, 'the saved holders');
    }
    const option = (el: IprComplaintForm, id: string) =>
      deep<HTMLOptionElement>(el, `#f-holder-profile option[value="${id}"]`);

    it('saves the entered holder as a profile, then another form picks it: fields filled, profileId set, edits leave it', async () => {
      const el = await makeForm();
      await holderStep(el);
      type(deep<HTMLInputElement>(el, '#f-holder-name'), 'Picked Holder Co., Ltd.');
      choose(deep<HTMLSelectElement>(el, '#f-holder-identificationType'), 'business_registration');
      type(deep<HTMLInputElement>(el, '#f-holder-identificationNumber'), '91440101MA5CPICK00');
      type(deep<HTMLInputElement>(el, '#f-holder-powerOfAttorneyExpiresAt'), dayFromToday(180));
      await evidencePicker(el, 'holder.identificationAttachments').addFiles([pdfFile('pick-licence.pdf')]);
      await evidencePicker(el, 'holder.powerOfAttorney').addFiles([pdfFile('pick-poa.pdf')]);
      await el.updateComplete;
      const saved = oneEvent(el, 'ipr-profile-saved');
      deep<HTMLButtonElement>(el, 'button.save-profile').click();
      const { detail } = await saved;
      expect(detail.profile.holder.name).to.equal('Picked Holder Co., Ltd.');
      expect(el.draft.holder.profileId).to.equal(detail.profile.id);
      await el.updateComplete;
      expect(text(deep(el, '.profile-saved'))).to.contain('Picked Holder Co., Ltd.');
      expect(deep<HTMLButtonElement>(el, 'button.save-profile').disabled, 'not offered twice').to.equal(true);
      fixtureCleanup();

      const other = await makeForm();
      await holderStep(other);
      expect(text(option(other, detail.profile.id))).to.contain('Picked Holder Co., Ltd.');
      choose(deep<HTMLSelectElement>(other, '#f-holder-profile'), detail.profile.id);
      await until(() => other.draft.holder.profileId === detail.profile.id, 4000, 'the profile chosen');
      await until(
        () => evidencePicker(other, 'holder.powerOfAttorney').descriptors.length === 1,
        8000,
        'the attachments known',
      );
      await other.updateComplete;
      expect(deep<HTMLInputElement>(other, '#f-holder-name').value).to.equal('Picked Holder Co., Ltd.');
      expect(deep<HTMLInputElement>(other, '#f-holder-identificationNumber').value).to.equal('91440101MA5CPICK00');
      expect(other.draft.holder.powerOfAttorney).to.deep.equal(detail.profile.holder.powerOfAttorney);
      expect(text(deep(evidencePicker(other, 'holder.powerOfAttorney'), '[part=selected]'))).to.contain('pick-poa.pdf');
      await expect(other).to.be.accessible();
      // The step is complete with the profile's details.
      await next(other);
      expect(other.step).to.equal('evidence');
    });

    it('an edited field is no longer the profile', async () => {
      const profile = await makeProfile(client, 'Edited After Pick Ltd', dayFromToday(90));
      const el = await makeForm();
      await holderStep(el);
      choose(deep<HTMLSelectElement>(el, '#f-holder-profile'), profile.id);
      await until(() => el.draft.holder.profileId === profile.id, 4000, 'the profile chosen');
      await el.updateComplete;
      type(deep<HTMLInputElement>(el, '#f-holder-identificationNumber'), '91440101MA5COTHER0');
      await el.updateComplete;
      expect(el.draft.holder.profileId).to.equal(null);
      expect(deep<HTMLSelectElement>(el, '#f-holder-profile').value).to.equal('');
      expect(deep<HTMLButtonElement>(el, 'button.save-profile').disabled).to.equal(false);
    });

    it("lists an expired profile disabled and marked, an expiring one with its days left (at the form's clock)", async () => {
      const soon = await makeProfile(client, 'Soon In Form Ltd', dayFromToday(12));
      const el = await makeForm();
      await holderStep(el);
      expect(option(el, soon.id).disabled).to.equal(false);
      expect(text(option(el, soon.id))).to.contain('power of attorney expires in 12 days');
      el.now = later(45);
      await el.updateComplete;
      expect(option(el, soon.id).disabled).to.equal(true);
      expect(text(option(el, soon.id))).to.contain('power of attorney expired');
      await expect(el).to.be.accessible();
    });

    it('"Save these details as a profile" with missing details shows the problems in place', async () => {
      const before = (await ok(profilesOf(client).list())).items.length;
      const el = await makeForm();
      await holderStep(el);
      deep<HTMLButtonElement>(el, 'button.save-profile').click();
      await el.updateComplete;
      const problems = text(deep(el, '#profile-save-error'));
      expect(problems).to.contain('holder');
      expect(deep(el, 'button.save-profile').getAttribute('aria-describedby')).to.equal('profile-save-error');
      expect(errorOf(el, 'holder.name')).to.not.equal('');
      expect((await ok(profilesOf(client).list())).items.length).to.equal(before);
    });

    it('a chosen profile survives a reload, and the complaint is filed with it', async () => {
      const profile = await makeProfile(client, 'Reload Holder Ltd', dayFromToday(200));
      const key = uniqueKey();
      const first = await makeForm({ key, storage: 'indexeddb' });
      await holderStep(first);
      choose(deep<HTMLSelectElement>(first, '#f-holder-profile'), profile.id);
      await until(() => first.draft.holder.profileId === profile.id, 4000, 'the profile chosen');
      await first.saveNow();
      fixtureCleanup();
      const el = await makeForm({ key, storage: 'indexeddb' });
      expect(el.draft.holder.profileId).to.equal(profile.id);
      await until(
        () => deep<HTMLSelectElement>(el, '#f-holder-profile').value === profile.id,
        8000,
        'the profile selected again',
      );
      expect(deep<HTMLInputElement>(el, '#f-holder-name').value).to.equal('Reload Holder Ltd');
      await next(el);
      expect(el.step).to.equal('evidence');
      await attachEvidenceAndDeclare(el, 'with-profile.pdf');
      const submitted = oneEvent(el, 'ipr-complaint-submitted');
      await el.submit();
      const { detail } = await submitted;
      expect(detail.complaint.holder?.name).to.equal('Reload Holder Ltd');
      expect(detail.complaint.holder?.powerOfAttorney).to.deep.equal(profile.holder.powerOfAttorney);
    });
  });
});
