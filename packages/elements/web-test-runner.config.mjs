// Browser tests of the elements in Debian's Chromium, against the REAL reference API
// (scripts/wtr-reference-api.mjs: fresh seeded data folder, /v1 proxied, same origin).
// Run with `node --conditions=source --import tsx` (the `test` script).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/ensure-chromium.mjs';
import { referenceApiForTests } from '../../scripts/wtr-reference-api.mjs';
import { manifestDriftPlugin } from './test/support/manifest-plugin.mjs';
import { screenshotPlugin } from './test/support/screenshot-plugin.mjs';
import { sharpHashPlugin } from './test/support/sharp-hash-plugin.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const api = referenceApiForTests({
  name: 'elements',
  catalogueSize: 400,
  // Hostile data through the real database: a product whose name is markup (it must render as text).
  afterStart: async (server) => {
    await server.db.query(
      `insert into products (id, url, name, supplier_id, category, listed) values ($1, $2, $3, $4, $5, true) on conflict (id) do nothing`,
      [
        'xss000001',
        'https://market.example/product/xss000001',
        '<img src=x onerror=alert(1)> Hostile widget',
        'acc_supplier_a',
        'lighting',
      ],
    );
    // Stored-XSS products for test/security/xss.test.ts: markup names (both suppliers) and a javascript: URL; all found by "xsswidget".
    for (const [id, name, supplier, url] of [
      ['xss000010', '<img src=x onerror=window.__xss=1>xsswidget-img', 'acc_supplier_a'],
      ['xss000011', '"><script>window.__xss=1</script>xsswidget-script', 'acc_supplier_a'],
      ['xss000012', "'><svg onload=window.__xss=1>xsswidget-svg", 'acc_supplier_b'],
      [
        'xss000013',
        '<a href="javascript:window.__xss=1">xsswidget-link</a>',
        'acc_supplier_a',
        'javascript:window.__xss=1//market.example/product/xss000013',
      ],
    ]) {
      await server.db.query(
        `insert into products (id, url, name, supplier_id, category, listed) values ($1, $2, $3, $4, 'lamp', true) on conflict (id) do nothing`,
        [id, url ?? `https://market.example/product/${id}`, name, supplier],
      );
    }
  },
});

export default {
  rootDir: '../..',
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'import', 'default'] },
  concurrency: 1,
  testsFinishTimeout: 180000,
  testFramework: { config: { timeout: 20000 } },
  middleware: [api.middleware],
  plugins: [
    api.plugin,
    manifestDriftPlugin(here),
    sharpHashPlugin(),
    // test/responsive/ writes PNGs for review (not compared) to the git-ignored test-results/.
    screenshotPlugin(join(here, 'test-results/responsive')),
    // papaparse (the client's CSV export) ships CommonJS/UMD only; bundlers convert it, the dev server needs this.
    fromRollup(rollupCommonjs)({
      include: ['**/node_modules/papaparse/**'],
      ignore: ['stream'],
      strictRequires: false,
    }),
    esbuildPlugin({ ts: true, tsconfig: join(here, 'tsconfig.wtr.json'), target: 'auto' }),
  ],
  browsers: [
    chromeLauncher({ launchOptions: { executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS } }),
  ],
};
