import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { IprTransparencyReport } from '@ipr/elements';
import { TOKENS } from './support/api';
import { connectionArgTypes, setupArg, toolbarDefaults, type Common } from './support/common';
import { demoClient, renderFromArgs } from './support/render';

type Args = Common & { token?: string; from?: string; to?: string };

const meta: Meta<Args> = {
  title: 'Elements/Transparency report',
  component: 'ipr-transparency-report',
  // The figures are the platform's: it is the only account the story signs in as (no control to change it).
  args: { token: TOKENS.platform, from: '2020-01-01' },
  argTypes: { ...connectionArgTypes('ipr-transparency-report', [TOKENS.platform]), token: setupArg() },
  render: (args, ctx) =>
    renderFromArgs('ipr-transparency-report', args, ctx, {
      defaults: toolbarDefaults(ctx),
      properties: { client: demoClient(ctx, args.token) },
    }),
};
export default meta;
type Story = StoryObj<Args>;

async function shown(root: HTMLElement) {
  const el = root.querySelector<IprTransparencyReport>('ipr-transparency-report')!;
  for (let i = 0; i < 200 && !el.shadowRoot?.querySelector('.total, [part=error]'); i++)
    await new Promise((r) => setTimeout(r, 50));
  await el.updateComplete;
}

/** The seeded complaints since 2020: by type, by month (chart and table), durations, outcomes. */
export const Default: Story = { play: async ({ canvasElement }) => shown(canvasElement) };
/** The default period: the last twelve months. */
export const LastTwelveMonths: Story = { args: { from: undefined }, play: Default.play };
/** A period with no complaints: zeros, no chart, "–" for the durations. */
export const EmptyPeriod: Story = { args: { from: '2001-01-01', to: '2001-02-01' }, play: Default.play };
export const Chinese: Story = { args: { locale: 'zh-CN' }, play: Default.play };
export const Dark: Story = { args: { theme: 'dark' }, play: Default.play };
