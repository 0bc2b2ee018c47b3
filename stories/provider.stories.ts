import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { clientFor, TOKENS, type InMemoryApi } from './support/api';
import { localeOf, themeOf, type Common } from './support/common';

const meta: Meta<Common> = {
  title: 'Elements/Provider',
  component: 'ipr-provider',
};
export default meta;
type Story = StoryObj<Common>;

/** One provider hands the client and the locale to every element inside. */
export const WithListInside: Story = {
  render: (_args, ctx) => {
    const client = clientFor(ctx.loaded.api as InMemoryApi, TOKENS.complainantA);
    return html`<ipr-provider .client=${client} locale=${localeOf(ctx)}>
      <ipr-complaint-list theme=${themeOf(ctx)}></ipr-complaint-list>
    </ipr-provider>`;
  },
};

/** The same provider in Chinese: every element inside follows. */
export const ChineseLocale: Story = {
  args: { locale: 'zh-CN' },
  render: WithListInside.render,
};
