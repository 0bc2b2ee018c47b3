// The demo accounts of docs/CONTRACT.md, apart from the seed so that test helpers and stories
// (also in the browser) can name the tokens without loading the server.
import { type ComplaintDraftInput, DECLARATION_VERSION } from '@ipr/validators';
import type { AccountRecord } from './store/index.js';

/** Bearer tokens of the demo accounts, by who they are. For the demo and tests only. */
export const TOKENS = {
  complainantA: 'demo-complainant-a',
  complainantB: 'demo-complainant-b',
  supplierA: 'demo-supplier-a',
  supplierB: 'demo-supplier-b',
  platform: 'demo-platform',
} as const;

export interface DemoAccount extends AccountRecord {
  token: string;
}

/** The five accounts of docs/CONTRACT.md. Tokens are for the demo and tests only; only their hashes are stored. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    id: 'acc_complainant_a',
    role: 'complainant',
    token: TOKENS.complainantA,
    displayName: 'Aurora Lighting Co., Ltd.',
    contact: {
      name: 'Lin Mei',
      email: 'lin.mei@aurora-lighting.example',
      phone: '+86 755 2345 6789',
      company: 'Aurora Lighting Co., Ltd.',
    },
  },
  {
    id: 'acc_complainant_b',
    role: 'complainant',
    token: TOKENS.complainantB,
    displayName: 'Brightstone Toys GmbH',
    contact: {
      name: 'Jonas Weber',
      email: 'jonas.weber@brightstone-toys.example',
      phone: '+49 30 1234 5678',
      company: 'Brightstone Toys GmbH',
    },
  },
  {
    id: 'acc_supplier_a',
    role: 'supplier',
    token: TOKENS.supplierA,
    displayName: 'Shenzhen Quickship Trading',
    contact: {
      name: 'Chen Hao',
      email: 'chen.hao@quickship.example',
      phone: '+86 755 8765 4321',
      company: 'Shenzhen Quickship Trading',
    },
  },
  {
    id: 'acc_supplier_b',
    role: 'supplier',
    token: TOKENS.supplierB,
    displayName: 'Yiwu Everbright Goods',
    contact: {
      name: 'Wang Fang',
      email: 'wang.fang@everbright.example',
      phone: '+86 579 8555 1212',
      company: 'Yiwu Everbright Goods',
    },
  },
  {
    id: 'acc_platform',
    role: 'platform',
    token: TOKENS.platform,
    displayName: 'Platform IPR review team',
    contact: {
      name: 'IPR Review',
      email: 'ipr-review@market.example',
      phone: '+1 555 0100',
      company: 'Market Example',
    },
  },
];

export const DEMO_TOKENS = Object.fromEntries(DEMO_ACCOUNTS.map((a) => [a.id, a.token])) as Record<string, string>;

/**
 * A valid draft of complainant A (Aurora Lighting: its contact, its seeded certificate as evidence),
 * for tests and benches; `overrides` on top (the product links among them: none by default).
 */
export function demoDraftOfA(overrides: Partial<ComplaintDraftInput> = {}): ComplaintDraftInput {
  const { name, email, phone } = DEMO_ACCOUNTS.find((a) => a.id === 'acc_complainant_a')!.contact;
  return {
    type: 'trademark_infringement',
    productLinks: [],
    description: 'These listings use our registered trademark.',
    contact: { name, email, phone },
    discloseContactToSupplier: false,
    isIprHolder: true,
    holder: null,
    evidence: [{ id: 'ev_seed_a_certificate' }],
    declaration: { goodFaith: true, accurate: true, authorised: true, version: DECLARATION_VERSION },
    ...overrides,
  };
}
