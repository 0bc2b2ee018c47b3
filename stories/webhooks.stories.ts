import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { IprWebhooks } from '@ipr/elements';
import { getApi, TOKENS } from './support/api';
import { connectionArgTypes, toolbarDefaults, type Common } from './support/common';
import { demoClient, once, renderFromArgs } from './support/render';
import { demoWebhooks } from './support/webhooks';

type Args = Common & { token?: string };

const meta: Meta<Args> = {
  title: 'Elements/Webhooks',
  component: 'ipr-webhooks',
  args: { token: TOKENS.complainantA },
  // Webhooks are a complainant's (a partner integration): only complainant accounts to choose from.
  argTypes: connectionArgTypes('ipr-webhooks', [TOKENS.complainantA, TOKENS.complainantB]),
  // Complainant A's endpoints: one whose receiver answers, one that is down (its delivery failed).
  loaders: [once(async () => ({ hooks: await demoWebhooks(await getApi()) }))],
  render: (args, ctx) =>
    renderFromArgs('ipr-webhooks', args, ctx, {
      defaults: toolbarDefaults(ctx),
      properties: { client: demoClient(ctx, args.token) },
    }),
};
export default meta;
type Story = StoryObj<Args>;

const element = (root: HTMLElement) => root.querySelector<IprWebhooks>('ipr-webhooks')!;
async function listed(root: HTMLElement) {
  const el = element(root);
  for (let i = 0; i < 200 && !el.shadowRoot?.querySelector('ul.endpoints, p.hint'); i++)
    await new Promise((r) => setTimeout(r, 50));
  await el.updateComplete;
  return el;
}
async function openLogs(root: HTMLElement) {
  const el = await listed(root);
  for (const button of el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.log-toggle')) button.click();
  for (let i = 0; i < 200 && el.shadowRoot!.querySelectorAll('table.log, li.endpoint p.hint').length < 2; i++)
    await new Promise((r) => setTimeout(r, 50));
}

/** The endpoints with their pending and failed counts, and the form that adds one. */
export const Default: Story = { play: async ({ canvasElement }) => void (await listed(canvasElement)) };
/** Each endpoint's delivery log: delivered at one, failed (dead-lettered, "Send again") at the other. */
export const DeliveryLog: Story = { play: async ({ canvasElement }) => openLogs(canvasElement) };
/** An account without endpoints. */
export const Empty: Story = { args: { token: TOKENS.complainantB }, play: Default.play };
/** A private address refused in place by the server's SSRF rule. */
export const RefusedUrl: Story = {
  play: async ({ canvasElement }) => {
    const el = await listed(canvasElement);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#wh-url')!;
    input.value = 'https://10.0.0.8/hook';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    el.shadowRoot!.querySelector<HTMLFormElement>('form.add')!.requestSubmit();
    for (let i = 0; i < 200 && !el.shadowRoot!.querySelector('#wh-error'); i++)
      await new Promise((r) => setTimeout(r, 50));
  },
};
export const Chinese: Story = { args: { locale: 'zh-CN' }, play: DeliveryLog.play };
export const Dark: Story = { args: { theme: 'dark' }, play: DeliveryLog.play };
