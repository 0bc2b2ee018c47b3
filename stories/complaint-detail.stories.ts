import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { IprComplaintDetail } from '@ipr/elements';
import type { Status } from '@ipr/validators';
import { clientFor, getApi, ok, TOKENS, type InMemoryApi } from './support/api';
import { connectionArgTypes, setupArg, toolbarDefaults, type Common } from './support/common';
import { fileFreshComplaint, forwardAsPlatform, waitUntil } from './support/live';
import { demoClient, once, renderFromArgs } from './support/render';

type Args = Common & {
  token?: string;
  'complaint-id'?: string;
  live?: boolean;
  /** Set-up: the story shows a seeded complaint of this status (its id found through the API). */
  status: Status;
};

const meta: Meta<Args> = {
  title: 'Elements/Complaint detail',
  component: 'ipr-complaint-detail',
  args: { token: TOKENS.complainantA, status: 'submitted', live: true },
  argTypes: { ...connectionArgTypes('ipr-complaint-detail'), status: setupArg() },
  // Per story: the seeded complaint of the wanted status, found through the API (once per story
  // render: a control that changes keeps it; the `complaint-id` control shows another).
  loaders: [
    once(async (ctx) => {
      const client = clientFor(await getApi(), (ctx.args as Args).token ?? TOKENS.complainantA);
      const page = await ok(client.complaints.list({ status: (ctx.args as Args).status, limit: 1 }));
      return { complaintId: page.items[0]?.id ?? '' };
    }),
  ],
  render: (args, ctx) =>
    renderFromArgs('ipr-complaint-detail', args, ctx, {
      defaults: { ...toolbarDefaults(ctx), 'complaint-id': ctx.loaded.complaintId },
      properties: { client: demoClient(ctx, args.token) },
    }),
};
export default meta;
type Story = StoryObj<Args>;

const byStatus = (status: Status, extra: Partial<Args> = {}): Story => ({ args: { status, ...extra } });
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
/** What the supplier sees of a complaint waiting for its answer, with the per-product answer form. */
export const SupplierView = byStatus('awaiting_supplier', { token: TOKENS.supplierA });
/** The supplier's per-product answer form, in Chinese. */
export const SupplierViewChinese = byStatus('awaiting_supplier', { token: TOKENS.supplierA, locale: 'zh-CN' });
/** A complaint the caller may not see: the not-found error. */
export const NotFound: Story = { args: { 'complaint-id': 'cmp_does_not_exist' } };

const detail = (root: HTMLElement) => root.querySelector<IprComplaintDetail>('ipr-complaint-detail')!;
const shadow = (root: HTMLElement, selector: string) => detail(root).shadowRoot?.querySelector<HTMLElement>(selector);

/** The complainant's receipt: number, time, declaration version, products, evidence with SHA-256; print and download. */
export const Receipt = byStatus('submitted');
export const ReceiptChinese = byStatus('submitted', { locale: 'zh-CN' });
export const ReceiptDark = byStatus('submitted', { theme: 'dark' });

/**
 * Live status: a complaint filed for this story; once the indicator says "Live", the platform
 * forwards it and the view fetches it again (status "Awaiting supplier", one more history line).
 */
export const Live: Story = {
  loaders: [once(async () => ({ complaintId: (await fileFreshComplaint(await getApi())).id }))],
  play: async ({ canvasElement, loaded }) => {
    await waitUntil(() => shadow(canvasElement, '[part=live][data-state=open]'));
    await forwardAsPlatform(loaded.api as InMemoryApi, loaded.complaintId as string);
    await waitUntil(() => shadow(canvasElement, '.status[data-status=awaiting_supplier]'));
  },
};
/** `live="false"`: no stream and no indicator. */
export const NotLive = byStatus('submitted', { live: false });

/** The first seeded Picture Embezzlement complaint `token` can see, found through the API. */
const pictureComplaint = (token: string) =>
  once(async () => {
    const client = clientFor(await getApi(), token);
    const page = await ok(client.complaints.list({ limit: 50 }));
    return { complaintId: page.items.find((c) => c.type === 'picture_embezzlement')?.id ?? '' };
  });

/** Waits until every product's match and its thumbnails are shown. */
const matchesShown: Story['play'] = async ({ canvasElement }) => {
  await waitUntil(() => shadow(canvasElement, '[part=pictures] .match img'));
  const images = [...(detail(canvasElement).shadowRoot?.querySelectorAll('[part=pictures] img') ?? [])];
  await Promise.all(images.map((img) => (img as HTMLImageElement).decode()));
};

/**
 * A Picture Embezzlement complaint's picture matches: each listed product's picture beside the
 * complainant's original that matches it best, the distance of their perceptual hashes and the
 * band (here an exact copy and a retouched one). The in-browser API hashes them with the
 * browser's picture engine (canvas decoding, the server's pHash).
 */
export const PictureMatches: Story = {
  args: { token: TOKENS.complainantA },
  loaders: [pictureComplaint(TOKENS.complainantA)],
  play: matchesShown,
};
/** Complainant B's picture complaint: a cropped and a recompressed copy of its original. */
export const PictureMatchesEdited: Story = {
  args: { token: TOKENS.complainantB },
  loaders: [pictureComplaint(TOKENS.complainantB)],
  play: matchesShown,
};
/** The platform's view of the same matches, in Chinese. */
export const PictureMatchesPlatformChinese: Story = {
  args: { token: TOKENS.platform, locale: 'zh-CN' },
  loaders: [pictureComplaint(TOKENS.complainantA)],
  play: matchesShown,
};
