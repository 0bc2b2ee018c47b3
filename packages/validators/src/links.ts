import type { Issue, Result } from './issues.js';
import { LIMITS } from './limits.js';
import { issue } from './messages/format.js';

/**
 * What a product link of the marketplace looks like. The demo marketplace lives at
 * `market.example`; a real deployment passes its own rule.
 */
export interface ProductLinkRule {
  /** Host names that serve product pages (compared lower-case). */
  hosts: readonly string[];
  /** The host every link is normalised to. */
  canonicalHost: string;
  /** Matches the path of a product page; group 1 is the product id. */
  pathPattern: RegExp;
}

export const DEFAULT_PRODUCT_LINK_RULE: ProductLinkRule = {
  hosts: ['market.example', 'www.market.example', 'm.market.example'],
  canonicalHost: 'market.example',
  pathPattern: /^\/product\/([a-z0-9][a-z0-9_-]{0,63})(?:\.html?)?$/i,
};

export type LinkStatus = 'ok' | 'empty' | 'not_url' | 'not_product_link' | 'duplicate' | 'over_limit';

export interface LinkItem {
  /** Position in the input (0-based). */
  index: number;
  /** The input as text (trimmed). */
  input: string;
  status: LinkStatus;
  /** Canonical URL when the input is a product link (also set for duplicates and over-limit rows). */
  url?: string;
  productId?: string;
  /** For duplicates: the index of the first occurrence. */
  duplicateOf?: number;
}

export type NormalizedLink =
  | { status: 'ok'; url: string; productId: string }
  | { status: 'empty' | 'not_url' | 'not_product_link' };

// Invisible characters that arrive with copy-and-paste from spreadsheets and chat apps.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const BARE_HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?(\/|$)/i;

/**
 * Normalises one product link: scheme, host case, `www.`/`m.` hosts, trailing slashes,
 * query strings and fragments never make two links differ. Never throws.
 */
export function normalizeProductLink(
  input: unknown,
  rule: ProductLinkRule = DEFAULT_PRODUCT_LINK_RULE,
): NormalizedLink {
  if (input === null || input === undefined) return { status: 'empty' };
  if (typeof input !== 'string' && typeof input !== 'number') return { status: 'not_url' };
  const text = String(input).replace(INVISIBLE, '').trim();
  if (text === '') return { status: 'empty' };
  let candidate = text;
  // `market.example:443/...` also looks like a scheme ("market.example:"): a dotted host wins.
  if (!/^[a-z][a-z0-9+.-]*:/i.test(candidate) || BARE_HOST.test(candidate)) {
    if (candidate.startsWith('//')) candidate = 'https:' + candidate;
    else if (BARE_HOST.test(candidate)) candidate = 'https://' + candidate;
    else return { status: 'not_url' };
  }
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { status: 'not_url' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { status: 'not_url' };
  if (!url.hostname.includes('.')) return { status: 'not_url' };
  const host = url.hostname.toLowerCase();
  if (!rule.hosts.some((h) => h.toLowerCase() === host)) return { status: 'not_product_link' };
  const path = url.pathname.replace(/\/+$/, '');
  const match = rule.pathPattern.exec(path);
  if (!match?.[1]) return { status: 'not_product_link' };
  const productId = match[1].toLowerCase();
  return { status: 'ok', url: `https://${rule.canonicalHost}/product/${productId}`, productId };
}

export interface AnalyzeLinksOptions {
  rule?: ProductLinkRule;
  /** Unique valid links beyond this count are `over_limit`. Default 800. */
  limit?: number;
}

export interface LinkAnalysis {
  items: LinkItem[];
  /** Canonical URLs of the `ok` items, in input order. */
  links: string[];
  /** Number of unique product links found, including those over the limit. */
  uniqueCount: number;
}

/** Classifies every input link (the per-row view a sheet import or a picker shows). Never throws. */
export function analyzeProductLinks(inputs: readonly unknown[], options: AnalyzeLinksOptions = {}): LinkAnalysis {
  const rule = options.rule ?? DEFAULT_PRODUCT_LINK_RULE;
  const limit = options.limit ?? LIMITS.maxProductLinks;
  const first = new Map<string, number>();
  const items: LinkItem[] = [];
  const links: string[] = [];
  let uniqueCount = 0;
  const list = Array.isArray(inputs) ? inputs : [];
  for (let index = 0; index < list.length; index++) {
    const raw = list[index];
    const input =
      typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : raw == null ? '' : safeToString(raw);
    const n = normalizeProductLink(raw, rule);
    if (n.status !== 'ok') {
      items.push({ index, input, status: n.status });
      continue;
    }
    const seen = first.get(n.url);
    if (seen !== undefined) {
      items.push({ index, input, status: 'duplicate', url: n.url, productId: n.productId, duplicateOf: seen });
      continue;
    }
    first.set(n.url, index);
    uniqueCount++;
    if (uniqueCount > limit) {
      items.push({ index, input, status: 'over_limit', url: n.url, productId: n.productId });
      continue;
    }
    items.push({ index, input, status: 'ok', url: n.url, productId: n.productId });
    links.push(n.url);
  }
  return { items, links, uniqueCount };
}

function safeToString(value: unknown): string {
  try {
    return String(value).slice(0, 200);
  } catch {
    return '';
  }
}

/** The issue for one analysed link, or none when it is fine. `row` numbers are 1-based for people. */
export function linkItemIssue(
  item: LinkItem,
  path: Issue['path'],
  limit: number = LIMITS.maxProductLinks,
): Issue | undefined {
  const value = item.input.length > 120 ? item.input.slice(0, 117) + '…' : item.input;
  switch (item.status) {
    case 'ok':
      return undefined;
    case 'empty':
      return issue('links.empty', path, { row: item.index + 1 });
    case 'not_url':
      return issue('links.not_url', path, { value });
    case 'not_product_link':
      return issue('links.not_product_link', path, { value });
    case 'duplicate':
      return issue('links.duplicate', path, { firstRow: (item.duplicateOf ?? 0) + 1 });
    case 'over_limit':
      return issue('sheet.too_many_rows', path, { row: item.index + 1, limit });
  }
}

/**
 * Validates a complaint's product links: at least 1, at most 800 unique, no duplicates
 * (after normalisation), each a product link. On success the value is the canonical URLs.
 */
export function validateProductLinks(
  inputs: unknown,
  options: AnalyzeLinksOptions & { path?: Issue['path'] } = {},
): Result<string[]> {
  const base = options.path ?? ['productLinks'];
  if (!Array.isArray(inputs)) return { ok: false, issues: [issue('links.required', base)] };
  const limit = options.limit ?? LIMITS.maxProductLinks;
  // Count over-limit rows as ok here: the whole-set issue below reports the excess once.
  const analysis = analyzeProductLinks(inputs, { ...options, limit: Number.POSITIVE_INFINITY });
  const issues: Issue[] = [];
  for (const item of analysis.items) {
    const found = linkItemIssue(item, [...base, item.index], limit);
    if (found) issues.push(found);
  }
  if (analysis.uniqueCount === 0) issues.push(issue('links.required', base));
  if (analysis.uniqueCount > limit) issues.push(issue('links.too_many', base, { limit, count: analysis.uniqueCount }));
  return issues.length ? { ok: false, issues } : { ok: true, value: analysis.links };
}
