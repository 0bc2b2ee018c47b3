import { TOKENS } from '@ipr/server/demo-accounts';
// The real reference API (@ipr/server's hono app on in-memory PGlite, seeded), started once per
// page in the browser, and real @ipr/client clients whose transport is the app's fetch.
// No response is written by hand: every answer comes from the server code.
import { createBrowserPictures, createInMemoryApi } from '@ipr/server';
import { createIprClient } from '@ipr/client';
import type { IprClient } from '@ipr/elements';

export type InMemoryApi = Awaited<ReturnType<typeof createInMemoryApi>>;

export { TOKENS } from '@ipr/server/demo-accounts';

export const BASE_URL = 'http://ipr.local';

let started: Promise<InMemoryApi> | undefined;

/**
 * The page's one API (PGlite in memory, demo accounts, 2,000 products, complaints in every status),
 * with the browser's picture engine (canvas decoding, the server's pHash) so picture routes answer.
 */
export function getApi(): Promise<InMemoryApi> {
  started ??= createInMemoryApi({ seed: { catalogueSize: 2000 }, pictures: createBrowserPictures() });
  return started;
}

export interface ClientOptions {
  /** Fail this many requests with a network error before letting requests through (retry stories). */
  failFirst?: number;
  /** Fail every request whose method and path match (e.g. uploads) with a network error. */
  failWhen?: (request: Request) => boolean;
  /** Hold every request until this promise settles (loading stories); never settles by default when set. */
  hold?: Promise<unknown>;
}

/** A real client for `token`; its requests go to the in-browser API. */
export function clientFor(api: InMemoryApi, token: string, options: ClientOptions = {}): IprClient {
  let failures = options.failFirst ?? 0;
  const transport = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request && !init ? input : new Request(input, init);
    if (options.hold) await options.hold;
    // A transport failure, as when the network is down: the server never sees the request.
    if (failures > 0) {
      failures--;
      throw new TypeError('Failed to fetch');
    }
    if (options.failWhen?.(request)) throw new TypeError('Failed to fetch');
    const response = await api.fetch(request);
    if (response.ok && MATCHES_PATH.test(new URL(request.url).pathname)) await loadPictures(api, response.clone());
    return response;
  };
  const client = createIprClient({
    baseUrl: BASE_URL,
    token,
    fetch: transport as typeof fetch,
    retry: { retries: 0 },
  });
  // `<img src>` cannot reach the in-browser API: the pictures a match answer names are fetched from
  // it as the answer passes (loadPictures) and shown from blob: URLs.
  const url = client.pictures.url;
  client.pictures.url = (path) => pictureUrls.get(path) ?? url(path);
  return client as IprClient;
}

/** The answers that name catalogue pictures: a complaint's or a draft's picture matches. */
const MATCHES_PATH = /\/(picture-matches|pictures\/match)$/;

/** Catalogue picture path (as the API gives it) → blob: URL of the bytes the API answered. */
const pictureUrls = new Map<string, string>();

async function loadPictures(api: InMemoryApi, response: Response): Promise<void> {
  const body = (await response.json()) as { products?: Array<{ pictures?: Array<{ thumbnailUrl?: string }> }> };
  const paths = (body.products ?? []).flatMap((p) => (p.pictures ?? []).flatMap((q) => q.thumbnailUrl ?? []));
  for (const path of paths) {
    if (pictureUrls.has(path)) continue;
    const answer = await api.fetch(new Request(BASE_URL + path));
    if (answer.ok) pictureUrls.set(path, URL.createObjectURL(await answer.blob()));
  }
}

/** Awaits an API result and throws its error (story set-up only). */
export async function ok<T>(call: Promise<{ data?: T; error?: { code: string; message: string } }>): Promise<T> {
  const result = await call;
  if (result.error) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data as T;
}

/** Listed catalogue products, looked up through the API (`/v1/products/resolve`). */
export async function listedProducts(api: InMemoryApi, n: number, token: string = TOKENS.complainantA) {
  const { rows } = await api.db.query<{ url: string }>('select url from products where listed order by id limit $1', [
    n,
  ]);
  const client = clientFor(api, token);
  const out = [];
  for (let i = 0; i < rows.length; i += 400) {
    const page = await ok(client.products.resolveLinks(rows.slice(i, i + 400).map((r) => r.url)));
    out.push(...page.items.flatMap((r) => (r.product ? [r.product] : [])));
  }
  return out;
}

/** Products with long Chinese names, added to the catalogue once (db handle: the API has no catalogue route). */
export async function seedLongChineseProducts(api: InMemoryApi): Promise<string> {
  const names = [
    '【官方旗舰店】2026新款高端商务男士真皮自动扣腰带礼盒装送男友送老公生日礼物限量版头层牛皮',
    '【正品保证】智能恒温电热水壶大容量家用不锈钢烧水壶一体式自动断电保温开水壶一点五升',
    '【限时特惠】儿童益智早教磁力片积木玩具套装百变拼装男孩女孩三到六岁生日礼物二百片装',
    '【品牌直营】超薄无线蓝牙降噪耳机入耳式运动跑步长续航高音质适用于苹果华为小米手机',
  ];
  await api.db.query(
    `insert into products (id, url, name, supplier_id, category, listed)
     select 'pzh' || i, 'https://market.example/product/pzh' || i, n, 'acc_supplier_a', 'bag', true
     from unnest($1::text[]) with ordinality as t(n, i) on conflict (id) do nothing`,
    [names],
  );
  return '旗舰店';
}

/** A small real PDF file. */
export function pdfFile(name = 'evidence.pdf', extra = 0): File {
  const body = '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n' + ' '.repeat(extra) + '%%EOF\n';
  return new File([body], name, { type: 'application/pdf' });
}

/**
 * 10,000 complaints for demo complainant B (db handle: filing them through the API would take
 * minutes in a browser). Copies of a seeded complaint with their own ids, numbers, dates and statuses.
 */
export async function seedTenThousandComplaints(api: InMemoryApi): Promise<void> {
  await api.db.query(
    `insert into complaints (id, number, account_id, type, status, description, contact, disclose_contact, is_ipr_holder,
       holder, declaration, arbitration, receipt, product_count, created_at, updated_at)
     select 'cmp_bulk_' || i, 'IPR-2025-' || lpad(i::text, 6, '0'), 'acc_complainant_b', c.type,
       (array['submitted','awaiting_supplier','supplier_responded','closed','cancelled'])[1 + i % 5],
       c.description, c.contact, c.disclose_contact, c.is_ipr_holder, c.holder, c.declaration, null, c.receipt,
       1 + i % 7, c.created_at - make_interval(mins => i), c.created_at - make_interval(mins => i)
     from generate_series(1, 10000) as i, (select * from complaints where arbitration is null order by id limit 1) as c
     on conflict (id) do nothing`,
  );
}
