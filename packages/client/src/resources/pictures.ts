// `client.pictures`: the match calls load their code (../pictures.ts, with its pre-network checks)
// on the first call, as the pre-network checks are (call.ts); few pages use them, so the CDN
// bundle's initial file does not carry them. `url` builds a string and stays synchronous.
import type { Caller } from '../call.js';
import type { PicturesApi } from '../pictures.js';

export function picturesResource({ api, origin, call, refused }: Caller): PicturesApi {
  const loaded = async () => (await import('../pictures.js')).createPicturesApi({ raw: api, call, refused });
  return {
    matches: async (complaintId, opts) => (await loaded()).matches(complaintId, opts),
    matchDraft: async (input, opts) => (await loaded()).matchDraft(input, opts),
    url: (path) => (/^[a-z]+:/i.test(path) ? path : `${origin}${path.startsWith('/') ? '' : '/'}${path}`),
  };
}
