// Storybook 10 for the IPR elements. Stories talk to the real reference API, which runs in the
// browser on in-memory PGlite (see stories/support/api.ts): no server to start, no mocks.
import type { StorybookConfig } from '@storybook/web-components-vite';
import { mergeConfig } from 'vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  // The guides (MDX) first in the sidebar, then one page of stories per element.
  stories: ['../stories/guides/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(base) {
    return mergeConfig(base, {
      // @ipr/* resolve to their TypeScript sources (the `source` export condition).
      resolve: { conditions: ['source', 'browser', 'module', 'import', 'default'] },
      // PGlite loads its wasm and data files relative to its own module: keep it out of the pre-bundle.
      optimizeDeps: { exclude: ['@electric-sql/pglite'] },
      worker: { format: 'es' },
      // The elements use Lit's legacy decorators with useDefineForClassFields: false
      // (tsconfig.base.json); vite 8 transforms TypeScript with oxc.
      oxc: {
        decorator: { legacy: true },
        assumptions: { setPublicClassFields: true },
        typescript: { removeClassFieldsWithoutInitializer: true },
      },
      build: { chunkSizeWarningLimit: 4000, target: 'es2022' },
    });
  },
};
export default config;
