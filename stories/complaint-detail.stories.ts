import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { clientFor, getApi, ok, TOKENS } from './support/api';
import { apiOf, localeOf, themeOf, type Common } from './support/common';

type Args = Common & { token: string; status: string };

const meta: Meta<Args> = {
  title: 'Elements/Complaint detail',
  component: 'ipr-complaint-detail',
  args: { token: TOKENS.complainantA, status: 'submitted' },
  // Per story: the seeded complaint of the wanted status, found through the API.
  loaders: [async (ctx) => {
    const client = clientFor(await getApi(), (ctx.args as Args).token);
    const page = await ok(client.complaints.list({ status: (ctx.args as Args).status, limit: 1 }));
    return { complaintId: page.items[0]?.id ?? '' };
  }],
  render: (args, ctx) => {
    const client = clientFor(apiOf(ctx), args.token);
    return html`<ipr-complaint-detail .client=${client} locale=${localeOf(ctx)} theme=${themeOf(ctx)} complaint-id=${ctx.loaded.complaintId as string}></ipr-complaint-detail>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

const byStatus = (status: string, extra: Partial<Args> = {}): Story => ({ args: { status, ...extra } });
export const Submitted = byStatus('submitted');
export const AwaitingSupplier = byStatus('awaiting_supplier');
/** Products as the supplier answered them; "Check now" and the confirm / arbitration actions. */
export const SupplierResponded = byStatus('supplier_responded');
export const InArbitration = byStatus('in_arbitration');
/** The arbitration result notice. */
export const ArbitrationNotice = byStatus('arbitrated');
export const Closed = byStatus('closed');
export const Cancelled = byStatus('cancelled');
export const ArbitrationNoticeChinese = byStatus('arbitrated', { locale: 'zh-CN' });
export const SupplierRespondedDark = byStatus('supplier_responded', { theme: 'dark' });
/** What the supplier sees of a complaint waiting for its answer. */
export const SupplierView = byStatus('awaiting_supplier', { token: TOKENS.supplierA });
/** A complaint the caller may not see: the not-found error. */
export const NotFound: Story = {
  loaders: [async () => ({ complaintId: 'cmp_does_not_exist' })],
};
