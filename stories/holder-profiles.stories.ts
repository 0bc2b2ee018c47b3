import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { IprHolderProfiles } from '@ipr/elements';
import { getApi, TOKENS } from './support/api';
import { connectionArgTypes, toolbarDefaults, type Common } from './support/common';
import { daysLater, demoProfiles } from './support/profiles';
import { demoClient, once, renderFromArgs } from './support/render';

type Args = Common & {
  token?: string;
  /** The clock of the power-of-attorney badges (a timestamp: the date control's value). */
  now?: number;
};

const meta: Meta<Args> = {
  title: 'Elements/Holder profiles',
  component: 'ipr-holder-profiles',
  args: { token: TOKENS.complainantA },
  argTypes: connectionArgTypes('ipr-holder-profiles', [TOKENS.complainantA, TOKENS.complainantB]),
  // Complainant A's saved holders, made through the API: valid, expiring in 12 days, without a date.
  loaders: [once(async () => ({ profiles: await demoProfiles(await getApi()) }))],
  render: (args, ctx) =>
    renderFromArgs('ipr-holder-profiles', args, ctx, {
      defaults: toolbarDefaults(ctx),
      properties: { client: demoClient(ctx, args.token) },
    }),
};
export default meta;
type Story = StoryObj<Args>;

const element = (root: HTMLElement) => root.querySelector<IprHolderProfiles>('ipr-holder-profiles')!;
async function listed(root: HTMLElement) {
  const el = element(root);
  for (let i = 0; i < 200 && !el.shadowRoot?.querySelector('ul.profiles, p.hint'); i++)
    await new Promise((r) => setTimeout(r, 50));
  await el.updateComplete;
  return el;
}

/** The saved holders with their power-of-attorney badges: valid, expiring (days left), no date. */
export const Default: Story = { play: async ({ canvasElement }) => void (await listed(canvasElement)) };
/** 45 days on: the one that was expiring has expired (badge in the danger colour). */
export const Expired: Story = { args: { now: daysLater(45).getTime() }, play: Default.play };
/** An account without saved holders. */
export const Empty: Story = { args: { token: TOKENS.complainantB }, play: Default.play };
/** "Add a holder": the form with its inline errors after an empty save. */
export const Adding: Story = {
  play: async ({ canvasElement }) => {
    const el = await listed(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.new')!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLFormElement>('form.editor')!.requestSubmit();
    await el.updateComplete;
  },
};
/** Editing a saved holder. */
export const Editing: Story = {
  play: async ({ canvasElement }) => {
    const el = await listed(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('li.profile button.edit')!.click();
    await el.updateComplete;
  },
};
/** The delete confirmation (a modal dialog). */
export const ConfirmDelete: Story = {
  play: async ({ canvasElement }) => {
    const el = await listed(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('li.profile button.delete')!.click();
    await el.updateComplete;
  },
};
export const Chinese: Story = { args: { locale: 'zh-CN' }, play: Default.play };
export const ExpiredChinese: Story = { args: { locale: 'zh-CN', now: daysLater(45).getTime() }, play: Default.play };
export const Dark: Story = { args: { theme: 'dark', now: daysLater(45).getTime() }, play: Default.play };
