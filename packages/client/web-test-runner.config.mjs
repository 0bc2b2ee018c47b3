// Browser tests of @ipr/client in Debian's Chromium: the worker path of the import, upload
// progress against the REAL reference API, IndexedDB drafts. The reference API and the /v1
// proxy come from scripts/wtr-reference-api.mjs; the Node side also makes the spreadsheet
// fixtures. Run under `node --conditions=source --import tsx` (the `test:browser` script).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/ensure-chromium.mjs';
import { referenceApiForTests } from '../../scripts/wtr-reference-api.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));
const api = referenceApiForTests({
  name: 'client',
  catalogueSize: 500,
  prepare: async () => {
    const { ensureFixtures } = await import('./test/fixtures/make-fixtures.ts');
    await ensureFixtures();
  },
});

export default {
  rootDir: root,
  files: ['test/browser/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'import', 'default'] },
  concurrency: 1,
  testsFinishTimeout: 180000,
  testFramework: { config: { timeout: 60000 } },
  middleware: [api.middleware],
  plugins: [
    api.plugin,
    // papaparse ships CommonJS/UMD only; bundlers convert it, the dev server needs this.
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
