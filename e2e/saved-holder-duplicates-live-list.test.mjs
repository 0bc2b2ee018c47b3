// End to end, as people would use it: a complainant saves an IPR
// holder once and files with it, is warned before filing the same product again, and watches the
// list move on its own while the platform and the supplier act in the console (another browser).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildIfStale, startDemo, launch, openPage, openInConsole, pdf } from './support.mjs';

let demo;
let browser;

before(async () => {
  const builtMs = await buildIfStale();
  if (builtMs) console.log(`# built the packages first (${(builtMs / 1000).toFixed(1)} s)`);
  [demo, browser] = await Promise.all([startDemo(), launch()]);
});
after(async () => {
  await browser?.close();
  await demo?.stop();
});

const PRODUCT = 'https://market.example/product/p004321';
const form = (page) => page.locator('ipr-complaint-form');
const heading = (page) => form(page).locator('#step-heading');

async function next(page, expected) {
  await form(page).locator('button.next').click();
  await heading(page).filter({ hasText: expected }).waitFor();
}

async function addByLink(page, url) {
  const picker = form(page).locator('ipr-product-picker');
  await picker.locator('#q').fill(url);
  await picker.locator('#q').press('Enter');
  await picker.locator('.results button.add:not([disabled])').first().click();
  await picker.locator(`.added-list li[data-url="${url}"]`).waitFor();
  return picker;
}

async function upload(picker, name) {
  await picker.locator('#files').setInputFiles({ name, mimeType: 'application/pdf', buffer: pdf() });
  await picker.locator('li.item[data-id] .name', { hasText: name }).waitFor();
}

test('a saved IPR holder files a complaint; the same product again is flagged; the list follows the console live', async (t) => {
  const { page, context, shot, errors } = await openPage(browser, t);
  const year = new Date().getUTCFullYear() + 1;

  // 1. Save the holder once: "Saved IPR holders" → New.
  await page.goto(demo.url + '/');
  await page.locator('#show-profiles').click();
  const profiles = page.locator('ipr-holder-profiles');
  await profiles.locator('button.new').click();
  await profiles.locator('#p-label').fill('Aurora brand (agent filing)');
  await profiles.locator('#p-name').fill('Aurora Lighting Holdings Ltd.');
  await profiles.locator('#p-identificationType').selectOption({ index: 1 });
  await profiles.locator('#p-identificationNumber').fill('91440300MA5F000000');
  await upload(
    profiles.locator('ipr-evidence-picker[data-key="holder.identificationAttachments"]'),
    'business-licence.pdf',
  );
  await upload(profiles.locator('ipr-evidence-picker[data-key="holder.powerOfAttorney"]'), 'power-of-attorney.pdf');
  await profiles.locator('#p-powerOfAttorneyExpiresAt').fill(`${year}-12-31`);
  await shot('profile-filled');
  await profiles.locator('button.save').click();
  const saved = profiles.locator('li.profile', { hasText: 'Aurora brand (agent filing)' });
  await saved.waitFor();
  assert.equal(await saved.locator('.badge').getAttribute('data-state'), 'valid');
  await shot('profile-saved');

  // 2. File with it: the holder comes from the profile, not typed again.
  await page.locator('#show-form').click();
  await heading(page).waitFor();
  await form(page).locator('#f-type').selectOption('copyright_infringement');
  const picker = await addByLink(page, PRODUCT);
  assert.equal(await picker.locator('li.in-open').count(), 0, 'no open complaint lists the product yet');
  await form(page).locator('#f-description').fill('The packaging text of our lamp is copied word for word.');
  if (await form(page).locator('#f-holder').isChecked()) await form(page).locator('#f-holder').uncheck();
  const choose = form(page).locator('#f-holder-profile');
  await choose.locator('option', { hasText: 'Aurora brand (agent filing)' }).waitFor({ state: 'attached' });
  const profileId = await choose.locator('option', { hasText: 'Aurora brand (agent filing)' }).getAttribute('value');
  await choose.selectOption(profileId);
  await assert.doesNotReject(() =>
    page.waitForFunction(
      () =>
        document.querySelector('ipr-complaint-form')?.shadowRoot?.querySelector('#f-holder-name')?.value ===
        'Aurora Lighting Holdings Ltd.',
    ),
  );
  await shot('profile-picked');
  await next(page, 'Upload evidence');
  await upload(form(page).locator('ipr-evidence-picker[data-key="evidence"]'), 'copyright-registration.pdf');
  await next(page, 'Complete submission');
  const boxes = form(page).locator('input[id^=f-decl-]');
  for (let i = 0, n = await boxes.count(); i < n; i++) await boxes.nth(i).check();
  const submitted = page.evaluate(
    () =>
      new Promise((ok) =>
        document.addEventListener('ipr-complaint-submitted', (e) => ok(e.detail.number), { once: true }),
      ),
  );
  await form(page).locator('button.next').click();
  const number = await submitted;
  assert.match(number, /^IPR-\d{4}-\d{6}$/);
  await shot('filed-with-profile');

  // The complaint carries the saved holder (read back through the API as the complainant).
  const filed = await page.evaluate(async (n) => {
    const headers = { authorization: 'Bearer demo-complainant-a' };
    const list = await (await fetch(`/v1/complaints?q=${n}`, { headers })).json();
    return (await fetch(`/v1/complaints/${list.items[0].id}`, { headers })).json();
  }, number);
  assert.equal(filed.holder.profileId, profileId);
  assert.equal(filed.holder.name, 'Aurora Lighting Holdings Ltd.');

  // 3. A new complaint with the same product: flagged with that complaint's number before submitting.
  await page.locator('#show-form').click();
  await form(page).getByRole('button', { name: 'File another complaint' }).click();
  await heading(page).waitFor();
  await form(page).locator('#f-type').selectOption('copyright_infringement');
  const again = await addByLink(page, PRODUCT);
  const warning = again.locator(`li.in-open[data-url="${PRODUCT}"] .warning`);
  await warning.waitFor();
  assert.match(await warning.textContent(), new RegExp(number));
  assert.match(await again.locator('[part=duplicates]').textContent(), /1/);
  await shot('duplicate-warning');

  // 4. The list, left open, follows what the platform and the supplier do in the console.
  await page.locator('#show-list').click();
  const row = page.locator('ipr-complaint-list tr.data', { has: page.locator('button.number', { hasText: number }) });
  await row.locator('.badge[data-status=submitted]').waitFor();
  await page.locator('ipr-complaint-list .live[data-state=open]').waitFor();
  await shot('list-live');

  const console_ = await context.browser().newContext({ viewport: { width: 1280, height: 1000 } });
  const desk = await console_.newPage();
  desk.on('pageerror', (e) => errors.push(`console: ${e.message}`));
  const consoleAs = (token) => openInConsole(desk, demo.url, token, number);
  assert.ok(await consoleAs('demo-platform'));
  await desk.locator('#forward').click();
  await desk.locator('#detail-status', { hasText: 'awaiting_supplier' }).waitFor();
  // No reload on the complainant's page: the row changes by itself.
  await row.locator('.badge[data-status=awaiting_supplier]').waitFor({ timeout: 15_000 });
  await shot('live-forwarded');

  let responded = false;
  for (const supplier of ['demo-supplier-a', 'demo-supplier-b']) {
    if (!(await consoleAs(supplier))) continue;
    await desk.locator('.product select.response').first().selectOption('removed');
    await desk.locator('#respond').click();
    await desk.locator('#action-msg.ok').waitFor();
    responded = true;
    break;
  }
  assert.ok(responded, 'one supplier sells the product');
  await row.locator('.badge[data-status=supplier_responded]').waitFor({ timeout: 15_000 });
  await shot('live-supplier-responded');
  await console_.close();

  assert.deepEqual(errors, []);
  await context.close();
});
