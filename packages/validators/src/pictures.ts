import './config.js';
import * as z from 'zod/mini';
import { LIMITS, PICTURE_BANDS, type PictureBand } from './limits.js';
import { IssueSchema } from './schemas.js';

/**
 * Picture Embezzlement: each listed product's pictures against the complainant's original
 * pictures, by the Hamming distance of their 64-bit DCT perceptual hashes (the server computes
 * them). The bands and their thresholds live here, once, for the server, the client and the
 * elements. Measured on the seeded pairs (README, "Picture matching"): at ≤ 8 bits every
 * exact, recompressed, resized, mirrored or EXIF-rotated copy and no unrelated picture; at ≤ 16
 * the cropped and retouched copies too.
 */

export const PICTURE_THRESHOLDS = {
  /** At most this many of 64 bits differ: the same picture (copied, recompressed, rescaled, mirrored). */
  likelySame: 8,
  /** At most this many: the same picture edited (cropped, retouched, a logo added). */
  possiblyEdited: 16,
} as const;

export const PICTURE_LIMITS = {
  /** Pictures declaring more pixels are refused before they are decoded (a decompression bomb). */
  maxPixels: 40_000_000,
  /** Pictures with a side shorter than this are too small to compare. */
  minSide: 16,
  /** Originals compared per complaint or draft. */
  maxOriginals: LIMITS.maxEvidencePerComplaint,
} as const;

/** The band of a distance (`null`: nothing to compare). */
export function pictureBand(distance: number | null | undefined): PictureBand {
  if (distance === null || distance === undefined) return 'no_match';
  if (distance <= PICTURE_THRESHOLDS.likelySame) return 'likely_same';
  if (distance <= PICTURE_THRESHOLDS.possiblyEdited) return 'possibly_edited';
  return 'no_match';
}

/** The order of match strength: stronger bands first, then shorter distances. */
export function compareMatchStrength(a: number | null, b: number | null): number {
  return (a ?? 65) - (b ?? 65);
}

const id = /*#__PURE__*/ z.string().check(/*#__PURE__*/ z.minLength(1), /*#__PURE__*/ z.maxLength(64));
const text = (max: number) => z.string().check(z.maxLength(max));
const count = /*#__PURE__*/ z.number().check(/*#__PURE__*/ z.int(), /*#__PURE__*/ z.minimum(0));
const bits = /*#__PURE__*/ z
  .number()
  .check(/*#__PURE__*/ z.int(), /*#__PURE__*/ z.minimum(0), /*#__PURE__*/ z.maximum(64));

export const PictureBandSchema = /*#__PURE__*/ z.enum(PICTURE_BANDS);

/** One original picture of the complainant: compared (`issue` null) or why it could not be. */
export const PictureOriginalSchema = /*#__PURE__*/ z.object({
  evidenceId: id,
  name: /*#__PURE__*/ text(LIMITS.maxFileNameLength),
  /** A small JPEG as a data URL (the evidence itself needs the caller's token); null when unreadable. */
  thumbnailUrl: /*#__PURE__*/ z.nullable(/*#__PURE__*/ z.string()),
  issue: /*#__PURE__*/ z.nullable(IssueSchema),
});

/** One of a product's catalogue pictures; the URLs are paths under the API's base. */
export const ProductPictureSchema = /*#__PURE__*/ z.object({
  position: count,
  url: /*#__PURE__*/ text(2048),
  thumbnailUrl: /*#__PURE__*/ text(2048),
});

/** A listed product's best match among the originals (`best` null: nothing comparable). */
export const ProductPictureMatchSchema = /*#__PURE__*/ z.object({
  productId: id,
  url: /*#__PURE__*/ text(2048),
  name: /*#__PURE__*/ text(500),
  supplierId: id,
  pictures: /*#__PURE__*/ z.array(ProductPictureSchema),
  best: /*#__PURE__*/ z.nullable(
    /*#__PURE__*/ z.object({
      evidenceId: id,
      position: count,
      distance: bits,
      /** The product's picture is the original's mirror image. */
      mirrored: /*#__PURE__*/ z.boolean(),
    }),
  ),
  band: PictureBandSchema,
});

export const PictureMatchesSchema = /*#__PURE__*/ z.object({
  originals: /*#__PURE__*/ z.array(PictureOriginalSchema),
  /** Strongest match first. */
  products: /*#__PURE__*/ z.array(ProductPictureMatchSchema),
  summary: /*#__PURE__*/ z.object({ likelySame: count, possiblyEdited: count, noMatch: count }),
  thresholds: /*#__PURE__*/ z.object({ likelySame: bits, possiblyEdited: bits }),
});

/** A draft's pictures compared before it is filed: its product links and the evidence marked original. */
export const PictureMatchBodySchema = /*#__PURE__*/ z.object({
  productLinks: /*#__PURE__*/ z
    .array(/*#__PURE__*/ text(LIMITS.maxLinkLength))
    .check(/*#__PURE__*/ z.minLength(1), /*#__PURE__*/ z.maxLength(LIMITS.maxProductLinks)),
  originals: /*#__PURE__*/ z
    .array(id)
    .check(/*#__PURE__*/ z.minLength(1), /*#__PURE__*/ z.maxLength(PICTURE_LIMITS.maxOriginals)),
});

export type PictureOriginal = z.output<typeof PictureOriginalSchema>;
export type ProductPicture = z.output<typeof ProductPictureSchema>;
export type ProductPictureMatch = z.output<typeof ProductPictureMatchSchema>;
export type PictureMatches = z.output<typeof PictureMatchesSchema>;
export type PictureMatchBody = z.output<typeof PictureMatchBodySchema>;

/** Named schemas for the OpenAPI document. */
export const PICTURE_SCHEMAS = {
  PictureBand: PictureBandSchema,
  PictureOriginal: PictureOriginalSchema,
  ProductPicture: ProductPictureSchema,
  ProductPictureMatch: ProductPictureMatchSchema,
  PictureMatches: PictureMatchesSchema,
  PictureMatchBody: PictureMatchBodySchema,
} as const;
