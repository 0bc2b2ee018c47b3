// Multipart upload with progress and cancel. Browsers use XMLHttpRequest (its upload.onprogress
// is the only way to see bytes leave over HTTP/1.1); Node streams the body through fetch
// (`duplex: 'half'`), counting bytes as the transport pulls them.
export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface SendOptions {
  url: string;
  form: FormData;
  headers: Record<string, string>;
  signal?: AbortSignal;
  onProgress?: (p: UploadProgress) => void;
  /** The fetch to use when XMLHttpRequest is not (Node, or a host-supplied fetch). */
  fetch: (input: Request) => Promise<Response>;
  /** Use XMLHttpRequest (browsers with the global network stack). */
  xhr: boolean;
}

const abortError = () => new DOMException('The upload was cancelled.', 'AbortError');
const CHUNK = 64 * 1024;

export function sendMultipart(o: SendOptions): Promise<Response> {
  return o.xhr ? sendWithXhr(o) : sendWithFetch(o);
}

function sendWithXhr(o: SendOptions): Promise<Response> {
  return new Promise((resolve, reject) => {
    if (o.signal?.aborted) return reject(abortError());
    const xhr = new XMLHttpRequest();
    xhr.open('POST', o.url);
    for (const [k, v] of Object.entries(o.headers)) xhr.setRequestHeader(k, v);
    xhr.responseType = 'blob';
    const onAbort = () => xhr.abort();
    o.signal?.addEventListener('abort', onAbort, { once: true });
    const cleanup = () => o.signal?.removeEventListener('abort', onAbort);
    xhr.upload.onprogress = (e) => o.onProgress?.({ loaded: e.loaded, total: e.lengthComputable ? e.total : 0 });
    xhr.onload = () => {
      cleanup();
      const headers = new Headers();
      for (const line of xhr
        .getAllResponseHeaders()
        .trim()
        .split(/[\r\n]+/)) {
        const at = line.indexOf(':');
        if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
      }
      const body = xhr.status === 204 || xhr.status === 304 ? null : xhr.response;
      resolve(new Response(body, { status: xhr.status, statusText: xhr.statusText, headers }));
    };
    xhr.onerror = () => {
      cleanup();
      reject(new TypeError('network error'));
    };
    xhr.ontimeout = xhr.onerror;
    xhr.onabort = () => {
      cleanup();
      reject(abortError());
    };
    xhr.send(o.form);
  });
}

async function sendWithFetch(o: SendOptions): Promise<Response> {
  // Serialise the form once to learn the boundary and the exact length, then stream it.
  const encoded = new Response(o.form);
  const contentType = encoded.headers.get('content-type') ?? 'multipart/form-data';
  const blob = await encoded.blob();
  const total = blob.size;
  let loaded = 0;
  o.onProgress?.({ loaded: 0, total });
  if (typeof document !== 'undefined') {
    // A page with a host-supplied fetch: browsers stream request bodies only over HTTP/2, so
    // send the body whole and report progress when it is done.
    const response = await o.fetch(
      new Request(o.url, {
        method: 'POST',
        headers: { ...o.headers, 'Content-Type': contentType },
        body: blob,
        signal: o.signal,
      }),
    );
    o.onProgress?.({ loaded: total, total });
    return response;
  }
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let offset = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (o.signal?.aborted) return controller.error(abortError());
      if (offset >= bytes.length) return controller.close();
      const chunk = bytes.subarray(offset, Math.min(offset + CHUNK, bytes.length));
      offset += chunk.length;
      controller.enqueue(chunk);
      loaded += chunk.length;
      o.onProgress?.({ loaded, total });
    },
  });
  const request = new Request(o.url, {
    method: 'POST',
    headers: { ...o.headers, 'Content-Type': contentType },
    body,
    signal: o.signal,
    // Required by fetch for a streamed request body.
    duplex: 'half',
  } as RequestInit & { duplex: 'half' });
  return o.fetch(request);
}
