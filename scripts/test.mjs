// `npm test`: every suite of the repo, one after another, then one closing line with the totals.
// Exits non-zero when any suite fails. Suites: Node tests of the headless packages (node:test),
// browser tests of the elements (web-test-runner in Debian's Chromium), the contract drift
// check, end-to-end and Storybook smoke tests (playwright-core with Debian's Chromium).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { ensureChromium } from './ensure-chromium.mjs';
import { buildIfStale } from './start.mjs';

const only = process.argv.slice(2);
const hasTests = (dir) =>
  existsSync(dir) && readdirSync(dir, { recursive: true }).some((f) => /\.test\.(ts|mjs|js)$/.test(String(f)));

/** name, command, whether it needs a browser, how to read its counts */
const suites = [
  // Types and lint first (npm run check: tsc -b, then biome ci): a type or lint error fails the run before any suite starts.
  { name: 'types+lint', dir: 'scripts', cmd: ['npm', 'run', 'check'], kind: 'check' },
  {
    name: 'validators',
    dir: 'packages/validators/test',
    cmd: ['npm', 'run', 'test', '-w', '@ipr/validators'],
    kind: 'node',
  },
  { name: 'server', dir: 'packages/server/test', cmd: ['npm', 'run', 'test', '-w', '@ipr/server'], kind: 'node' },
  { name: 'client', dir: 'packages/client/test', cmd: ['npm', 'run', 'test', '-w', '@ipr/client'], kind: 'node' },
  {
    name: 'reliability',
    dir: 'reliability',
    cmd: ['node', '--conditions=source', '--import', 'tsx', '--test', '--test-concurrency=1', 'reliability/'],
    kind: 'node',
  },
  {
    name: 'client-browser',
    dir: 'packages/client/test/browser',
    cmd: ['npm', 'run', 'test:browser', '-w', '@ipr/client'],
    kind: 'wtr',
    browser: true,
  },
  {
    name: 'elements',
    dir: 'packages/elements/test',
    cmd: ['npm', 'run', 'test', '-w', '@ipr/elements'],
    kind: 'wtr',
    browser: true,
  },
  // What a partner installs: the packed tarballs (needs the build the elements suite made).
  {
    name: 'packaging',
    dir: 'packaging',
    cmd: ['node', '--test', '--test-concurrency=1', 'packaging/'],
    kind: 'node',
    browser: true,
  },
  {
    name: 'storybook',
    dir: 'stories',
    cmd: ['node', '--test', '--test-concurrency=1', 'stories/'],
    kind: 'node',
    browser: true,
  },
  { name: 'e2e', dir: 'e2e', cmd: ['node', '--test', '--test-concurrency=1', 'e2e/'], kind: 'node', browser: true },
].filter((s) => (only.length === 0 || only.includes(s.name)) && (s.kind === 'check' || hasTests(s.dir)));

function counts(kind, out, code) {
  if (kind === 'check') return { pass: code === 0 ? 1 : 0, fail: code === 0 ? 0 : 1, skip: 0 };
  if (kind === 'node') {
    const pass = [...out.matchAll(/^# pass (\d+)/gm)].reduce((a, m) => a + Number(m[1]), 0);
    const fail = [...out.matchAll(/^# fail (\d+)/gm)].reduce((a, m) => a + Number(m[1]), 0);
    const skip = [...out.matchAll(/^# skipped (\d+)/gm)].reduce((a, m) => a + Number(m[1]), 0);
    return { pass, fail, skip };
  }
  // web-test-runner (static logging): "N passed, N failed" / "N passed"
  const m = [...out.matchAll(/(\d+) passed(?:, (\d+) failed)?(?:, (\d+) skipped)?/g)].pop();
  return { pass: m ? Number(m[1]) : 0, fail: m?.[2] ? Number(m[2]) : 0, skip: m?.[3] ? Number(m[3]) : 0 };
}

function run(suite) {
  return new Promise((resolve) => {
    const started = Date.now();
    const [cmd, ...args] = suite.cmd;
    const child = spawn(cmd, args, {
      env: { ...process.env, FORCE_COLOR: '0', NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const take = (chunk) => {
      out += chunk;
      process.stdout.write(chunk);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('close', (code) =>
      resolve({ ...suite, code, seconds: (Date.now() - started) / 1000, ...counts(suite.kind, out, code) }),
    );
  });
}

if (suites.some((s) => s.browser)) process.env.CHROME_PATH = ensureChromium();

const results = [];
for (const suite of suites) {
  // The elements suite also tests the CDN bundle (its chunks, preloads, worker): build it first
  // when stale (the e2e suite needs the same build, so this moves the time, it does not add it).
  if (suite.name === 'elements') {
    const ms = buildIfStale({ quiet: true });
    if (ms) console.log(`[test] built the packages in ${(ms / 1000).toFixed(1)} s`);
  }
  console.log(`\n━━ ${suite.name} ━━ ${suite.cmd.join(' ')}`);
  results.push(await run(suite));
}

console.log('\n━━ summary ━━');
for (const r of results) {
  const state = r.code === 0 ? 'ok  ' : 'FAIL';
  console.log(
    `${state} ${r.name.padEnd(16)} ${String(r.pass).padStart(5)} passed ${String(r.fail).padStart(3)} failed ${String(r.skip).padStart(3)} skipped  ${r.seconds.toFixed(1)} s`,
  );
}
const pass = results.reduce((a, r) => a + r.pass, 0);
// A suite that exits non-zero without a parsable failure still counts as one failure.
const fail = results.reduce((a, r) => a + (r.fail || (r.code === 0 ? 0 : 1)), 0);
const skip = results.reduce((a, r) => a + r.skip, 0);
console.log(`Total: ${pass} passed, ${fail} failed${skip ? `, ${skip} skipped` : ''}`);
process.exit(fail > 0 || results.some((r) => r.code !== 0) || results.length === 0 ? 1 : 0);
