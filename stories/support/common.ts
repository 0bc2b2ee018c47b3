import type { ArgTypes } from '@storybook/web-components-vite';
import type { Theme } from '@ipr/elements';
import { TOKENS, type InMemoryApi } from './api';
import { declarationOf } from './manifest';

/** Args every story understands (the elements' `locale` and `theme` attributes): they override the toolbar's globals. */
export interface Common {
  locale?: string;
  theme?: Theme;
}

interface Ctx {
  args: Common;
  globals: Record<string, unknown>;
  loaded: Record<string, unknown>;
}
export const localeOf = (ctx: Ctx): string => String(ctx.args.locale ?? ctx.globals.locale ?? 'en');
export const themeOf = (ctx: Ctx): Theme => {
  const theme = ctx.args.theme ?? ctx.globals.theme;
  return theme === 'dark' || theme === 'auto' ? theme : 'light';
};
export const apiOf = (ctx: Ctx): InMemoryApi => ctx.loaded.api as InMemoryApi;

/** The toolbar's locale and theme, for attributes the args leave unset. */
export const toolbarDefaults = (ctx: Ctx) => ({ locale: localeOf(ctx), theme: themeOf(ctx) });

/**
 * Story set-up, not part of the element: kept out of the args table and the controls. A new
 * object each time: the manager receives argTypes serialized, where a shared object would arrive
 * as a reference to its first use and show the row.
 */
export const setupArg = () => ({ table: { disable: true } });

const ACCOUNT_LABELS: Record<string, string> = {
  [TOKENS.complainantA]: 'Complainant A (Aurora Lighting)',
  [TOKENS.complainantB]: 'Complainant B (Brightstone Toys)',
  [TOKENS.supplierA]: 'Supplier A',
  [TOKENS.supplierB]: 'Supplier B',
  [TOKENS.platform]: 'Platform',
};

/**
 * `token` and `api-base` in the stories: the story's client talks to the in-page API and signs in
 * with the chosen demo token; a client wins over `api-base`, which therefore only shows in the DOM.
 */
export function connectionArgTypes(tag: string, tokens: readonly string[] = Object.values(TOKENS)): ArgTypes {
  const attribute = (name: string) => declarationOf(tag)?.attributes?.find((a) => a.name === name)?.description ?? '';
  return {
    token: {
      description: `${attribute('token')}\n\nHere: the demo account the story's client signs in as.`,
      control: { type: 'select', labels: ACCOUNT_LABELS },
      options: [...tokens],
    },
    'api-base': {
      description: `${attribute('api-base')}\n\nHere the story's \`client\` (the in-page API) wins over it: it only changes the attribute.`,
    },
  };
}
