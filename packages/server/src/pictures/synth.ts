// The demo catalogue's pictures, made from a number: the same on every machine and every run, so
// nothing is stored but their hashes. A picture is a gradient with a few coloured shapes; a
// "derived" picture is one of the ORIGINALS copied, recompressed, rescaled, cropped, mirrored,
// retouched or sent sideways with an EXIF orientation, so true matches exist in the catalogue.
import sharp from 'sharp';
import { prng } from '../util.js';
import type { CataloguePicture, Variant } from './engine.js';

export const PICTURE_SIDE = 256;

/** Raw RGB pixels of picture `seed`: a two-colour gradient and 3–6 filled shapes. */
export function drawPicture(seed: number, side = PICTURE_SIDE): Buffer {
  const rand = prng(0x5eed + seed * 104_729);
  const colour = () => [rand() * 255, rand() * 255, rand() * 255] as const;
  const px = Buffer.alloc(side * side * 3);
  const [a, b] = [colour(), colour()];
  const angle = rand() * Math.PI * 2;
  const [dx, dy] = [Math.cos(angle), Math.sin(angle)];
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const t = Math.min(1, Math.max(0, 0.5 + ((x / side - 0.5) * dx + (y / side - 0.5) * dy)));
      const o = (y * side + x) * 3;
      for (let c = 0; c < 3; c++) px[o + c] = a[c]! * (1 - t) + b[c]! * t;
    }
  }
  const shapes = 3 + Math.floor(rand() * 4);
  for (let s = 0; s < shapes; s++) {
    const fill = colour();
    const cx = rand() * side;
    const cy = rand() * side;
    const r = side * (0.08 + rand() * 0.22);
    const round = rand() < 0.5;
    const x0 = Math.max(0, Math.floor(cx - r));
    const x1 = Math.min(side, Math.ceil(cx + r));
    for (let y = Math.max(0, Math.floor(cy - r)); y < Math.min(side, Math.ceil(cy + r)); y++) {
      for (let x = x0; x < x1; x++) {
        if (round && (x - cx) ** 2 + (y - cy) ** 2 > r * r) continue;
        const o = (y * side + x) * 3;
        for (let c = 0; c < 3; c++) px[o + c] = fill[c]!;
      }
    }
  }
  return px;
}

const raw = (seed: number) =>
  sharp(drawPicture(seed), { raw: { width: PICTURE_SIDE, height: PICTURE_SIDE, channels: 3 } });

/** Seeds of the originals, apart from every product picture's seed. */
export const originalSeed = (k: number) => 1_000_000 + k;

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
