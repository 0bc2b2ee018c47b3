// `npm run bench`: every performance figure beside its budget and a baseline measured in the same
// run. Builds what it needs, prints one table, writes it to bench/results/latest.json and exits 1
// when a budget is missed. Options (env): SKIP_API=1 (no API figures), DURATION (autocannon
// seconds per route, default 3), CATALOGUE (products for the search figure, default 100000),
// SKIP_PG=1 (no PostgreSQL figures; they need BENCH_DATABASE_URL or TEST_DATABASE_URL).
// SKIP_PICTURES=1 (no picture-matching figures).
// SKIP_LIGHTHOUSE=1 (no Lighthouse run on the demo pages).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
process.chdir(ROOT);
const RESULTS = join(ROOT, 'bench/results');
mkdirSync(RESULTS, { recursive: true });
const started = Date.now();
const log = (...a) => console.log(...a);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
const lt = (n) => (n > 0 ? ms(n) : 'none > 50 ms');

// Budgets. Browser figures move with the machine's load (the same form build measured 64 ms in one
// run and 142 ms in another), so each is budgeted as a ratio to a baseline measured in the same run
// on the same browser; the absolute figure is reported beside it. Long tasks keep the absolute
// 50 ms of the design rule (nothing blocks the main thread longer).
const BUDGET = {
  initialKb: 32, // min+gzip: ipr-elements.js and the chunks it imports statically
  import800: 2.5, // × SheetJS reading the same workbook on the main thread
  import5: 2.5, // × the same for the ~5 MiB workbook (a worker gains nothing when no core is free: 0.5× idle, 1.6× at load 24)
  list: 0.25, // × a plain Lit render() of all 10,000 rows
  form: 7, // × bench/form-baseline.mjs: a plain Lit element with the same controls, loaded the same way
  taskMs: 50,
};
const ratio = (a, b) => a / b;
const times = (r) => `${r.toFixed(2)}×`;

// ── build when dist is missing or older than a source file ──
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}
const CDN_FILE = 'packages/elements/dist/cdn/ipr-elements.js';
const sources = Math.max(...['validators', 'client', 'elements'].map((p) => newest(`packages/${p}/src`)));
const built = () =>
  existsSync(CDN_FILE) && readdirSync('packages/elements/dist/cdn').some((f) => f.startsWith('import-'));
function ensureBuilt() {
  // Someone else's build may be rewriting dist/cdn right now: give it a moment before building.
  for (let i = 0; i < 60 && !built(); i++) spawnSync('sleep', ['1']);
  if (!built() || statSync(CDN_FILE).mtimeMs < sources) {
    log('[bench] dist is missing or older than the sources: npm run build');
    const r = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0 || !built()) {
      console.error('[bench] npm run build failed');
      process.exit(2);
    }
  }
}
ensureBuilt();
// The figures read a snapshot of the CDN folder: another build may rewrite dist/cdn mid-run.
rmSync('bench/.tmp/cdn', { recursive: true, force: true });
cpSync('packages/elements/dist/cdn', 'bench/.tmp/cdn', { recursive: true });

log(
  `[bench] Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ')}`,
);
const rows = [];
/** One line of the table; pass is null when the figure has no budget. */
const row = (figure, measured, budget, baseline, pass, raw) =>
  rows.push({ figure, measured, budget, baseline, pass, raw });

// ── 1: bundle size ──
const { sdkInitialSize, baselineSize } = await import('./size.mjs');
log('[bench] 1 bundle size (building the baseline bundle)');
const size = sdkInitialSize();
const base = await baselineSize();
row(
  'initial SDK bundle, min+gzip (ipr-elements.js + its static imports)',
  kb(size),
  `≤ ${BUDGET.initialKb} KB`,
  `${kb(base.total)} (full zod ${kb(base.initialGz)} + eager xlsx approximated by adding its chunk, ${kb(base.xlsxGz)})`,
  size <= BUDGET.initialKb * 1024,
  { bytes: size, baseline: base },
);

// ── 2–5: browser ──
const { makeWorkbooks } = await import('./workbooks.mjs');
const books = makeWorkbooks(RESULTS);
log(
  `[bench] workbooks: 800 rows ${kb(books.small)}, big ${kb(books.big)} (${books.bigRows.toLocaleString('en')} rows)`,
);

async function launchApi(dataDir, catalogue) {
  const proc = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', 'packages/server/bench/server.ts', dataDir, String(catalogue)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = await new Promise((resolve, reject) => {
    createInterface({ input: proc.stdout }).once('line', resolve);
    proc.once('exit', (code) => reject(new Error(`API server exited with ${code}`)));
  });
  return {
    ...JSON.parse(line),
    stop: () =>
      new Promise((r) => {
        proc.once('exit', r);
        proc.kill('SIGTERM');
      }),
  };
}

// The form's baseline page is bundled like the SDK (one minified file with Lit inside), so both load the same way.
{
  const { rollup } = await import('rollup');
  const { nodeResolve } = await import('@rollup/plugin-node-resolve');
  const { default: terser } = await import('@rollup/plugin-terser');
  const bundle = await rollup({ input: 'bench/form-baseline.mjs', plugins: [nodeResolve(), terser({ module: true })] });
  await bundle.write({ file: 'bench/.tmp/form-baseline.js', format: 'es' });
  await bundle.close();
}

const dataDir = mkdtempSync(join(tmpdir(), 'ipr-bench-'));
let browser;
try {
  log('[bench] 2–5 headless Chromium (API server for the form: startServer, 5,000 products)');
  const api = await launchApi(dataDir, 5000);
  const { serveStatic } = await import('./serve.mjs');
  const web = await serveStatic(ROOT, { apiUrl: api.url });
  try {
    const { browserFigures } = await import('./browser.mjs');
    browser = await browserFigures({ root: ROOT, baseUrl: web.url, log });
  } finally {
    await web.close();
    await api.stop();
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
const b = browser;
const picker = (f) =>
  `${ms(f.ms)} (result ${ms(f.toResultMs)}), longest task ${lt(f.longest)} (until result ${lt(f.longestToResult)}), ${f.rowsInDom} of ${f.rows} rows in DOM`;
const sheetjs = (f) =>
  `SheetJS on main thread: ${ms(f.ms)} (result ${ms(f.toResultMs)}), longest task ${lt(f.longest)} (until result ${lt(f.longestToResult)})`;
/**
 * A browser row: the figure's ratio to its baseline within `limit`, and no long task over the limit
 * when `tasks` ('all': the whole figure; 'toResult': until the SDK's result, when what follows is
 * the bench's own code).
 */
const browserRow = (figure, f, base, limit, measured, baseline, { tasks = 'all' } = {}) => {
  const r = ratio(f.ms, base.ms);
  const longest = tasks === 'toResult' ? f.longestToResult : f.longest;
  row(
    figure,
    `${times(r)} (${measured})`,
    `≤ ${times(limit)} baseline${tasks ? `, task ≤ ${BUDGET.taskMs} ms${tasks === 'toResult' ? ' until result' : ''}` : ''}`,
    baseline,
    r <= limit && (!tasks || longest <= BUDGET.taskMs),
    { sdk: f, baseline: base, ratio: r },
  );
};
browserRow(
  '800-row .xlsx import in <ipr-product-picker>, read+validate+show rows (first import; Excel section opened)',
  b.import800Cold,
  b.import800SheetJS,
  BUDGET.import800,
  picker(b.import800Cold),
  sheetjs(b.import800SheetJS),
);
row(
  '  same, no warm-up (importFile() called on a fresh page: worker start + SheetJS compile inside)',
  `${times(ratio(b.import800NoWarm.ms, b.import800SheetJS.ms))} (${picker(b.import800NoWarm)})`,
  'report',
  'SheetJS on main thread, as above',
  null,
  { sdk: b.import800NoWarm },
);
browserRow(
  '800-row .xlsx import in <ipr-product-picker> (second import, warm worker)',
  b.import800Warm,
  b.import800SheetJS,
  BUDGET.import800,
  picker(b.import800Warm),
  sheetjs(b.import800SheetJS),
);
browserRow(
  `${(books.big / 1048576).toFixed(1)} MiB .xlsx import to a result (${books.bigRows.toLocaleString('en')} rows)`,
  b.import5Cold,
  b.import5SheetJS,
  BUDGET.import5,
  `${ms(b.import5Cold.ms)} (result ${ms(b.import5Cold.toResultMs)}), longest task ${lt(b.import5Cold.longest)} (until result ${lt(b.import5Cold.longestToResult)})`,
  sheetjs(b.import5SheetJS),
  // After the result the bench itself shows its first 1,000 rows as a plain table (as the baseline
  // does): that task is the bench's, so the SDK's long-task rule ends at the result.
  { tasks: 'toResult' },
);
row(
  '<ipr-product-picker> 800 products added → paint; then one removed → paint',
  `${ms(b.pickerAdd.ms)}, longest task ${lt(b.pickerAdd.longest)} (${b.pickerAdd.itemsInDom} of 800 items in DOM); remove ${ms(b.pickerAdd.removeMs)}, longest task ${lt(b.pickerAdd.removeLongest)}`,
  'report',
  '—',
  null,
  b.pickerAdd,
);
browserRow(
  '<ipr-complaint-list> 10,000 complaints, items set → paint',
  b.list,
  b.listLit,
  BUDGET.list,
  `${ms(b.list.ms)}, longest task ${lt(b.list.longest)}, ${b.list.rowsInDom} rows in DOM`,
  `plain Lit table: ${ms(b.listLit.ms)}, longest task ${lt(b.listLit.longest)}`,
);
browserRow(
  '<ipr-complaint-form> script load → type select focusable',
  b.form,
  b.formBaseline,
  BUDGET.form,
  `${ms(b.form.ms)}, tags defined at ${ms(b.form.definedMs)}, longest task ${lt(b.form.longest)}`,
  `plain Lit form (bench/form-baseline.mjs): ${ms(b.formBaseline.ms)}`,
  { tasks: false },
);

/** The rows of every console.table in text, as objects keyed by header. */
function parseTables(text) {
  const tables = [];
  let header = null;
  for (const line of text.split('\n')) {
    if (!line.startsWith('│')) {
      if (line.startsWith('└')) header = null;
      continue;
    }
    const cells = line
      .split('│')
      .slice(1, -1)
      .map((c) => c.trim().replace(/^'(.*)'$/, '$1'));
    if (cells[0] === '(index)') {
      header = cells;
      tables.push([]);
      continue;
    }
    if (header) tables.at(-1).push(Object.fromEntries(header.map((h, i) => [h, cells[i]])));
  }
  return tables;
}
if (process.env.SKIP_API) {
  row('product search on 100,000 products (API)', 'skipped (SKIP_API)', 'p95 ≤ 20 ms', '—', null, null);
} else {
  const CATALOGUE = process.env.CATALOGUE ?? '100000';
  log(
    `[bench] 6–7 API: packages/server/bench/api.bench.ts (CATALOGUE=${CATALOGUE}, DURATION=${process.env.DURATION ?? 3})`,
  );
  const r = spawnSync(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', 'packages/server/bench/api.bench.ts'],
    {
      env: { ...process.env, CATALOGUE, DURATION: process.env.DURATION ?? '3' },
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    },
  );
  writeFileSync(join(RESULTS, 'api.txt'), r.stdout + r.stderr);
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr);
    row('API bench', `failed (exit ${r.status})`, '—', '—', false, null);
  } else {
    const tables = parseTables(r.stdout);
    const search = tables.flat().find((t) => t.query === 'all');
    const p95 = parseFloat(search?.p95);
    row(
      `product search on ${Number(CATALOGUE).toLocaleString('en')} products (API, over HTTP, ${search?.requests} queries)`,
      `p95 ${search?.p95} (p50 ${search?.p50}, max ${search?.max})`,
      'p95 ≤ 20 ms',
      '—',
      p95 <= 20,
      search,
    );
    const thr = tables.flat().filter((t) => t['req/s (avg)']);
    const by = (s) => thr.find((t) => t.route.startsWith(s));
    const bare = by('bare hono');
    for (const [name, key] of [
      ['list (GET /v1/complaints, 20 per page)', 'GET /v1/complaints'],
      ['create (POST /v1/complaints)', 'POST /v1/complaints'],
    ]) {
      const t = by(key);
      row(
        `${name} throughput`,
        `${t?.['req/s (avg)']} req/s (p97.5 ${t?.['latency p97.5']}, non-2xx ${t?.['non-2xx/errors']})`,
        'report',
        `bare hono route: ${bare?.['req/s (avg)']} req/s`,
        t && Number(t['non-2xx/errors']) === 0 ? null : false,
        t,
      );
    }
  }
}

// ── 8: PostgreSQL (bench/postgres.mjs, in a child process with tsx) ──
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (process.env.SKIP_PG || !pgUrl) {
  const why = process.env.SKIP_PG ? 'skipped (SKIP_PG)' : 'skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)';
  row(
    'PostgreSQL: creates/s vs pgbench, 800-product create, load, events A→B',
    why,
    'see bench/README.md',
    '—',
    null,
    null,
  );
} else {
  log('[bench] 8 PostgreSQL: bench/postgres.mjs (a fresh schema, two instances, pgbench, npm run load)');
  const r = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', 'bench/postgres.mjs', '--json'], {
    env: { ...process.env, BENCH_DATABASE_URL: pgUrl },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  writeFileSync(join(RESULTS, 'postgres.txt'), r.stdout + r.stderr);
  if (r.status !== 0)
    row('PostgreSQL bench', `failed (exit ${r.status}, bench/results/postgres.txt)`, '—', '—', false, null);
  else for (const pgRow of JSON.parse(r.stdout.trim().split('\n').at(-1))) rows.push(pgRow);
}

// ── 9: picture matching (bench/pictures.mjs in a child process; SKIP_PICTURES=1 skips it) ──
if (process.env.SKIP_PICTURES) {
  row('picture matching: 800 products × 20 originals', 'skipped (SKIP_PICTURES)', 'report', '—', null, null);
} else {
  log('[bench] 9 pictures: bench/pictures.mjs');
  const r = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', 'bench/pictures.mjs'], {
    encoding: 'utf8',
    maxBuffer: 16 << 20,
  });
  writeFileSync(join(RESULTS, 'pictures.txt'), r.stdout + r.stderr);
  const line = r.stdout.split('\n').find((l) => l.startsWith('[pictures-bench] '));
  if (r.status !== 0 || !line) {
    console.error(r.stdout, r.stderr);
    row('picture bench', `failed (exit ${r.status})`, '—', '—', false, null);
  } else {
    const p = JSON.parse(line.slice('[pictures-bench] '.length));
    row(
      'perceptual hashes (sharp, 256 px JPEGs, 4 at a time)',
      `${p.hashesPerSecond} hashes/s`,
      'report',
      '—',
      null,
      p,
    );
    row(
      `picture matches: ${p.products} products (${p.productPictures} pictures) × ${p.originals} originals`,
      `cold ${ms(p.coldMs)}, warm ${ms(p.warmMedianMs)} (median of 5)`,
      'warm ≤ 1000 ms',
      '—',
      p.warmMedianMs <= 1000,
      p,
    );
    row(
      `complaint list sorted by match: ${p.sortMatch.complaints} picture complaints`,
      `first ${ms(p.sortMatch.firstMs)} (64 pictures hashed), warm ${ms(p.sortMatch.warmMedianMs)} (median of 5)`,
      'warm ≤ 1000 ms',
      '—',
      p.sortMatch.warmMedianMs <= 1000,
      p.sortMatch,
    );
  }
}

// ── HTTP: bytes on the wire (identity before, gzip/brotli after) and Lighthouse ──
{
  const { httpFigures, lighthouseFigures } = await import('./http.mjs');
  const h = await httpFigures({ root: ROOT, log });
  const wire = (f) => `${kb(f.raw)} raw / ${kb(f.gzip)} gzip / ${kb(f.br)} br`;
  const reopen = (f) => (f.revalidated ? `; reopen: ${f.revalidated.status}, ${f.revalidated.wire} B` : '');
  row(
    'list of 100 complaints, bytes on the wire (GET /v1/complaints?limit=100)',
    `${wire(h.list)}${reopen(h.list)}`,
    'br ≤ 25% of raw; reopen 304',
    `${kb(h.list.raw)} (uncompressed, no revalidation)`,
    h.list.br <= h.list.raw / 4 && h.list.revalidated?.status === 304,
    h.list,
  );
  row(
    'detail of an 800-product complaint, bytes on the wire',
    `${wire(h.detail)}${reopen(h.detail)}`,
    'br ≤ 25% of raw; reopen 304',
    `${kb(h.detail.raw)} (uncompressed, no revalidation)`,
    h.detail.br <= h.detail.raw / 4 && h.detail.revalidated?.status === 304,
    h.detail,
  );
  row(
    'OpenAPI document, bytes on the wire (GET /v1/openapi.json)',
    wire(h.openapi),
    'br ≤ 25% of raw',
    `${kb(h.openapi.raw)} (uncompressed)`,
    h.openapi.br <= h.openapi.raw / 4,
    h.openapi,
  );
  row(
    'initial SDK load (ipr-elements.js; .gz/.br precompressed by the build)',
    h.sdk.br ? wire(h.sdk) : 'no precompressed files (npm run build)',
    'br ≤ 40 KB',
    `${kb(h.sdk.raw ?? 0)} (uncompressed)`,
    h.sdk.br ? h.sdk.br <= 40 * 1024 : false,
    h.sdk,
  );
  if (process.env.SKIP_LIGHTHOUSE) {
    row('Lighthouse 12 mobile performance (demo pages)', 'skipped (SKIP_LIGHTHOUSE)', '100', '—', null, null);
  } else {
    const lh = await lighthouseFigures({ root: ROOT, log });
    if (!lh) row('Lighthouse 12 mobile performance (demo pages)', 'lighthouse not installed', '100', '—', null, null);
    for (const r of lh ?? []) {
      row(
        `Lighthouse 12 mobile performance, demo ${r.page}`,
        `${r.score}${r.scores.length > 1 ? ` (median of ${r.scores.join(', ')})` : ''} (FCP ${ms(r.fcp)}, LCP ${ms(r.lcp)}, TBT ${ms(r.tbt)}, CLS ${r.cls.toFixed(3)})${r.failing.length ? `; failing: ${r.failing.join(', ')}` : ''}` +
          `; render-blocking: ${r.renderBlocking.length ? r.renderBlocking.join(', ') : 'none'}` +
          (r.chain ? `; longest chain ${r.chain.length} requests, ${ms(r.chain.ms)}` : '') +
          (r.errors.length ? `; could not run: ${r.errors.join(', ')}` : ''),
        '100',
        '—',
        r.score === 100,
        r,
      );
    }
  }
}

// ── the table ──
const verdict = (p) => (p === null ? '—' : p ? 'pass' : 'FAIL');
const cols = ['figure', 'measured', 'budget', 'baseline (same run)', 'pass'];
const lines = rows.map((r) => [r.figure, r.measured, r.budget, r.baseline, verdict(r.pass)]);
const widths = cols.map((c, i) => Math.max(c.length, ...lines.map((l) => l[i].length)));
const fmt = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
log('');
log(fmt(cols));
log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const l of lines) log(fmt(l));
const failed = rows.filter((r) => r.pass === false);
const seconds = (Date.now() - started) / 1000;
log(
  `\n${failed.length ? `${failed.length} budget(s) missed` : 'every budget met'} · ${seconds.toFixed(0)} s · load average ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ')}`,
);
writeFileSync(
  join(RESULTS, 'latest.json'),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      seconds,
      loadavg: loadavg(),
      rows: rows.map(({ raw, ...r }) => ({ ...r, pass: r.pass, raw })),
    },
    null,
    2,
  ),
);
process.exit(failed.length ? 1 : 0);
