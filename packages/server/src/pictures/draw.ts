// The demo catalogue's pictures as raw RGB pixels, made from a number: the same on every machine
// and every run. No image library here, so the Node engine (synth.ts, sharp) and the browser
// engine (browser-engine.ts, canvas) draw the very same pixels.
import { prng } from '../util.js';

export const PICTURE_SIDE = 256;

/** Raw RGB pixels of picture `seed`: a two-colour gradient and 3–6 filled shapes. */
export function drawPicture(seed: number, side = PICTURE_SIDE): Uint8Array {
  const rand = prng(0x5eed + seed * 104_729);
  const colour = () => [rand() * 255, rand() * 255, rand() * 255] as const;
  const px = new Uint8Array(side * side * 3);
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

/** Seeds of the originals, apart from every product picture's seed. */
export const originalSeed = (k: number) => 1_000_000 + k;
