// The picture engine of the API running in a browser (Storybook): the browser's own decoders
// (createImageBitmap, which applies EXIF orientation) and an OffscreenCanvas, feeding the same
// pHash arithmetic as the Node engine (phash.ts) and drawing the same seeded pixels (draw.ts).
// Hostile pictures are judged as decode.ts judges them: the header's declared size is read and
// refused above the pixel limit before anything is decoded, a file without its end marker is
// refused as truncated, a 1 × 1 picture as too small.
import { PICTURE_LIMITS } from '@ipr/validators';
import { drawPicture, originalSeed, PICTURE_SIDE } from './draw.js';
import type { CataloguePicture, Hashed, PictureEngine, Refused, Variant } from './engine.js';
import { HASH_INPUT_SIDE, perceptualHashes } from './phash.js';
import { complete, fail, limitText, type PictureFormat } from './refusal.js';

type Header = { format: PictureFormat; width: number; height: number; orientation: number };

const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32be = (b: Uint8Array, i: number) => ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));

/** The EXIF orientation in a JPEG APP1 segment starting at `i` (1 when absent). */
function exifOrientation(b: Uint8Array, i: number, end: number): number {
  if (ascii(b, i, 4) !== 'Exif') return 1;
  const t = i + 6;
  const le = b[t] === 0x49;
  const r16 = (j: number) => (le ? u16le(b, j) : u16be(b, j));
  const r32 = (j: number) => (le ? (u16le(b, j) | (u16le(b, j + 2) << 16)) >>> 0 : u32be(b, j));
  const ifd = t + r32(t + 4);
  if (ifd + 2 > end) return 1;
  for (let n = r16(ifd), e = ifd + 2; n > 0 && e + 12 <= end; n--, e += 12) if (r16(e) === 0x0112) return r16(e + 8);
  return 1;
}

/** Format, declared size and orientation from the first bytes, without decoding; null when not a picture. */
export function readHeader(b: Uint8Array): Header | null {
  if (b.length >= 24 && u32be(b, 0) === 0x89504e47 && ascii(b, 12, 4) === 'IHDR')
    return { format: 'png', width: u32be(b, 16), height: u32be(b, 20), orientation: 1 };
  if (b.length >= 10 && ascii(b, 0, 3) === 'GIF')
    return { format: 'gif', width: u16le(b, 6), height: u16le(b, 8), orientation: 1 };
  if (b.length >= 30 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') {
    const chunk = ascii(b, 12, 4);
    if (chunk === 'VP8 ')
      return { format: 'webp', width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff, orientation: 1 };
    if (chunk === 'VP8L') {
      const bits = (b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24)) >>> 0;
      return { format: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1, orientation: 1 };
    }
    if (chunk === 'VP8X') {
      const w = 1 + (b[24]! | (b[25]! << 8) | (b[26]! << 16));
      const h = 1 + (b[27]! | (b[28]! << 8) | (b[29]! << 16));
      return { format: 'webp', width: w, height: h, orientation: 1 };
    }
    return null;
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    let orientation = 1;
    for (let i = 2; i + 9 < b.length; ) {
      if (b[i] !== 0xff) return null;
      const marker = b[i + 1]!;
      const length = u16be(b, i + 2);
      if (marker === 0xe1) orientation = exifOrientation(b, i + 4, Math.min(b.length, i + 2 + length));
      // SOF0–SOF15 but DHT (c4), JPG (c8) and DAC (cc): the frame header with the size.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
        return { format: 'jpeg', width: u16be(b, i + 7), height: u16be(b, i + 5), orientation };
      i += 2 + length;
    }
  }
  return null;
}

/** The header checks of decode.ts's `inspect`: oriented size, pixel limit, smallest side. */
function inspect(bytes: Uint8Array, file: string): ({ ok: true } & Header) | Refused {
  const head = readHeader(bytes);
  if (!head) return fail('picture.not_image', file);
  const swap = head.orientation >= 5;
  const width = swap ? head.height : head.width;
  const height = swap ? head.width : head.height;
  if (width * height > PICTURE_LIMITS.maxPixels)
    return fail('picture.too_many_pixels', file, { width, height, limitText });
  if (width < PICTURE_LIMITS.minSide || height < PICTURE_LIMITS.minSide)
    return fail('picture.too_small', file, { width, height, min: PICTURE_LIMITS.minSide });
  if (!complete(bytes, head.format)) return fail('picture.truncated', file);
  return { ok: true, ...head, width, height };
}

/** The picture decoded upright (EXIF orientation applied), or null when the browser cannot read it. */
async function decode(bytes: Uint8Array): Promise<ImageBitmap | null> {
  try {
    return await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>]), { imageOrientation: 'from-image' });
  } catch {
    return null;
  }
}

function canvas(width: number, height: number): OffscreenCanvasRenderingContext2D {
  const context = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2D canvas');
  return context;
}

async function encode(
  context: OffscreenCanvasRenderingContext2D,
  type: 'image/jpeg' | 'image/png',
  quality?: number,
): Promise<Uint8Array> {
  const blob = await context.canvas.convertToBlob({ type, ...(quality === undefined ? {} : { quality }) });
  return new Uint8Array(await blob.arrayBuffer());
}

/**
 * An APP1 segment saying "EXIF orientation `value`" put right after a JPEG's SOI marker, as a
 * phone writes it (the canvas writes none).
 */
export function withOrientation(jpeg: Uint8Array, value: number): Uint8Array {
  // "Exif\0\0", big-endian TIFF header, one IFD entry: tag 0x0112, SHORT, count 1, the value.
  const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, value, 0, 0, 0, 0, 0, 0];
  const payload = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  const length = payload.length + 2;
  const segment = [0xff, 0xe1, length >> 8, length & 0xff, ...payload];
  const out = new Uint8Array(jpeg.length + segment.length);
  out.set(jpeg.subarray(0, 2));
  out.set(segment, 2);
  out.set(jpeg.subarray(2), 2 + segment.length);
  return out;
}

/** Seeded picture `seed` drawn on a canvas. */
function drawn(seed: number): OffscreenCanvasRenderingContext2D {
  const side = PICTURE_SIDE;
  const rgb = drawPicture(seed);
  const rgba = new Uint8ClampedArray(side * side * 4);
  for (let p = 0; p < side * side; p++) {
    rgba[p * 4] = rgb[p * 3]!;
    rgba[p * 4 + 1] = rgb[p * 3 + 1]!;
    rgba[p * 4 + 2] = rgb[p * 3 + 2]!;
    rgba[p * 4 + 3] = 255;
  }
  const context = canvas(side, side);
  context.putImageData(new ImageData(rgba, side, side), 0, 0);
  return context;
}

/** A copy of seeded original `k` changed as `variant` says (synth.ts's `derivedPicture`, on a canvas). */
async function derived(k: number, variant: Variant): Promise<Uint8Array> {
  const side = PICTURE_SIDE;
  const original = await encode(drawn(originalSeed(k)), 'image/jpeg', 0.9);
  if (variant === 'exact') return original;
  const bitmap = await decode(original);
  if (!bitmap) throw new Error('the browser cannot read its own JPEG');
  const copy = (width: number, height: number, draw: (c: OffscreenCanvasRenderingContext2D) => void) => {
    const c = canvas(width, height);
    draw(c);
    return c;
  };
  switch (variant) {
    case 'recompressed':
      return encode(
        copy(side, side, (c) => c.drawImage(bitmap, 0, 0)),
        'image/jpeg',
        0.3,
      );
    case 'resized': {
      const s = Math.round(side * 0.55);
      return encode(
        copy(s, s, (c) => c.drawImage(bitmap, 0, 0, s, s)),
        'image/png',
      );
    }
    case 'cropped': {
      const m = Math.round(side * 0.07);
      const s = side - 2 * m;
      return encode(
        copy(s, s, (c) => c.drawImage(bitmap, m, m, s, s, 0, 0, s, s)),
        'image/jpeg',
        0.85,
      );
    }
    case 'mirrored':
      return encode(
        copy(side, side, (c) => {
          c.scale(-1, 1);
          c.drawImage(bitmap, -side, 0);
        }),
        'image/jpeg',
        0.85,
      );
    case 'retouched':
      return encode(
        copy(side, side, (c) => {
          c.filter = 'brightness(1.08)';
          c.drawImage(bitmap, 0, 0);
          c.filter = 'none';
          c.fillStyle = 'rgba(255, 255, 255, 0.85)';
          c.fillRect(0, side * 0.8, side, side * 0.2);
          c.fillStyle = '#c00';
          c.font = `${side / 10}px sans-serif`;
          c.textAlign = 'center';
          c.fillText('BEST SHOP', side / 2, side * 0.94);
        }),
        'image/jpeg',
        0.85,
      );
    case 'rotated': {
      // Stored sideways (turned 90° anticlockwise) with EXIF orientation 6, as phones do.
      const c = copy(side, side, (c) => {
        c.translate(0, side);
        c.rotate(-Math.PI / 2);
        c.drawImage(bitmap, 0, 0);
      });
      return withOrientation(await encode(c, 'image/jpeg', 0.9), 6);
    }
  }
}

const toLinear = (v: number) => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};
const LINEAR = Float64Array.from({ length: 256 }, (_, v) => toLinear(v));
const toGamma = (l: number) => 255 * (l <= 0.0031308 ? 12.92 * l : 1.055 * l ** (1 / 2.4) - 0.055);

/** Greyscale as libvips makes it from sRGB: Rec. 709 luminance of the linear light, gamma-encoded again. */
function greyOf(rgba: Uint8ClampedArray): Float64Array {
  const grey = new Float64Array(rgba.length / 4);
  for (let p = 0; p < grey.length; p++)
    grey[p] = toGamma(
      0.2126 * LINEAR[rgba[p * 4]!]! + 0.7152 * LINEAR[rgba[p * 4 + 1]!]! + 0.0722 * LINEAR[rgba[p * 4 + 2]!]!,
    );
  return grey;
}

/** Averages `length` samples (`stride` apart) into `n`, each output the mean of the source span it covers. */
function boxWeights(length: number, n: number): Array<Array<[number, number]>> {
  const step = length / n;
  return Array.from({ length: n }, (_, o) => {
    const from = o * step;
    const to = from + step;
    const taps: Array<[number, number]> = [];
    for (let i = Math.floor(from); i < Math.min(length, Math.ceil(to)); i++)
      taps.push([i, (Math.min(to, i + 1) - Math.max(from, i)) / step]);
    return taps;
  });
}

/**
 * A greyscale picture squeezed to n × n by area averaging, as libvips's shrink does for the large
 * reductions a hash needs (a canvas's own downscale samples differently and moves bits).
 */
export function shrink(grey: Float64Array, width: number, height: number, n: number): Float64Array {
  const across = boxWeights(width, n);
  const down = boxWeights(height, n);
  const rows = new Float64Array(height * n);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < n; x++) {
      let sum = 0;
      for (const [i, w] of across[x]!) sum += grey[y * width + i]! * w;
      rows[y * n + x] = sum;
    }
  const out = new Float64Array(n * n);
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++) {
      let sum = 0;
      for (const [i, w] of down[y]!) sum += rows[i * n + x]! * w;
      out[y * n + x] = sum;
    }
  return out;
}

/** The largest side decoded pixels are averaged from (a bigger picture is first scaled down by the canvas). */
const AVERAGE_SIDE = 512;

/** The bitmap drawn at `scale` on white (a transparent picture is compared and shown on white), then closed. */
function flatten(bitmap: ImageBitmap, scale: number) {
  const w = Math.max(1, Math.round(bitmap.width * scale));
  const h = Math.max(1, Math.round(bitmap.height * scale));
  const c = canvas(w, h);
  c.fillStyle = '#ffffff';
  c.fillRect(0, 0, w, h);
  c.imageSmoothingQuality = 'high';
  c.drawImage(bitmap, 0, 0, w, h);
  bitmap.close();
  return { c, w, h };
}

async function thumbnail(bytes: Uint8Array, side = 96): Promise<Uint8Array | null> {
  if (!inspect(bytes, '').ok) return null;
  const bitmap = await decode(bytes);
  if (!bitmap) return null;
  const { c } = flatten(bitmap, Math.min(1, side / bitmap.width, side / bitmap.height));
  return encode(c, 'image/jpeg', 0.75);
}

/** The engine for `createApp({ pictures })` / `createInMemoryApi({ pictures })` in a browser. */
export function createBrowserPictures(): PictureEngine {
  return {
    async hash(bytes, file): Promise<Hashed | Refused> {
      const head = inspect(bytes, file);
      if (!head.ok) return head;
      const bitmap = await decode(bytes);
      if (!bitmap) return fail('picture.unreadable', file);
      // An animated GIF decodes to its first frame, as sharp reads it with `animated: false`.
      const { c, w, h } = flatten(bitmap, Math.min(1, AVERAGE_SIDE / Math.max(bitmap.width, bitmap.height)));
      const grey = shrink(greyOf(c.getImageData(0, 0, w, h).data), w, h, HASH_INPUT_SIDE);
      return { ok: true, ...perceptualHashes(grey), width: head.width, height: head.height };
    },
    thumbnail,
    async thumbnailDataUrl(bytes) {
      const jpeg = await thumbnail(bytes, 96);
      if (!jpeg) return null;
      let binary = '';
      for (let i = 0; i < jpeg.length; i += 0x8000) binary += String.fromCharCode(...jpeg.subarray(i, i + 0x8000));
      return `data:image/jpeg;base64,${btoa(binary)}`;
    },
    render: (picture: CataloguePicture) =>
      'seed' in picture ? encode(drawn(picture.seed), 'image/jpeg', 0.9) : derived(picture.original, picture.variant),
  };
}
