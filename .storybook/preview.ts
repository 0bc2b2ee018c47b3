import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../packages/elements/custom-elements.json';
import '@ipr/elements/define';
import {
  define,
  IprProvider,
  IprProductPicker,
  IprEvidencePicker,
  IprComplaintForm,
  IprComplaintList,
  IprComplaintDetail,
} from '@ipr/elements';
import { getApi } from '../stories/support/api';

// Every tag registered up front (a no-op for the ones define already registered), so play
// functions can call element methods even if the public entry ever registers some lazily.
for (const [tag, ctor] of [
  ['ipr-provider', IprProvider],
  ['ipr-product-picker', IprProductPicker],
  ['ipr-evidence-picker', IprEvidencePicker],
  ['ipr-complaint-form', IprComplaintForm],
  ['ipr-complaint-list', IprComplaintList],
  ['ipr-complaint-detail', IprComplaintDetail],
] as const) {
  if (!customElements.get(tag)) define(tag, ctor);
}

// Docs pages read properties, events, parts and custom properties from the elements' manifest.
setCustomElementsManifest(manifest);

const preview: Preview = {
  // The reference API starts once per page (PGlite in memory, seeded); every story gets it.
  loaders: [async () => ({ api: await getApi() })],
  globalTypes: {
    locale: {
      description: 'UI language of the elements',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'zh-CN', title: '中文 (zh-CN)' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Element theme',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light' },
  decorators: [
    (story, context) => {
      const dark = (context.args.theme ?? context.globals.theme) === 'dark';
      document.body.style.background = dark ? '#111418' : '';
      document.documentElement.lang = String(context.args.locale ?? context.globals.locale ?? 'en');
      return story();
    },
  ],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    a11y: { test: 'error' },
    docs: { story: { inline: true } },
  },
  tags: ['autodocs'],
};
export default preview;
