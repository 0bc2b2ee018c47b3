// Smoke test of the static Storybook: builds it when stale, serves it, opens every story in
// Debian's headless Chromium and fails on a console error, an empty story or an axe violation;
// then changes every control of every story and checks the element took the new value, checks
// that the args table lists only the element's public API (enum attributes as selects), and
// that each docs page shows its element's description and each guide renders.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, stat, readdir } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { join, extname, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../scripts/ensure-chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'storybook-static');
const MANIFEST_PATH = join(root, 'packages/elements/custom-elements.json');
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.data': 'application/octet-stream',
};

async function newest(dir) {
  let latest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.parentPath.includes('node_modules')) continue;
    latest = Math.max(latest, (await stat(join(entry.parentPath, entry.name))).mtimeMs);
  }
  return latest;
}

/** Builds storybook-static unless it is newer than every source it depends on. */
async function ensureBuild() {
  const built = await stat(join(out, 'index.json')).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  const sources = Math.max(
    ...(await Promise.all(
      [
        '.storybook',
        'stories',
        'packages/elements/src',
        'packages/client/src',
        'packages/server/src',
        'packages/validators/src',
      ].map((d) => newest(join(root, d))),
    )),
    // The args tables, controls and docs descriptions come from the elements' manifest.
    (await stat(MANIFEST_PATH)).mtimeMs,
  );
  if (built > sources) return 'fresh';
  const t0 = Date.now();
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules/storybook/dist/bin/dispatcher.js'), 'build', '-o', out, '--quiet'],
    { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`storybook build failed (exit ${r.status}):\n${r.stderr}`);
  return `built in ${Date.now() - t0} ms`;
}

let server,
  browser,
  base,
  stories = [];
/** Paths the static server answered 404: named in a failure, since Chromium's console message omits them. */
const missing = [];
const axeSource = await readFile(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
let docsPages = [];

before(async () => {
  console.log(`# storybook-static ${await ensureBuild()}`);
  server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = join(out, path.endsWith('/') ? path + 'index.html' : path);
    if (!file.startsWith(out)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      missing.push(path);
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}`;
  const index = JSON.parse(await readFile(join(out, 'index.json'), 'utf8'));
  const wanted = (e) => !process.env.STORY_FILTER || e.id.includes(process.env.STORY_FILTER);
  stories = Object.values(index.entries).filter((e) => e.type === 'story' && wanted(e));
  docsPages = Object.values(index.entries).filter((e) => e.type === 'docs' && wanted(e));
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
});

after(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r()));
});

/** The manifest entry of each ipr-* tag. */
const declarations = new Map(
  JSON.parse(await readFile(MANIFEST_PATH, 'utf8'))
    .modules.flatMap((m) => m.declarations ?? [])
    .filter((d) => d.tagName)
    .map((d) => [d.tagName, d]),
);

/** What an args-table key of `tag` stands for in its manifest entry (undefined: not public API of the element). */
function targetOf(tag, key) {
  const d = declarations.get(tag);
  if (!d) return undefined;
  const attribute = d.attributes?.find((a) => a.name === key);
  if (attribute)
    return { kind: 'attribute', attribute: key, field: attribute.fieldName ?? key, type: attribute.type?.text };
  const member = d.members?.find((m) => m.kind === 'field' && !m.static && m.name === key);
  if (member) return { kind: 'property', field: key, type: member.type?.text, readonly: !!member.readonly };
  if (d.cssProperties?.some((c) => c.name === key)) return { kind: 'css', name: key };
  if (d.events?.some((e) => e.name === key)) return { kind: 'event' };
  if (d.cssParts?.some((p) => key === `::part(${p.name})`)) return { kind: 'part' };
  if (d.slots?.some((sl) => key === (sl.name ? `slot ${sl.name}` : 'slot (default)'))) return { kind: 'slot' };
  return undefined;
}

/** A manifest type that is not a plain string, boolean or number (a union of literals or an alias of one). */
const isEnumType = (type) => {
  const parts = (type ?? '')
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p && p !== 'undefined' && p !== 'null');
  return parts.length > 0 && !(parts.length === 1 && ['string', 'boolean', 'number'].includes(parts[0]));
};

/**
 * The args table of a story against its element's manifest: every row shown is a public
 * attribute, property, event, slot, part or CSS custom property; every enum attribute is a select;
 * boolean attributes have a boolean control and string ones a text field or a select.
 */
function tableProblems(tag, argTypes) {
  const problems = [];
  for (const [key, argType] of Object.entries(argTypes)) {
    if (argType.table?.disable) continue;
    const target = targetOf(tag, key);
    if (!target) {
      problems.push(`args table shows "${key}", which is no public member of <${tag}>`);
      continue;
    }
    if (target.kind !== 'attribute') continue;
    const control = argType.control?.disable ? undefined : argType.control?.type;
    if (isEnumType(target.type) && !['select', 'radio', 'inline-radio'].includes(control))
      problems.push(`enum attribute ${key} (${target.type}) has control ${control ?? 'none'}, not a select`);
    if (/^boolean\b/.test(target.type ?? '') && control && control !== 'boolean')
      problems.push(`boolean attribute ${key} has control ${control}`);
    if (/^string( \| undefined)?$/.test(target.type ?? '') && control && !['text', 'select'].includes(control))
      problems.push(`string attribute ${key} has control ${control}`);
  }
  return problems;
}

const CONTROL_TYPES = ['select', 'radio', 'inline-radio', 'boolean', 'text', 'number', 'color', 'date'];

/**
 * The controls of a story to exercise, in order: attributes and properties one at a time (the
 * `token` last: it switches the account behind the element, whose answer arrives later), then
 * every CSS custom property at once (they cannot interfere).
 */
function controlPlan(tag, argTypes) {
  const one = [];
  const css = [];
  for (const [key, argType] of Object.entries(argTypes)) {
    const type = argType.control?.type;
    if (argType.table?.disable || argType.control?.disable || !CONTROL_TYPES.includes(type)) continue;
    const target = targetOf(tag, key);
    if (!target) continue;
    const step = { key, control: type, options: argType.options ?? [], ...target };
    (target.kind === 'css' ? css : one).push(step);
  }
  one.sort((a, b) => Number(a.key === 'token') - Number(b.key === 'token'));
  return { one, css };
}

/**
 * Runs in the preview, for each batch of controls in turn: picks a new value for each control
 * against what the element shows now, sets them as the controls panel does (`updateStoryArgs` on
 * the channel), waits for the re-render and the element's update, and notes each value that did
 * not reach the element's attribute, property or style.
 */
async function changeControls({ id, tag, batches, salt }) {
  const problems = [];
  let changed = 0;
  for (const steps of batches) {
    let el = document.querySelector(`#storybook-root ${tag}`);
    if (!el) return { changed, problems: [...problems, `<${tag}> is gone`] };
    const values = steps.map((st) => {
      const now = st.kind === 'attribute' && st.control !== 'boolean' ? el.getAttribute(st.attribute) : null;
      switch (st.control) {
        case 'boolean':
          return !el[st.field];
        case 'number':
          return Number(el[st.field] ?? 0) + 1;
        case 'date':
          return (el[st.field] instanceof Date ? el[st.field].getTime() : Date.now()) + 3 * 86_400_000;
        case 'color':
          return '#123456';
        case 'text':
          if (st.kind === 'css') return st.name.includes('font-family') ? 'serif' : '7px';
          return `${now || st.key}-${salt}`;
        default:
          return st.options.find((o) => o !== now && String(o) !== String(el[st.field] ?? ''));
      }
    });
    const updatedArgs = Object.fromEntries(steps.map((st, i) => [st.key, values[i]]));
    const { outcome } = await window.__smokeRender((channel) =>
      channel.emit('updateStoryArgs', { storyId: id, updatedArgs }),
    );
    if (outcome !== 'ok')
      return { changed, problems: [...problems, `after setting ${JSON.stringify(updatedArgs)}: ${outcome}`] };
    el = document.querySelector(`#storybook-root ${tag}`);
    if (!el)
      return { changed, problems: [...problems, `<${tag}> is gone after setting ${JSON.stringify(updatedArgs)}`] };
    await Promise.race([el.updateComplete, new Promise((r) => setTimeout(r, 5000))]);
    steps.forEach((st, i) => {
      const want = values[i];
      let got = el[st.field];
      if (st.kind === 'css') got = el.style.getPropertyValue(st.name).trim();
      else if (st.control === 'date' && got instanceof Date) got = got.getTime();
      const attribute = st.kind === 'attribute' && !['boolean', 'number'].includes(st.control);
      if (want === undefined) problems.push(`control ${st.key}: no other value to choose`);
      else if (got !== want)
        problems.push(`control ${st.key}: set ${JSON.stringify(want)}, property is ${JSON.stringify(got)}`);
      else if (attribute && el.getAttribute(st.attribute) !== String(want))
        problems.push(
          `control ${st.key}: set ${JSON.stringify(want)}, attribute is ${JSON.stringify(el.getAttribute(st.attribute))}`,
        );
      else changed++;
    });
  }
  return { changed, problems };
}

test('every story renders without console errors or axe violations, and every control changes its element', async (t) => {
  if (process.env.STORY_FILTER && stories.length === 0) return t.skip(`no story matches ${process.env.STORY_FILTER}`);
  assert.ok(stories.length > 0, 'index.json lists no stories');
  // One page for all stories: the in-browser API starts once, as it would for a person browsing.
  // The user agent says "StorybookTestRunner", as Storybook's own test runner's does: Storybook
  // then pauses CSS animations instead of waiting 100 ms for them after every render.
  const probe = await browser.newPage();
  const userAgent = `${await probe.evaluate(() => navigator.userAgent)} StorybookTestRunner`;
  await probe.close();
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, userAgent });
  const page = await context.newPage();
  let errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${m.text()}${m.location()?.url ? ` (${m.location().url})` : ''}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`);
  });
  // Open the preview once, then switch stories through Storybook's channel: the in-browser API
  // (PGlite, seeded) starts once per page, as it does for a person browsing Storybook.
  // The a11y addon's own axe run after every render is switched off (`a11y.manual`): this test
  // runs axe itself once per story, and the addon's run would hold every control change.
  await page.goto(`${base}/iframe.html?id=${stories[0].id}&viewMode=story&globals=a11y.manual:!true`);
  await page.waitForFunction(() => window.__STORYBOOK_ADDONS_CHANNEL__, null, { timeout: 30_000 });
  // Emits on Storybook's channel and resolves with the outcome of the render that follows
  // ('ok' once storyRendered; the error otherwise), and the argTypes of storyPrepared if any.
  await page.evaluate(() => {
    // Events of another story (a late re-render of the one before) are ignored: only `id`'s count.
    window.__smokeRender = (emit, id) =>
      new Promise((resolve) => {
        const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
        const events = {
          storyRendered: null,
          storyErrored: 'story errored',
          storyThrewException: 'story threw',
          playFunctionThrewException: 'play function threw',
          storyMissing: 'story missing',
        };
        const handlers = {};
        let prepared;
        const onPrepared = (p) => {
          if (id && p?.id && p.id !== id) return;
          prepared = JSON.parse(JSON.stringify({ argTypes: p.argTypes, args: p.args }));
        };
        const done = async (outcome) => {
          for (const [e, h] of Object.entries(handlers)) channel.off(e, h);
          channel.off('storyPrepared', onPrepared);
          clearTimeout(timer);
          // No storyPrepared heard: the story the page opened with was prepared before this
          // listener (Storybook then answers a second selection of it with storyUnchanged, and its
          // first render's storyRendered ends this wait). Its argTypes come from the story store.
          const preview = window.__STORYBOOK_PREVIEW__;
          const storyId = id ?? preview?.selectionStore?.selection?.storyId;
          if (!prepared && storyId && preview?.storyStoreValue) {
            const story = await preview.storyStoreValue.loadStory({ storyId });
            const context = preview.storyStoreValue.getStoryContext(story);
            onPrepared({ id: storyId, argTypes: context.argTypes, args: context.unmappedArgs ?? context.args });
          }
          resolve({ outcome, prepared });
        };
        for (const [event, message] of Object.entries(events)) {
          handlers[event] = (arg) => {
            const storyId = typeof arg === 'string' ? arg : arg?.storyId;
            if (id && storyId && storyId !== id) return;
            done(
              message === null
                ? 'ok'
                : `${message}: ${JSON.stringify(arg?.message ?? arg?.description ?? arg).slice(0, 300)}`,
            );
          };
          channel.on(event, handlers[event]);
        }
        channel.on('storyPrepared', onPrepared);
        const timer = setTimeout(() => done('no storyRendered within 45 s'), 45_000);
        emit(channel);
      });
  });
  const failures = [];
  let controlsChanged = 0;
  let controlMs = 0;
  const t0 = Date.now();
  for (const story of stories) {
    errors = [];
    const started = Date.now();
    // Storybook reports the end of loaders, render and play (or their failure) on its channel.
    const { outcome, prepared } = await page.evaluate(
      (id) =>
        window.__smokeRender((channel) => {
          document.querySelector('#storybook-root')?.replaceChildren();
          channel.emit('setCurrentStory', { storyId: id, viewMode: 'story' });
        }, id),
      story.id,
    );
    if (outcome !== 'ok') {
      failures.push(`${story.id}: ${outcome}`);
      continue;
    }
    const problem = await page
      .waitForFunction(
        () => {
          const root = document.querySelector('#storybook-root');
          const err = document.querySelector('.sb-show-errordisplay #error-message');
          if (err) return `story error: ${err.textContent}`;
          if (!root || root.childElementCount === 0) return false;
          // Rendered: the story's ipr-* elements have rendered their shadow content.
          const hosts = [...root.querySelectorAll('*')].filter((e) => e.localName.startsWith('ipr-'));
          if (hosts.length === 0) return 'no ipr-* element rendered';
          const ready = hosts.every((h) => h.shadowRoot && h.shadowRoot.childNodes.length > 0);
          const busy = document.querySelector('[data-story-busy]');
          return ready && !busy ? 'ok' : false;
        },
        null,
        { timeout: 15_000, polling: 100 },
      )
      .then(
        (h) => h.jsonValue(),
        (e) => `not rendered within 15 s (${e.message.split('\n')[0]})`,
      );
    if (problem !== 'ok') {
      failures.push(`${story.id}: ${problem}`);
      continue;
    }
    // Let async content (API answers) settle before judging.
    await page.waitForTimeout(300);
    const text = await page.evaluate(() => {
      const walk = (n) =>
        [...(n.shadowRoot ? n.shadowRoot.childNodes : []), ...n.childNodes]
          .map((c) => (c.nodeType === 3 ? c.textContent : c.nodeType === 1 ? walk(c) : ''))
          .join('');
      return walk(document.querySelector('#storybook-root')).trim();
    });
    if (!text) failures.push(`${story.id}: renders no text`);
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document.querySelector('#storybook-root'), { resultTypes: ['violations'] });
      return r.violations.map(
        (v) =>
          `${v.id} (${v.impact}): ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(', ')}`,
      );
    });
    for (const v of violations) failures.push(`${story.id}: axe ${v}`);

    // The controls: the args table is the element's public API, and each control changes the element.
    const tag = await page.evaluate(
      () => [...document.querySelectorAll('#storybook-root *')].find((e) => e.localName.startsWith('ipr-'))?.localName,
    );
    if (!prepared) failures.push(`${story.id}: no storyPrepared event (no argTypes to check)`);
    else if (!declarations.has(tag)) failures.push(`${story.id}: <${tag}> is not in custom-elements.json`);
    else {
      const controlsStarted = Date.now();
      for (const p of tableProblems(tag, prepared.argTypes)) failures.push(`${story.id}: ${p}`);
      const { one, css } = controlPlan(tag, prepared.argTypes);
      if (one.length === 0) failures.push(`${story.id}: no attribute control to change`);
      // In the page, one batch after the other (no round trip per control).
      const batches = [...one.map((step) => [step]), ...(css.length ? [css] : [])];
      const result = await page.evaluate(changeControls, { id: story.id, tag, batches, salt: Date.now().toString(36) });
      for (const p of result.problems) failures.push(`${story.id}: ${p}`);
      controlsChanged += result.changed;
      controlMs += Date.now() - controlsStarted;
    }
    for (const e of errors) failures.push(`${story.id}: console error: ${e}`);
    t.diagnostic(`${story.id} ${Date.now() - started} ms`);
  }
  t.diagnostic(
    `${stories.length} stories in ${Date.now() - t0} ms (${controlsChanged} controls changed in ${controlMs} ms)`,
  );
  if (missing.length) t.diagnostic(`answered 404: ${[...new Set(missing)].join(', ')}`);
  await context.close();
  assert.deepEqual(failures, [], `${failures.length} problem(s):\n${failures.join('\n')}`);
});

test("every element's docs page shows its description, and every guide renders", async (t) => {
  if (process.env.STORY_FILTER && docsPages.length === 0)
    return t.skip(`no docs page matches ${process.env.STORY_FILTER}`);
  assert.ok(docsPages.length > 0, 'index.json lists no docs pages');
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  let errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  const plain = (md) =>
    md
      .replace(/[`*_]/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\s+/g, ' ')
      .trim();
  const failures = [];
  const t0 = Date.now();
  for (const entry of docsPages) {
    errors = [];
    // An element's page: the start of the manifest description; a guide: a first heading with
    // its title's last part in it.
    const tag = [...declarations.keys()].find((tg) => entry.id === `elements-${tg.replace(/^ipr-/, '')}--docs`);
    const d = tag && declarations.get(tag);
    const want = d ? plain(d.description || d.summary || '').slice(0, 60) : undefined;
    if (d && !want) {
      failures.push(`${entry.id}: <${tag}> has no description in custom-elements.json`);
      continue;
    }
    const heading = entry.title.split('/').pop();
    // A page load each (a docs page starts all its stories; leaving the page stops them).
    await page.goto(`${base}/iframe.html?id=${entry.id}&viewMode=docs&globals=a11y.manual:!true`, {
      waitUntil: 'domcontentloaded',
    });
    const shown = await page
      .waitForFunction(
        ({ want, heading }) => {
          const docs = document.querySelector('#storybook-docs');
          if (want) return (docs?.textContent ?? '').replace(/\s+/g, ' ').includes(want);
          return !!docs?.querySelector('h1')?.textContent?.toLowerCase().includes(heading.toLowerCase());
        },
        { want, heading },
        { timeout: 20_000, polling: 100 },
      )
      .then(
        () => 'ok',
        () => (want ? `does not show "${want}"` : `shows no heading with "${heading}"`),
      );
    if (shown !== 'ok') failures.push(`${entry.id}: ${shown}`);
    for (const e of errors) failures.push(`${entry.id}: ${e}`);
  }
  t.diagnostic(`${docsPages.length} docs pages in ${Date.now() - t0} ms`);
  await context.close();
  assert.deepEqual(failures, [], `${failures.length} problem(s):\n${failures.join('\n')}`);
});
