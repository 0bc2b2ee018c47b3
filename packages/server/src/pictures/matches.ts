// Picture matching of a complaint or a draft: each listed product's best match among the
// complainant's original pictures. Hashes are computed once (product pictures and evidence on
// first use, a few at a time on the thread pool) and kept in the database.
import {
  type Issue,
  issue,
  PICTURE_THRESHOLDS,
  type PictureMatches,
  type PictureOriginal,
  type ProductPictureMatch,
  pictureBand,
} from '@ipr/validators';
import type { Queryable } from '../db/types.js';
import type { FileStore } from '../files/types.js';
import { cataloguePictures, type PictureEngine, picturePath } from './engine.js';
import { distance, type HashWords, wordsOf } from './phash.js';

/** Pictures decoded at once (the libuv pool has 4 threads; the event loop stays free). */
const PARALLEL = 4;

async function eachLimited<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
}

/** The listed products as the viewer may see them. */
export interface MatchProduct {
  productId: string;
  url: string;
  name: string;
  supplierId: string;
}

/** An evidence file offered as an original picture. */
export interface OriginalRow {
  id: string;
  name: string;
  kind: string;
  storage_key: string;
  picture_hash: string | null;
  picture_mirror: string | null;
  picture_issue: Issue | null;
  picture_thumbnail: string | null;
}

/** The hashes of every picture of `productIds`, computing (and keeping) the missing ones. */
export async function productHashes(
  db: Queryable,
  engine: PictureEngine,
  productIds: readonly string[],
  /** At most this many missing pictures are computed (the rest stay missing: ''). */
  budget = Number.POSITIVE_INFINITY,
): Promise<Map<string, string[]>> {
  const { rows } = await db.query<{ product_id: string; position: number; hash: string }>(
    'select product_id, position, hash from product_picture_hashes where product_id = any($1::text[])',
    [productIds],
  );
  const known = new Map<string, string>(rows.map((r) => [`${r.product_id}/${r.position}`, r.hash]));
  const missing = productIds
    .flatMap((id) =>
      cataloguePictures(id).flatMap((picture, position) =>
        known.has(`${id}/${position}`) ? [] : [{ id, position, picture }],
      ),
    )
    .slice(0, budget);
  const fresh: Array<{ id: string; position: number; hash: string }> = [];
  await eachLimited(missing, async ({ id, position, picture }) => {
    const result = await engine.hash(await engine.render(picture), `${id}-${position}`);
    if (result.ok) fresh.push({ id, position, hash: result.hash });
  });
  if (fresh.length) {
    await db.query(
      `insert into product_picture_hashes (product_id, position, hash)
       select * from unnest($1::text[], $2::int[], $3::text[]) on conflict do nothing`,
      [fresh.map((f) => f.id), fresh.map((f) => f.position), fresh.map((f) => f.hash)],
    );
    for (const f of fresh) known.set(`${f.id}/${f.position}`, f.hash);
  }
  return new Map(
    productIds.map((id) => [id, cataloguePictures(id).map((_, position) => known.get(`${id}/${position}`) ?? '')]),
  );
}

/** Hashes (or the reason there are none) and thumbnails of the originals, computing the missing ones. */
export async function originalHashes(
  db: Queryable,
  files: FileStore,
  engine: PictureEngine,
  originals: OriginalRow[],
  /** At most this many missing hashes are computed (the rest stay missing). */
  budget = Number.POSITIVE_INFINITY,
): Promise<OriginalRow[]> {
  const out = originals.map((o) => ({ ...o }));
  const pending = out.filter((o) => o.picture_hash === null && o.picture_issue === null).slice(0, budget);
  await eachLimited(pending, async (o) => {
    const bytes = o.kind === 'image' ? await files.get(o.storage_key) : null;
    if (!bytes) {
      o.picture_issue = issue('picture.not_image', [], { file: o.name });
    } else {
      const result = await engine.hash(bytes, o.name);
      if (result.ok) {
        o.picture_hash = result.hash;
        o.picture_mirror = result.mirror;
        o.picture_thumbnail = await engine.thumbnailDataUrl(bytes);
      } else o.picture_issue = result.issue;
    }
    await db.query(
      `update evidence set picture_hash = $2, picture_mirror = $3, picture_issue = $4::jsonb, picture_thumbnail = $5 where id = $1`,
      [
        o.id,
        o.picture_hash,
        o.picture_mirror,
        o.picture_issue ? JSON.stringify(o.picture_issue) : null,
        o.picture_thumbnail,
      ],
    );
  });
  return out;
}

/** The originals among a complaint's evidence (marked original) or a draft's (named by the caller). */
export async function originalRows(db: Queryable, where: string, params: unknown[]): Promise<OriginalRow[]> {
  const { rows } = await db.query<OriginalRow>(
    `select e.id, e.name, e.kind, e.storage_key, e.picture_hash, e.picture_mirror, e.picture_issue, e.picture_thumbnail
       from evidence e where ${where}`,
    params,
  );
  return rows;
}

/**
 * Pure: each product's best match. A product picture is compared with each original and with the
 * original's mirror image; the smallest distance wins (ties: the earlier original, then picture).
 */
export function bestMatches(
  products: readonly MatchProduct[],
  hashes: ReadonlyMap<string, readonly string[]>,
  originals: readonly OriginalRow[],
): ProductPictureMatch[] {
  const comparable = originals.flatMap((o) =>
    o.picture_hash && o.picture_mirror
      ? [{ id: o.id, hash: wordsOf(o.picture_hash), mirror: wordsOf(o.picture_mirror) }]
      : [],
  );
  return products.map((p) => {
    const pictureHashes = hashes.get(p.productId) ?? [];
    let best: ProductPictureMatch['best'] = null;
    for (const [position, hex] of pictureHashes.entries()) {
      if (!hex) continue;
      const words: HashWords = wordsOf(hex);
      for (const o of comparable) {
        const straight = distance(words, o.hash);
        const flipped = distance(words, o.mirror);
        const d = Math.min(straight, flipped);
        if (!best || d < best.distance)
          best = { evidenceId: o.id, position, distance: d, mirrored: flipped < straight };
      }
    }
    return {
      ...p,
      pictures: pictureHashes.map((_, position) => ({
        position,
        url: picturePath(p.productId, position),
        thumbnailUrl: picturePath(p.productId, position, true),
      })),
      best,
      band: pictureBand(best?.distance),
    };
  });
}

/** Products and originals to the answer: strongest match first, the bands counted. */
export async function pictureMatches(
  deps: { db: Queryable; files: FileStore; pictures: PictureEngine },
  products: readonly MatchProduct[],
  originals: OriginalRow[],
): Promise<PictureMatches> {
  const [hashes, hashed] = await Promise.all([
    productHashes(
      deps.db,
      deps.pictures,
      products.map((p) => p.productId),
    ),
    originalHashes(deps.db, deps.files, deps.pictures, originals),
  ]);
  const matches = bestMatches(products, hashes, hashed).sort(
    (a, b) => (a.best?.distance ?? 65) - (b.best?.distance ?? 65),
  );
  const count = (band: string) => matches.filter((m) => m.band === band).length;
  return {
    originals: hashed.map(
      (o): PictureOriginal => ({
        evidenceId: o.id,
        name: o.name,
        thumbnailUrl: o.picture_thumbnail,
        issue: o.picture_issue,
      }),
    ),
    products: matches,
    summary: { likelySame: count('likely_same'), possiblyEdited: count('possibly_edited'), noMatch: count('no_match') },
    thresholds: { ...PICTURE_THRESHOLDS },
  };
}
