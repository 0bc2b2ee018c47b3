// Live status: `GET /v1/events` read as a fetch stream (so the bearer token goes in the
// Authorization header, which EventSource cannot send), parsed as Server-Sent Events, and kept
// alive: on a dropped or failed connection it reconnects with exponential back-off and jitter,
// resuming with `Last-Event-ID` so nothing is missed. Loaded on first subscribe (see client.ts).
import type { ComplaintEvent, Locale } from '@ipr/validators';
import { errorFromProblem, errorOf, type ApiError } from './errors.js';

export type LiveState = 'connecting' | 'open' | 'retrying' | 'closed';

export interface ReconnectOptions {
  /** The first reconnect delay when the server sent no `retry:` field. Default 1000 ms. */
  baseDelayMs?: number;
  /** The longest delay between attempts. Default 30 000 ms. */
  maxDelayMs?: number;
  /** A connection silent this long (no event, no heartbeat) is taken as dead and replaced. Default 45 000 ms (3 heartbeats). */
  idleTimeoutMs?: number;
}

export interface SubscribeOptions {
  signal?: AbortSignal;
  /** Replay the events after this seq first (the first request sends `?after=`). */
  after?: number;
  /** 'connecting' (first attempt), 'open' (the server's first bytes arrived), 'retrying' (waiting or reconnecting), 'closed' (for good). */
  onState?: (state: LiveState) => void;
  /** Why an attempt failed (before a retry) or why the stream closed for good (401, 403, a non-SSE answer). */
  onError?: (error: ApiError) => void;
  reconnect?: ReconnectOptions;
}

export interface SseMessage {
  /** The event type (`message` when the server named none). */
  event: string;
  data: string;
  /** The last event id seen so far on the stream (ids persist across messages). */
  id: string;
}

const LF = 10;
const CR = 13;
/** A line longer than this is not SSE from our server: the parser gives up (and the stream reconnects). */
export const MAX_SSE_LINE = 1024 * 1024;

/**
 * An incremental text/event-stream parser (the WHATWG "event stream interpretation"): lines end
 * with CRLF, LF or CR (also when a CRLF is split between chunks); `data:` lines join with LF;
 * comments (`:`) go to `onComment`; `id:` persists until changed (an id with U+0000 is ignored);
 * `retry:` takes digits only; a blank line dispatches; an unfinished event at the end is dropped.
 */
export class SseParser {
  /** The last event id buffer, committed on every dispatch. */
  lastEventId = '';
  /** Reconnection time the server asked for (`retry:`), if any. */
  retry: number | undefined;
  private idBuffer = '';
  private data = '';
  private hasData = false;
  private event = '';
  private pending = '';
  private skipLF = false;
  private started = false;

  constructor(
    private readonly onMessage: (message: SseMessage) => void,
    private readonly onComment?: (text: string) => void,
  ) {}

  push(chunk: string): void {
    let text = chunk;
    if (!this.started && text.length) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (this.skipLF && text.length) {
      this.skipLF = false;
      if (text.charCodeAt(0) === LF) text = text.slice(1);
    }
    const scanFrom = this.pending.length;
    const buf = this.pending + text;
    let start = 0;
    for (let i = scanFrom; i < buf.length; i++) {
      const c = buf.charCodeAt(i);
      if (c !== LF && c !== CR) continue;
      this.line(buf.slice(start, i));
      if (c === CR) {
        if (i + 1 === buf.length) this.skipLF = true;
        else if (buf.charCodeAt(i + 1) === LF) i++;
      }
      start = i + 1;
    }
    this.pending = start === 0 ? buf : buf.slice(start);
    if (this.pending.length > MAX_SSE_LINE) {
      this.pending = '';
      throw new Error('event stream line too long');
    }
  }

  /** The stream ended: an event without its blank line is discarded (as the standard says). */
  end(): void {
    this.pending = '';
    this.data = '';
    this.hasData = false;
    this.event = '';
    this.skipLF = false;
  }

  private line(line: string): void {
    if (line === '') {
      this.dispatch();
      return;
    }
    if (line.charCodeAt(0) === 58 /* : */) {
      this.onComment?.(line.slice(1).replace(/^ /, ''));
      return;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    switch (field) {
      case 'event':
        this.event = value;
        break;
      case 'data':
        this.data += this.hasData ? '\n' + value : value;
        this.hasData = true;
        if (this.data.length > MAX_SSE_LINE) {
          this.data = '';
          this.hasData = false;
          throw new Error('event stream message too long');
        }
        break;
      case 'id':
        if (!value.includes('\0')) this.idBuffer = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
      default:
      // unknown fields are ignored
    }
  }

  private dispatch(): void {
    this.lastEventId = this.idBuffer;
    if (!this.hasData) {
      this.event = '';
      return;
    }
    const message: SseMessage = { event: this.event || 'message', data: this.data, id: this.lastEventId };
    this.data = '';
    this.hasData = false;
    this.event = '';
    this.onMessage(message);
  }
}

/** What the client gives the stream: where, how to fetch, and the headers of each attempt. */
export interface StreamConfig {
  /** The absolute URL of `/v1/events`. */
  url: string;
  fetch: (request: Request) => Promise<Response>;
  /** The bearer token of one attempt; throwing means no token: closed. */
  token: () => Promise<string | undefined>;
  /** A 401 may be answered once with a fresh token (the client has getToken). */
  refreshable: boolean;
  locale: Locale;
}

const MIN_SERVER_RETRY_MS = 100;
const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);

function isEvent(value: unknown): value is ComplaintEvent {
  const v = value as ComplaintEvent;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.id === 'string' &&
    typeof v.status === 'string' &&
    Number.isSafeInteger(v.seq)
  );
}

function report(fn: (() => void) | undefined): void {
  try {
    fn?.();
  } catch (error) {
    // A throwing listener must not end the stream; surface it as the platform does for event listeners.
    const g = globalThis as { reportError?: (e: unknown) => void };
    if (typeof g.reportError === 'function') g.reportError(error);
    else console.error(error);
  }
}

/** Seconds (or an HTTP date) of a Retry-After header, in ms. */
function retryAfterMs(response: Response): number {
  const value = response.headers.get('retry-after');
  if (!value) return 0;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? 0 : Math.max(0, at - Date.now());
}

/**
 * Follows `GET /v1/events` until unsubscribed or aborted, or until the server refuses for good.
 * Returns the unsubscribe function. Each event is delivered once, in seq order.
 */
export function subscribeEvents(
  config: StreamConfig,
  onEvent: (event: ComplaintEvent) => void,
  options: SubscribeOptions = {},
): () => void {
  const master = new AbortController();
  const maxDelay = Math.max(0, options.reconnect?.maxDelayMs ?? 30_000);
  const idleTimeout = options.reconnect?.idleTimeoutMs ?? 45_000;
  let baseDelay = Math.max(1, options.reconnect?.baseDelayMs ?? 1000);
  let state: LiveState | undefined;
  let closed = false;

  const setState = (next: LiveState) => {
    if (state === next || (closed && next !== 'closed')) return;
    state = next;
    report(options.onState && (() => options.onState!(next)));
  };
  const fail = (error: ApiError) => report(options.onError && (() => options.onError!(error)));
  const finish = (error?: ApiError) => {
    if (closed) return;
    closed = true;
    master.abort();
    options.signal?.removeEventListener('abort', onAbort);
    if (error) fail(error);
    setState('closed');
  };
  const onAbort = () => finish();

  const after = options.after;
  let lastId = typeof after === 'number' && Number.isSafeInteger(after) && after >= 0 ? String(after) : '';
  let lastSeq = lastId ? Number(lastId) : 0;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (master.signal.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        master.signal.removeEventListener('abort', done);
        resolve();
      }
      master.signal.addEventListener('abort', done, { once: true });
    });

  /** One connection: resolves 'healthy' / 'failed' (retry) or 'done' (closed for good). */
  async function connect(
    first: boolean,
    refreshed: boolean,
  ): Promise<{ outcome: 'healthy' | 'failed' | 'unauthorized' | 'done'; wait?: number }> {
    const headers: Record<string, string> = { Accept: 'text/event-stream', 'Accept-Language': config.locale };
    try {
      const token = await config.token();
      if (token) headers.Authorization = `Bearer ${token}`;
    } catch {
      finish(errorOf('auth.unauthorized', 0, config.locale));
      return { outcome: 'done' };
    }
    const url = new URL(config.url);
    if (first && lastId) url.searchParams.set('after', lastId);
    else if (lastId) headers['Last-Event-ID'] = lastId;
    const attempt = new AbortController();
    const stopAttempt = () => attempt.abort();
    master.signal.addEventListener('abort', stopAttempt, { once: true });
    let idle: ReturnType<typeof setTimeout> | undefined;
    const touch = () => {
      clearTimeout(idle);
      if (idleTimeout > 0) idle = setTimeout(stopAttempt, idleTimeout);
    };
    try {
      touch();
      let response: Response;
      try {
        response = await config.fetch(new Request(url, { headers, signal: attempt.signal }));
      } catch {
        if (closed) return { outcome: 'done' };
        fail(errorOf('network.error', 0, config.locale));
        return { outcome: 'failed' };
      }
      if (closed) {
        await response.body?.cancel().catch(() => undefined);
        return { outcome: 'done' };
      }
      if (!response.ok) {
        const body = await response.json().catch(() => undefined);
        const error = errorFromProblem(body, response.status, config.locale);
        if (response.status === 401) {
          if (config.refreshable && !refreshed) return { outcome: 'unauthorized' };
          finish(error);
          return { outcome: 'done' };
        }
        if (RETRYABLE_STATUS.has(response.status)) {
          fail(error);
          return { outcome: 'failed', wait: retryAfterMs(response) };
        }
        finish(error);
        return { outcome: 'done' };
      }
      const type = response.headers.get('content-type') ?? '';
      if (!response.body || !/^text\/event-stream\b/i.test(type)) {
        // Not an event stream (a proxy's page?): reconnecting would get the same. As EventSource does: stop.
        await response.body?.cancel().catch(() => undefined);
        finish(errorOf('server.error', response.status, config.locale));
        return { outcome: 'done' };
      }
      // 'open' once the server speaks (our server's first bytes come after it fixed where the stream starts).
      let opened = 0;
      let delivered = false;
      const parser = new SseParser((message) => {
        if (closed || message.event !== 'complaint') return;
        let event: unknown;
        try {
          event = JSON.parse(message.data);
        } catch {
          return;
        }
        if (!isEvent(event) || event.seq <= lastSeq) return;
        lastSeq = event.seq;
        delivered = true;
        report(() => onEvent(event as ComplaintEvent));
      });
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          touch();
          if (!opened) {
            opened = Date.now();
            setState('open');
          }
          parser.push(decoder.decode(value, { stream: true }));
          // The id committed by the last blank line, also one without data (a server may mark its start so).
          if (parser.lastEventId) lastId = parser.lastEventId;
          // The server's reconnection time, floored so `retry: 0` cannot make a hot reconnect loop.
          if (parser.retry !== undefined) baseDelay = Math.max(MIN_SERVER_RETRY_MS, parser.retry);
          if (closed) break;
        }
        parser.push(decoder.decode());
      } catch {
        // dropped connection, idle timeout, abort, or a line too long: reconnect (unless closed)
      } finally {
        parser.end();
        reader.cancel().catch(() => undefined);
      }
      if (closed) return { outcome: 'done' };
      // A connection that carried events or stayed up a while resets the back-off.
      return {
        outcome: delivered || (opened && Date.now() - opened >= Math.max(baseDelay, 1000)) ? 'healthy' : 'failed',
      };
    } finally {
      clearTimeout(idle);
      master.signal.removeEventListener('abort', stopAttempt);
    }
  }

  async function run() {
    setState('connecting');
    let failures = 0;
    let first = true;
    let refreshed = false;
    while (!closed) {
      const { outcome, wait = 0 } = await connect(first, refreshed);
      if (outcome === 'done' || closed) return;
      first = false;
      if (outcome === 'unauthorized') {
        refreshed = true;
        continue;
      }
      refreshed = false;
      if (outcome === 'healthy') failures = 0;
      setState('retrying');
      const ceiling = Math.min(maxDelay, baseDelay * 2 ** Math.min(failures, 30));
      failures++;
      // "Equal jitter": half the delay fixed, half random, so many clients do not reconnect in step.
      await sleep(Math.max(wait, ceiling / 2 + Math.random() * (ceiling / 2)));
    }
  }

  if (options.signal?.aborted) {
    finish();
  } else {
    options.signal?.addEventListener('abort', onAbort, { once: true });
    run().catch(() => finish(errorOf('network.error', 0, config.locale)));
  }
  return () => finish();
}
