// The strongest picture match of each of a set of complaints: what the platform's list sorted by
// match (`GET /v1/complaints?sort=match`) orders by. Read from the stored hashes; hashes not yet
// computed are computed here, at most `HASH_BUDGET` pictures per request (the rest count as not
// comparable until a later request or a complaint's own picture-matches has computed them).
import type { Queryable } from '../db/types.js';
import type { FileStore } from '../files/types.js';
import type { PictureEngine } from './engine.js';
import { bestMatches, type OriginalRow, originalHashes, originalRows, productHashes } from './matches.js';

/** Pictures decoded at most per list request (a product picture or an original each). */
export const HASH_BUDGET = 64;

/** Each complaint's smallest distance over its products and originals; null: nothing comparable. */
export async function matchStrengths(
  deps: { db: Queryable; files: FileStore; pictures?: PictureEngine | undefined },
  complaintIds: readonly string[],
): Promise<Map<string, number | null>> {
  const strengths = new Map<string, number | null>(complaintIds.map((id) => [id, null]));
  if (!complaintIds.length) return strengths;
  const [listed, originals] = await Promise.all([
    deps.db.query<{ complaint_id: string; product_id: string }>(
      'select complaint_id, product_id from complaint_products where complaint_id = any($1::text[])',
      [complaintIds],
    ),
    deps.db.query<{ complaint_id: string; evidence_id: string }>(
      `select complaint_id, evidence_id from complaint_evidence
        where complaint_id = any($1::text[]) and purpose = 'evidence' and original`,
      [complaintIds],
    ),
  ]);
  const evidenceIds = [...new Set(originals.rows.map((r) => r.evidence_id))];
  let rows = await originalRows(deps.db, 'e.id = any($1::text[])', [evidenceIds]);
  const productIds = [...new Set(listed.rows.map((r) => r.product_id))];
  let hashes: Map<string, string[]>;
  if (deps.pictures) {
    const pending = rows.filter((o) => o.picture_hash === null && o.picture_issue === null).length;
    const originalBudget = Math.min(pending, HASH_BUDGET);
    rows = await originalHashes(deps.db, deps.files, deps.pictures, rows, originalBudget);
    hashes = await productHashes(deps.db, deps.pictures, productIds, HASH_BUDGET - originalBudget);
  } else {
    hashes = await storedProductHashes(deps.db, productIds);
  }
  const byId = new Map<string, OriginalRow>(rows.map((o) => [o.id, o]));
  const productsOf = groupBy(listed.rows, (r) => r.product_id);
  const originalsOf = groupBy(originals.rows, (r) => r.evidence_id);
  for (const id of complaintIds) {
    const products = (productsOf.get(id) ?? []).map((productId) => ({ productId, url: '', name: '', supplierId: '' }));
    const own = (originalsOf.get(id) ?? []).flatMap((e) => byId.get(e) ?? []);
    for (const m of bestMatches(products, hashes, own)) {
      const d = m.best?.distance;
      const current = strengths.get(id);
      if (d !== undefined && (current === null || current === undefined || d < current)) strengths.set(id, d);
    }
  }
  return strengths;
}

/** The stored hashes only (a server without an image library computes none). */
async function storedProductHashes(db: Queryable, productIds: readonly string[]): Promise<Map<string, string[]>> {
  const { rows } = await db.query<{ product_id: string; position: number; hash: string }>(
    'select product_id, position, hash from product_picture_hashes where product_id = any($1::text[]) order by position',
    [productIds],
  );
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const list = out.get(r.product_id) ?? [];
    list[r.position] = r.hash;
    out.set(r.product_id, list);
  }
  return out;
}

function groupBy<T extends { complaint_id: string }>(rows: readonly T[], value: (row: T) => string) {
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.complaint_id, [...(out.get(r.complaint_id) ?? []), value(r)]);
  return out;
}
