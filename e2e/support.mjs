// Shared pieces of the end-to-end suite: the real demo server (`node scripts/start.mjs` on a free
// port and a fresh data folder), Debian's Chromium through playwright-core, screenshots per test.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../scripts/ensure-chromium.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Builds only when an output the demo needs is missing or older than its sources (SKIP_BUILD=1 skips the check). */
export async function buildIfStale() {
  const { buildIfStale: build } = await import('../scripts/start.mjs');
  return build({ log: () => undefined, quiet: true });
}

/** Starts `node scripts/start.mjs` like a user would, on PORT=0 and a fresh DATA_DIR. */
export async function startDemo() {
  const dataDir = mkdtempSync(join(tmpdir(), 'ipr-e2e-'));
  // A snapshot of the CDN bundle: a rebuild elsewhere in the checkout cannot swap files mid-test.
  const sdkDir = join(dataDir, 'sdk');
  cpSync(join(ROOT, 'packages/elements/dist/cdn'), sdkDir, { recursive: true });
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', DATA_DIR: join(dataDir, 'data'), SDK_DIR: sdkDir, SKIP_BUILD: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`the demo did not start in 60 s:\n${out}`)), 60_000);
    const take = (chunk) => {
      out += chunk;
      const m = /IPR demo ready at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the demo exited (${code}):\n${out}`));
    });
  });
  return {
    url,
    dataDir,
    output: () => out,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((ok) => child.once('exit', ok));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launch() {
  return chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A page in a fresh context, failing the test on page errors; `shot(step)` writes test-results/e2e/<test>/NN-step.png. */
export async function openPage(browser, t) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const dir = join(ROOT, 'test-results', 'e2e', t.name.replace(/[^\w.-]+/g, '-'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let n = 0;
  const shot = (step) =>
    page.screenshot({ path: join(dir, `${String(++n).padStart(2, '0')}-${step}.png`), fullPage: true });
  return { page, context, shot, errors, dir };
}

/**
 * A small but real PDF (the server checks its structure: a trailer, then `%%EOF` at the end),
 * optionally padded to `size` bytes by a comment line before the trailer.
 */
export function pdf(size = 0) {
  const head = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n';
  const tail = 'trailer<</Root 1 0 R>>\n%%EOF\n';
  const pad = size - head.length - tail.length - 2;
  return Buffer.from(pad > 0 ? `${head}%${' '.repeat(pad)}\n${tail}` : head + tail);
}

/** A 1x1 PNG. */
export const png = () =>
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );

/** An .xlsx with a "Product link" column of `count` catalogue links (p000001…). */
export async function linksWorkbook(count) {
  const XLSX = await import('xlsx');
  const rows = [
    ['Product link'],
    ...Array.from({ length: count }, (_, i) => [`https://market.example/product/p${String(i + 1).padStart(6, '0')}`]),
  ];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Links');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' });
}

/**
 * The platform console as `token`, with complaint `number` opened (false when that account cannot
 * see it). `page` is any page; `baseUrl` the demo's origin.
 */
export async function openInConsole(page, baseUrl, token, number) {
  await page.goto(baseUrl + '/console.html');
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  await page.locator('#who').selectOption(token);
  await page.locator('#q').fill(number);
  await page.locator('#list-msg', { hasText: 'visible to' }).waitFor();
  const open = page.locator(`button.open[data-number="${number}"]`);
  if (
    !(await open.waitFor({ timeout: 5000 }).then(
      () => true,
      () => false,
    ))
  )
    return false;
  await open.click();
  await page.locator('#detail-status').waitFor();
  return true;
}
