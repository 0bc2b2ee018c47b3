// End to end, as a person would: the demo host site and the platform console of `npm start`,
// in Debian's Chromium, against the real reference API on a fresh data folder.
// Screenshots of every step: test-results/e2e/<test name>/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildIfStale, startDemo, launch, openPage, openInConsole, pdf, png, linksWorkbook } from './support.mjs';

let demo;
let browser;
/** The trademark complaint filed by the first test; the lifecycle test carries it on. */
let trademarkNumber;

before(async () => {
  const builtMs = await buildIfStale();
  if (builtMs) console.log(`# built the packages first (${(builtMs / 1000).toFixed(1)} s)`);
  const started = Date.now();
  [demo, browser] = await Promise.all([startDemo(), launch()]);
  console.log(`# demo at ${demo.url} and Chromium ready in ${Date.now() - started} ms`);
});
after(async () => {
  await browser?.close();
  await demo?.stop();
});

const form = (page) => page.locator('ipr-complaint-form');
const heading = (page) => form(page).locator('#step-heading');

/** Whose contact the form defaults to, by demo token. */
const CONTACT_NAME = { 'demo-complainant-a': 'Lin Mei', 'demo-complainant-b': 'Jonas Weber' };

/** Opens the host site's form as the given complainant (signed in as A first, as the page starts). */
async function openForm(page, token = 'demo-complainant-a') {
  await page.goto(demo.url + '/');
  await page.locator('#who').selectOption(token);
  await page.locator('#show-form').click();
  await heading(page)
    .waitFor()
    .catch(async (e) => {
      console.log(
        '# form not shown:',
        JSON.stringify(
          await page.evaluate(() => [
            document.querySelector('#view-form').hidden,
            document.querySelector('ipr-complaint-form')?.shadowRoot?.innerHTML.slice(0, 300),
          ]),
        ),
      );
      throw e;
    });
  await assert.doesNotReject(() =>
    page.waitForFunction(
      () => document.querySelector('ipr-complaint-form')?.shadowRoot?.querySelector('#f-contact-email')?.value,
    ),
  );
  // The contact is the signed-in account's, also after switching from another (it once kept A's).
  await assert.doesNotReject(
    () =>
      page.waitForFunction(
        (name) =>
          document.querySelector('ipr-complaint-form')?.shadowRoot?.querySelector('#f-contact-name')?.value === name,
        CONTACT_NAME[token],
        { timeout: 5000 },
      ),
    `the form's contact is ${CONTACT_NAME[token]}'s`,
  );
}

/** Step 1 fields besides type and products. */
async function fillBasics(page, description) {
  await form(page).locator('#f-description').fill(description);
  await form(page).locator('#f-holder').check();
}

async function next(page, expected) {
  await form(page).locator('button.next').click();
  await assert.doesNotReject(() => heading(page).filter({ hasText: expected }).waitFor(), `step "${expected}"`);
}

async function declareAndSubmit(page) {
  const boxes = form(page).locator('input[id^=f-decl-]');
  const n = await boxes.count();
  assert.ok(n > 0, 'declarations shown');
  for (let i = 0; i < n; i++) await boxes.nth(i).check();
  const submitted = page.evaluate(
    () =>
      new Promise((ok) =>
        document.addEventListener('ipr-complaint-submitted', (e) => ok(e.detail.number), { once: true }),
      ),
  );
  await form(page).locator('button.next').click();
  return submitted;
}

async function seeInList(page, number) {
  const list = page.locator('ipr-complaint-list');
  await list.waitFor();
  await list.locator('button.number', { hasText: number }).waitFor();
}

test('files a Trademark complaint: search, two products, a PDF, submit, see it in the list', async (t) => {
  const { page, context, shot, errors } = await openPage(browser, t);
  await openForm(page);
  await shot('form-opened');
  await form(page).locator('#f-type').selectOption('trademark_infringement');
  const picker = form(page).locator('ipr-product-picker');
  await picker.locator('#q').fill('lamp');
  await picker.locator('#q').press('Enter');
  await picker.locator('.results button.add').first().waitFor();
  await shot('search-results');
  await picker.locator('.results button.add:not([disabled])').first().click();
  await picker.locator('.results button.add:not([disabled])').first().click();
  await picker.locator('[part=counter]', { hasText: '2 / 800' }).waitFor();
  assert.equal(await picker.locator('.added-list li').count(), 2);
  await fillBasics(page, 'Copies of our Aurora lamp sold under our registered trademark.');
  await shot('basics-filled');
  await next(page, 'Upload evidence');
  const evidence = form(page).locator('ipr-evidence-picker[data-key="evidence"]');
  await evidence
    .locator('#files')
    .setInputFiles({ name: 'trademark-certificate.pdf', mimeType: 'application/pdf', buffer: pdf() });
  await evidence.locator('li.item[data-id] .name', { hasText: 'trademark-certificate.pdf' }).waitFor();
  await shot('pdf-uploaded');
  await next(page, 'Complete submission');
  await shot('review');
  trademarkNumber = await declareAndSubmit(page);
  assert.match(trademarkNumber, /^IPR-\d{4}-\d{6}$/);
  await seeInList(page, trademarkNumber);
  await shot('in-the-list');
  // list → number → detail
  await page.locator('ipr-complaint-list button.number', { hasText: trademarkNumber }).click();
  await page.locator('ipr-complaint-detail').getByText('trademark-certificate.pdf').first().waitFor();
  await shot('detail');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Picture Embezzlement from an Excel of 800 links with an original picture; 801 links and a 6 MB file are refused', async (t) => {
  const { page, context, shot, errors } = await openPage(browser, t);
  await openForm(page, 'demo-complainant-b');
  await form(page).locator('#f-type').selectOption('picture_embezzlement');
  const picker = form(page).locator('ipr-product-picker');
  // 801 links: the row over the limit is refused, by row number.
  await picker.locator('details[part=import] > summary').click();
  await picker.locator('#sheet').setInputFiles({
    name: 'links-801.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await linksWorkbook(801),
  });
  await picker.locator('.import-result').waitFor({ timeout: 30_000 });
  await shot('801-links-imported');
  // The result table is windowed: show only the rows with problems to reach the last one.
  await picker.getByLabel(/Only rows with problems/).check();
  // Sheet row 802 is the 801st link (row 1 is the header).
  const refused = picker.locator('.import-result tr[data-row] td.bad', {
    hasText: /is over the limit of 800 product links/,
  });
  await refused.waitFor();
  assert.equal(await refused.count(), 1);
  assert.match(await picker.locator('.import-result [role=status]').textContent(), /800/);
  await shot('801-links-refused');
  // 800 links: all valid, all added.
  await picker.locator('#sheet').setInputFiles({
    name: 'links-800.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await linksWorkbook(800),
  });
  const addAll = picker.locator('.import-result button.primary', { hasText: '800' });
  await addAll.waitFor({ timeout: 30_000 });
  await shot('800-links-imported');
  await addAll.click();
  await picker.locator('[part=counter]', { hasText: '800 / 800' }).waitFor();
  await fillBasics(page, 'Our product photographs are used without permission on these listings.');
  await shot('basics-filled');
  await next(page, 'Upload evidence');
  const evidence = form(page).locator('ipr-evidence-picker[data-key="evidence"]');
  // 6 MB: refused before upload, with the limit in the message.
  await evidence
    .locator('#files')
    .setInputFiles({ name: 'huge-scan.pdf', mimeType: 'application/pdf', buffer: pdf(6 * 1024 * 1024) });
  const tooLarge = evidence.getByText('"huge-scan.pdf" is larger than').first();
  await tooLarge.waitFor();
  assert.match(await tooLarge.textContent(), /is larger than 5(\.0)? ?MB/);
  await shot('6mb-refused');
  // The host heard both refusals with their stable codes (ipr-restriction-failed).
  const hostLog = await page.locator('#log').textContent();
  assert.match(hostLog, /ipr-restriction-failed .*"code":"sheet\.too_many_rows"/);
  assert.match(hostLog, /ipr-restriction-failed .*"code":"evidence\.too_large"/);
  // The original picture.
  await evidence.locator('#files').setInputFiles({ name: 'original-photo.png', mimeType: 'image/png', buffer: png() });
  await evidence.locator('input.original').check();
  await shot('original-picture');
  await next(page, 'Complete submission');
  const number = await declareAndSubmit(page);
  await seeInList(page, number);
  const row = page.locator('ipr-complaint-list tr', { hasText: number });
  assert.match(await row.textContent(), /Picture Embezzlement[\s\S]*800/);
  await shot('in-the-list');
  assert.deepEqual(errors, []);
  await context.close();
});

test('lifecycle: platform forwards, suppliers respond in the console, check now, arbitration, result notice', async (t) => {
  assert.ok(trademarkNumber, 'the trademark complaint of the first test');
  const { page, context, shot, errors } = await openPage(browser, t);
  const consoleAs = (token) => openInConsole(page, demo.url, token, trademarkNumber);
  assert.ok(await consoleAs('demo-platform'));
  await page.locator('#forward').click();
  await page.locator('#detail-status', { hasText: 'awaiting_supplier' }).waitFor();
  await shot('platform-forwarded');
  // Each supplier answers for its own products: the first "removed", the rest "not infringing" with a statement.
  let answered = 0;
  for (const supplier of ['demo-supplier-a', 'demo-supplier-b']) {
    if (!(await consoleAs(supplier))) continue;
    const products = page.locator('.product select.response');
    const n = await products.count();
    for (let i = 0; i < n; i++) {
      if (answered + i === 0) await products.nth(i).selectOption('removed');
      else {
        await products.nth(i).selectOption('not_infringing');
        await page.locator('.product textarea.statement').nth(i).fill('Our own design, registered in 2021.');
      }
    }
    await shot(`${supplier}-answers`);
    await page.locator('#respond').click();
    await page.locator('#action-msg.ok').waitFor();
    answered += n;
  }
  assert.equal(answered, 2);
  await page.locator('#detail-status', { hasText: 'supplier_responded' }).waitFor();
  await shot('suppliers-responded');

  // The complainant: detail → Check now → arbitration.
  await page.goto(demo.url + '/');
  await page.locator('ipr-complaint-list button.number', { hasText: trademarkNumber }).click();
  const detail = page.locator('ipr-complaint-detail');
  await detail.getByText('Supplier responded').first().waitFor();
  await detail.locator('button.action[data-action=check]').click();
  await detail
    .getByText(/Removed/)
    .first()
    .waitFor();
  await shot('checked-now');
  await detail.locator('button.action[data-action=request_arbitration]').click();
  await detail.locator('dialog.action #reason').fill('The second listing still shows our trademark on the box.');
  await shot('arbitration-dialog');
  await detail.locator('dialog.action button.confirm').click();
  await detail.getByText('In arbitration').first().waitFor();
  await shot('in-arbitration');

  // The platform issues the result in the console.
  assert.ok(await consoleAs('demo-platform'));
  await page.locator('#decision').selectOption('partially_upheld');
  const notice = 'Listing 2 must be taken down within 3 days; listing 1 is already removed.';
  await page.locator('#notice').fill(notice);
  await page.locator('#issue-result').click();
  await page.locator('#arbitration-notice', { hasText: notice }).waitFor();
  await shot('result-issued');

  // The complainant reads the result notice.
  await page.goto(demo.url + '/');
  await page.locator('ipr-complaint-list button.number', { hasText: trademarkNumber }).click();
  await detail.getByText(notice).first().waitFor();
  await detail.getByText('Arbitrated').first().waitFor();
  await shot('result-notice');
  assert.deepEqual(errors, []);
  await context.close();
});

test('platform console: the transparency chart shows the figures of the history above; its chunk loads for the platform only', async (t) => {
  assert.ok(trademarkNumber, 'the trademark complaint of the first test');
  const { page, context, shot, errors } = await openPage(browser, t);
  const partnerChunk = [];
  page.on('request', (r) => {
    if (/\/partner-elements-[\w-]+\.js$/.test(r.url())) partnerChunk.push(r.url());
  });
  await page.goto(demo.url + '/console.html');
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  // A supplier sees no transparency section, and the partner chunk stays away even after the idle
  // load (which has run once the list, form and detail chunks nobody asked for are defined).
  assert.equal(await page.locator('#who').inputValue(), 'demo-supplier-a');
  await page.evaluate(() =>
    Promise.all(
      ['ipr-complaint-list', 'ipr-complaint-form', 'ipr-complaint-detail'].map((tag) =>
        customElements.whenDefined(tag),
      ),
    ),
  );
  assert.equal(await page.locator('#transparency').isHidden(), true);
  assert.equal(await page.evaluate(() => customElements.get('ipr-transparency-report')), undefined);
  assert.deepEqual(partnerChunk, []);

  await page.locator('#who').selectOption('demo-platform');
  const report = page.locator('#transparency ipr-transparency-report');
  await report.locator('table.durations').waitFor();
  assert.equal(partnerChunk.length, 1, 'the partner chunk, once');
  const figures = await page.evaluate(async () => {
    const r = await fetch('/v1/transparency', { headers: { authorization: 'Bearer demo-platform' } });
    return r.json();
  });
  // The history the tests above made: a trademark complaint forwarded, one product removed and one
  // declared not infringing, arbitration partially upheld; a picture embezzlement complaint submitted.
  assert.ok(figures.notices.byType.trademark_infringement >= 1, JSON.stringify(figures.notices));
  assert.ok(figures.notices.byType.picture_embezzlement >= 1, JSON.stringify(figures.notices));
  assert.ok(figures.durations.toForward.count >= 1 && figures.durations.toSupplierResponse.count >= 1);
  assert.ok(figures.outcomes.productsRemoved >= 1 && figures.outcomes.productsDeclaredNonInfringing >= 1);
  assert.ok(figures.outcomes.arbitratedFor >= 1, JSON.stringify(figures.outcomes));
  // The same complaints counted another way: the console's own list of everything the platform sees
  // (all seeded and filed within the report's default period, the last twelve months).
  await page.locator('#list-msg', { hasText: 'Platform' }).waitFor();
  const listed = await page.locator('#rows tr td:nth-child(2)').allTextContents();
  assert.equal(figures.notices.total, listed.length);
  for (const [type, n] of Object.entries(figures.notices.byType))
    assert.equal(n, listed.filter((t) => t === type).length, `${type} notices`);
  const thisMonth = new Date().toISOString().slice(0, 7);
  const month = figures.notices.byMonth.find((m) => m.month === thisMonth);
  assert.ok(month && month.total >= 2, `this month (${thisMonth}) holds the complaints filed above`);

  // The element shows exactly those figures: total, one bar per month (titled with its count), the
  // times to action and the outcomes; the CSV download is offered.
  assert.equal(await report.locator('p.total').getAttribute('data-total'), String(figures.notices.total));
  const bars = report.locator('svg.chart rect');
  assert.equal(await bars.count(), figures.notices.byMonth.length);
  const titles = await report.locator('svg.chart rect title').allTextContents();
  assert.deepEqual(
    titles,
    figures.notices.byMonth.map((m) => `${m.month}: ${m.total}`),
  );
  const heights = await bars.evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('height'))));
  const tallest = Math.max(...figures.notices.byMonth.map((m) => m.total));
  for (const [i, m] of figures.notices.byMonth.entries())
    assert.equal(heights[i] === Math.max(...heights), m.total === tallest, `bar ${m.month} scaled to its count`);
  const number = (n) => (n === null ? '–' : n.toLocaleString('en'));
  for (const step of ['toForward', 'toSupplierResponse', 'toClose']) {
    const cells = await report.locator(`table.durations tr[data-step=${step}] td`).allTextContents();
    const d = figures.durations[step];
    assert.deepEqual(cells, [number(d.count), number(d.medianHours), number(d.p90Hours)], step);
  }
  const outcomes = await report.locator('table.outcomes td').allTextContents();
  assert.deepEqual(
    outcomes,
    ['productsRemoved', 'productsDeclaredNonInfringing', 'arbitratedFor', 'arbitratedAgainst', 'cancelled', 'open'].map(
      (k) => number(figures.outcomes[k]),
    ),
  );
  assert.equal(await report.locator('button.csv').isEnabled(), true);
  await shot('transparency');

  // Back to a supplier: the section hides again.
  await page.locator('#who').selectOption('demo-supplier-b');
  await page.locator('#transparency').waitFor({ state: 'hidden' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a reload mid-form finds the draft', async (t) => {
  const { page, context, shot, errors } = await openPage(browser, t);
  await openForm(page);
  await form(page).locator('#f-type').selectOption('copyright_infringement');
  const picker = form(page).locator('ipr-product-picker');
  await picker.locator('#q').fill('https://market.example/product/p000042');
  await picker.locator('#q').press('Enter');
  await picker.locator('.results button.add:not([disabled])').first().click();
  await picker.locator('[part=counter]', { hasText: '1 / 800' }).waitFor();
  const text = 'Our catalogue photo and text, copied word for word.';
  await form(page).locator('#f-description').fill(text);
  await shot('half-filled');
  await page.waitForTimeout(800); // the draft is saved on a short debounce
  await page.reload();
  await page.locator('#show-form').click();
  await form(page).locator('#f-description').waitFor();
  await assert.doesNotReject(() =>
    page.waitForFunction(
      (expected) =>
        document.querySelector('ipr-complaint-form')?.shadowRoot?.querySelector('#f-description')?.value === expected,
      text,
    ),
  );
  assert.equal(await form(page).locator('#f-type').inputValue(), 'copyright_infringement');
  await picker.locator('[part=counter]', { hasText: '1 / 800' }).waitFor();
  await form(page).getByText('Your unfinished complaint was restored.').waitFor();
  await shot('restored');
  // The host's EN / 中文 switch: the same draft, in Chinese.
  await page.locator('#lang-zh').click();
  await heading(page).filter({ hasText: '基本信息与产品' }).waitFor();
  assert.equal(await form(page).locator('#f-description').inputValue(), text);
  await shot('restored-zh');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Vue 3 page: properties and events of the elements work inside a framework', async (t) => {
  const { page, context, shot, errors } = await openPage(browser, t);
  await page.goto(demo.url + '/vue.html');
  const list = page.locator('ipr-complaint-list');
  const first = list.locator('button.number').first();
  await first.waitFor();
  await shot('vue-list');
  // A property bound by Vue (status) filters the list.
  await page.locator('#vue-status').selectOption('arbitrated');
  let statuses = [];
  for (const until = Date.now() + 15_000; Date.now() < until; await page.waitForTimeout(200)) {
    statuses = await list.locator('tbody tr').allInnerTexts();
    if (statuses.length > 0 && statuses.every((r) => /Arbitrated/.test(r))) break;
  }
  assert.ok(statuses.length > 0 && statuses.every((r) => /Arbitrated/.test(r)), statuses.join('\n'));
  // An element event handled by Vue (@ipr-complaint-open) sets the detail's complaintId property.
  const number = await list.locator('button.number').first().textContent();
  await list.locator('button.number').first().click();
  await page.locator('ipr-complaint-detail').getByText(number).first().waitFor();
  await page.locator('#vue-events li', { hasText: `ipr-complaint-open` }).waitFor();
  await shot('vue-detail');
  // The locale property: Chinese strings load on demand.
  await page.locator('#vue-locale').selectOption('zh-CN');
  await page
    .locator('ipr-complaint-detail')
    .getByText('处理记录')
    .or(page.locator('ipr-complaint-detail').getByText('已仲裁'))
    .first()
    .waitFor();
  await shot('vue-zh');
  assert.deepEqual(errors, []);
  await context.close();
});
