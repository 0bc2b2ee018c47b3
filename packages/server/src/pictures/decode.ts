// Pictures in, perceptual hashes and thumbnails out, through sharp (libvips). Every picture is
// treated as hostile: its declared size is read from the header and refused above the pixel limit
// before anything is decoded, a file that ends early is refused rather than hashed half grey, EXIF
// orientation is applied (a phone photo stored sideways is compared upright), CMYK is converted,
// an animated GIF is compared by its first frame. libvips works on the libuv thread pool, so the
// event loop is never blocked by a decode.
import { type Issue, PICTURE_LIMITS } from '@ipr/validators';
import sharp, { type Metadata } from 'sharp';
import type { Hashed, Refused } from './engine.js';
import { HASH_INPUT_SIDE, perceptualHashes } from './phash.js';
import { complete, fail, limitText, type PictureFormat } from './refusal.js';

// One libvips thread per operation: the pool (4 threads) runs several pictures at once instead,
// and memory stays bounded by what a few 32 × 32 reductions need. No operation cache: pictures are
// seen once.
sharp.concurrency(1);
sharp.cache(false);

const INPUT = {
  limitInputPixels: PICTURE_LIMITS.maxPixels,
  failOn: 'truncated',
  animated: false,
  sequentialRead: true,
} as const;

const FORMATS: readonly PictureFormat[] = ['jpeg', 'png', 'gif', 'webp'];
const isFormat = (f: string | undefined): f is PictureFormat => FORMATS.some((known) => known === f);

export type Decoded = Hashed | Refused;

/** Why sharp refused a picture, as one of our codes. */
function codeOf(error: unknown): Issue['code'] {
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) return 'picture.too_many_pixels';
  if (/premature end|truncated|unexpected end|not enough data|read error/i.test(message)) return 'picture.truncated';
  if (/unsupported image format/i.test(message)) return 'picture.not_image';
  return 'picture.unreadable';
}

/**
 * Checks a picture's header (format, declared size) without decoding its pixels: a PNG declaring
 * 50,000 × 50,000 is refused here, in microseconds and without allocating its 7.5 GB.
 */
export async function inspect(
  bytes: Uint8Array,
  file: string,
): Promise<{ ok: true; width: number; height: number; format: PictureFormat } | Refused> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { ...INPUT, limitInputPixels: false }).metadata();
  } catch (error) {
    return fail(codeOf(error), file);
  }
  const format = meta.format;
  if (!isFormat(format)) return fail('picture.not_image', file);
  // Oriented size: EXIF 5–8 swap the sides.
  const swap = (meta.orientation ?? 1) >= 5;
  const width = (swap ? meta.height : meta.width) ?? 0;
  const height = (swap ? meta.width : meta.height) ?? 0;
  if (width * height > PICTURE_LIMITS.maxPixels)
    return fail('picture.too_many_pixels', file, { width, height, limitText });
  if (width < PICTURE_LIMITS.minSide || height < PICTURE_LIMITS.minSide)
    return fail('picture.too_small', file, { width, height, min: PICTURE_LIMITS.minSide });
  return { ok: true, width, height, format };
}

/** The perceptual hashes of a picture (upright, greyscale, squeezed to 32 × 32), or why there are none. */
export async function hashPicture(bytes: Uint8Array, file: string): Promise<Decoded> {
  const head = await inspect(bytes, file);
  if (!head.ok) return head;
  try {
    const grey = await sharp(bytes, INPUT)
      .rotate()
      .greyscale()
      .resize(HASH_INPUT_SIDE, HASH_INPUT_SIDE, { fit: 'fill', kernel: 'cubic' })
      .raw()
      .toBuffer();
    return { ok: true, ...perceptualHashes(grey), width: head.width, height: head.height };
  } catch (error) {
    // libvips words a file that ends early in several ways (and, busy, sometimes only as a read
    // failure): a picture without its end marker is truncated, whatever the message said.
    const said = codeOf(error);
    const code = said === 'picture.unreadable' && !complete(bytes, head.format) ? 'picture.truncated' : said;
    return fail(
      code,
      file,
      code === 'picture.too_many_pixels' ? { width: head.width, height: head.height, limitText } : {},
    );
  }
}

/** A thumbnail (JPEG, at most `side` px a side, upright), or null for a picture that cannot be read. */
export async function thumbnail(bytes: Uint8Array, side = 96): Promise<Buffer | null> {
  const head = await inspect(bytes, '');
  if (!head.ok) return null;
  try {
    return await sharp(bytes, INPUT)
      .rotate()
      .resize(side, side, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 75 })
      .toBuffer();
  } catch {
    return null;
  }
}
