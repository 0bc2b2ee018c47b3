// Live status across instances: one connection per process LISTENs for the NOTIFY that every
// complaint_history insert sends at commit (migration 5) and wakes this process's event streams, and
// the one a queued webhook delivery sends (migration 9), which wakes the delivery worker.
// Node-only (node-postgres). The streams' poll stays as the fallback while the connection is down.
import pg from 'pg';

/** The channel migration 5's trigger notifies. */
const HISTORY_CHANNEL = 'ipr_complaint_history';
/** The channel migration 9's trigger notifies when webhook deliveries were queued. */
const WEBHOOKS_CHANNEL = 'ipr_webhook_deliveries';

/** The listening connection's application_name in pg_stat_activity. */
export const LISTENER_APPLICATION_NAME = 'ipr-history-listener';

export interface HistoryListenerOptions {
  connectionString: string;
  /** Called for every notification, and once after each (re)connect (what happened while away). */
  onChange: () => void;
  /** Called when webhook deliveries were queued (by any instance), and once after each (re)connect. */
  onWebhooks?: () => void;
  /** A lost connection or a failed reconnect (it keeps trying). Default: ignored. */
  onError?: (error: Error) => void;
  /** Delay before the first reconnect, doubled per failure up to `maxRetryMs`. Defaults 100 ms and 5 s. */
  retryMs?: number;
  maxRetryMs?: number;
}

export interface HistoryListener {
  /** Resolves once the first LISTEN is in place (rejects if that first connect fails). */
  readonly ready: Promise<void>;
  /** Whether a connection is listening now. */
  readonly listening: boolean;
  close(): Promise<void>;
}

export function listenForHistory(options: HistoryListenerOptions): HistoryListener {
  const retryMs = options.retryMs ?? 100;
  const maxRetryMs = options.maxRetryMs ?? 5_000;
  const report = options.onError ?? (() => {});
  let client: pg.Client | undefined;
  let listening = false;
  let closed = false;
  let delay = retryMs;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const connect = async (): Promise<void> => {
    // Named, so an operator sees it in pg_stat_activity (and a test can cut it).
    const c = new pg.Client({
      connectionString: options.connectionString,
      keepAlive: true,
      application_name: LISTENER_APPLICATION_NAME,
    });
    client = c;
    c.on('notification', (message) => {
      if (message.channel === HISTORY_CHANNEL) options.onChange();
      else if (message.channel === WEBHOOKS_CHANNEL) options.onWebhooks?.();
    });
    // 'error' then 'end' (or only 'end'): either way, one reconnect.
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      listening = false;
      if (error) report(error);
      c.end().catch(() => {});
      if (!closed) schedule();
    };
    c.on('error', onLost);
    c.on('end', () => onLost());
    try {
      await c.connect();
      await c.query(`listen ${HISTORY_CHANNEL}; listen ${WEBHOOKS_CHANNEL}`);
    } catch (error) {
      lost = true;
      c.end().catch(() => {});
      throw error;
    }
    if (closed) {
      await c.end().catch(() => {});
      return;
    }
    listening = true;
    delay = retryMs;
    options.onChange();
    options.onWebhooks?.();
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      connect().catch((error: Error) => {
        report(error);
        delay = Math.min(delay * 2, maxRetryMs);
        if (!closed) schedule();
      });
    }, delay);
    timer.unref?.();
  };

  const ready = connect();
  // A failed first connect keeps retrying too; `ready` still tells the caller.
  ready.catch(() => {
    if (!closed) schedule();
  });
  return {
    ready,
    get listening() {
      return listening;
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      listening = false;
      await client?.end().catch(() => {});
    },
  };
}
