// Spreadsheet import, the Excel path of the help page: check the file before reading it,
// parse it off the main thread (a module Web Worker in browsers), classify every row with the
// validators' rules, then resolve the valid links against the API in one batch call.
import { SNIFF_BYTES, issue, sniffFileType, validateSheetFile, type Issue } from '@ipr/validators';
import type { ApiResult, CallOptions } from '../errors.js';
import { parseSheet, preloadParser, type ParseRequest } from './parse.js';
import { writeXlsx, type SheetWriteRequest } from './write.js';
import type { ImportProgress, ImportResult, ImportRow, ImportSummary, ParseOutcome } from './types.js';

export type { ImportProgress, ImportResult, ImportRow, ImportRowStatus, ImportSummary } from './types.js';
export { parseSheet } from './parse.js';

/** The one call of the client importLinks needs (any object with it fits). */
export interface LinkResolver {
  products: {
    resolveLinks(
      links: string[],
      opts?: CallOptions,
    ): Promise<ApiResult<{ items: import('@ipr/validators').ResolvedLink[] }>>;
  };
}

export interface ImportOptions {
  client?: LinkResolver;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  /** false: parse on this thread even where Workers exist. Default: a Worker when available. */
  worker?: boolean;
  /** Where the worker script is (a CDN bundle passes its own). Default: ./sheet.worker.js beside this module. */
  workerUrl?: string | URL;
  /** The file name, for a Blob that has none. */
  name?: string;
  /** Give up on a parse that takes longer (ms). Default 30 000. */
  timeoutMs?: number;
}

const aborted = (): ImportResult => ({ ok: false, issues: [issue('request.aborted')] });

export async function importLinks(file: Blob | File, options: ImportOptions = {}): Promise<ImportResult> {
  const { signal, onProgress } = options;
  if (signal?.aborted) return aborted();
  if (!(file instanceof Blob)) return { ok: false, issues: [issue('sheet.type_not_allowed', [], { file: 'file' })] };
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  const name = nameOf(file, options.name, head);
  // Refused before a byte more is read: type, size, and content that does not match the name.
  const checked = validateSheetFile({ name, size: file.size, type: file.type, head });
  if (!checked.ok) return { ok: false, issues: checked.issues };
  const format = checked.value.format;

  onProgress?.({ phase: 'read', done: 0, total: file.size });
  let buffer: ArrayBuffer;
  try {
    buffer = await file.arrayBuffer();
  } catch {
    return { ok: false, issues: [issue('sheet.corrupt', [], { file: checked.value.name })] };
  }
  if (signal?.aborted) return aborted();
  onProgress?.({ phase: 'read', done: file.size, total: file.size });

  onProgress?.({ phase: 'parse', done: 0, total: 1 });
  const request: ParseRequest = { buffer, format, name: checked.value.name };
  const useWorker = options.worker !== false && typeof Worker !== 'undefined';
  const outcome = useWorker
    ? await parseInWorker(request, options, () => file.arrayBuffer())
    : await parseHere(request, signal);
  if (signal?.aborted) return aborted();
  if (!outcome.ok) return { ok: false, issues: outcome.issues };
  onProgress?.({ phase: 'parse', done: 1, total: 1 });
  onProgress?.({ phase: 'validate', done: outcome.rows.length, total: outcome.rows.length });

  const rows = outcome.rows;
  let resolveError: import('../errors.js').ApiError | undefined;
  if (options.client) {
    const ok = rows.filter((r) => r.status === 'ok');
    if (ok.length > 0) {
      onProgress?.({ phase: 'resolve', done: 0, total: ok.length });
      const answer = await options.client.products.resolveLinks(
        ok.map((r) => r.url!),
        { signal },
      );
      if (signal?.aborted) return aborted();
      if (answer.error) resolveError = answer.error;
      else applyResolved(ok, answer.data.items);
      onProgress?.({ phase: 'resolve', done: ok.length, total: ok.length });
    }
  }
  const result: ImportResult = { ok: true, ...split(rows, outcome.unreadRows), column: outcome.column };
  if (resolveError) result.resolveError = resolveError;
  return result;
}

function nameOf(file: Blob, given: string | undefined, head: Uint8Array): string {
  const own = given ?? (typeof (file as File).name === 'string' ? (file as File).name : '');
  if (own) return own;
  // A bare Blob: name it by its content so the rules can judge it.
  const detected = sniffFileType(head);
  return detected === 'zip'
    ? 'sheet.xlsx'
    : detected === 'ole'
      ? 'sheet.xls'
      : detected === 'text'
        ? 'sheet.csv'
        : 'sheet';
}

function applyResolved(ok: ImportRow[], items: import('@ipr/validators').ResolvedLink[]) {
  ok.forEach((row, i) => {
    const found = items.find((it) => it.index === i) ?? items[i];
    if (!found) return;
    if (found.status === 'found' && found.product) {
      row.product = found.product;
      if (found.openComplaint) row.openComplaint = found.openComplaint;
    } else if (found.status === 'not_found') {
      row.status = 'not_found';
      row.issue = issue('links.not_found', [row.row], { row: row.row });
    }
  });
}

function split(
  rows: ImportRow[],
  unreadRows: number,
): Pick<Extract<ImportResult, { ok: true }>, 'rows' | 'valid' | 'invalid' | 'summary'> {
  const valid = rows.filter((r) => r.status === 'ok');
  const invalid = rows.filter((r) => r.status !== 'ok');
  const byStatus: Record<string, number> = {};
  for (const r of rows) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  const summary: ImportSummary = {
    total: rows.length,
    valid: valid.length,
    invalid: invalid.length,
    byStatus,
    unreadRows,
  };
  return { rows, valid, invalid, summary };
}

async function parseHere(request: ParseRequest, signal?: AbortSignal): Promise<ParseOutcome> {
  // SheetJS runs synchronously here; yield once so an abort that is already queued wins.
  await new Promise((r) => setTimeout(r, 0));
  if (signal?.aborted) return { ok: false, issues: [issue('request.aborted')] };
  try {
    return await parseSheet(request);
  } catch {
    return { ok: false, issues: [issue('sheet.corrupt', [], { file: request.name })] };
  }
}

let nextId = 1;

// One parser worker is kept warm for a while after an import, so the next one does not pay
// for starting it and compiling SheetJS again. A busy, aborted or timed-out worker is not reused.
const IDLE_MS = 20_000;
interface Warm {
  worker: Worker;
  url: string;
  busy: boolean;
  idle?: ReturnType<typeof setTimeout>;
  ready?: Promise<void>;
  warming?: boolean;
}
let warm: Warm | undefined;

function defaultWorkerUrl(): URL {
  return new URL('./sheet.worker.js', import.meta.url);
}

function takeWorker(url: string | URL | undefined): Warm {
  const key = String(url ?? defaultWorkerUrl());
  if (warm && !warm.busy && warm.url === key) {
    clearTimeout(warm.idle);
    warm.busy = true;
    return warm;
  }
  const worker = url
    ? new Worker(url, { type: 'module' })
    : new Worker(new URL('./sheet.worker.js', import.meta.url), { type: 'module' });
  const made: Warm = { worker, url: key, busy: true };
  if (!warm?.busy) {
    if (warm) {
      clearTimeout(warm.idle);
      warm.worker.terminate();
    }
    warm = made;
  }
  return made;
}

function releaseWorker(w: Warm, healthy: boolean) {
  w.worker.onmessage = null;
  w.worker.onerror = null;
  if (healthy && warm === w) {
    w.busy = false;
    w.idle = setTimeout(() => {
      if (warm === w && !w.busy) {
        w.worker.terminate();
        warm = undefined;
      }
    }, IDLE_MS);
    return;
  }
  w.worker.terminate();
  if (warm === w) warm = undefined;
}

type WorkerOptions = { workerUrl?: string | URL; timeoutMs?: number };

/** A file or report asked for while the worker is still warming up waits for it rather than starting another. */
function untilWarmed(url: string | URL | undefined): Promise<void> | undefined {
  return warm?.warming && warm.url === String(url ?? defaultWorkerUrl()) ? warm.ready : undefined;
}

type WorkerAnswer<T> =
  | { answer: T }
  | { failed: 'timeout' }
  | { failed: 'aborted' }
  | { failed: 'error'; event: ErrorEvent };

/**
 * Posts one message to a taken worker and settles on the answer with its id, an error, the
 * timeout or an abort; then releases the worker (kept warm only after an answer).
 */
function askWorker<T>(
  w: Warm,
  message: { id: number } & Record<string, unknown>,
  timeoutMs: number,
  transfer: Transferable[] = [],
  signal?: AbortSignal,
): Promise<WorkerAnswer<T>> {
  return new Promise((resolve) => {
    const finish = (result: WorkerAnswer<T>) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      releaseWorker(w, 'answer' in result);
      resolve(result);
    };
    const onAbort = () => finish({ failed: 'aborted' });
    const timer = setTimeout(() => finish({ failed: 'timeout' }), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    w.worker.onmessage = (e: MessageEvent<{ id: number } & T>) => {
      if (e.data?.id === message.id) finish({ answer: e.data });
    };
    w.worker.onerror = (e) => {
      e.preventDefault?.();
      finish({ failed: 'error', event: e });
    };
    w.worker.postMessage(message, transfer);
  });
}

/**
 * Starts the parser worker and has it compile SheetJS now, so the first import does not pay for
 * it: call when an import control appears or is about to be used. Resolves when the worker is
 * ready (or at once where there are no Workers); the worker is kept like one after an import.
 */
export function warmImportWorker(options: WorkerOptions = {}): Promise<void> {
  if (typeof Worker === 'undefined') return preloadParserHere();
  const key = String(options.workerUrl ?? defaultWorkerUrl());
  if (warm && warm.url === key) return warm.ready ?? Promise.resolve();
  let w: Warm;
  try {
    w = takeWorker(options.workerUrl);
  } catch {
    return preloadParserHere();
  }
  w.warming = true;
  w.ready = askWorker(w, { id: nextId++, warm: true }, options.timeoutMs ?? 30_000).then(() => {
    w.warming = false;
  });
  return w.ready;
}

/**
 * Writes an .xlsx in the sheet worker (SheetJS on a 50,000-row report blocks a page for over a
 * second), or here where no Worker can start. The worker is the import's, kept warm the same way.
 */
export async function writeXlsxOffThread(
  request: SheetWriteRequest,
  options: WorkerOptions = {},
): Promise<ArrayBuffer> {
  if (typeof Worker === 'undefined') return writeXlsx(request);
  await untilWarmed(options.workerUrl);
  let w: Warm;
  try {
    w = takeWorker(options.workerUrl);
  } catch {
    return writeXlsx(request);
  }
  const result = await askWorker<{ bytes?: ArrayBuffer }>(
    w,
    { id: nextId++, write: request },
    options.timeoutMs ?? 60_000,
  );
  // The worker could not do it (script blocked by a CSP, out of memory): write here instead.
  return ('answer' in result ? result.answer.bytes : undefined) ?? writeXlsx(request);
}

function preloadParserHere(): Promise<void> {
  return preloadParser().catch(() => {});
}

async function parseInWorker(
  request: ParseRequest,
  options: ImportOptions,
  reread: () => Promise<ArrayBuffer>,
): Promise<ParseOutcome> {
  await untilWarmed(options.workerUrl);
  const { signal } = options;
  let w: Warm;
  try {
    w = takeWorker(options.workerUrl);
  } catch {
    // No worker possible (e.g. a CSP without worker-src): parse here instead.
    return parseHere(request, signal);
  }
  const corrupt: Issue[] = [issue('sheet.corrupt', [], { file: request.name })];
  const result = await askWorker<{ outcome: ParseOutcome }>(
    w,
    { id: nextId++, request },
    options.timeoutMs ?? 30_000,
    [request.buffer],
    signal,
  );
  if ('answer' in result) return result.answer.outcome;
  if (result.failed === 'aborted') return { ok: false, issues: [issue('request.aborted')] };
  // A workbook that makes the parser spin ends here, not in a hang.
  if (result.failed === 'timeout') return { ok: false, issues: corrupt };
  // The worker script could not load (wrong URL, CSP): parse here rather than fail.
  console.warn(
    '[@ipr/client] the import worker failed to start; parsing on the main thread',
    result.event.message ?? '',
  );
  return reread().then(
    (buffer) => parseHere({ ...request, buffer }, signal),
    () => ({ ok: false, issues: corrupt }),
  );
}
