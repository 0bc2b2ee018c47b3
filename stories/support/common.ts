import type { StoryContext } from '@storybook/web-components-vite';

/** Args every story understands: they override the toolbar's globals. */
export interface Common {
  locale?: 'en' | 'zh-CN';
  theme?: 'light' | 'dark';
}

type Ctx = Pick<StoryContext, 'args' | 'globals'>;
export const localeOf = (ctx: Ctx): string => String(ctx.args.locale ?? ctx.globals.locale ?? 'en');
export const themeOf = (ctx: Ctx): string => String(ctx.args.theme ?? ctx.globals.theme ?? 'light');
