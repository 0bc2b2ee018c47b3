import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { type IprComplaintList, registerLocale } from '@ipr/elements';
import type { ComplaintType, Status } from '@ipr/validators';
import { getApi, seedTenThousandComplaints, TOKENS, type InMemoryApi } from './support/api';
import { connectionArgTypes, setupArg, toolbarDefaults, type Common } from './support/common';
import { LOCALES } from './support/manifest';
import { fileFreshComplaint, forwardAsPlatform, waitUntil } from './support/live';
import { demoClient, once, renderFromArgs } from './support/render';

type Args = Common & {
  token?: string;
  status?: Status | '';
  type?: ComplaintType | '';
  q?: string;
  live?: boolean;
  total?: number;
  /** Set-up: the network fails this many requests first. */
  failFirst: number;
  /** Set-up: no request is answered (loading). */
  hold: boolean;
  /** Set-up: the network drops the status export. */
  failExport: boolean;
};

const meta: Meta<Args> = {
  title: 'Elements/Complaint list',
  component: 'ipr-complaint-list',
  args: {
    token: TOKENS.complainantA,
    status: '',
    type: '',
    q: '',
    live: true,
    failFirst: 0,
    hold: false,
    failExport: false,
  },
  argTypes: {
    ...connectionArgTypes('ipr-complaint-list'),
    // The number of matches, which the list sets itself once the API has answered: no control.
    total: { control: false },
    failFirst: setupArg(),
    hold: setupArg(),
    failExport: setupArg(),
  },
  render: (args, ctx) =>
    renderFromArgs('ipr-complaint-list', args, ctx, {
      defaults: toolbarDefaults(ctx),
      properties: {
        client: demoClient(ctx, args.token, {
          failFirst: args.failFirst,
          hold: args.hold ? new Promise(() => {}) : undefined,
          failWhen: args.failExport ? (r) => new URL(r.url).pathname === '/v1/complaints/status-report' : undefined,
        }),
      },
    }),
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

const byStatus = (status: Status): Story => ({ name: `Status: ${status}`, args: { status } });
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
    once(async () => {
      await seedTenThousandComplaints(await getApi());
      return {};
    }),
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

/**
 * A locale the kit does not ship, added by the host with `registerLocale()` (French, a few of the
 * list's strings; the rest falls back to English). See the Languages guide.
 */
export const HostLocale: Story = {
  name: 'Host locale (fr)',
  args: { locale: 'fr' },
  argTypes: { locale: { options: [...LOCALES, 'fr'] } },
  loaders: [
    once(async () => {
      registerLocale('fr', {
        status: 'Statut',
        type: 'Type de plainte',
        all: 'Toutes',
        number: 'Numéro',
        productCount: 'Produits',
        created: 'Créée le',
        updated: 'Mise à jour',
        searchNumber: 'Rechercher par numéro',
        shownOf: (n: number, total: number) => `${n} plaintes sur ${total}`,
        statuses: {
          submitted: 'Déposée',
          awaiting_supplier: 'En attente du fournisseur',
          supplier_responded: 'Réponse du fournisseur',
          in_arbitration: 'En arbitrage',
          arbitrated: 'Arbitrée',
          closed: 'Close',
          cancelled: 'Annulée',
        },
      });
      return {};
    }),
  ],
};
