import type { Product } from '@ipr/validators';

/** Product categories of the demo catalogue; each has a small inline thumbnail (no external requests). */
export const CATEGORIES = ['lamp', 'toy', 'phone_case', 'bag', 'watch', 'headphones', 'mug', 'shoes'] as const;
export type Category = (typeof CATEGORIES)[number];

const COLORS: Record<Category, string> = {
  lamp: '#f5b700',
  toy: '#e4572e',
  phone_case: '#4c6ef5',
  bag: '#8d6e63',
  watch: '#546e7a',
  headphones: '#7e57c2',
  mug: '#26a69a',
  shoes: '#ef6c00',
};

const thumbnails = new Map<string, string>();
/** A tiny SVG data URL per category (a coloured tile with the first letter). */
export function thumbnailFor(category: string | null): string | null {
  if (!category || !(category in COLORS)) return null;
  let url = thumbnails.get(category);
  if (!url) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" rx="8" fill="${COLORS[category as Category]}"/><text x="32" y="42" font-size="28" text-anchor="middle" fill="#fff" font-family="sans-serif">${category[0]!.toUpperCase()}</text></svg>`;
    url = 'data:image/svg+xml,' + encodeURIComponent(svg);
    thumbnails.set(category, url);
  }
  return url;
}

export interface ProductRow {
  id: string;
  url: string;
  name: string;
  supplier_id: string;
  supplier_name: string;
  category: string | null;
  listed: boolean;
}

export function toProduct(row: ProductRow): Product {
  return {
    id: row.id,
    url: row.url,
    name: row.name,
    supplierId: row.supplier_id,
    supplierName: row.supplier_name,
    thumbnailUrl: thumbnailFor(row.category),
    listed: row.listed,
  };
}

export const PRODUCT_COLUMNS = `p.id, p.url, p.name, p.supplier_id, a.display_name as supplier_name, p.category, p.listed`;
export const PRODUCT_FROM = `products p join accounts a on a.id = p.supplier_id`;
