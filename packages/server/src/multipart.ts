// A streaming multipart/form-data reader over a Web ReadableStream: each part's bytes go to the
// sink its headers choose as they arrive, so a file is never held whole in memory. The body is
// counted as it is read and refused past `maxBytes` (whatever Content-Length said, or without one).
// Part headers follow what browsers and undici send: `Content-Disposition: form-data; name="…";
// filename="…"` with CR, LF and `"` escaped as %0D, %0A, %22 (the HTML standard), UTF-8 names;
// `filename*=UTF-8''…` (RFC 5987) is understood too. Runs in the browser and in Node (no `node:`).

/** The body is not well-formed multipart (no boundary, a part without headers, cut short…). */
export class MultipartError extends Error {
  override name = 'MultipartError';
}

/** Reading the request body failed (the client went away, or its stream broke): `cause` says why. */
export class MultipartBodyError extends Error {
  override name = 'MultipartBodyError';
  constructor(override readonly cause: unknown) {
    super('the request body could not be read');
  }
}

/** The body went past `maxBytes` while it was read. */
export class MultipartTooLarge extends Error {
  override name = 'MultipartTooLarge';
  constructor(readonly limit: number) {
    super(`multipart body larger than ${limit} bytes`);
  }
}

export interface PartInfo {
  /** The form field name. */
  name: string;
  /** The file name when the part is a file (`filename=` present, possibly empty). */
  filename?: string;
  contentType?: string;
}

/** Where one part's bytes go; `end` runs once after its last byte. Chunks are only valid during `write`. */
export interface PartSink {
  write(chunk: Uint8Array): void | Promise<void>;
  end?(): void | Promise<void>;
}

export interface MultipartOptions {
  /** The whole body, headers and boundaries included, may not be longer. */
  maxBytes: number;
  /** Chooses a sink for each part (undefined: its bytes are counted and dropped). */
  onPart(part: PartInfo): PartSink | undefined;
  /** Headers of one part may not be longer (default 16 KiB). */
  maxHeaderBytes?: number;
}

/** The boundary of a `multipart/form-data` content type, or null. */
export function multipartBoundary(contentType: string): string | null {
  if (!/^multipart\/form-data\s*(;|$)/i.test(contentType.trim())) return null;
  const m = /;\s*boundary\s*=\s*(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  return boundary && /^[\x20-\x7e]+$/.test(boundary) ? boundary : null;
}

const CR = 0x0d;
const LF = 0x0a;
const DASH = 0x2d;
const encoder = new TextEncoder();

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0]!;
  const last = haystack.length - needle.length;
  for (let i = haystack.indexOf(first, from); i !== -1 && i <= last; i = haystack.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && haystack[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

/** The longest tail of `bytes` that is a head of `needle` (where a delimiter may continue in the next chunk). */
function partialTail(bytes: Uint8Array, needle: Uint8Array): number {
  const max = Math.min(needle.length - 1, bytes.length);
  for (let n = max; n > 0; n--) {
    let j = 0;
    const start = bytes.length - n;
    while (j < n && bytes[start + j] === needle[j]) j++;
    if (j === n) return n;
  }
  return 0;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (!a.length) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** A `name="…"` style parameter of a header value (quoted with the HTML escapes, or a token). */
function param(value: string, key: string): string | undefined {
  const re = new RegExp(`(?:^|;)\\s*${key}\\s*=\\s*(?:"([^"]*)"|([^;\\s]*))`, 'i');
  const m = re.exec(value);
  if (!m) return undefined;
  if (m[1] !== undefined) return m[1].replace(/%0A/gi, '\n').replace(/%0D/gi, '\r').replace(/%22/g, '"');
  return m[2];
}

/** RFC 5987 `filename*=UTF-8''percent-encoded`. */
function extendedParam(value: string, key: string): string | undefined {
  const m = new RegExp(`(?:^|;)\\s*${key}\\*\\s*=\\s*([^;\\s]*)`, 'i').exec(value);
  const raw = m?.[1];
  if (!raw) return undefined;
  const parts = /^([\w-]*)'[^']*'(.*)$/.exec(raw);
  if (!parts || (parts[1] && parts[1].toLowerCase() !== 'utf-8')) return undefined;
  try {
    return decodeURIComponent(parts[2]!);
  } catch {
    return undefined;
  }
}

function parseHeaders(bytes: Uint8Array): PartInfo {
  const text = new TextDecoder().decode(bytes);
  let disposition: string | undefined;
  let contentType: string | undefined;
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new MultipartError('a part header without a name');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-disposition') disposition = value;
    else if (name === 'content-type') contentType = value;
  }
  if (!disposition || !/^form-data\s*(;|$)/i.test(disposition)) throw new MultipartError('a part is not form-data');
  const name = param(disposition, 'name');
  if (name === undefined) throw new MultipartError('a part without a name');
  const filename = extendedParam(disposition, 'filename') ?? param(disposition, 'filename');
  return {
    name,
    ...(filename !== undefined ? { filename } : {}),
    ...(contentType ? { contentType } : {}),
  };
}

/**
 * Reads `body` part by part until its closing boundary. Throws MultipartError (malformed),
 * MultipartTooLarge (past `maxBytes`), MultipartBodyError (the stream failed: the client went
 * away), or what a sink throws (a file store error stays what it is). What follows the closing boundary (the epilogue) is not read.
 */
export async function readMultipart(
  body: ReadableStream<Uint8Array>,
  boundary: string,
  options: MultipartOptions,
): Promise<void> {
  const maxHeaderBytes = options.maxHeaderBytes ?? 16 * 1024;
  // The first delimiter may open the body; every later one follows a CRLF.
  const first = encoder.encode(`--${boundary}`);
  const delimiter = encoder.encode(`\r\n--${boundary}`);
  const reader = body.getReader();
  let total = 0;
  let buffer: Uint8Array = new Uint8Array(0);
  let done = false;

  /** Reads one more chunk into `buffer`; false at the end of the stream. */
  const more = async (): Promise<boolean> => {
    if (done) return false;
    let read: ReadableStreamReadResult<Uint8Array>;
    try {
      read = await reader.read();
    } catch (error) {
      throw new MultipartBodyError(error);
    }
    const { done: end, value } = read;
    if (end) {
      done = true;
      return false;
    }
    total += value.length;
    if (total > options.maxBytes) throw new MultipartTooLarge(options.maxBytes);
    buffer = concat(buffer, value);
    return true;
  };

  try {
    // Preamble: skip to the first delimiter (at the very start, or after a CRLF).
    let at = -1;
    for (;;) {
      const start = indexOf(buffer, first, 0);
      if (start === 0 || (start > 0 && buffer[start - 2] === CR && buffer[start - 1] === LF)) {
        at = start + first.length;
        break;
      }
      if (buffer.length > maxHeaderBytes) throw new MultipartError('no opening boundary');
      if (!(await more())) throw new MultipartError('no opening boundary');
    }
    buffer = buffer.subarray(at);

    for (;;) {
      // After a delimiter: `--` closes the body, CRLF opens a part (transport padding is allowed).
      while (buffer.length < 2) if (!(await more())) throw new MultipartError('cut short after a boundary');
      if (buffer[0] === DASH && buffer[1] === DASH) break;
      let eol = buffer.indexOf(LF);
      while (eol === -1) {
        if (buffer.length > 256 || !(await more())) throw new MultipartError('a boundary line without its end');
        eol = buffer.indexOf(LF);
      }
      // Only transport padding (spaces, tabs) may stand between a boundary and its CRLF.
      if (eol === 0 || buffer[eol - 1] !== CR) throw new MultipartError('a boundary line without CRLF');
      for (let i = 0; i < eol - 1; i++)
        if (buffer[i] !== 0x20 && buffer[i] !== 0x09) throw new MultipartError('text after a boundary');
      buffer = buffer.subarray(eol + 1);

      // Part headers, up to the empty line.
      const blank = encoder.encode('\r\n\r\n');
      let end = buffer[0] === CR && buffer[1] === LF ? -2 : indexOf(buffer, blank, 0);
      while (end === -1) {
        if (buffer.length > maxHeaderBytes) throw new MultipartError('part headers too long');
        if (!(await more())) throw new MultipartError('cut short in part headers');
        end = buffer[0] === CR && buffer[1] === LF ? -2 : indexOf(buffer, blank, 0);
      }
      if (end === -2) throw new MultipartError('a part without headers');
      const info = parseHeaders(buffer.subarray(0, end));
      buffer = buffer.subarray(end + blank.length);
      const sink = options.onPart(info);

      // Part body, up to the next delimiter. Whatever cannot be the start of a delimiter is passed on.
      for (;;) {
        const hit = indexOf(buffer, delimiter, 0);
        if (hit !== -1) {
          if (sink && hit > 0) await sink.write(buffer.subarray(0, hit));
          buffer = buffer.subarray(hit + delimiter.length);
          break;
        }
        const keep = partialTail(buffer, delimiter);
        const safe = buffer.length - keep;
        if (sink && safe > 0) await sink.write(buffer.subarray(0, safe));
        buffer = buffer.subarray(safe);
        if (!(await more())) throw new MultipartError('cut short in a part');
      }
      await sink?.end?.();
    }
  } finally {
    // Not cancelled when it stops early: over HTTP, cancelling can drop the connection before the
    // refusal is written; @hono/node-server drains what is left of the request after answering.
    reader.releaseLock();
  }
}

/** A sink that keeps a small text field (UTF-8), refusing one longer than `maxBytes`. */
export function textSink(maxBytes: number, done: (text: string) => void): PartSink {
  const chunks: Uint8Array[] = [];
  let size = 0;
  return {
    write(chunk) {
      size += chunk.length;
      if (size > maxBytes) throw new MultipartError('a form field is too long');
      chunks.push(chunk.slice());
    },
    end() {
      const all = new Uint8Array(size);
      let at = 0;
      for (const c of chunks) {
        all.set(c, at);
        at += c.length;
      }
      done(new TextDecoder().decode(all));
    },
  };
}

/**
 * Under @hono/node-server (`c.env.incoming`, Node's request), the body read straight from Node's
 * stream, one chunk per read: the request's own Web stream (Readable.toWeb) queues every chunk the
 * socket delivers, whatever is read, so a fast client's whole body ended up in memory while the
 * file store wrote it (measured: 40 concurrent 5 MiB uploads, ~300 MB more at the peak). Null
 * elsewhere (a fetch runtime, a test calling app.fetch): the request's body is used.
 */
function nodeRequestBody(env: unknown): ReadableStream<Uint8Array> | null {
  const incoming = (env as { incoming?: unknown } | undefined)?.incoming as
    | (AsyncIterable<unknown> & { readableDidRead?: boolean })
    | undefined;
  if (!incoming || typeof incoming[Symbol.asyncIterator] !== 'function' || incoming.readableDidRead) return null;
  const chunks = incoming[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(value instanceof Uint8Array ? value : new TextEncoder().encode(String(value)));
      },
    },
    { highWaterMark: 0 },
  );
}

/** The body of a hono request as a stream read one chunk at a time (see nodeRequestBody). */
export function requestBody(c: { env: unknown; req: { raw: Request } }): ReadableStream<Uint8Array> | null {
  return nodeRequestBody(c.env) ?? c.req.raw.body;
}

/**
 * Reads and drops a body (at most `maxBytes`; errors ignored) before a refusal is answered.
 * Answering while the client is still sending makes @hono/node-server close the connection after
 * 500 ms of draining: under load the client then sees a reset (EPIPE) instead of the answer, and
 * cannot know it was told to wait (429) or that its quota is full.
 */
export async function discardBody(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<void> {
  if (!body) return;
  const reader = body.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      total += value.length;
      if (total > maxBytes) return;
    }
  } catch {
    // The client went away: nobody hears the answer anyway.
  } finally {
    reader.releaseLock();
  }
}
