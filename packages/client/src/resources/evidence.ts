// `client.evidence`: the caller's files, uploads (checked by content first, with progress, and
// sent again while the server says too many are in flight) and downloads.
import { issue } from '@ipr/validators';
import { type Caller, checks, pause } from '../call.js';
import { errorFromProblem, type ApiResult } from '../errors.js';
import type { paths } from '../generated/api.js';
import type { IprClient, UploadOptions } from '../types.js';

/** How many times an upload answered 429 (too many in flight) is sent again. */
const UPLOAD_RETRIES_ON_429 = 8;

/** The success answer of `POST /v1/evidence` (sent by hand, for upload progress). */
type UploadAnswer = paths['/v1/evidence']['post']['responses'][201]['content']['application/json'];

export function evidenceResource(caller: Caller): IprClient['evidence'] {
  const { api, call, refused, aborted, locale } = caller;

  async function upload(file: Blob | File, opts: UploadOptions = {}): Promise<ApiResult<UploadAnswer>> {
    if (opts.signal?.aborted) return aborted();
    if (!(file instanceof Blob)) return refused([issue('field.invalid_type', ['file'])]);
    const { SNIFF_BYTES, safeDisplayName, validateEvidenceFile, sendMultipart } = await checks();
    const given = opts.name ?? ('name' in file ? file.name : undefined) ?? '';
    const name = safeDisplayName(given);
    const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
    const checked = validateEvidenceFile({ name: given, size: file.size, type: file.type, head });
    if (!checked.ok) return refused(checked.issues);
    const url = `${caller.origin}/v1/evidence`;
    const xhr = !caller.customFetch && typeof XMLHttpRequest !== 'undefined';
    const send = async () => {
      const form = new FormData();
      form.append('file', file, name);
      const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': locale };
      const t = await caller.token();
      if (t) headers.Authorization = `Bearer ${t}`;
      return sendMultipart({
        url,
        form,
        headers,
        signal: opts.signal,
        onProgress: opts.onProgress,
        fetch: caller.baseFetch,
        xhr,
      });
    };
    try {
      let response = await send();
      // A token that expired while the user picked the file: one more try with a fresh one.
      if (response.status === 401 && caller.refreshable) response = await send();
      // Too many uploads at once for this account (the server allows a few in flight): wait as
      // long as it says (Retry-After, at most 10 s) and send again, a few times, so picking many
      // files at once uploads them all.
      for (let waited = 0; response.status === 429 && waited < UPLOAD_RETRIES_ON_429; waited++) {
        const seconds = Number(response.headers.get('retry-after'));
        await pause(Math.min(10_000, Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 1000), opts.signal);
        if (opts.signal?.aborted) return aborted(response);
        response = await send();
      }
      // Cancelled while the answer was on its way (or the server saw the body break off).
      if (opts.signal?.aborted) return aborted(response);
      const text = await response.text();
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = undefined;
      }
      // The server's 201 body, typed as the contract types it (openapi-fetch trusts JSON the same way).
      if (response.ok) return { data: body as UploadAnswer, response };
      return { error: errorFromProblem(body, response.status, locale), response };
    } catch (error) {
      return { error: caller.thrownError(error, opts.signal) };
    }
  }

  return {
    list: (opts = {}) => call(() => api.GET('/v1/evidence', { signal: opts.signal }), opts.signal),
    upload,
    download: (id, opts = {}) =>
      call(
        () => api.GET('/v1/evidence/{id}/content', { params: { path: { id } }, parseAs: 'blob', signal: opts.signal }),
        opts.signal,
      ),
  };
}
