// What both picture engines (sharp's decode.ts and the browser's) say when a picture is refused,
// and the end-of-file check they share: one wording, one code per outcome, whichever engine ran.
import { issue, type Issue, PICTURE_LIMITS } from '@ipr/validators';
import type { Refused } from './engine.js';

export type PictureFormat = 'jpeg' | 'png' | 'gif' | 'webp';

export const fail = (code: Issue['code'], file: string, params: Record<string, string | number> = {}): Refused => ({
  ok: false,
  issue: issue(code, [], { file, ...params }),
});

/** The megapixel limit as people read it. */
export const limitText = `${PICTURE_LIMITS.maxPixels / 1_000_000} megapixels`;

/** Whether the file has its end: a JPEG's EOI marker, a PNG's IEND chunk, a GIF's trailer. */
export function complete(b: Uint8Array, format: PictureFormat): boolean {
  const tail = b.subarray(Math.max(0, b.length - 32));
  if (format === 'jpeg') return tail.some((v, i) => v === 0xff && tail[i + 1] === 0xd9);
  if (format === 'png') return String.fromCharCode(...tail).includes('IEND');
  if (format === 'gif') return tail.includes(0x3b);
  return true;
}
