import type { InMemoryApi } from './api';

/** Args every story understands: they override the toolbar's globals. */
export interface Common {
  locale?: 'en' | 'zh-CN';
  theme?: 'light' | 'dark';
}

interface Ctx {
  args: Common;
  globals: Record<string, unknown>;
  loaded: Record<string, unknown>;
}
export const localeOf = (ctx: Ctx): string => String(ctx.args.locale ?? ctx.globals.locale ?? 'en');
export const themeOf = (ctx: Ctx): 'light' | 'dark' =>
  (ctx.args.theme ?? ctx.globals.theme) === 'dark' ? 'dark' : 'light';
export const apiOf = (ctx: Ctx): InMemoryApi => ctx.loaded.api as InMemoryApi;
