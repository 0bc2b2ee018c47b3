import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { IprComplaintForm, IprProductPicker } from '@ipr/elements';
import { DECLARATION_VERSION, type HolderProfile } from '@ipr/validators';
import { createDraftStore } from '@ipr/client';
import { clientFor, getApi, ok, pdfFile, TOKENS } from './support/api';
import { connectionArgTypes, setupArg, toolbarDefaults, type Common } from './support/common';
import { daysLater, demoProfiles, freshProducts, openComplaintOf } from './support/profiles';
import { demoClient, once, renderFromArgs } from './support/render';

type Step = 'basics' | 'evidence' | 'review';
type Args = Common & {
  token?: string;
  step?: Step;
  'draft-storage'?: 'auto' | 'indexeddb' | 'memory';
  'draft-key'?: string;
  'large-attachment-email'?: string;
  /** The form's clock (a timestamp: the date control's value); expiring holders expire. */
  now?: number;
  /** Set-up: the draft saved for the story (none, step 1 filled in, everything). */
  prefill: 'none' | 'basics' | 'all';
  /** Set-up: the network drops the submit. */
  failSubmit: boolean;
  /** Set-up: complainant A has saved holders (and is not the holder). */
  savedHolders: boolean;
  /** Set-up: the draft repeats one of the complainant's open complaints (type and products). */
  duplicate: boolean;
};

const meta: Meta<Args> = {
  title: 'Elements/Complaint form',
  component: 'ipr-complaint-form',
  args: {
    token: TOKENS.complainantA,
    step: 'basics',
    // Drafts kept in memory under a per-story key (below): stories never restore each other's drafts.
    'draft-storage': 'memory',
    'large-attachment-email': 'ipr-evidence@market.example',
    prefill: 'none',
    failSubmit: false,
    savedHolders: false,
    duplicate: false,
  },
  argTypes: {
    ...connectionArgTypes('ipr-complaint-form', [TOKENS.complainantA, TOKENS.complainantB]),
    prefill: setupArg(),
    failSubmit: setupArg(),
    savedHolders: setupArg(),
    duplicate: setupArg(),
  },
  // A filled-in draft for the later steps: real catalogue products and evidence uploaded to the
  // API. Once per story render: changing a control keeps the draft and the form's state.
  loaders: [
    once(async (ctx) => {
      const args = ctx.args as Args;
      // A fresh key per story render: a submitted draft is cleared, a remount starts from the same draft.
      const draftKey = `story-${ctx.id}-${Date.now()}`;
      const profiles = args.savedHolders ? await demoProfiles(await getApi()) : [];
      if (args.prefill === 'none') return { draftKey, profiles };
      const api = await getApi();
      const client = clientFor(api, TOKENS.complainantA);
      const open = args.duplicate ? await openComplaintOf(client) : undefined;
      const products = open ? open.products : await freshProducts(api, 2);
      const evidence =
        args.prefill === 'all' ? [await ok(client.evidence.upload(pdfFile('trademark-registration.pdf')))] : [];
      const step = args.step ?? 'basics';
      // Saved through the client's real draft store (memory) under the form's per-account key
      // (`<draft-key>:<account id>`): the form restores it as after a reload.
      const { id: accountId } = await ok(client.account.get());
      await createDraftStore({ key: `${draftKey}:${accountId}`, storage: 'memory' }).save({
        step,
        evidence,
        draft: {
          type: open?.type ?? 'trademark_infringement',
          productLinks: open?.links ?? products.map((p) => p.url),
          description: 'Counterfeit goods carrying our registered trademark AURORA, sold without authorisation.',
          contact: {
            name: 'Lin Mei',
            email: 'lin.mei@aurora.example',
            phone: '+86 20 1234 5678',
            company: 'Aurora Lighting Co.',
          },
          discloseContactToSupplier: false,
          isIprHolder: !args.savedHolders,
          holder: {
            name: '',
            identificationNumber: '',
            identificationAttachments: [],
            powerOfAttorney: [],
            powerOfAttorneyExpiresAt: null,
          },
          evidence: evidence.map((e) => ({ id: e.id })),
          declaration: {
            goodFaith: step === 'review',
            accurate: step === 'review',
            authorised: step === 'review',
            version: DECLARATION_VERSION,
          },
        },
      });
      return { draftKey, profiles };
    }),
  ],
  render: (args, ctx) =>
    renderFromArgs('ipr-complaint-form', args, ctx, {
      defaults: { ...toolbarDefaults(ctx), 'draft-key': ctx.loaded.draftKey },
      properties: {
        client: demoClient(ctx, args.token, {
          failWhen: args.failSubmit
            ? (r) => r.method === 'POST' && new URL(r.url).pathname === '/v1/complaints'
            : undefined,
        }),
      },
    }),
};
export default meta;
type Story = StoryObj<Args>;

const form = (root: HTMLElement) => root.querySelector<IprComplaintForm>('ipr-complaint-form')!;
async function clickNext(root: HTMLElement) {
  const el = form(root);
  await el.draftReady;
  await el.updateComplete;
  el.shadowRoot!.querySelector<HTMLButtonElement>('button.next')!.click();
  await el.updateComplete;
}
/** Waits up to 10 s for `selector` in the form; the play function (and the smoke test) fails without it. */
async function waitFor(root: HTMLElement, selector: string) {
  const el = form(root);
  for (let i = 0; i < 200 && !el.shadowRoot!.querySelector(selector); i++) await new Promise((r) => setTimeout(r, 50));
  if (!el.shadowRoot!.querySelector(selector)) throw new Error(`${selector} did not appear in <ipr-complaint-form>`);
}

/** Step 1, empty (contact pre-filled from the account). */
export const Basics: Story = {};
/** Step 1 after "Next" with nothing filled in: every error shown. */
export const BasicsErrors: Story = { play: async ({ canvasElement }) => clickNext(canvasElement) };
/** Step 1 filled in. */
export const BasicsFilled: Story = { args: { prefill: 'basics' } };
/** Step 2: evidence. */
export const Evidence: Story = { args: { step: 'evidence', prefill: 'basics' } };
/** Step 2 after "Next" without evidence. */
export const EvidenceErrors: Story = {
  args: { step: 'evidence', prefill: 'basics' },
  play: async ({ canvasElement }) => clickNext(canvasElement),
};
/** Step 3: review and declaration. */
export const Review: Story = { args: { step: 'review', prefill: 'all' } };
/** The receipt with the complaint number, after a real submit to the API. */
export const Receipt: Story = {
  args: { step: 'review', prefill: 'all' },
  play: async ({ canvasElement }) => {
    await clickNext(canvasElement);
    await waitFor(canvasElement, '[part~="receipt"]');
  },
};
/** Submitting failed (the network dropped): the draft is kept, the button offers a retry. */
export const SubmitFailed: Story = {
  args: { step: 'review', prefill: 'all', failSubmit: true },
  play: async ({ canvasElement }) => {
    await clickNext(canvasElement);
    await waitFor(canvasElement, '[part~="error"]');
  },
};
export const BasicsChinese: Story = { args: { locale: 'zh-CN' } };
export const BasicsErrorsChinese: Story = { args: { locale: 'zh-CN' }, play: BasicsErrors.play };
export const ReviewChinese: Story = { args: { locale: 'zh-CN', step: 'review', prefill: 'all' } };
export const BasicsDark: Story = { args: { theme: 'dark' } };
export const EvidenceDark: Story = { args: { theme: 'dark', step: 'evidence', prefill: 'basics' } };
export const ReceiptDark: Story = { args: { theme: 'dark', step: 'review', prefill: 'all' }, play: Receipt.play };

/** The holder step with saved holders: "Use a saved holder" (expiring ones say how many days are left) and "Save these details as a profile". */
export const SavedHolders: Story = { args: { prefill: 'basics', savedHolders: true } };
/** A saved holder chosen: its details fill the holder fields and attachments. */
export const SavedHolderChosen: Story = {
  args: { prefill: 'basics', savedHolders: true },
  play: async ({ canvasElement, loaded }) => {
    const el = form(canvasElement);
    await el.draftReady;
    await waitFor(canvasElement, '#f-holder-profile:not([disabled])');
    const chosen = (loaded.profiles as HolderProfile[]).find((p) => p.powerOfAttorney.state === 'valid');
    if (!chosen) throw new Error('no saved holder with a valid power of attorney');
    await el.useProfile(chosen.id);
    await el.updateComplete;
  },
};
/** 45 days on: the holder whose power of attorney was expiring is listed as expired and cannot be chosen. */
export const SavedHoldersExpired: Story = {
  args: { prefill: 'basics', savedHolders: true, now: daysLater(45).getTime() },
};
export const SavedHoldersChinese: Story = {
  args: { locale: 'zh-CN', prefill: 'basics', savedHolders: true, now: daysLater(45).getTime() },
};
/** The products of an open complaint again: each is marked "Already in your open complaint …" (a warning, not a block). */
export const DuplicateWarning: Story = {
  args: { prefill: 'basics', duplicate: true },
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    await el.draftReady;
    await waitFor(canvasElement, 'ipr-product-picker');
    const picker = el.shadowRoot!.querySelector<IprProductPicker>('ipr-product-picker')!;
    for (let i = 0; i < 200 && picker.openComplaints.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    await picker.updateComplete;
  },
};
/** Submitting the same complaint again: the server refuses it (409) and the summary names the open complaint. */
export const DuplicateRefused: Story = {
  args: { step: 'review', prefill: 'all', duplicate: true },
  play: async ({ canvasElement }) => {
    await clickNext(canvasElement);
    await waitFor(canvasElement, '.submit-error');
  },
};
export const DuplicateRefusedChinese: Story = {
  ...DuplicateRefused,
  args: { ...DuplicateRefused.args, locale: 'zh-CN' },
};
