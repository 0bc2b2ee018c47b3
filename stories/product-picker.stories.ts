import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { IprProductPicker } from '@ipr/elements';
import { TEMPLATE_HEADERS } from '@ipr/client';
import type { Product } from '@ipr/validators';
import { clientFor, getApi, listedProducts, ok, seedLongChineseProducts, TOKENS } from './support/api';
import { connectionArgTypes, toolbarDefaults, type Common } from './support/common';
import { openComplaintOf } from './support/profiles';
import { demoClient, once, renderFromArgs } from './support/render';

type Args = Common & {
  token?: string;
  name?: string;
  required?: boolean;
  disabled?: boolean;
  'show-errors'?: boolean;
  /** The `--ipr-*` custom properties (CSS custom property controls). */
  [token: `--ipr-${string}`]: string | undefined;
};

const meta: Meta<Args> = {
  title: 'Elements/Product picker',
  component: 'ipr-product-picker',
  args: { token: TOKENS.complainantA, 'show-errors': false },
  argTypes: connectionArgTypes('ipr-product-picker', [TOKENS.complainantA, TOKENS.complainantB]),
  render: (args, ctx) =>
    renderFromArgs('ipr-product-picker', args, ctx, {
      defaults: toolbarDefaults(ctx),
      properties: { client: demoClient(ctx, args.token) },
    }),
};
export default meta;
type Story = StoryObj<Args>;

const picker = (root: HTMLElement) => root.querySelector<IprProductPicker>('ipr-product-picker')!;

/** Adds the products a loader found through the API (the way a person's picks are added). */
async function addLoaded(root: HTMLElement, loaded: Record<string, unknown>) {
  const el = picker(root);
  el.add((loaded.products as Product[] | undefined) ?? []);
  await el.updateComplete;
}

/** Nothing added yet. */
export const Empty: Story = {};
/** Nothing added and the form asked for products: the error is shown. */
export const EmptyWithError: Story = { args: { 'show-errors': true } };

async function search(root: HTMLElement, q: string) {
  const el = picker(root);
  await el.updateComplete;
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('#q')!;
  input.value = q;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
  input.form ? input.form.requestSubmit() : input.closest('form')?.requestSubmit();
  // The search answers from the in-browser API.
  for (let i = 0; i < 100 && !el.shadowRoot!.querySelector('.results'); i++)
    await new Promise((r) => setTimeout(r, 50));
}

/**
 * The design tokens set as a host would (`--ipr-*` on the element; here through the CSS custom
 * property controls): an accent color, a surface, rounder corners and a serif font.
 */
export const BrandTokens: Story = {
  args: {
    '--ipr-color-primary': '#0b6e52',
    '--ipr-color-surface': '#eef7f3',
    '--ipr-radius': '14px',
    '--ipr-font-family': 'Georgia, serif',
  },
  play: async ({ canvasElement }) => search(canvasElement, 'lamp'),
};

/** Search results for "lamp" from the seeded catalogue. */
export const SearchResults: Story = { play: async ({ canvasElement }) => search(canvasElement, 'lamp') };
export const SearchResultsChinese: Story = {
  args: { locale: 'zh-CN' },
  play: async ({ canvasElement }) => search(canvasElement, '台灯'),
};
/** Long Chinese product names (added to the catalogue for this story), searched and added. */
export const LongChineseNames: Story = {
  args: { locale: 'zh-CN' },
  loaders: [
    once(async () => {
      const api = await getApi();
      await seedLongChineseProducts(api);
      const found = await ok(
        clientFor(api, TOKENS.complainantA).products.resolveLinks(
          [1, 2, 3, 4].map((i) => `https://market.example/product/pzh${i}`),
        ),
      );
      return { products: found.items.flatMap((r) => (r.product ? [r.product] : [])) };
    }),
  ],
  play: async ({ canvasElement, loaded }) => {
    await addLoaded(canvasElement, loaded);
    await search(canvasElement, '旗舰店');
  },
};
/**
 * 800 products added: the limit, "800 / 800". The list is windowed (a screenful of items in the
 * DOM); the first products of the seed are in complainant A's open complaints, so it shows the
 * warning with those complaints' numbers.
 */
export const EightHundredProducts: Story = {
  loaders: [once(async () => ({ products: await listedProducts(await getApi(), 800) }))],
  play: async ({ canvasElement, loaded }) => {
    await addLoaded(canvasElement, loaded);
    const el = picker(canvasElement);
    await el.openComplaintsChecked;
    await el.updateComplete;
  },
};
export const EightHundredProductsDark: Story = { ...EightHundredProducts, args: { theme: 'dark' } };

/** A spreadsheet import (CSV, through the real import pipeline) with rows in error. */
export const ImportWithRowErrors: Story = {
  loaders: [once(async () => ({ links: (await listedProducts(await getApi(), 3)).map((p) => p.url) }))],
  play: async ({ canvasElement, loaded }) => {
    const links = loaded.links as string[];
    const rows = [
      TEMPLATE_HEADERS.en,
      ...links,
      'not a link',
      'https://elsewhere.example/item/1',
      'https://market.example/product/p999999',
      links[0],
    ];
    await picker(canvasElement).importFile(new File([rows.join('\n') + '\n'], 'links.csv', { type: 'text/csv' }));
  },
};

/** Products already in one of the complainant's open complaints (from the seed): each is marked, with a note above the list. */
export const InOpenComplaint: Story = {
  loaders: [
    once(async () => {
      const api = await getApi();
      const open = await openComplaintOf(clientFor(api, TOKENS.complainantA));
      return { products: [...(await listedProducts(api, 1)), ...open.products] };
    }),
  ],
  play: async ({ canvasElement, loaded }) => {
    await addLoaded(canvasElement, loaded);
    const el = picker(canvasElement);
    await el.openComplaintsChecked;
    await el.updateComplete;
  },
};
export const InOpenComplaintChinese: Story = { ...InOpenComplaint, args: { locale: 'zh-CN' } };
export const InOpenComplaintDark: Story = { ...InOpenComplaint, args: { theme: 'dark' } };
