import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { STATUSES } from '@ipr/validators';
import type { IprComplaintList } from '@ipr/elements';
import { clientFor, getApi, seedTenThousandComplaints, TOKENS, type InMemoryApi } from './support/api';
import { apiOf, localeOf, themeOf, type Common } from './support/common';
import { fileFreshComplaint, forwardAsPlatform, waitUntil } from './support/live';

type Args = Common & {
  token: string;
  status: string;
  q: string;
  failFirst: number;
  hold: boolean;
  live: boolean;
  failExport: boolean;
};

const meta: Meta<Args> = {
  title: 'Elements/Complaint list',
  component: 'ipr-complaint-list',
  args: { token: TOKENS.complainantA, status: '', q: '', failFirst: 0, hold: false, live: true, failExport: false },
  argTypes: {
    token: { control: 'select', options: Object.values(TOKENS) },
    status: { control: 'select', options: ['', ...STATUSES] },
  },
  render: (args, ctx) => {
    const client = clientFor(apiOf(ctx), args.token, {
      failFirst: args.failFirst,
      hold: args.hold ? new Promise(() => {}) : undefined,
      failWhen: args.failExport ? (r) => new URL(r.url).pathname === '/v1/complaints/status-report' : undefined,
    });
    return html`<ipr-complaint-list .client=${client} .live=${args.live} locale=${localeOf(ctx)} theme=${themeOf(ctx)} status=${args.status} q=${args.q}></ipr-complaint-list>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

/** "My complaints" of the first demo complainant: the seed has complaints in every status. */
export const Default: Story = {};
/** No complaint matches: the empty state. */
export const Empty: Story = { args: { q: 'IPR-0000-000000' } };
/** The first page has not answered yet. */
export const Loading: Story = { args: { hold: true } };
/** The network failed once: the error with its retry button (retrying then succeeds). */
export const ErrorWithRetry: Story = { args: { failFirst: 1, live: false } }; // not live: the one failure must hit the list request
export const Chinese: Story = { args: { locale: 'zh-CN' } };
export const Dark: Story = { args: { theme: 'dark' } };
/** The supplier's view: complaints about its products, with its actions. */
export const AsSupplier: Story = { args: { token: TOKENS.supplierA } };
/** The platform's view. */
export const AsPlatform: Story = { args: { token: TOKENS.platform } };

const byStatus = (status: string): Story => ({ name: `Status: ${status}`, args: { status } });
export const Submitted = byStatus('submitted');
export const AwaitingSupplier = byStatus('awaiting_supplier');
export const SupplierResponded = byStatus('supplier_responded');
export const InArbitration = byStatus('in_arbitration');
export const Arbitrated = byStatus('arbitrated');
export const Closed = byStatus('closed');
export const Cancelled = byStatus('cancelled');

/** 10,000 complaints (demo complainant B): windowed rows, more pages load while scrolling. */
export const TenThousandRows: Story = {
  args: { token: TOKENS.complainantB },
  loaders: [
    async () => {
      await seedTenThousandComplaints(await getApi());
      return {};
    },
  ],
};

const list = (root: HTMLElement) => root.querySelector<IprComplaintList>('ipr-complaint-list')!;
const shadow = (root: HTMLElement, selector: string) => list(root).shadowRoot?.querySelector<HTMLElement>(selector);

/**
 * Live status: once the indicator says "Live", a complaint is filed (it appears at the top
 * without a reload) and the platform forwards it (its row turns "Awaiting supplier").
 */
export const Live: Story = {
  play: async ({ canvasElement, loaded }) => {
    const api = loaded.api as InMemoryApi;
    await waitUntil(() => shadow(canvasElement, '[part=live][data-state=open]'));
    const complaint = await fileFreshComplaint(api);
    await waitUntil(() => shadow(canvasElement, `tr.data[data-id="${complaint.id}"]`));
    await forwardAsPlatform(api, complaint.id);
    await waitUntil(() => shadow(canvasElement, `tr.data[data-id="${complaint.id}"] [data-status=awaiting_supplier]`));
  },
};
/** The same in Chinese (the indicator reads 实时). */
export const LiveChinese: Story = { args: { locale: 'zh-CN' }, play: Live.play };
/** `live="false"`: no stream, no indicator; the list changes only on refresh. */
export const NotLive: Story = { args: { live: false } };
/** Export to .xlsx / .csv failed (the network dropped): the error in place, the buttons usable again. */
export const ExportFailed: Story = {
  args: { failExport: true },
  play: async ({ canvasElement }) => {
    await waitUntil(() => shadow(canvasElement, 'button[data-format=csv]'));
    shadow(canvasElement, 'button[data-format=csv]')!.click();
    await waitUntil(() => shadow(canvasElement, '.export-error'));
  },
};
