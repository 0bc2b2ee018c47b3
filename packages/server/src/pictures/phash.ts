// The 64-bit DCT perceptual hash (pHash) of a 32 × 32 greyscale picture, its mirror image's hash,
// and the Hamming distance between two hashes. Pure arithmetic: decoding is decode.ts's job.
//
// Why DCT pHash rather than a difference hash: dHash compares neighbouring pixels of a 9 × 8
// thumbnail, so a recompression or a small crop moves many of its bits; pHash keeps only the
// 8 × 8 lowest frequencies of a 32 × 32 DCT (the picture's coarse structure), which survive
// JPEG recompression, rescaling and mild crops, and a horizontal mirror of it is a sign change of
// the odd horizontal frequencies, so the mirror image's hash costs no second decode.

/** The side of the greyscale picture hashed. */
export const HASH_INPUT_SIDE = 32;
const N = HASH_INPUT_SIDE;
/** The side of the low-frequency block kept. */
const K = 8;

/** COS[u * N + x] = cos(π (2x + 1) u / 2N), the DCT-II basis for the K lowest frequencies. */
const COS = new Float64Array(K * N);
for (let u = 0; u < K; u++)
  for (let x = 0; x < N; x++) COS[u * N + x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * N));

/** The K × K lowest DCT-II coefficients of an N × N greyscale picture (row-major, `[v * K + u]`). */
export function lowFrequencies(grey: Uint8Array | Float64Array): Float64Array {
  if (grey.length !== N * N) throw new RangeError(`expected ${N * N} greyscale pixels, got ${grey.length}`);
  // Rows first (each row's K horizontal frequencies), then columns: K·N·N + K·K·N products.
  const rows = new Float64Array(N * K);
  for (let y = 0; y < N; y++) {
    for (let u = 0; u < K; u++) {
      let sum = 0;
      for (let x = 0; x < N; x++) sum += grey[y * N + x]! * COS[u * N + x]!;
      rows[y * K + u] = sum;
    }
  }
  const out = new Float64Array(K * K);
  for (let v = 0; v < K; v++) {
    for (let u = 0; u < K; u++) {
      let sum = 0;
      for (let y = 0; y < N; y++) sum += COS[v * N + y]! * rows[y * K + u]!;
      out[v * K + u] = sum;
    }
  }
  return out;
}

/**
 * 64 bits, one per coefficient: set when it is above the median of the 63 AC coefficients (the DC
 * term, the mean brightness, is left out of the median so a brighter copy changes nothing). As 16
 * hex digits, most significant first (bit 63 is coefficient 0).
 */
export function hashOf(coefficients: Float64Array): string {
  const ac = Array.from(coefficients.subarray(1)).sort((a, b) => a - b);
  const median = (ac[31]! + ac[32]!) / 2;
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < 64; i++) {
    const bit = coefficients[i]! > median ? 1 : 0;
    if (i < 32) hi = (hi << 1) | bit;
    else lo = (lo << 1) | bit;
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

/**
 * The coefficients of the picture mirrored left to right: basis u at column N-1-x equals
 * (-1)^u times basis u at x, so the odd horizontal frequencies change sign and nothing else.
 */
export function mirrored(coefficients: Float64Array): Float64Array {
  const out = new Float64Array(coefficients);
  for (let v = 0; v < K; v++) for (let u = 1; u < K; u += 2) out[v * K + u] = -out[v * K + u]!;
  return out;
}

/** The hash of a picture and of its mirror image. */
export function perceptualHashes(grey: Uint8Array | Float64Array): { hash: string; mirror: string } {
  const c = lowFrequencies(grey);
  return { hash: hashOf(c), mirror: hashOf(mirrored(c)) };
}

function popcount32(n: number): number {
  let v = n - ((n >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** A hash as two 32-bit halves, for distances in a loop without parsing. */
export type HashWords = readonly [number, number];
export const wordsOf = (hash: string): HashWords => [
  Number.parseInt(hash.slice(0, 8), 16),
  Number.parseInt(hash.slice(8, 16), 16),
];

/** The number of bits that differ (0 = the same hash, 64 = every bit). */
export function distance(a: HashWords, b: HashWords): number {
  return popcount32((a[0] ^ b[0]) >>> 0) + popcount32((a[1] ^ b[1]) >>> 0);
}
