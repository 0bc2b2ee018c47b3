// Conditional GETs: strong ETags made from the data's versions (migration 8), never by hashing a
// body, and `If-None-Match` answered with 304 before the answer is built. Runs in the browser too
// (Storybook): Web Crypto only.
import type { AccountRecord } from './store/index.js';

/** The route documentation of a conditional GET (the 304 and the ETag header). */
export const CONDITIONAL_DOCS = {
  header: {
    name: 'If-None-Match',
    required: false,
    description: 'The ETag of the copy the caller holds: a 304 without a body when it is still current',
  },
  etag: { ETag: 'A strong validator of this answer for this caller; send it back in If-None-Match' },
  notModified: { description: 'Not modified: the copy whose ETag was sent is current', schema: 'none' },
} as const;

const encoder = new TextEncoder();

/**
 * A strong ETag of `parts` (the versions and everything else the answer depends on: the viewer,
 * the query), as a short base64url SHA-256. The viewer is always part of it: the same URL shows
 * different callers different answers.
 */
export async function versionTag(viewer: AccountRecord, parts: readonly unknown[]): Promise<string> {
  const text = JSON.stringify([viewer.id, viewer.role, ...parts]);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  let binary = '';
  for (const byte of digest.subarray(0, 16)) binary += String.fromCharCode(byte);
  return `"${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}"`;
}

/**
 * Whether `If-None-Match` names `etag` (`*` names anything). A compressed answer's ETag carries
 * its coding (`"…-br"`, see compression.ts): the same data, so it matches too. A weak `W/` tag
 * matches by the weak comparison If-None-Match uses.
 */
export function etagMatches(ifNoneMatch: string | undefined | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const bare = (tag: string) =>
    tag
      .trim()
      .replace(/^W\//, '')
      .replace(/-(br|gzip)"$/, '"');
  const wanted = bare(etag);
  return ifNoneMatch.split(',').some((tag) => bare(tag) === wanted);
}

/**
 * 304 for a caller that holds the current copy; otherwise the answer `make` builds, with its ETag.
 * The answers stay `no-store` (personal data: no cache, not even the browser's, keeps them); the
 * client keeps its copy in memory and revalidates it itself.
 */
export async function conditional(
  request: Request,
  etag: string,
  make: () => Promise<Response> | Response,
): Promise<Response> {
  if (etagMatches(request.headers.get('if-none-match'), etag)) {
    return new Response(null, { status: 304, headers: { etag } });
  }
  const response = await make();
  response.headers.set('etag', etag);
  return response;
}
