// The delivery worker: takes due deliveries from the database (so a restart loses none, and several
// instances on one PostgreSQL share the queue without sending one twice), signs each per Standard
// Webhooks, sends it, records the attempt, and schedules the next by the validators' back-off or
// dead-letters it. Per endpoint and complaint, events go in history order: one waits while an
// earlier one is pending. Browser-safe: the sender is given (node.ts gives the SSRF-guarded one).
import { isWebhookSuccess, nextWebhookAttemptDelay, signWebhook, WEBHOOK_LIMITS } from '@ipr/validators';
import type { Db } from '../db/types.js';
import { plainSecrets, type SecretBox } from './secret-box.js';

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}
/** The receiver's status, or null with why there was none (refused, timed out, a private address). */
export type WebhookSender = (request: WebhookRequest) => Promise<{ status: number | null; error: string | null }>;

export interface WebhookWorkerOptions {
  db: Db;
  send: WebhookSender;
  now?: () => Date;
  /** Delays before each retry, in ms (default: the validators' schedule over 27.5 hours). */
  retryScheduleMs?: readonly number[];
  /** How often due deliveries are looked for without a wake-up. Default 1 000 ms. */
  pollMs?: number;
  /** Deliveries attempted at once. Default 16. */
  batch?: number;
  timeoutMs?: number;
  onError?: (error: unknown) => void;
  /** How the endpoints' secrets are stored (sealed with WEBHOOK_SECRETS_KEY); plain by default. */
  secrets?: SecretBox;
}

export interface WebhookWorker {
  /** One pass: claims the due deliveries and attempts each. Resolves with the number attempted. */
  runOnce(): Promise<number>;
  /** Look now (a new event was recorded). */
  wake(): void;
  start(): void;
  /** Stops polling and waits for the attempts in flight. */
  stop(): Promise<void>;
}

interface Claimed {
  id: string;
  endpoint_id: string;
  payload: string;
  attempts: number;
  url: string;
  secret: string;
  /** During a rotation's overlap: the previous secret, which signs too. */
  previous_secret: string | null;
}

/** A sender on the platform's `fetch` (no address check: for tests and the browser). */
export const fetchSender: WebhookSender = async ({ url, headers, body, timeoutMs }) => {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel().catch(() => {});
    return { status: response.status, error: null };
  } catch (error) {
    return { status: null, error: error instanceof Error ? error.message.slice(0, 200) : 'failed' };
  }
};

export function createWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  const { db, send } = options;
  const secrets = options.secrets ?? plainSecrets;
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? WEBHOOK_LIMITS.timeoutMs;
  const schedule = options.retryScheduleMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<number> | undefined;
  let again = false;
  let stopped = true;
  let halting = false;

  async function claim(): Promise<Claimed[]> {
    const at = now();
    // A claim lasts longer than an attempt can: a worker that died mid-attempt frees it by expiry.
    const until = new Date(at.getTime() + timeoutMs + 30_000);
    const { rows } = await db.query<Claimed>(
      `update webhook_deliveries d set claimed_until = $2
         from webhook_endpoints e
        where e.id = d.endpoint_id and d.id in (
          select q.id from webhook_deliveries q join webhook_endpoints qe on qe.id = q.endpoint_id and qe.enabled
           where q.state = 'pending' and q.next_attempt_at <= $1 and (q.claimed_until is null or q.claimed_until <= $1)
             and not exists (select 1 from webhook_deliveries p where p.endpoint_id = q.endpoint_id
                               and p.complaint_id = q.complaint_id and p.state = 'pending' and p.seq < q.seq)
           order by q.next_attempt_at, q.seq limit $3 for update skip locked)
        returning d.id, d.endpoint_id, d.payload, d.attempts, e.url, e.secret,
                  case when e.previous_secret_until > $1 then e.previous_secret end as previous_secret`,
      [at.toISOString(), until.toISOString(), options.batch ?? 16],
    );
    return rows;
  }

  async function attempt(d: Claimed): Promise<void> {
    const started = now();
    const timestamp = Math.floor(started.getTime() / 1000);
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'ipr-webhooks/1',
      'webhook-id': d.id,
      'webhook-timestamp': String(timestamp),
      // Standard Webhooks: space-separated signatures; after a rotation the previous secret's too.
      'webhook-signature': (
        await Promise.all(
          [d.secret, ...(d.previous_secret ? [d.previous_secret] : [])].map(async (stored) =>
            signWebhook(await secrets.open(stored, d.endpoint_id), d.id, timestamp, d.payload),
          ),
        )
      ).join(' '),
    };
    const t0 = performance.now();
    const result = await send({ url: d.url, headers, body: d.payload, timeoutMs });
    const durationMs = Math.round(performance.now() - t0);
    const attempts = d.attempts + 1;
    const ok = isWebhookSuccess(result.status);
    const delay = ok ? null : nextWebhookAttemptDelay(attempts, schedule);
    const state = ok ? 'delivered' : delay === null ? 'dead' : 'pending';
    const next = delay === null ? null : new Date(now().getTime() + delay).toISOString();
    await db.transaction(async (tx) => {
      await tx.query(
        'insert into webhook_attempts (delivery_id, at, status, error, duration_ms) values ($1, $2, $3, $4, $5)',
        [d.id, started.toISOString(), result.status, ok ? null : (result.error ?? `HTTP ${result.status}`), durationMs],
      );
      await tx.query(
        `update webhook_deliveries set state = $2, attempts = $3, next_attempt_at = $4, claimed_until = null where id = $1`,
        [d.id, state, attempts, next],
      );
    });
  }

  async function pass(): Promise<number> {
    let total = 0;
    do {
      again = false;
      const due = await claim();
      await Promise.all(due.map((d) => attempt(d).catch((error) => options.onError?.(error))));
      total += due.length;
      // After any attempt the next event of its complaint may be due (or a wake-up came meanwhile).
      if (due.length) again = true;
    } while (again && !halting);
    return total;
  }

  const runOnce = () => {
    if (running) {
      again = true;
      return running;
    }
    running = pass().finally(() => {
      running = undefined;
    });
    return running;
  };

  const schedulePoll = () => {
    if (stopped) return;
    timer = setTimeout(async () => {
      try {
        await runOnce();
      } catch (error) {
        options.onError?.(error);
      }
      schedulePoll();
    }, options.pollMs ?? 1000);
  };

  return {
    runOnce,
    wake() {
      if (!stopped) void runOnce().catch((error) => options.onError?.(error));
    },
    start() {
      if (!stopped) return;
      stopped = false;
      halting = false;
      schedulePoll();
    },
    async stop() {
      stopped = true;
      halting = true;
      clearTimeout(timer);
      await running?.catch(() => {});
    },
  };
}
