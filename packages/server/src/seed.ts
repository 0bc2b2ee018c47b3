// The demo data: accounts, a deterministic catalogue, saved evidence and complaints in every
// status with their history. Seeding is idempotent: running it again changes nothing.
import { DECLARATION_VERSION, validateComplaintDraft, type Action, type ComplaintType } from '@ipr/validators';
import type { Db } from './db/types.js';
import type { FileStore } from './files/types.js';
import type { PictureEngine } from './pictures/engine.js';
import { CATEGORIES, type Category } from './catalogue.js';
import { applyAction, hashToken, insertComplaint, ownEvidence, productsByUrl } from './store/index.js';
import { prng, sha256Hex } from './util.js';

export { DEMO_ACCOUNTS, DEMO_TOKENS, type DemoAccount } from './demo-accounts.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';

// ───────────────────────────── catalogue ─────────────────────────────

const WORDS: Record<Category, { nouns: string[]; adjectives: string[]; zh: string[] }> = {
  lamp: {
    nouns: ['Desk Lamp', 'Floor Lamp', 'Night Light', 'Reading Lamp', 'Ceiling Light', 'Table Lamp', 'Clip Lamp'],
    adjectives: ['LED', 'Dimmable', 'Rechargeable', 'Eye-Care', 'Touch Control', 'Wooden', 'Nordic', 'Smart', 'Solar'],
    zh: ['LED护眼台灯', '可调光落地灯', '充电小夜灯', '北欧风吊灯', '智能床头灯', '学生阅读台灯'],
  },
  toy: {
    nouns: ['Building Blocks', 'Plush Bear', 'Puzzle', 'Toy Car', 'Robot Kit', 'Doll House', 'Kite'],
    adjectives: ['Educational', 'Wooden', 'Remote Control', 'Soft', 'Magnetic', 'STEM', 'Glow-in-the-Dark', 'Classic'],
    zh: ['儿童益智积木玩具', '毛绒泰迪熊', '遥控赛车玩具', '磁力拼图', '编程机器人套装', '木制过家家玩具'],
  },
  phone_case: {
    nouns: ['Phone Case', 'iPhone Case', 'Galaxy Case', 'Wallet Case', 'Bumper Case'],
    adjectives: ['Shockproof', 'Silicone', 'Transparent', 'Leather', 'Magnetic', 'Slim', 'Glitter', 'Rugged'],
    zh: ['硅胶手机壳', '防摔手机壳', '透明手机保护套', '皮革钱包手机壳', '磁吸手机壳'],
  },
  bag: {
    nouns: ['Backpack', 'Tote Bag', 'Handbag', 'Travel Duffel', 'Laptop Bag', 'Crossbody Bag'],
    adjectives: ['Waterproof', 'Canvas', 'Leather', 'Anti-Theft', 'Foldable', 'Vintage'],
    zh: ['防水双肩包', '帆布托特包', '真皮手提包', '旅行行李包'],
  },
  watch: {
    nouns: ['Wrist Watch', 'Smart Watch', 'Sports Watch', 'Quartz Watch'],
    adjectives: ['Waterproof', 'Luxury', 'Digital', 'Minimalist', 'Stainless Steel', 'Fitness'],
    zh: ['智能运动手表', '石英手表', '防水电子表'],
  },
  headphones: {
    nouns: ['Headphones', 'Earbuds', 'Headset', 'Earphones'],
    adjectives: ['Wireless', 'Bluetooth', 'Noise Cancelling', 'Gaming', 'Sports', 'Over-Ear'],
    zh: ['无线蓝牙耳机', '降噪头戴式耳机', '运动耳机'],
  },
  mug: {
    nouns: ['Coffee Mug', 'Travel Mug', 'Tea Cup', 'Water Bottle', 'Tumbler'],
    adjectives: ['Ceramic', 'Insulated', 'Stainless Steel', 'Glass', 'Cartoon', 'Personalized'],
    zh: ['陶瓷马克杯', '保温杯', '玻璃水杯', '卡通咖啡杯'],
  },
  shoes: {
    nouns: ['Running Shoes', 'Sneakers', 'Sandals', 'Hiking Boots', 'Slippers'],
    adjectives: ['Breathable', 'Lightweight', 'Non-Slip', 'Casual', 'Waterproof', 'Memory Foam'],
    zh: ['透气跑步鞋', '休闲运动鞋', '防滑拖鞋', '登山靴'],
  },
};
const COLORS = ['Black', 'White', 'Blue', 'Red', 'Pink', 'Green', 'Grey', 'Gold', 'Rose Gold', 'Navy'];
const ZH_SUFFIX = ['2026新款', '热卖', '批发', '厂家直销', '包邮', '多色可选'];

export interface CatalogueProduct {
  id: string;
  url: string;
  name: string;
  supplierId: string;
  category: Category;
  listed: boolean;
}

/** Product `i` (1-based) of the demo catalogue: the same on every machine and every run. */
export function catalogueProduct(i: number): CatalogueProduct {
  const rand = prng(0x1b2c3d + i * 7919);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const category = CATEGORIES[i % CATEGORIES.length]!;
  const words = WORDS[category];
  const chinese = rand() < 0.2;
  const name = chinese
    ? `${pick(words.zh)} ${pick(ZH_SUFFIX)}`
    : `${pick(words.adjectives)} ${pick(words.nouns)}, ${pick(COLORS)}${rand() < 0.3 ? ` (${2 + Math.floor(rand() * 10)} Pack)` : ''}`;
  const id = `p${String(i).padStart(6, '0')}`;
  return {
    id,
    url: `https://market.example/product/${id}`,
    name,
    supplierId: i % 2 === 1 ? 'acc_supplier_a' : 'acc_supplier_b',
    category,
    listed: i % 23 !== 0,
  };
}

// ───────────────────────────── evidence files ─────────────────────────────

const b64 = (s: string) => Uint8Array.from(atob(s), (ch) => ch.charCodeAt(0));
/** A real 1×1 PNG. */
export const TINY_PNG = b64(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
);
/** A small, valid one-page PDF. */
export const TINY_PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

interface SeedFile {
  id: string;
  account: string;
  name: string;
  extension: string;
  kind: string;
  bytes: Uint8Array;
}
const SEED_FILES: SeedFile[] = [
  {
    id: 'ev_seed_a_original',
    account: 'acc_complainant_a',
    name: 'original-lamp-photo.png',
    extension: 'png',
    kind: 'image',
    bytes: TINY_PNG,
  },
  {
    id: 'ev_seed_a_certificate',
    account: 'acc_complainant_a',
    name: 'trademark-certificate.pdf',
    extension: 'pdf',
    kind: 'document',
    bytes: TINY_PDF,
  },
  {
    id: 'ev_seed_a_poa',
    account: 'acc_complainant_a',
    name: 'power-of-attorney.pdf',
    extension: 'pdf',
    kind: 'document',
    bytes: TINY_PDF,
  },
  {
    id: 'ev_seed_b_original',
    account: 'acc_complainant_b',
    name: 'original-toy-photo.png',
    extension: 'png',
    kind: 'image',
    bytes: TINY_PNG,
  },
  {
    id: 'ev_seed_b_patent',
    account: 'acc_complainant_b',
    name: '专利证书.pdf',
    extension: 'pdf',
    kind: 'document',
    bytes: TINY_PDF,
  },
];

// ───────────────────────────── complaints ─────────────────────────────

interface SeedComplaint {
  key: string;
  account: string;
  type: ComplaintType;
  products: number[];
  evidence: { id: string; original?: boolean }[];
  disclose: boolean;
  /** Actions after submission, in order: [action, actor, body]. */
  steps: [Action, string, unknown?][];
  description: string;
}

const respond = (products: number[], response: 'removed' | 'not_infringing') => ({
  products: products.map((i) => ({
    productId: catalogueProduct(i).id,
    response,
    ...(response === 'not_infringing' ? { statement: 'We own the design; see our registration filed in 2024.' } : {}),
  })),
});

// Product numbers: odd → supplier A, even → supplier B. None is divisible by 23 (all listed).
const SEED_COMPLAINTS: SeedComplaint[] = [
  {
    key: 'seed-01',
    account: 'acc_complainant_a',
    type: 'picture_embezzlement',
    products: [1, 3],
    evidence: [{ id: 'ev_seed_a_original', original: true }],
    disclose: true,
    steps: [],
    description: 'Our product photos of the Aurora desk lamp are used without permission.',
  },
  {
    key: 'seed-02',
    account: 'acc_complainant_a',
    type: 'trademark_infringement',
    products: [5, 6],
    evidence: [{ id: 'ev_seed_a_certificate' }],
    disclose: false,
    steps: [['forward_to_supplier', 'acc_platform']],
    description: 'The listings use the AURORA trademark on lamps we did not make.',
  },
  {
    key: 'seed-03',
    account: 'acc_complainant_a',
    type: 'copyright_infringement',
    products: [7],
    evidence: [{ id: 'ev_seed_a_certificate' }],
    disclose: false,
    steps: [
      ['forward_to_supplier', 'acc_platform'],
      ['respond', 'acc_supplier_a', respond([7], 'not_infringing')],
    ],
    description: 'The manual and packaging text are copied from ours.',
  },
  {
    key: 'seed-04',
    account: 'acc_complainant_a',
    type: 'picture_embezzlement',
    products: [9, 11],
    evidence: [{ id: 'ev_seed_a_original', original: true }],
    disclose: true,
    steps: [
      ['forward_to_supplier', 'acc_platform'],
      ['respond', 'acc_supplier_a', respond([9, 11], 'not_infringing')],
      ['request_arbitration', 'acc_complainant_a', { reason: 'The photos carry our studio watermark, cropped out.' }],
    ],
    description: 'Product photos copied from our catalogue.',
  },
  {
    key: 'seed-05',
    account: 'acc_complainant_a',
    type: 'trademark_infringement',
    products: [13],
    evidence: [{ id: 'ev_seed_a_certificate' }],
    disclose: false,
    steps: [
      ['forward_to_supplier', 'acc_platform'],
      ['respond', 'acc_supplier_a', respond([13], 'not_infringing')],
      ['request_arbitration', 'acc_complainant_a', { reason: 'The mark is identical to our registration.' }],
      [
        'issue_result',
        'acc_platform',
        { decision: 'upheld', notice: 'The listing infringes the registered mark and will be removed.' },
      ],
    ],
    description: 'Counterfeit AURORA lamps.',
  },
  {
    key: 'seed-06',
    account: 'acc_complainant_a',
    type: 'copyright_infringement',
    products: [15],
    evidence: [{ id: 'ev_seed_a_certificate' }],
    disclose: false,
    steps: [
      ['forward_to_supplier', 'acc_platform'],
      ['respond', 'acc_supplier_a', respond([15], 'removed')],
      ['check', 'acc_complainant_a'],
      ['confirm_close', 'acc_complainant_a'],
    ],
    description: 'Copied lamp assembly instructions.',
  },
  {
    key: 'seed-07',
    account: 'acc_complainant_a',
    type: 'patent_infringement',
    products: [17],
    evidence: [{ id: 'ev_seed_a_certificate' }],
    disclose: false,
    steps: [['cancel', 'acc_complainant_a', { reason: 'Filed against the wrong listing.' }]],
    description: 'The hinge design is covered by our patent.',
  },
  {
    key: 'seed-08',
    account: 'acc_complainant_b',
    type: 'patent_infringement',
    products: [2, 4],
    evidence: [{ id: 'ev_seed_b_patent' }],
    disclose: true,
    steps: [],
    description: 'The magnetic block connector is our patented design.',
  },
  {
    key: 'seed-09',
    account: 'acc_complainant_b',
    type: 'picture_embezzlement',
    products: [8, 19],
    evidence: [{ id: 'ev_seed_b_original', original: true }],
    disclose: false,
    steps: [
      ['forward_to_supplier', 'acc_platform'],
      ['respond', 'acc_supplier_b', respond([8], 'removed')],
      ['respond', 'acc_supplier_a', respond([19], 'not_infringing')],
    ],
    description: 'Our toy photos are used on these listings.',
  },
  {
    key: 'seed-10',
    account: 'acc_complainant_b',
    type: 'trademark_infringement',
    products: [10],
    evidence: [{ id: 'ev_seed_b_patent' }],
    disclose: false,
    steps: [['forward_to_supplier', 'acc_platform']],
    description: 'BRIGHTSTONE mark used on imitation toys.',
  },
];

export interface SeedOptions {
  /** Products in the catalogue. Default 5,000 (demo); benchmarks use 100,000. */
  catalogueSize?: number;
  /** Complaints and evidence (default true); false seeds accounts and the catalogue only. */
  complaints?: boolean;
  now?: () => Date;
  /**
   * With an image library, the demo complainants' original pictures are real pictures (seeded
   * originals 0 and 1, which seeded products copy); without one they are 1 × 1 PNGs.
   */
  pictures?: Pick<PictureEngine, 'render'>;
}

export interface SeedReport {
  accounts: number;
  productsAdded: number;
  complaintsAdded: number;
  ms: number;
}

/** Seeds what is missing; a second run adds nothing. */
export async function seed(db: Db, files: FileStore, options: SeedOptions = {}): Promise<SeedReport> {
  const started = Date.now();
  const size = options.catalogueSize ?? 5000;
  const now = options.now ?? (() => new Date());

  for (const a of DEMO_ACCOUNTS) {
    await db.query(
      `insert into accounts (id, role, display_name, contact, token_hash) values ($1, $2, $3, $4::jsonb, $5) on conflict (id) do nothing`,
      [a.id, a.role, a.displayName, JSON.stringify(a.contact), await hashToken(a.token)],
    );
  }

  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from products');
  let productsAdded = 0;
  if ((rows[0]?.n ?? 0) < size) {
    const batch = 5000;
    for (let start = 1; start <= size; start += batch) {
      const list = Array.from({ length: Math.min(batch, size - start + 1) }, (_, k) => catalogueProduct(start + k));
      const result = await db.query<{ id: string }>(
        `insert into products (id, url, name, supplier_id, category, listed)
         select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[])
         on conflict (id) do nothing returning id`,
        [
          list.map((p) => p.id),
          list.map((p) => p.url),
          list.map((p) => p.name),
          list.map((p) => p.supplierId),
          list.map((p) => p.category),
          list.map((p) => p.listed),
        ],
      );
      productsAdded += result.rows.length;
    }
    // Sets the visibility map too, so counting matches can skip the table (bitmap scans skip fetches).
    await db.exec('vacuum analyze products');
  }

  let complaintsAdded = 0;
  if (options.complaints !== false) {
    await seedEvidence(db, files, options.pictures);
    complaintsAdded = await seedComplaints(db, now, size);
  }
  return { accounts: DEMO_ACCOUNTS.length, productsAdded, complaintsAdded, ms: Date.now() - started };
}

/** The seeded evidence marked original, and the seeded original picture each one is. */
const SEED_ORIGINALS: Record<string, number> = { ev_seed_a_original: 0, ev_seed_b_original: 1 };

async function seedEvidence(db: Db, files: FileStore, pictures?: Pick<PictureEngine, 'render'>) {
  for (const seeded of SEED_FILES) {
    const k = SEED_ORIGINALS[seeded.id];
    const f =
      pictures && k !== undefined
        ? {
            ...seeded,
            name: seeded.name.replace(/\.png$/, '.jpg'),
            extension: 'jpg',
            bytes: new Uint8Array(await pictures.render({ original: k, variant: 'exact' })),
          }
        : seeded;
    const key = `seed_${f.id}`;
    if (!(await files.get(key))) await files.put(key, f.bytes);
    await db.query(
      `insert into evidence (id, account_id, name, size, extension, kind, media_type, sha256, storage_key, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, '2026-01-05T09:00:00Z') on conflict (id) do nothing`,
      [
        f.id,
        f.account,
        f.name,
        f.bytes.length,
        f.extension,
        f.kind,
        f.extension === 'png' ? 'image/png' : f.extension === 'jpg' ? 'image/jpeg' : 'application/pdf',
        await sha256Hex(f.bytes),
        key,
      ],
    );
  }
}

async function seedComplaints(db: Db, now: () => Date, catalogueSize: number): Promise<number> {
  const accounts = new Map(DEMO_ACCOUNTS.map((a) => [a.id, a]));
  let added = 0;
  // Spread the demo history over the past weeks so lists and timelines look lived-in.
  const base = now().getTime() - SEED_COMPLAINTS.length * 2 * 86_400_000;
  for (const [index, spec] of SEED_COMPLAINTS.entries()) {
    if (spec.products.some((p) => p > catalogueSize)) continue;
    const account = accounts.get(spec.account)!;
    const { rows } = await db.query('select 1 from idempotency_keys where account_id = $1 and key = $2', [
      account.id,
      spec.key,
    ]);
    if (rows.length) continue;
    const draftInput = {
      type: spec.type,
      productLinks: spec.products.map((i) => catalogueProduct(i).url),
      description: spec.description,
      contact: account.contact,
      discloseContactToSupplier: spec.disclose,
      isIprHolder: spec.account !== 'acc_complainant_a' || index % 2 === 0,
      holder:
        spec.account === 'acc_complainant_a' && index % 2 === 1
          ? {
              name: 'Aurora Holdings Ltd.',
              identificationType: 'business_registration',
              identificationNumber: '91440300MA5F000001',
              identificationAttachments: ['ev_seed_a_certificate'],
              powerOfAttorney: ['ev_seed_a_poa'],
              powerOfAttorneyExpiresAt: null,
            }
          : null,
      evidence: spec.evidence,
      declaration: { goodFaith: true, accurate: true, authorised: true, version: DECLARATION_VERSION },
    };
    const own = await ownEvidence(db, account.id, [
      'ev_seed_a_original',
      'ev_seed_a_certificate',
      'ev_seed_a_poa',
      'ev_seed_b_original',
      'ev_seed_b_patent',
    ]);
    const at = (step: number) => new Date(base + index * 2 * 86_400_000 + step * 3_600_000 * 5);
    const checked = validateComplaintDraft(draftInput, {
      evidence: new Map([...own].map(([id, r]) => [id, { id, kind: r.kind }])),
      now: at(0),
    });
    if (!checked.ok)
      throw new Error(`seed complaint ${spec.key} is invalid: ${checked.issues.map((i) => i.code).join(', ')}`);
    const products = await productsByUrl(db, checked.value.productLinks);
    const id = await db.transaction(async (tx) => {
      await tx.query(`insert into idempotency_keys (account_id, key, body_hash) values ($1, $2, 'seed')`, [
        account.id,
        spec.key,
      ]);
      const made = await insertComplaint(tx, {
        account,
        draft: checked.value,
        products: checked.value.productLinks.map((u) => products.get(u)!),
        evidence: own,
        at: at(0),
        idempotencyKey: spec.key,
      });
      return made.id;
    });
    for (const [step, [action, actor, body]] of spec.steps.entries()) {
      await applyAction(db, accounts.get(actor)!, id, action, body ?? {}, at(step + 1));
    }
    added++;
  }
  return added;
}
