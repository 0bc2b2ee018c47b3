// The browser picture engine (Storybook's in-browser API uses it) against the Node server's
// (sharp): on the same bytes their hashes must fall in the "likely same" band, the pictures it
// draws must be the seeded ones, and hostile pictures get the same refusals.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { PICTURE_THRESHOLDS } from '@ipr/validators';
import { createBrowserPictures } from '../../../server/src/pictures/browser-engine.js';
import { VARIANTS } from '../../../server/src/pictures/engine.js';
import { distance, wordsOf } from '../../../server/src/pictures/phash.js';
import { TOKENS, clientFor } from '../support/helpers.js';

const engine = createBrowserPictures();
const client = clientFor(TOKENS.complainantA);

type SharpAnswer = { hash: string; mirror: string } | { code: string };

async function sharpHash(bytes: Uint8Array): Promise<SharpAnswer> {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  const answer = await executeServerCommand<SharpAnswer, { base64: string }>('sharp-hash', { base64: btoa(binary) });
  if (!answer) throw new Error('no answer from the sharp-hash command');
  return answer;
}

const apart = (a: string, b: string) => distance(wordsOf(a), wordsOf(b));

async function browserHash(bytes: Uint8Array): Promise<string> {
  const result = await engine.hash(bytes, 'test');
  if (!result.ok) throw new Error(result.issue.code);
  return result.hash;
}

async function compare(bytes: Uint8Array, label: string) {
  const theirs = await sharpHash(bytes);
  if (!('hash' in theirs)) throw new Error(`${label}: sharp refused it (${theirs.code})`);
  const d = apart(await browserHash(bytes), theirs.hash);
  expect(d, `${label}: ${d} bits apart`).to.be.at.most(PICTURE_THRESHOLDS.likelySame);
}

describe('browser picture engine', () => {
  it('hashes the server-rendered catalogue pictures as sharp does (within "likely same")', async () => {
    // p000001 exact, p000003 retouched, p000009 mirrored, p000008 cropped, p000019 recompressed copies; p000002 its own.
    for (const id of ['p000001', 'p000003', 'p000009', 'p000008', 'p000019', 'p000002']) {
      const response = await fetch(client.pictures!.url(`/v1/products/${id}/pictures/0`));
      expect(response.status, id).to.equal(200);
      await compare(new Uint8Array(await response.arrayBuffer()), id);
    }
  });

  it('draws the seeded pictures: its original 0 matches the server’s, and its variants hash alike in both engines', async () => {
    const served = new Uint8Array(
      await (await fetch(client.pictures!.url('/v1/products/p000001/pictures/0'))).arrayBuffer(),
    );
    const exact = await engine.render({ original: 0, variant: 'exact' });
    expect(apart(await browserHash(exact), await browserHash(served))).to.be.at.most(PICTURE_THRESHOLDS.likelySame);
    for (const variant of VARIANTS) await compare(await engine.render({ original: 3, variant }), variant);
  });

  it('applies EXIF orientation: a sideways copy hashes like the upright one', async () => {
    const upright = await browserHash(await engine.render({ original: 5, variant: 'exact' }));
    const sideways = await engine.render({ original: 5, variant: 'rotated' });
    expect(apart(await browserHash(sideways), upright)).to.be.at.most(PICTURE_THRESHOLDS.likelySame);
    const other = await browserHash(await engine.render({ original: 6, variant: 'exact' }));
    expect(apart(other, upright)).to.be.above(PICTURE_THRESHOLDS.possiblyEdited);
  });

  it('refuses hostile pictures as the server does, before decoding them', async () => {
    const png = (width: number, height: number) => {
      const b = new Uint8Array(33);
      b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
      new DataView(b.buffer).setUint32(16, width);
      new DataView(b.buffer).setUint32(20, height);
      b.set([8, 2, 0, 0, 0], 24);
      return b;
    };
    const jpeg = await engine.render({ seed: 42 });
    const cases: Array<[string, Uint8Array, string]> = [
      ['a 50,000 × 50,000 PNG header', png(50_000, 50_000), 'picture.too_many_pixels'],
      ['a 1 × 1 PNG', png(1, 1), 'picture.too_small'],
      ['a truncated JPEG', jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'picture.truncated'],
      ['a text file', new TextEncoder().encode('not a picture at all, only words'), 'picture.not_image'],
    ];
    for (const [label, bytes, code] of cases) {
      const result = await engine.hash(bytes, 'hostile');
      expect(result.ok, label).to.equal(false);
      if (!result.ok) expect(result.issue.code, label).to.equal(code);
    }
    expect(await engine.thumbnail(png(50_000, 50_000))).to.equal(null);
  });
});
