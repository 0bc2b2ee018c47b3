// The catalogue as complainants meet it: name search (ranked words, CJK bigrams, substrings),
// exact links, and the per-link answer of the picker and the sheet import.
import { analyzeProductLinks, type Product, type ResolvedLink } from '@ipr/validators';
import { PRODUCT_COLUMNS, PRODUCT_FROM, type ProductRow, toProduct } from '../catalogue.js';
import type { Queryable } from '../db/types.js';
import { escapeLike } from '../util.js';
import type { AccountRecord } from './accounts.js';
import { OPEN_STATUSES } from './complaints.js';

export interface ProductPage {
  items: Product[];
  total: number;
  page: number;
  pageSize: number;
}

const CJK_CHAR = '\\u3040-\\u30ff\\u3400-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff';
const RUNS = new RegExp(`[${CJK_CHAR}]+|[^\\s${CJK_CHAR}\\p{P}\\p{S}]+`, 'gu');
const CJK_RUN = new RegExp(`^[${CJK_CHAR}]+$`, 'u');

/** Above this many matches, results are listed in catalogue order rather than ranked (bounded work). */
export const RANKED_SEARCH_LIMIT = 5000;

/**
 * The tsquery for a search text: each latin word as a prefix (`lam` finds "Lamp"); each run of
 * Chinese/Japanese/Korean as its character bigrams (the index holds unigrams and bigrams, see
 * migration 2). Only letters and digits reach the tsquery, so user text is never tsquery syntax.
 * Runs of 3+ CJK characters are rechecked as substrings (their bigrams could be apart).
 */
export function searchTerms(q: string): { tsquery: string | null; substrings: string[]; terms: number } {
  const terms = new Set<string>();
  const substrings: string[] = [];
  for (const run of q.toLowerCase().match(RUNS) ?? []) {
    const word = run.replace(/[^\p{L}\p{N}]/gu, '');
    if (!word) continue;
    if (CJK_RUN.test(word)) {
      const chars = [...word];
      if (chars.length === 1) terms.add(word);
      for (let i = 0; i + 1 < chars.length; i++) terms.add(chars[i]! + chars[i + 1]!);
      if (chars.length >= 3) substrings.push(word);
    } else {
      terms.add(`${word}:*`);
    }
  }
  const list = [...terms].slice(0, 16);
  return { tsquery: list.length ? list.join(' & ') : null, substrings: substrings.slice(0, 4), terms: list.length };
}

/**
 * Name search: words on the GIN-indexed tsvector (prefixes, CJK bigrams), ranked with ts_rank
 * (listed products first); when that finds nothing, a substring match on the name (served by the
 * trigram index where pg_trgm is available, e.g. "amp" inside "Lamp").
 */
export async function searchProducts(db: Queryable, q: string, page: number, pageSize: number): Promise<ProductPage> {
  const text = q.trim().slice(0, 500);
  const offset = (page - 1) * pageSize;
  const empty = { items: [], total: 0, page, pageSize };
  if (!text) return empty;
  const { tsquery, substrings, terms } = searchTerms(text);
  if (tsquery) {
    const params: unknown[] = [tsquery];
    const recheck = substrings.map((s) => ` and p.name ilike $${params.push(`%${escapeLike(s)}%`)}`).join('');
    const where = `p.search @@ to_tsquery('simple', $1)${recheck}`;
    const { rows: counted } = await db.query<{ n: number }>(
      `select count(*)::int as n from products p where ${where}`,
      params,
    );
    const total = counted[0]?.n ?? 0;
    if (total > 0) {
      if (offset >= total) return { ...empty, total };
      const ranked = terms > 1 && total <= RANKED_SEARCH_LIMIT;
      const order = ranked
        ? `p.listed desc, ts_rank(p.search, to_tsquery('simple', $1)) desc, p.id`
        : 'p.listed desc, p.id';
      const { rows } = await db.query<ProductRow>(
        `select ${PRODUCT_COLUMNS} from ${PRODUCT_FROM} where ${where} order by ${order} limit $${params.length + 1} offset $${params.length + 2}`,
        [...params, pageSize, offset],
      );
      return { items: rows.map(toProduct), total, page, pageSize };
    }
    if (substrings.length || new RegExp(`[${CJK_CHAR}]`, 'u').test(text)) return empty;
  }
  const like = `%${escapeLike(text)}%`;
  const { rows: counted } = await db.query<{ n: number }>(
    `select count(*)::int as n from products p where p.name ilike $1`,
    [like],
  );
  const total = counted[0]?.n ?? 0;
  if (total === 0 || offset >= total) return { ...empty, total };
  const { rows } = await db.query<ProductRow>(
    `select ${PRODUCT_COLUMNS} from ${PRODUCT_FROM} where p.name ilike $1
      order by p.listed desc, (p.name ilike $2) desc, length(p.name), p.id limit $3 offset $4`,
    [like, `${escapeLike(text)}%`, pageSize, offset],
  );
  return { items: rows.map(toProduct), total, page, pageSize };
}

export async function productsByUrl(db: Queryable, urls: string[]): Promise<Map<string, Product>> {
  if (!urls.length) return new Map();
  const { rows } = await db.query<ProductRow>(
    `select ${PRODUCT_COLUMNS} from ${PRODUCT_FROM} where p.url = any($1::text[])`,
    [urls],
  );
  return new Map(rows.map((r) => [r.url, toProduct(r)]));
}

/** The caller's open complaints that list these products, by product id. */
async function openComplaintsFor(
  db: Queryable,
  accountId: string,
  productIds: string[],
): Promise<Map<string, { id: string; number: string }>> {
  if (!productIds.length) return new Map();
  const { rows } = await db.query<{ product_id: string; id: string; number: string }>(
    `select cp.product_id, c.id, c.number from complaint_products cp join complaints c on c.id = cp.complaint_id
      where c.account_id = $1 and c.status = any($2::text[]) and cp.product_id = any($3::text[])
      order by c.created_at desc`,
    [accountId, OPEN_STATUSES, productIds],
  );
  const found = new Map<string, { id: string; number: string }>();
  for (const r of rows) if (!found.has(r.product_id)) found.set(r.product_id, { id: r.id, number: r.number });
  return found;
}

/** One answer per input link, in order: the per-row view of the picker and the sheet import. */
export async function resolveLinks(
  db: Queryable,
  account: AccountRecord,
  links: readonly unknown[],
): Promise<ResolvedLink[]> {
  const analysis = analyzeProductLinks(links);
  const urls = analysis.items.filter((i) => i.status === 'ok').map((i) => i.url!);
  const products = await productsByUrl(db, urls);
  const open = await openComplaintsFor(
    db,
    account.id,
    [...products.values()].map((p) => p.id),
  );
  return analysis.items.map((item) => {
    const out: ResolvedLink = {
      index: item.index,
      input: item.input,
      status: item.status === 'ok' ? 'found' : item.status,
    };
    if (item.url) out.url = item.url;
    if (item.duplicateOf !== undefined) out.duplicateOf = item.duplicateOf;
    if (item.status === 'ok') {
      const product = products.get(item.url!);
      if (!product) out.status = 'not_found';
      else {
        out.product = product;
        const complaint = open.get(product.id);
        if (complaint) out.openComplaint = complaint;
      }
    }
    return out;
  });
}
