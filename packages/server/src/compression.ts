// Node-only: the API's answers compressed on the way out (brotli or gzip, as the request's
// Accept-Encoding allows; brotli first). Only text a compressor shrinks (JSON, problem+json,
// text, JavaScript, SVG) from `minBytes` on; never the event stream (each event must leave as it
// happens, and a compressor buffers), never files (evidence bytes are images and PDFs, already
// compressed), never an answer that is already encoded or says `no-transform`. `Vary:
// Accept-Encoding` goes on every answer whose encoding depends on the request.
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

export interface CompressionOptions {
  /** Smaller bodies go out as they are (the headers would cost more than the saving). Default 1024. */
  minBytes?: number;
  /** Brotli quality for answers made per request (0–11). Default 5: near gzip's speed, smaller. */
  brotliQuality?: number;
  /** gzip level (1–9). Default 6. */
  gzipLevel?: number;
}

export type Coding = 'br' | 'gzip';

/** Media types worth compressing; the event stream is text but never buffered (see above). */
export function compressible(contentType: string | null): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'text/event-stream') return false;
  return (
    type.startsWith('text/') ||
    /^application\/([\w.-]+\+)?json$/.test(type) ||
    type === 'application/javascript' ||
    type === 'image/svg+xml' ||
    /^application\/([\w.-]+\+)?xml$/.test(type)
  );
}

/** The coding a request accepts, brotli first; null for identity. Honours `q=0` and `*`. */
export function negotiate(acceptEncoding: string | null): Coding | null {
  if (!acceptEncoding) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const weight = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((w) => w !== undefined);
    q.set(name, weight === undefined ? 1 : Number(weight));
  }
  const accepts = (coding: Coding) => (q.get(coding) ?? q.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return null;
}

/** Adds `value` to a comma-separated header (Vary) unless it is there already. */
export function appendVary(headers: Headers, value: string): void {
  const current = headers.get('vary');
  const names = (current ?? '').split(',').map((v) => v.trim().toLowerCase());
  if (!current) headers.set('vary', value);
  else if (!names.includes(value.toLowerCase()) && !names.includes('*')) headers.set('vary', `${current}, ${value}`);
}

/**
 * A strong ETag of the encoded bytes: the identity ETag with the coding added (`"v7"` → `"v7-br"`),
 * as the bytes differ. `etagMatches` (app side) compares with the coding taken off again.
 */
export function codedEtag(etag: string, coding: Coding): string {
  return /^"[^"]*"$/.test(etag) ? `${etag.slice(0, -1)}-${coding}"` : etag;
}

/** The answer, compressed when the request accepts it and the answer is worth it. */
export async function compressAnswer(
  request: Request,
  response: Response,
  options: CompressionOptions = {},
): Promise<Response> {
  const minBytes = options.minBytes ?? 1024;
  // Status and headers only until the body is compressed: Hono's Node adapter writes an answer whose
  // body nobody read with its headers in one write; reading `body` here made every answer a stream
  // (headers and body written apart, through a reader).
  const { status } = response;
  if (request.method === 'HEAD' || status < 200 || status === 204 || status === 206 || status === 304) return response;
  const headers = response.headers;
  if (headers.has('content-encoding') || !compressible(headers.get('content-type'))) return response;
  // A file download (evidence) goes out as stored, whatever its type says.
  if (headers.has('content-disposition')) return response;
  if (/(^|,)\s*no-transform\s*(,|$)/i.test(headers.get('cache-control') ?? '')) return response;
  const coding = negotiate(request.headers.get('accept-encoding'));
  const declared = Number(headers.get('content-length') ?? Number.NaN);
  if (!coding || declared < minBytes) return withVary(response);
  // The API's text answers are made whole in memory (the event stream is excluded above).
  const raw = new Uint8Array(await response.arrayBuffer());
  const out = new Headers(headers);
  appendVary(out, 'Accept-Encoding');
  if (raw.byteLength < minBytes) return new Response(raw, { status, statusText: response.statusText, headers: out });
  const body =
    coding === 'br'
      ? await brotli(raw, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: options.brotliQuality ?? 5,
            [constants.BROTLI_PARAM_SIZE_HINT]: raw.byteLength,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          },
        })
      : await gzipped(raw, { level: options.gzipLevel ?? 6 });
  out.set('content-encoding', coding);
  out.set('content-length', String(body.byteLength));
  const etag = out.get('etag');
  if (etag) out.set('etag', codedEtag(etag, coding));
  return new Response(new Uint8Array(body.buffer, body.byteOffset, body.byteLength), {
    status,
    statusText: response.statusText,
    headers: out,
  });
}

/** The answer as it is, saying it varies by Accept-Encoding (a copy when its headers are immutable). */
function withVary(response: Response): Response {
  try {
    appendVary(response.headers, 'Accept-Encoding');
    return response;
  } catch {
    const out = new Headers(response.headers);
    appendVary(out, 'Accept-Encoding');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers: out });
  }
}
