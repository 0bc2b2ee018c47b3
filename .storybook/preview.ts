import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
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
import type { ViewportMap } from 'storybook/viewport';
import { getApi } from '../stories/support/api';
import { argTypesOf, descriptionOf, LOCALES, manifest, THEMES } from '../stories/support/manifest';

/**
 * The widths the elements are built and tested for (packages/elements/test/responsive/): the
 * elements lay themselves out by their own container, so the story canvas at these widths
 * shows what a partner's phone, side column, tablet or wide page gets.
 */
const viewports: ViewportMap = {
  phoneSmall: { name: 'Small phone (320 px)', styles: { width: '320px', height: '640px' }, type: 'mobile' },
  phone: { name: 'Phone (390 px)', styles: { width: '390px', height: '844px' }, type: 'mobile' },
  tablet: { name: 'Tablet (768 px)', styles: { width: '768px', height: '1024px' }, type: 'tablet' },
  desktop: { name: 'Desktop (1,280 px)', styles: { width: '1280px', height: '900px' }, type: 'desktop' },
};

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

// Docs pages read the description, attributes, properties, events, slots, parts and custom
// properties from the elements' manifest (stories/support/manifest.ts turns them into the args
// table and its controls).
setCustomElementsManifest(manifest);

const LOCALE_TITLES: Record<string, string> = { en: 'English', 'zh-CN': '中文 (zh-CN)' };
const THEME_TITLES: Record<string, string> = { light: 'Light', dark: 'Dark', auto: 'Auto (system)' };

const preview: Preview = {
  // The reference API starts once per page (PGlite in memory, seeded); every story gets it.
  loaders: [async () => ({ api: await getApi() })],
  globalTypes: {
    locale: {
      description: 'UI language of the elements',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: LOCALES.map((value) => ({ value, title: LOCALE_TITLES[value] ?? value })),
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Element theme',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: THEMES.map((value) => ({ value, title: THEME_TITLES[value] ?? value })),
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light' },
  decorators: [
    (story, context) => {
      const theme = context.args.theme ?? context.globals.theme;
      const dark = theme === 'dark' || (theme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
      document.body.style.background = dark ? '#111418' : '';
      document.documentElement.lang = String(context.args.locale ?? context.globals.locale ?? 'en');
      return story();
    },
  ],
  parameters: {
    layout: 'padded',
    // The viewport toolbar offers these four widths on every story (the canvas fills the window until one is chosen).
    viewport: { options: viewports },
    controls: { expanded: true },
    a11y: { test: 'error' },
    docs: {
      story: { inline: true },
      // The args table and the description of each element's docs page, from its manifest entry.
      extractArgTypes: argTypesOf,
      extractComponentDescription: descriptionOf,
    },
  },
  tags: ['autodocs'],
};
export default preview;
