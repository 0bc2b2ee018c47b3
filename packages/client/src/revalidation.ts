// The client's copy of each answer that came with an ETag (the complaint list, a complaint, the
// holder profiles): the next GET of the same URL, by the same caller, sends `If-None-Match`, and
// a 304 is answered from the copy, so a refresh or a reopen costs a few hundred bytes. In memory
// only (the server marks these answers no-store: personal data), a few dozen answers at most.

/** Answers made from the copy after a 304: `call` reports them as `revalidated: true`. */
const fromCopy = new WeakSet<Response>();

/** Whether this answer is the client's copy, confirmed current by a 304. */
export const isRevalidated = (response: Response) => fromCopy.has(response);

interface Copy {
  etag: string;
  body: ArrayBuffer;
  headers: [string, string][];
  statusText: string;
}

export interface RevalidationCache {
  /** Sends `request` with `If-None-Match` when a copy is held, and answers a 304 from the copy. */
  fetch(request: Request, send: (request: Request) => Promise<Response>): Promise<Response>;
  /** How many answers are held. */
  readonly size: number;
}

/** Answers larger than this are not kept (an 800-product complaint is ~300 KB). */
const MAX_COPY_BYTES = 2 * 1024 * 1024;

export function createRevalidationCache(maxEntries = 50): RevalidationCache {
  const copies = new Map<string, Copy>();
  const keyOf = (request: Request) =>
    JSON.stringify([
      request.url,
      request.headers.get('authorization') ?? '',
      request.headers.get('accept-language') ?? '',
    ]);
  return {
    get size() {
      return copies.size;
    },
    async fetch(request, send) {
      // Only plain GETs the caller has not made conditional itself, and not with `cache: false`.
      if (request.method !== 'GET' || request.headers.has('if-none-match') || request.cache === 'no-store') {
        return send(request);
      }
      const key = keyOf(request);
      const copy = copies.get(key);
      if (copy) request.headers.set('if-none-match', copy.etag);
      const response = await send(request);
      if (copy && response.status === 304) {
        // The most recently used last, so the oldest is the first dropped.
        copies.delete(key);
        copies.set(key, copy);
        const answer = new Response(copy.body.slice(0), {
          status: 200,
          statusText: copy.statusText,
          headers: copy.headers,
        });
        fromCopy.add(answer);
        return answer;
      }
      const etag = response.headers.get('etag');
      if (response.status !== 200 || !etag) {
        if (response.status === 200 || response.status === 404) copies.delete(key);
        return response;
      }
      const body = await response.clone().arrayBuffer();
      if (body.byteLength > MAX_COPY_BYTES) {
        copies.delete(key);
        return response;
      }
      copies.delete(key);
      copies.set(key, { etag, body, headers: [...response.headers], statusText: response.statusText });
      while (copies.size > maxEntries) copies.delete(copies.keys().next().value!);
      return response;
    },
  };
}
