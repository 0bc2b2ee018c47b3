import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { TOKENS } from './support/api';
import { connectionArgTypes, toolbarDefaults, type Common } from './support/common';
import { demoClient, renderFromArgs } from './support/render';

type Args = Common & { token?: string };

const meta: Meta<Args> = {
  title: 'Elements/Provider',
  component: 'ipr-provider',
  args: { token: TOKENS.complainantA },
  argTypes: connectionArgTypes('ipr-provider'),
  // One provider hands its client, locale and theme to every element inside (here a list).
  render: (args, ctx) =>
    renderFromArgs('ipr-provider', args, ctx, {
      defaults: toolbarDefaults(ctx),
      properties: { client: demoClient(ctx, args.token) },
      children: () => [document.createElement('ipr-complaint-list')],
    }),
};
export default meta;
type Story = StoryObj<Args>;

/** One provider hands the client and the locale to every element inside. */
export const WithListInside: Story = {};

/** The same provider in Chinese: every element inside follows. */
export const ChineseLocale: Story = { args: { locale: 'zh-CN' } };

/** The provider's `theme="dark"`: the list inside follows it. */
export const DarkTheme: Story = { args: { theme: 'dark' } };
