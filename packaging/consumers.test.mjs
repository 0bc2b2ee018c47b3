// What partners' stacks see: four small apps under packaging/consumers/ install the packed
// tarballs (as published) plus their own pinned dependencies from the npm registry, and use them:
//   react/  Vite 8 + React 19 + strict TypeScript (skipLibCheck off): the @lit/react wrappers and a raw tag
//   vue/    Vite 8 + Vue 3 + vue-tsc: the raw tags with isIprElement as isCustomElement
//   html/   a plain page with the CDN bundle (dist/cdn of the packed tarball) and document listeners
//   node/   a strict NodeNext program with @ipr/validators and @ipr/client, run against the real API
// Each type-checks, the Vite apps build, and each web app files a complaint in Chromium against
// the reference API on its own origin; a file of deliberate mistakes per typed app must fail to
// type-check with exactly the expected errors. Installs are cached between runs
// (packaging/support/install.mjs): the first run costs `npm ci`, later ones only changed tarballs.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launch, openPage, pdf } from '../e2e/support.mjs';
import { ensureChromium } from '../scripts/ensure-chromium.mjs';
import { CONSUMERS, installFixture, run, stagePacks } from './support/install.mjs';
import { packAll } from './support/pack.mjs';
import { serveApp, startApi } from './support/serve.mjs';

const dir = (app) => join(CONSUMERS, app);
/** tsc keeps what it checked in node_modules/.tmp (git-ignored): an unchanged app costs seconds. */
const incremental = (name) => ['--incremental', '--tsBuildInfoFile', `node_modules/.tmp/${name}.tsbuildinfo`];

let apiReady;
let browserReady;
/** The CDN bundle as published: dist/cdn of the packed @ipr/elements, unpacked. */
let cdnDir;
const unpacked = mkdtempSync(join(tmpdir(), 'ipr-consumers-cdn-'));

/** The demo accounts' tokens, from the server's dist (built by packAll when stale). */
let TOKENS;

before(async () => {
  const started = Date.now();
  const packed = packAll();
  ({ TOKENS } = await import('@ipr/server/demo-accounts'));
  stagePacks(packed);
  execFileSync('tar', ['-xzf', packed.get('elements').tarball, '-C', unpacked, 'package/dist/cdn']);
  cdnDir = join(unpacked, 'package/dist/cdn');
  console.log(`# packed the packages in ${Date.now() - started} ms`);
  // The API (PGlite's first start takes seconds) and Chromium start while the apps install.
  apiReady = startApi();
  process.env.CHROME_PATH = ensureChromium();
  browserReady = launch();
  // Awaited by the browser tests; a failure is reported there, not as an unhandled rejection.
  apiReady.then((api) => console.log(`# the API started in ${Math.round(api.startupMs)} ms`)).catch(() => undefined);
  browserReady.catch(() => undefined);
});

after(async () => {
  await Promise.allSettled([browserReady?.then((b) => b.close()), apiReady?.then((a) => a.close())]);
  rmSync(unpacked, { recursive: true, force: true });
});

/** tsc's errors: { file, line, code, text } (text: the message with its indented elaboration). */
function tscErrors(output) {
  return [...output.matchAll(/^(\S.*?)\((\d+),\d+\): error (TS\d+): (.*(?:\n[ \t]+.*)*)/gm)].map((m) => ({
    file: m[1],
    line: Number(m[2]),
    code: m[3],
    text: m[4],
  }));
}

/** The lines a file of deliberate mistakes marks as errors: the line after each `error:` comment. */
function markedLines(file) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((text, i) => (/(\{\/\*|<!--) error:/.test(text) ? [i + 2] : []));
}

/** Asserts a file of deliberate mistakes fails to type-check with exactly the `expected` errors, in order. */
function assertTypeErrors(result, file, expected) {
  // 2: errors found while checking; 1: the same errors replayed from the incremental build info.
  assert.ok(result.status === 1 || result.status === 2, `the checker exits with errors (${result.status})`);
  const errors = tscErrors(result.output);
  assert.deepEqual(
    errors.map((e) => `${e.file}:${e.line}`),
    markedLines(join(file.dir, file.path)).map((line) => `${file.path}:${line}`),
    `errors on exactly the marked lines:\n${result.output}`,
  );
  errors.forEach((e, i) => {
    assert.equal(e.code, 'TS2322', result.output);
    if (typeof expected[i] === 'function') expected[i](e.text);
    else assert.match(e.text, expected[i], result.output);
  });
}

/**
 * "purple" refused for exactly the three themes: spelled out (the raw tags' typings, in no fixed
 * order) or by the elements' own `Theme` (the wrappers take the class's property type).
 */
const WRONG_THEME = (text) => {
  const union = /^Type '"purple"' is not assignable to type '([^']+)'\./.exec(text)?.[1];
  const members = union?.split(' | ').sort();
  if (members?.[0] !== 'Theme') assert.deepEqual(members, ['"auto"', '"dark"', '"light"', 'undefined'], text);
  else assert.deepEqual(members, ['Theme', 'undefined'], text);
};
// On a raw tag tsc names the whole props type first; the handler's mismatch is in the elaboration.
const WRONG_HANDLER =
  /Type '\(event: IprComplaintOpenEvent\) => void' is not assignable to type '\((e|event): IprComplaintSubmittedEvent\) => void'\./;

async function install(t, app) {
  const r = await installFixture(dir(app));
  t.diagnostic(`${app}: ${r.how}${r.how === 'tarballs' ? ` (${r.changed.join(', ')})` : ''} in ${r.ms} ms`);
  assert.ok(existsSync(join(dir(app), 'node_modules/@ipr/validators/package.json')));
}

async function viteBuild(app) {
  rmSync(join(dir(app), 'dist'), { recursive: true, force: true });
  const r = await run(dir(app), 'vite', ['build', '--logLevel', 'warn']);
  assert.equal(r.status, 0, r.output);
  assert.doesNotMatch(r.output, /warn|error/i, 'vite build has no warnings');
  assert.ok(existsSync(join(dir(app), 'dist/index.html')));
}

/**
 * In Chromium, on the app's own origin with the API under /v1 (`mounts`: what else it serves):
 * files a complaint of `type` through the form as a person would, then clicks its number in the
 * list. The app writes what its handlers saw into <output id="submitted"> and <output id="opened">.
 * Apps filing as one account use different types (an open complaint's exact duplicate is refused).
 */
async function fileAndOpen(t, app, { token, type, mounts = { '/': join(dir(app), 'dist') } }) {
  const [api, browser] = await Promise.all([apiReady, browserReady]);
  const site = await serveApp(mounts, api.url);
  const { page, context, shot, errors } = await openPage(browser, t);
  // What went wrong loading the app, for the message of a failure.
  const failed = [];
  page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => r.status() >= 400 && failed.push(`${r.url()} ${r.status()}`));
  try {
    await page.goto(`${site.url}/?token=${token}`);
    const form = page.locator('ipr-complaint-form');
    const heading = form.locator('#step-heading');
    const next = async (expected) => {
      await form.locator('button.next').click();
      await heading.filter({ hasText: expected }).waitFor();
    };
    await heading.waitFor();
    // The account's contact fills in once the API has said whose token this is.
    await page.waitForFunction(
      () => document.querySelector('ipr-complaint-form')?.shadowRoot?.querySelector('#f-contact-email')?.value,
    );
    await form.locator('#f-type').selectOption(type);
    const picker = form.locator('ipr-product-picker');
    await picker.locator('#q').fill('lamp');
    await picker.locator('#q').press('Enter');
    await picker.locator('.results button.add:not([disabled])').first().click();
    await picker.locator('.results button.add:not([disabled])').first().click();
    await picker.locator('[part=counter]', { hasText: '2 / 800' }).waitFor();
    await form.locator('#f-description').fill(`These listings copy our lamp (filed from the ${app} app).`);
    await form.locator('#f-holder').check();
    await next('Upload evidence');
    const evidence = form.locator('ipr-evidence-picker[data-key="evidence"]');
    await evidence
      .locator('#files')
      .setInputFiles({ name: 'registration-certificate.pdf', mimeType: 'application/pdf', buffer: pdf() });
    await evidence.locator('li.item[data-id] .name', { hasText: 'registration-certificate.pdf' }).waitFor();
    await next('Complete submission');
    const boxes = form.locator('input[id^=f-decl-]');
    for (let i = 0, n = await boxes.count(); i < n; i++) await boxes.nth(i).check();
    // The number the element announced, heard by the page itself, to compare with the app's handler.
    const announced = page.evaluate(
      () =>
        new Promise((ok) =>
          document.addEventListener('ipr-complaint-submitted', (e) => ok(e.detail.number), { once: true }),
        ),
    );
    await form.locator('button.next').click();
    const number = await announced;
    assert.match(number, /^IPR-\d{4}-\d{6}$/);
    await page.locator('output#submitted', { hasText: number }).waitFor({ timeout: 10_000 });
    assert.equal(await page.locator('output#submitted').textContent(), number, "the app's submitted handler saw it");
    await shot('submitted');

    // The list (live) shows the new complaint; choosing its number reaches the app's open handler.
    const link = page.locator('ipr-complaint-list button.number', { hasText: number });
    await link.click();
    await page.locator('output#opened', { hasText: number }).waitFor({ timeout: 10_000 });
    assert.equal(await page.locator('output#opened').textContent(), number, "the app's open handler saw it");
    await shot('opened');
    assert.deepEqual(errors, [], 'no page errors');
  } catch (error) {
    await shot('failed').catch(() => undefined);
    error.message += `\npage errors: ${JSON.stringify(errors)}\nfailed requests: ${JSON.stringify(failed)}`;
    throw error;
  } finally {
    await context.close();
    await site.close();
  }
}

test("the guide's code blocks are their fixtures' text (docs/partner-stacks.md)", () => {
  const guide = readFileSync(join(CONSUMERS, '../../docs/partner-stacks.md'), 'utf8');
  const blocks = [...guide.matchAll(/^<!-- from (packaging\/consumers\/\S+) -->\n```\w*\n([\s\S]*?)^```$/gm)];
  assert.ok(blocks.length >= 12, `the guide quotes the fixtures (${blocks.length} blocks)`);
  for (const [, path, text] of blocks) {
    const source = readFileSync(join(CONSUMERS, '../..', path), 'utf8');
    assert.ok(source.includes(text), `${path}: the guide's block is not in the file any more:\n${text}`);
  }
});

describe('partner stacks', { concurrency: true }, () => {
  describe('React 19 + Vite 8 + strict TypeScript', { concurrency: 1 }, () => {
    test('installs the packed tarballs and its pinned dependencies', { timeout: 600_000 }, (t) => install(t, 'react'));

    test('type-checks: the wrappers and a raw tag (tsc, strict, skipLibCheck off)', { timeout: 180_000 }, async () => {
      const r = await run(dir('react'), 'tsc', ['-p', 'tsconfig.json', '--pretty', 'false', ...incremental('app')]);
      assert.equal(r.status, 0, r.output);
    });

    test('a theme it does not have and a handler for another event fail to type-check', {
      timeout: 180_000,
    }, async () => {
      const args = ['-p', 'tsconfig.type-errors.json', '--pretty', 'false', ...incremental('type-errors')];
      const r = await run(dir('react'), 'tsc', args);
      assertTypeErrors(r, { dir: dir('react'), path: 'type-errors/wrong-props.tsx' }, [
        WRONG_THEME,
        WRONG_HANDLER,
        WRONG_THEME,
        WRONG_HANDLER,
      ]);
    });

    test('editors: the VS Code custom data and the JetBrains web-types name every tag', () => {
      const installed = join(dir('react'), 'node_modules/@ipr/elements');
      const read = (file) => JSON.parse(readFileSync(file, 'utf8'));
      const tags = read(join(installed, 'custom-elements.json'))
        .modules.flatMap((m) => m.declarations ?? [])
        .filter((d) => d.customElement && d.tagName)
        .map((d) => d.tagName)
        .sort();
      assert.ok(tags.includes('ipr-complaint-form') && tags.includes('ipr-provider'), tags.join());
      // VS Code: the path the guide's settings.json gives, from the app's folder.
      const [customData, ...more] = read(join(dir('react'), '.vscode/settings.json'))['html.customData'];
      assert.equal(more.length, 0);
      const vscode = read(join(dir('react'), customData));
      assert.deepEqual(vscode.tags.map((tag) => tag.name).sort(), tags);
      const theme = vscode.tags
        .find((tag) => tag.name === 'ipr-complaint-form')
        .attributes.find((a) => a.name === 'theme');
      assert.deepEqual(theme.values.map((v) => v.name).sort(), ['auto', 'dark', 'light']);
      // JetBrains: the file package.json names.
      const webTypes = read(join(installed, read(join(installed, 'package.json'))['web-types']));
      assert.deepEqual(webTypes.contributions.html.elements.map((el) => el.name).sort(), tags);
    });

    test('vite build', { timeout: 120_000 }, () => viteBuild('react'));

    test('in Chromium: onIprComplaintSubmitted and onipr-complaint-open reach the app', { timeout: 120_000 }, (t) =>
      fileAndOpen(t, 'react', { token: TOKENS.complainantA, type: 'trademark_infringement' }),
    );
  });

  describe('Vue 3 + Vite 8 + vue-tsc', { concurrency: 1 }, () => {
    test('installs the packed tarballs and its pinned dependencies', { timeout: 600_000 }, (t) => install(t, 'vue'));

    test('type-checks: the raw tags in templates (vue-tsc, strict, skipLibCheck off)', {
      timeout: 180_000,
    }, async () => {
      const r = await run(dir('vue'), 'vue-tsc', ['-p', 'tsconfig.json', '--pretty', 'false', ...incremental('app')]);
      assert.equal(r.status, 0, r.output);
    });

    test('a theme it does not have and a handler for another event fail to type-check', {
      timeout: 180_000,
    }, async () => {
      const args = ['-p', 'tsconfig.type-errors.json', '--pretty', 'false', ...incremental('type-errors')];
      const r = await run(dir('vue'), 'vue-tsc', args);
      assertTypeErrors(r, { dir: dir('vue'), path: 'type-errors/WrongProps.vue' }, [WRONG_THEME, WRONG_HANDLER]);
    });

    test('vite build', { timeout: 120_000 }, () => viteBuild('vue'));

    test('in Chromium: @ipr-complaint-submitted and @ipr-complaint-open reach the app', { timeout: 120_000 }, (t) =>
      fileAndOpen(t, 'vue', { token: TOKENS.complainantB, type: 'trademark_infringement' }),
    );
  });

  describe('a plain page with the CDN bundle', { concurrency: 1 }, () => {
    test(
      'in Chromium: document listeners hear ipr-complaint-submitted and ipr-complaint-open',
      { timeout: 120_000 },
      (t) =>
        fileAndOpen(t, 'html', {
          token: TOKENS.complainantA,
          type: 'copyright_infringement',
          mounts: { '/': dir('html'), '/sdk/': cdnDir },
        }),
    );
  });

  describe('Node 20 + strict NodeNext TypeScript', { concurrency: 1 }, () => {
    test('installs the packed tarballs and its pinned dependencies', { timeout: 600_000 }, (t) => install(t, 'node'));

    test('compiles with tsc (strict, NodeNext, skipLibCheck off)', { timeout: 180_000 }, async () => {
      // Incremental build info says nothing about missing outputs: start over when dist/ is gone.
      if (!existsSync(join(dir('node'), 'dist/main.js')))
        rmSync(join(dir('node'), 'node_modules/.tmp/app.tsbuildinfo'), { force: true });
      const r = await run(dir('node'), 'tsc', ['-p', 'tsconfig.json', '--pretty', 'false', ...incremental('app')]);
      assert.equal(r.status, 0, r.output);
      assert.ok(existsSync(join(dir('node'), 'dist/main.js')));
    });

    test('runs: validates a draft offline, then reads the account and complaints from the API', async () => {
      const api = await apiReady;
      const r = await run(dir('node'), 'node', ['dist/main.js'], {
        env: { IPR_API_BASE: api.url, IPR_TOKEN: TOKENS.complainantA },
      });
      assert.equal(r.status, 0, r.output);
      // Each issue in English and in Simplified Chinese.
      assert.match(r.output, /^field\.required at description: [\w ,.'"]+ \/ .*[\u4e00-\u9fff]/m);
      assert.match(r.output, /^links\.not_url at productLinks\.1: /m);
      const last = JSON.parse(r.output.trim().split('\n').at(-1) ?? '{}');
      assert.equal(last.account, 'Aurora Lighting Co., Ltd.');
      assert.equal(last.role, 'complainant');
      assert.ok(last.complaints >= 7, `the seeded complaints of complainant A are listed (${last.complaints})`);
    });
  });
});
