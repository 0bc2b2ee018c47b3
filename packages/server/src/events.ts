// Live status: `GET /v1/events` as Server-Sent Events. Every complaint_history record is an event
// (its `seq` is the event id), so a reconnect with Last-Event-ID misses nothing. Streams wake on the
// in-process bus: a create/action in this process, or (on PostgreSQL) another process's, heard
// through LISTEN/NOTIFY by events-pg.ts; they re-check every few seconds as the fallback. Browser-safe: no `node:` imports (Storybook runs the app in a page).
import type { Action, ComplaintEvent, Status } from '@ipr/validators';
import type { Db, Queryable } from './db/types.js';
import type { AccountRecord } from './store/index.js';
import { visibleSql } from './store/index.js';
import { iso } from './util.js';

/** Open event streams one account may hold in one process; the next is 429 `request.rate_limited`. */
export const MAX_STREAMS_PER_ACCOUNT = 5;
/** The Retry-After (seconds) of a stream refused for that reason. */
export const STREAM_RETRY_AFTER_S = 10;

/** Wakes the event streams of this process. */
export interface EventBus {
  notify(): void;
  /**
   * `onShutdown` runs when the bus shuts down (the server is closing): the stream ends itself.
   * `owner` (an account id) is counted by `countOf` while subscribed.
   */
  subscribe(listener: () => void, onShutdown?: () => void, owner?: string): () => void;
  /** Ends every stream of this bus (a closing server would otherwise wait for them forever). */
  shutdown(): void;
  /** Open subscriptions (tests and operators check that closed streams leave none behind). */
  readonly size: number;
  /** Open subscriptions of one owner (the per-account cap of event streams). */
  countOf(owner: string): number;
}

export function createEventBus(): EventBus {
  const listeners = new Map<() => void, { onShutdown: (() => void) | undefined; owner: string | undefined }>();
  const owners = new Map<string, number>();
  let down = false;
  const each = (pick: (listener: () => void, onShutdown: (() => void) | undefined) => (() => void) | undefined) => {
    for (const [listener, { onShutdown }] of [...listeners]) {
      try {
        pick(listener, onShutdown)?.();
      } catch {
        /* one stream's trouble is not the others' */
      }
    }
  };
  return {
    notify() {
      each((listener) => listener);
    },
    subscribe(listener, onShutdown, owner) {
      // A stream opened while the server is closing ends at once (a reconnecting client would
      // otherwise keep the closing server's connection busy for ever).
      if (down) {
        queueMicrotask(() => onShutdown?.());
        return () => {};
      }
      listeners.set(listener, { onShutdown, owner });
      if (owner !== undefined) owners.set(owner, (owners.get(owner) ?? 0) + 1);
      return () => {
        if (!listeners.delete(listener) || owner === undefined) return;
        const left = (owners.get(owner) ?? 1) - 1;
        if (left > 0) owners.set(owner, left);
        else owners.delete(owner);
      };
    },
    shutdown() {
      down = true;
      each((_, onShutdown) => onShutdown);
    },
    get size() {
      return listeners.size;
    },
    countOf(owner) {
      return owners.get(owner) ?? 0;
    },
  };
}

export interface EventStreamOptions {
  db: Queryable;
  viewer: AccountRecord;
  bus: EventBus;
  /** Replay events after this seq; null: only events from now on. */
  after: number | null;
  /** Aborted when the client goes away. */
  signal?: AbortSignal;
  /** Re-check interval (other processes). Default 5 000 ms. */
  pollMs?: number;
  /** Comment heartbeat interval (keeps proxies from closing an idle stream). Default 15 000 ms. */
  heartbeatMs?: number;
  /** Called once when the stream ends (any reason). */
  onClose?: () => void;
  /**
   * The seq up to which every history record is committed or never will be (`settledSeqReader`):
   * a stream sends nothing past it. Needed where transactions commit concurrently (PostgreSQL);
   * without it, everything visible (PGlite commits one transaction at a time).
   */
  settled?: () => Promise<number>;
}

const BATCH = 500;

interface EventRow {
  seq: string | number;
  action: string;
  to_status: Status;
  at: Date | string;
  id: string;
  number: string;
}

/** The events after `after` that the viewer may see, oldest first. */
async function eventsAfter(
  db: Queryable,
  viewer: AccountRecord,
  after: number,
  upTo: number | null,
  limit = BATCH,
): Promise<ComplaintEvent[]> {
  // A supplier sees the forwarded complaints listing its products (as in the list), from their forward
  // on: what came before was not its business yet, and a stream already past those seqs could not send
  // them anyway, so a replay and a live stream say the same. Not another supplier's answer (as in the
  // history) unless that answer moved the complaint's status.
  const hideOthers =
    viewer.role === 'supplier'
      ? ` and h.seq >= (select min(f.seq) from complaint_history f where f.complaint_id = c.id and f.action = 'forward_to_supplier')
          and not (h.actor_role = 'supplier' and h.actor_id <> $1 and h.from_status is not distinct from h.to_status)`
      : '';
  const { rows } = await db.query<EventRow>(
    `select h.seq, h.action, h.to_status, h.at, c.id, c.number
       from complaint_history h join complaints c on c.id = h.complaint_id
      where h.seq > $2 and h.seq <= coalesce($4::bigint, h.seq) and ${visibleSql(viewer, 1)}${hideOthers}
      order by h.seq limit $3`,
    [viewer.id, after, limit, upTo],
  );
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    status: r.to_status,
    action: r.action as Action | 'create',
    updatedAt: iso(r.at)!,
    seq: Number(r.seq),
  }));
}

async function latestSeq(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ seq: string | number | null }>('select max(seq) as seq from complaint_history');
  return Number(rows[0]?.seq ?? 0);
}

/**
 * The settled seq on PostgreSQL, where creates and actions commit concurrently: a writer holds the
 * history lock in shared mode from its history insert to its commit (store/history.ts), so taking
 * it exclusively waits until every seq drawn so far is committed or rolled back (writers arriving
 * meanwhile queue behind it, and draw higher seqs); the max read after that is safe to stream up
 * to. One reading at a time per process, shared by every stream that asks while none is queued: a
 * caller always gets a reading taken after its call. Writers never wait for one another, so their
 * commits group (the exclusive lock held to each commit capped creates at one commit at a time).
 */
export function settledSeqReader(db: Db): () => Promise<number> {
  let running: Promise<number> | null = null;
  let queued: Promise<number> | null = null;
  const read = () =>
    db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock(7305004)');
      return latestSeq(tx);
    });
  const start = (): Promise<number> => {
    running = read().finally(() => {
      running = null;
    });
    return running;
  };
  return () => {
    if (!running) return start();
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return start();
      });
    return queued;
  };
}

/** `Last-Event-ID` (preferred: the browser's own reconnect) or `?after=`; null when neither. */
export function resumeFrom(lastEventId: string | undefined | null, after: unknown): number | null {
  if (lastEventId && /^\d{1,15}$/.test(lastEventId.trim())) return Number(lastEventId.trim());
  if (typeof after === 'number' && Number.isSafeInteger(after) && after >= 0) return after;
  return null;
}

const encoder = new TextEncoder();

function formatEvent(e: ComplaintEvent): string {
  return `id: ${e.seq}\nevent: complaint\ndata: ${JSON.stringify(e)}\n\n`;
}

/**
 * The SSE body. Ends cleanly (timers cleared, bus unsubscribed, body closed) when the client
 * aborts (request signal) or cancels the body, or when the database fails.
 */
export function eventStream(options: EventStreamOptions): ReadableStream<Uint8Array> {
  const { db, viewer, bus } = options;
  const pollMs = options.pollMs ?? 5_000;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  let closed = false;
  let wake: (() => void) | null = null;
  let pending = false;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let poll: ReturnType<typeof setTimeout> | undefined;
  let unsubscribe: (() => void) | undefined;
  let controller!: ReadableStreamDefaultController<Uint8Array>;

  const signal = () => {
    pending = true;
    const w = wake;
    wake = null;
    w?.();
  };
  const write = (text: string) => {
    if (closed) return;
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      close();
    }
  };
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    clearTimeout(poll);
    unsubscribe?.();
    options.signal?.removeEventListener('abort', close);
    signal();
    try {
      controller.close();
    } catch {
      /* already closed or errored */
    }
    options.onClose?.();
  };
  const sleep = () =>
    new Promise<void>((resolve) => {
      if (closed || pending) return resolve();
      wake = resolve;
      poll = setTimeout(signal, pollMs);
    });

  async function run() {
    const settled = options.settled;
    let after = options.after ?? (settled ? await settled() : await latestSeq(db));
    // The id is where this stream starts: a client cut off before any event resumes from it
    // (Last-Event-ID) instead of from whatever is newest when it reconnects.
    write(`retry: 3000\nid: ${after}\n: connected\n\n`);
    while (!closed) {
      pending = false;
      clearTimeout(poll);
      const events = await eventsAfter(db, viewer, after, settled ? await settled() : null);
      if (closed) break;
      for (const e of events) {
        write(formatEvent(e));
        after = e.seq;
      }
      if (events.length < BATCH) await sleep();
    }
  }

  return new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      if (options.signal?.aborted) {
        close();
        return;
      }
      options.signal?.addEventListener('abort', close, { once: true });
      unsubscribe = bus.subscribe(signal, close, viewer.id);
      heartbeat = setInterval(() => write(': heartbeat\n\n'), heartbeatMs);
      run().then(close, close);
    },
    cancel() {
      close();
    },
  });
}
