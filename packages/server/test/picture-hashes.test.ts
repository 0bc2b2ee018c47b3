// Perceptual hashes through sharp on the seeded pairs (an original and its exact, recompressed,
// resized, cropped, mirrored, retouched and EXIF-rotated copies, and unrelated pictures): the
// bands' precision and recall are measured and printed, and the hostile pictures each get their
// code, in bounded time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { PICTURE_THRESHOLDS, pictureBand } from '@ipr/validators';
import { hashPicture } from '../src/pictures/decode.js';
import { ORIGINAL_COUNT, VARIANTS } from '../src/pictures/engine.js';
import { distance, perceptualHashes, wordsOf } from '../src/pictures/phash.js';
import { derivedPicture, drawPicture, encodePicture, originalPicture } from '../src/pictures/synth.js';

const hashed = async (bytes: Uint8Array, name = 'x') => {
  const result = await hashPicture(bytes, name);
  assert.ok(result.ok, `hashed ${name}: ${result.ok ? '' : result.issue.code}`);
  return result;
};
const between = (a: { hash: string; mirror: string }, b: { hash: string }) =>
  Math.min(distance(wordsOf(a.hash), wordsOf(b.hash)), distance(wordsOf(a.mirror), wordsOf(b.hash)));

test("pHash: a mirror image hashes to the original's mirror hash; a brighter copy keeps its hash", () => {
  const side = 32;
  const grey = new Uint8Array(side * side);
  for (let i = 0; i < grey.length; i++) grey[i] = (i * 37 + (i >> 5) * 11) % 256;
  const flipped = new Uint8Array(grey.length);
  for (let y = 0; y < side; y++) for (let x = 0; x < side; x++) flipped[y * side + x] = grey[y * side + side - 1 - x]!;
  const a = perceptualHashes(grey);
  const b = perceptualHashes(flipped);
  assert.equal(b.hash, a.mirror);
  assert.notEqual(a.hash, a.mirror);
  const brighter = Array.from(grey, (v) => v * 0.9 + 20);
  assert.ok(distance(wordsOf(perceptualHashes(Float64Array.from(brighter)).hash), wordsOf(a.hash)) <= 2);
});

test("the seeded pairs: every band's precision and recall (printed), exact copies at 0 bits", async () => {
  const originals = [];
  const positives: Array<{ variant: string; d: number }> = [];
  for (let k = 0; k < ORIGINAL_COUNT; k++) {
    const o = await hashed(await originalPicture(k), `original ${k}`);
    originals.push(o);
    for (const variant of VARIANTS) {
      const copy = await hashed(await derivedPicture(k, variant), `${variant} ${k}`);
      positives.push({ variant, d: between(o, copy) });
    }
  }
  const negatives: number[] = [];
  for (let seed = 0; seed < 150; seed++) {
    const other = await hashed(await encodePicture(seed), `unrelated ${seed}`);
    for (const o of originals) negatives.push(between(o, other));
  }
  const byVariant = Object.fromEntries(
    VARIANTS.map((v) => {
      const ds = positives.filter((p) => p.variant === v).map((p) => p.d);
      return [v, { max: Math.max(...ds), mean: +(ds.reduce((a, b) => a + b, 0) / ds.length).toFixed(1) }];
    }),
  );
  const rate = (threshold: number) => {
    const tp = positives.filter((p) => p.d <= threshold).length;
    const fp = negatives.filter((d) => d <= threshold).length;
    return { precision: +(tp / Math.max(1, tp + fp)).toFixed(3), recall: +(tp / positives.length).toFixed(3), tp, fp };
  };
  const report = {
    pairs: { positive: positives.length, unrelated: negatives.length },
    distances: byVariant,
    unrelatedMin: Math.min(...negatives),
    likelySame: rate(PICTURE_THRESHOLDS.likelySame),
    likelySameOrPossiblyEdited: rate(PICTURE_THRESHOLDS.possiblyEdited),
  };
  console.log(`[pictures] ${JSON.stringify(report)}`);
  assert.equal(byVariant.exact!.max, 0);
  for (const v of ['recompressed', 'resized', 'mirrored', 'rotated'])
    assert.equal(pictureBand(byVariant[v]!.max), 'likely_same', `${v} copies are likely the same picture`);
  // No unrelated picture is called the same picture; the edited band may hold a few.
  assert.equal(report.likelySame.fp, 0);
  assert.ok(report.likelySame.precision === 1);
  assert.ok(
    report.likelySameOrPossiblyEdited.recall >= 0.9,
    `recall ≤ 16 bits: ${report.likelySameOrPossiblyEdited.recall}`,
  );
  assert.ok(report.likelySameOrPossiblyEdited.precision >= 0.95);
});

// ── hostile pictures ──

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
/** A PNG whose header declares `width` × `height` (8-bit greyscale) with a few rows of zeros. */
function declaredPng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const rows = deflateSync(Buffer.alloc((width + 1) * 4));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', rows),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const refusedAs = async (bytes: Uint8Array, code: string) => {
  const started = performance.now();
  const before = process.memoryUsage().rss;
  const result = await hashPicture(bytes, 'hostile');
  const ms = performance.now() - started;
  assert.equal(result.ok, false);
  assert.equal(result.ok ? '' : result.issue.code, code);
  assert.ok(ms < 2000, `answered in ${ms.toFixed(0)} ms`);
  assert.ok(process.memoryUsage().rss - before < 200 * 1024 * 1024, 'no large allocation');
  return result.ok ? undefined : result.issue;
};

test('a decompression bomb (a PNG declaring 50,000 × 50,000) is refused from its header', async () => {
  const issue = await refusedAs(declaredPng(50_000, 50_000), 'picture.too_many_pixels');
  assert.equal(issue?.params?.width, 50_000);
});

test('a truncated JPEG is refused as cut short, not hashed half grey', async () => {
  const jpeg = await originalPicture(3);
  await refusedAs(jpeg.subarray(0, Math.floor(jpeg.length * 0.6)), 'picture.truncated');
});

test('a 1 × 1 picture is too small to compare; a PDF is not a picture', async () => {
  const tiny = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#f00' } })
    .png()
    .toBuffer();
  const issue = await refusedAs(tiny, 'picture.too_small');
  assert.equal(issue?.params?.min, 16);
  await refusedAs(new TextEncoder().encode('%PDF-1.4\n%%EOF\n'), 'picture.not_image');
});

test('a CMYK JPEG, an animated GIF (first frame) and an EXIF-rotated JPEG match their originals', async () => {
  const original = await hashed(await originalPicture(5));
  const cmyk = await sharp(await originalPicture(5))
    .toColourspace('cmyk')
    .jpeg({ quality: 90 })
    .toBuffer();
  assert.equal((await sharp(cmyk).metadata()).space, 'cmyk');
  assert.equal(pictureBand(between(original, await hashed(cmyk, 'cmyk'))), 'likely_same');

  const side = 256;
  const frames = Buffer.concat([drawPicture(1_000_005), drawPicture(77)]);
  const gif = await sharp(frames, { raw: { width: side, height: side * 2, channels: 3, pageHeight: side } })
    .gif({ delay: [100, 100] })
    .toBuffer();
  assert.equal((await sharp(gif, { animated: true }).metadata()).pages, 2);
  assert.equal(pictureBand(between(original, await hashed(gif, 'gif'))), 'likely_same');

  const rotated = await derivedPicture(5, 'rotated');
  assert.equal((await sharp(rotated).metadata()).orientation, 6);
  assert.equal(pictureBand(between(original, await hashed(rotated, 'rotated'))), 'likely_same');
});
