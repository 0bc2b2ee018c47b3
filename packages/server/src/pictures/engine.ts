// What the API needs of an image library, and which pictures each seeded product has. The app
// takes an engine as a dependency (`createApp({ pictures })`): `@ipr/server/node` gives the sharp
// one (`createSharpPictures`); in a browser (Storybook) the app runs without one and the picture
// routes answer 503, so nothing here imports sharp.
import type { Issue } from '@ipr/validators';

export type Hashed = { ok: true; hash: string; mirror: string; width: number; height: number };
export type Refused = { ok: false; issue: Issue };

export interface PictureEngine {
  /** The perceptual hashes of a picture (and its mirror image), or why there are none. */
  hash(bytes: Uint8Array, file: string): Promise<Hashed | Refused>;
  /** A small JPEG of the picture (at most `side` px a side), or null when it cannot be read. */
  thumbnail(bytes: Uint8Array, side?: number): Promise<Uint8Array | null>;
  /** The same 96 px thumbnail as a `data:image/jpeg;base64,…` URL. */
  thumbnailDataUrl(bytes: Uint8Array): Promise<string | null>;
  /** The bytes (JPEG or PNG) of a catalogue picture. */
  render(picture: CataloguePicture): Promise<Uint8Array>;
}

/** The variants of an original a seeded product picture may be. */
export const VARIANTS = ['exact', 'recompressed', 'resized', 'cropped', 'mirrored', 'retouched', 'rotated'] as const;
export type Variant = (typeof VARIANTS)[number];

/** The number of seeded originals (the complainants' "original pictures"). */
export const ORIGINAL_COUNT = 20;

/** A catalogue picture: drawn from a seed, or a changed copy of seeded original `original`. */
export type CataloguePicture = { seed: number } | { original: number; variant: Variant };

/**
 * The seeded complaints' products: picture 0 of each is a copy of a seeded original (the demo's
 * complainant A owns original 0, complainant B original 1), so the demo shows every band.
 */
const DEMO: Record<number, CataloguePicture> = {
  1: { original: 0, variant: 'exact' },
  3: { original: 0, variant: 'retouched' },
  9: { original: 0, variant: 'mirrored' },
  8: { original: 1, variant: 'cropped' },
  19: { original: 1, variant: 'recompressed' },
};

/** Every 50th product (25, 75, …) copies an original, cycling through originals and variants. */
const DERIVED_EVERY = 50;

/** The pictures of seeded product `id` (`p000123`): one to three; none for a product of another catalogue. */
export function cataloguePictures(productId: string): CataloguePicture[] {
  const m = /^p(\d{6})$/.exec(productId);
  if (!m) return [];
  const i = Number(m[1]);
  const count = 1 + (i % 3);
  const pictures: CataloguePicture[] = Array.from({ length: count }, (_, position) => ({ seed: i * 4 + position }));
  const demo = DEMO[i];
  if (demo) pictures[0] = demo;
  else if (i % DERIVED_EVERY === DERIVED_EVERY / 2) {
    const n = Math.floor(i / DERIVED_EVERY);
    pictures[0] = {
      original: n % ORIGINAL_COUNT,
      variant: VARIANTS[Math.floor(n / ORIGINAL_COUNT) % VARIANTS.length]!,
    };
  }
  return pictures;
}

/** A product picture's path under the API base (`thumbnail`: the 96 px JPEG). */
export const picturePath = (productId: string, position: number, thumbnail = false) =>
  `/v1/products/${encodeURIComponent(productId)}/pictures/${position}${thumbnail ? '?size=thumbnail' : ''}`;
