// Smoke test of the static Storybook: builds it when stale, serves it, opens every story in
// Debian's headless Chromium and fails on a console error, an empty story or an axe violation.
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
  stories = Object.values(index.entries).filter(
    (e) => e.type === 'story' && (!process.env.STORY_FILTER || e.id.includes(process.env.STORY_FILTER)),
  );
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
});

after(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r()));
});

test('every story renders without console errors or axe violations', async (t) => {
  assert.ok(stories.length > 0, 'index.json lists no stories');
  // One page for all stories: the in-browser API starts once, as it would for a person browsing.
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
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
  await page.goto(`${base}/iframe.html?id=${stories[0].id}&viewMode=story`);
  await page.waitForFunction(() => window.__STORYBOOK_ADDONS_CHANNEL__, null, { timeout: 30_000 });
  const failures = [];
  const t0 = Date.now();
  for (const story of stories) {
    errors = [];
    const started = Date.now();
    // Storybook reports the end of loaders, render and play (or their failure) on its channel.
    const outcome = await page.evaluate(
      (id) =>
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
          const done = (value) => {
            for (const [e, h] of Object.entries(handlers)) channel.off(e, h);
            clearTimeout(timer);
            resolve(value);
          };
          for (const [event, message] of Object.entries(events)) {
            handlers[event] = (arg) =>
              done(
                message === null
                  ? 'ok'
                  : `${message}: ${JSON.stringify(arg?.message ?? arg?.description ?? arg).slice(0, 300)}`,
              );
            channel.on(event, handlers[event]);
          }
          const timer = setTimeout(() => done('no storyRendered within 45 s'), 45_000);
          document.querySelector('#storybook-root')?.replaceChildren();
          channel.emit('setCurrentStory', { storyId: id, viewMode: 'story' });
        }),
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
    for (const e of errors) failures.push(`${story.id}: console error: ${e}`);
    t.diagnostic(`${story.id} ${Date.now() - started} ms`);
  }
  t.diagnostic(`${stories.length} stories in ${Date.now() - t0} ms`);
  if (missing.length) t.diagnostic(`answered 404: ${[...new Set(missing)].join(', ')}`);
  await context.close();
  assert.deepEqual(failures, [], `${failures.length} problem(s):\n${failures.join('\n')}`);
});
