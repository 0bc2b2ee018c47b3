// The picture engine of a Node server: sharp (libvips, prebuilt for Linux, macOS and Windows).
import { hashPicture, thumbnail } from './decode.js';
import type { PictureEngine } from './engine.js';
import { renderPicture } from './synth.js';

export function createSharpPictures(): PictureEngine {
  return {
    hash: hashPicture,
    thumbnail,
    async thumbnailDataUrl(bytes) {
      const jpeg = await thumbnail(bytes, 96);
      return jpeg ? `data:image/jpeg;base64,${jpeg.toString('base64')}` : null;
    },
    render: renderPicture,
  };
}
