// `POST /v1/evidence`: the multipart body is read as a stream, its `file` part written straight to
// the file store (hashed as it goes, its first KiB kept for the content sniff), so an upload costs a
// chunk of memory, not its size twice. The body is refused past its limit while it streams. Then the
// validators' rules, the structure check of the stored bytes, the account's quota, and the record.
import {
  type ByteSource,
  containerIssues,
  type EvidenceFileCheck,
  type Issue,
  LIMITS,
  SNIFF_BYTES,
  validateEvidenceFile,
} from '@ipr/validators';
import type { FileUpload } from './files/types.js';
import {
  discardBody,
  MultipartBodyError,
  MultipartError,
  MultipartTooLarge,
  multipartBoundary,
  type PartSink,
  readMultipart,
  requestBody,
  textSink,
} from './multipart.js';
import { problem, refused } from './problem.js';
import { json, type RouteContext } from './route.js';
import { evidenceBytes, insertEvidenceWithinQuota } from './store/evidence.js';
import { randomId } from './util.js';

/** Multipart overhead allowed on top of the 5 MiB of an evidence file. */
export const MULTIPART_BODY_LIMIT = LIMITS.maxEvidenceBytes + 64 * 1024;

/**
 * The checks that need the whole stored file (random access by offset, `source.read`), after the
 * name, size and content sniff passed: the one place for structure checks of the bytes (e.g.
 * `containerIssues` of @ipr/validators). Issues refuse the upload; nothing is kept.
 */
export function storedFileIssues(check: EvidenceFileCheck, source: ByteSource): Issue[] {
  // A PDF, zip, docx/xlsx or OLE file must have the structure its first bytes claim (HTML with
  // `%PDF-` near its start, `PK\x03\x04` and junk): `evidence.content_mismatch` with a `reason`.
  const structure = containerIssues(check.name, check.extension, check.detected ?? '', source, ['file']);
  return structure.ok ? [] : structure.issues;
}

/** The `file` part grew past the evidence limit while it streamed. */
class FileTooLarge extends Error {}

export async function uploadEvidence({ c, deps, account }: RouteContext): Promise<Response> {
  const boundary = multipartBoundary(c.req.header('content-type') ?? '');
  const body = requestBody(c);
  if (!boundary || !body) throw problem('request.invalid_json', [], { expected: 'multipart/form-data' });
  const quota = deps.limits?.evidenceQuotaBytes;
  // An account already at its quota is refused without storing anything (the body is read and
  // dropped first, so that the client hears the refusal: see discardBody).
  if (quota !== undefined && (await evidenceBytes(deps.db, account.id)) >= quota) {
    await discardBody(body, MULTIPART_BODY_LIMIT);
    throw problem('evidence.quota_exceeded', ['file'], { limit: quota });
  }

  const storageKey = randomId('f', 16);
  const head = new Uint8Array(SNIFF_BYTES);
  let headLength = 0;
  let file: { filename: string; contentType: string; size: number } | undefined;
  let declaredName: string | undefined;
  let upload: FileUpload | undefined;

  const fileSink = (): PartSink => ({
    async write(chunk) {
      const part = file!;
      if (part.size + chunk.length > LIMITS.maxEvidenceBytes) throw new FileTooLarge();
      if (headLength < SNIFF_BYTES) {
        const take = chunk.subarray(0, SNIFF_BYTES - headLength);
        head.set(take, headLength);
        headLength += take.length;
      }
      upload ??= await deps.files.begin(storageKey);
      await upload.write(chunk);
      part.size += chunk.length;
    },
  });

  try {
    await readMultipart(body, boundary, {
      maxBytes: MULTIPART_BODY_LIMIT,
      onPart(part) {
        // The first `file` part that is a file; a later one, or `file` as plain text, is not it.
        if (part.name === 'file' && part.filename !== undefined && !file) {
          file = { filename: part.filename, contentType: part.contentType ?? '', size: 0 };
          return fileSink();
        }
        if (part.name === 'name' && part.filename === undefined)
          return textSink(4 * 1024, (text) => {
            declaredName = text;
          });
        return undefined;
      },
    });
  } catch (error) {
    await upload?.abort();
    throw uploadReadProblem(error, c.req.raw.signal, file?.filename);
  }

  try {
    if (!file) throw problem('field.required', ['file']);
    const name = declaredName?.trim() ? declaredName : file.filename;
    const check = validateEvidenceFile(
      { name, size: file.size, type: file.contentType, head: head.subarray(0, headLength) },
      ['file'],
    );
    if (!check.ok) throw refused(check.issues);
    // validateEvidenceFile refuses an empty file, so the upload has begun.
    const stored = await upload!.finish();
    const structure = storedFileIssues(check.value, stored.source);
    if (structure.length) throw refused(structure);
    await upload!.commit();
    const id = randomId('ev_');
    try {
      const descriptor = await insertEvidenceWithinQuota(
        deps.db,
        {
          id,
          accountId: account.id,
          name: check.value.name,
          size: stored.size,
          extension: check.value.extension,
          kind: check.value.kind,
          sha256: stored.sha256,
          storageKey,
          at: deps.now(),
        },
        quota,
      );
      return json(descriptor, 201, { location: `/v1/evidence/${id}/content` });
    } catch (error) {
      await deps.files.delete(storageKey).catch(() => {});
      throw error;
    }
  } finally {
    await upload?.abort();
  }
}

/** What a body that could not be read is answered with (a file store error stays a server error). */
function uploadReadProblem(error: unknown, signal: AbortSignal | undefined, filename: string | undefined): unknown {
  if (error instanceof FileTooLarge)
    return problem('evidence.too_large', ['file'], { file: filename ?? 'file', limit: LIMITS.maxEvidenceBytes });
  if (error instanceof MultipartTooLarge)
    return problem('evidence.too_large', ['file'], { file: filename ?? 'file', limit: LIMITS.maxEvidenceBytes });
  if (error instanceof MultipartError) return problem('request.invalid_json', [], { expected: 'multipart/form-data' });
  if (error instanceof MultipartBodyError) {
    return signal?.aborted || isAbort(error.cause)
      ? problem('request.aborted')
      : problem('request.invalid_json', [], { expected: 'multipart/form-data' });
  }
  return error;
}

/** A cancelled upload (AbortError) or a connection closed mid-body (Node's `aborted`, a premature close). */
function isAbort(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code, message } = error as { name?: unknown; code?: unknown; message?: unknown };
  return (
    name === 'AbortError' || (code === 'ECONNRESET' && message === 'aborted') || code === 'ERR_STREAM_PREMATURE_CLOSE'
  );
}
