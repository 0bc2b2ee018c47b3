// Bytes on the wire, before (identity) and after (gzip, brotli) in the same run, and what a
// revalidation costs: the list of 100 complaints, the detail of an 800-product complaint, the
// OpenAPI document (from the reference API, startServer with its compression on), and the
// initial SDK load (the entry as the build precompressed it). Then Lighthouse 12 (mobile preset,
// Debian's Chromium) on the demo's two pages, unless SKIP_LIGHTHOUSE=1: the score, failing audits,
// audits that could not run, render-blocking requests (from the trace) and the longest request chain.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const link = (n) => `https://market.example/product/p${String(n).padStart(6, '0')}`;

/** One request with node:http: status, headers and the body's bytes as sent (not decoded). */
function send(url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        // The status line and headers count too (a 304 is nothing but them).
        const head = `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n${res.rawHeaders
          .map((v, i) => (i % 2 ? `${v}\r\n` : `${v}: `))
          .join('')}\r\n`;
        resolve({ status: res.statusCode, headers: res.headers, body: raw, wire: raw.length + head.length });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The same GET as identity, gzip and brotli, and the 304 of a revalidation. */
async function sizes(url, headers = {}) {
  const out = {};
  for (const [name, accept] of [
    ['raw', 'identity'],
    ['gzip', 'gzip'],
    ['br', 'br'],
  ]) {
    const r = await send(url, { headers: { ...headers, 'accept-encoding': accept } });
    if (r.status !== 200) throw new Error(`${url}: ${r.status} ${r.body.toString('utf8').slice(0, 200)}`);
    out[name] = r.body.length;
    out[`${name}Encoding`] = r.headers['content-encoding'] ?? 'identity';
    if (name === 'br' && r.headers.etag) {
      const again = await send(url, {
        headers: { ...headers, 'accept-encoding': 'br', 'if-none-match': r.headers.etag },
      });
      out.revalidated = { status: again.status, wire: again.wire };
    }
  }
  return out;
}

export async function httpFigures({ root, log }) {
  const { startServer } = await import(pathToFileURL(join(root, 'packages/server/dist/node.js')).href);
  const dataDir = mkdtempSync(join(tmpdir(), 'ipr-bench-http-'));
  const server = await startServer({ port: 0, dataDir, seed: true, catalogueSize: 2000, limits: false });
  try {
    const auth = { authorization: 'Bearer demo-complainant-a' };
    const post = async (path, body) => {
      const r = await send(`${server.url}${path}`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': `bench-${Math.random()}` },
        body: JSON.stringify(body),
      });
      if (r.status !== 201) throw new Error(`POST ${path}: ${r.status} ${r.body.toString('utf8').slice(0, 300)}`);
      return JSON.parse(r.body.toString('utf8'));
    };
    const account = JSON.parse((await send(`${server.url}/v1/account`, { headers: auth })).body.toString('utf8'));
    const { DECLARATION_VERSION } = await import(pathToFileURL(join(root, 'packages/validators/dist/index.js')).href);
    const draft = (links) => ({
      type: 'trademark_infringement',
      productLinks: links,
      description: 'These listings use our registered trademark on identical goods.',
      contact: account.contact,
      discloseContactToSupplier: false,
      isIprHolder: true,
      holder: null,
      evidence: [{ id: 'ev_seed_a_certificate' }],
      declaration: { goodFaith: true, accurate: true, authorised: true, version: DECLARATION_VERSION },
    });
    log('[bench] http: 100 complaints and one of 800 products');
    const big = await post('/v1/complaints', draft(Array.from({ length: 800 }, (_, i) => link(1001 + i))));
    for (let i = 0; i < 100; i++) await post('/v1/complaints', draft([link(100 + 2 * i), link(101 + 2 * i)]));
    const list = await sizes(`${server.url}/v1/complaints?limit=100`, auth);
    const detail = await sizes(`${server.url}/v1/complaints/${big.id}`, auth);
    const openapi = await sizes(`${server.url}/v1/openapi.json`);
    const cdn = join(root, 'bench/.tmp/cdn');
    const file = (suffix) => {
      try {
        return readFileSync(join(cdn, `ipr-elements.js${suffix}`)).length;
      } catch {
        return null;
      }
    };
    const sdk = { raw: file(''), gzip: file('.gz'), br: file('.br') };
    return { list, detail, openapi, sdk };
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Runs of Lighthouse per page (LIGHTHOUSE_RUNS, default 3). */
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);

/** Lighthouse 12 on the demo's pages (mobile preset), or null when it is not installed. */
export async function lighthouseFigures({ root, log, pages = ['/', '/console.html'] }) {
  let lighthouse;
  let chromeLauncher;
  try {
    lighthouse = (await import('lighthouse')).default;
    chromeLauncher = await import('chrome-launcher');
  } catch {
    return null;
  }
  const { startDemo } = await import(pathToFileURL(join(root, 'scripts/start.mjs')).href);
  const dataDir = mkdtempSync(join(tmpdir(), 'ipr-bench-lh-'));
  const demo = await startDemo({ port: 0, dataDir });
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  const results = [];
  try {
    for (const page of pages) {
      // Lighthouse's scores vary between runs on one machine (its docs advise the median of
      // several): each page is run RUNS times and the run with the median score is reported.
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await lighthouseRun(page));
      runs.sort((a, b) => a.score - b.score);
      results.push({ ...runs[Math.floor(runs.length / 2)], scores: runs.map((r) => r.score) });
    }
  } finally {
    await chrome.kill();
    await demo.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return results;

  async function lighthouseRun(page) {
    log(`[bench] lighthouse ${page}`);
    const runner = await lighthouse(`${demo.url}${page}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
      formFactor: 'mobile',
      screenEmulation: { mobile: true, width: 412, height: 823, deviceScaleFactor: 1.75, disabled: false },
      throttlingMethod: 'simulate',
    });
    const lhr = runner.lhr;
    const audits = lhr.audits;
    const failing = Object.values(audits)
      .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative')
      .map((a) => `${a.id} (${a.displayValue ?? a.score})`);
    // An audit that could not run is not a pass: Lighthouse 12.2's trace engine cannot read Debian's
    // Chromium 156 traces for render-blocking-resources and layout-shifts ("frame_sequence").
    const errors = Object.values(audits)
      .filter((a) => a.scoreDisplayMode === 'error')
      .map((a) => a.id);
    // So what blocked the first render is read from the trace itself: Chromium marks each request.
    const renderBlocking = (runner.artifacts.Trace?.traceEvents ?? [])
      .filter(
        (e) =>
          e.name === 'ResourceSendRequest' &&
          ['blocking', 'in_body_parser_blocking'].includes(e.args?.data?.renderBlocking),
      )
      .map((e) => new URL(e.args.data.url).pathname);
    const chain = audits['critical-request-chains']?.details?.longestChain;
    return {
      page,
      score: Math.round((lhr.categories.performance.score ?? 0) * 100),
      fcp: audits['first-contentful-paint']?.numericValue,
      lcp: audits['largest-contentful-paint']?.numericValue,
      tbt: audits['total-blocking-time']?.numericValue,
      cls: audits['cumulative-layout-shift']?.numericValue,
      failing,
      errors,
      renderBlocking,
      // Requests in the longest chain of critical requests, the page included (2: the page and what it names).
      chain: chain ? { length: chain.length, ms: Math.round(chain.duration) } : null,
      warnings: lhr.runWarnings ?? [],
    };
  }
}
