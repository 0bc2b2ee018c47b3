// The demo catalogue's pictures, made from a number: the same on every machine and every run, so
// nothing is stored but their hashes. A picture is a gradient with a few coloured shapes; a
// "derived" picture is one of the ORIGINALS copied, recompressed, rescaled, cropped, mirrored,
// retouched or sent sideways with an EXIF orientation, so true matches exist in the catalogue.
import sharp from 'sharp';
import { drawPicture, originalSeed, PICTURE_SIDE } from './draw.js';
import type { CataloguePicture, Variant } from './engine.js';

export { drawPicture, originalSeed, PICTURE_SIDE };

const raw = (seed: number) =>
  sharp(drawPicture(seed), { raw: { width: PICTURE_SIDE, height: PICTURE_SIDE, channels: 3 } });

/** Picture `seed` as a JPEG (quality 90), as a complainant's camera or a listing would have it. */
export function encodePicture(seed: number): Promise<Buffer> {
  return raw(seed).jpeg({ quality: 90 }).toBuffer();
}

/** Original `k` (0 ≤ k < ORIGINAL_COUNT) as the complainant uploads it. */
export function originalPicture(k: number): Promise<Buffer> {
  return encodePicture(originalSeed(k));
}

/** A copy of original `k`, changed as `variant` says. */
export async function derivedPicture(k: number, variant: Variant): Promise<Buffer> {
  const original = await originalPicture(k);
  const side = PICTURE_SIDE;
  switch (variant) {
    case 'exact':
      return original;
    case 'recompressed':
      return sharp(original).jpeg({ quality: 30 }).toBuffer();
    case 'resized':
      return sharp(original)
        .resize(Math.round(side * 0.55))
        .png()
        .toBuffer();
    case 'cropped': {
      const m = Math.round(side * 0.07);
      return sharp(original)
        .extract({ left: m, top: m, width: side - 2 * m, height: side - 2 * m })
        .jpeg({ quality: 85 })
        .toBuffer();
    }
    case 'mirrored':
      return sharp(original).flop().jpeg({ quality: 85 }).toBuffer();
    case 'retouched': {
      // A seller's watermark band across the bottom and a brighter picture.
      const band = Buffer.from(
        `<svg xmlns="http://www.w3.org/2000/svg" width="${side}" height="${side}"><rect x="0" y="${side * 0.8}" width="${side}" height="${side * 0.2}" fill="#ffffff" fill-opacity="0.85"/><text x="${side / 2}" y="${side * 0.94}" font-size="${side / 10}" text-anchor="middle" fill="#c00" font-family="sans-serif">BEST SHOP</text></svg>`,
      );
      return sharp(original)
        .modulate({ brightness: 1.08 })
        .composite([{ input: band }])
        .jpeg({ quality: 85 })
        .toBuffer();
    }
    case 'rotated':
      // Stored sideways with EXIF orientation 6 ("rotate 90° clockwise to show"), as phones do.
      return sharp(original).rotate(270).withMetadata({ orientation: 6 }).jpeg({ quality: 90 }).toBuffer();
  }
}

/** The bytes of a catalogue picture. */
export function renderPicture(picture: CataloguePicture): Promise<Buffer> {
  return 'seed' in picture ? encodePicture(picture.seed) : derivedPicture(picture.original, picture.variant);
}
