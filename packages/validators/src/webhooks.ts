// Webhooks for partner backends: which events exist, what an endpoint may be, when a failed
// delivery is tried again. Pure (no I/O): the server registers and delivers by these rules, the
// client and elements show them. Signatures follow Standard Webhooks (https://www.standardwebhooks.com).
import * as z from 'zod/mini';
import type { Issue, Result } from './issues.js';
import type { Action } from './lifecycle.js';
import { issue } from './messages/format.js';

/** One event type per history record: the complaint was created, or one lifecycle action happened. */
export const WEBHOOK_EVENT_BY_ACTION = {
  create: 'complaint.submitted',
  forward_to_supplier: 'complaint.forwarded',
  respond: 'complaint.supplier_responded',
  check: 'complaint.checked',
  confirm_close: 'complaint.closed',
  request_arbitration: 'complaint.arbitration_requested',
  issue_result: 'complaint.arbitrated',
  cancel: 'complaint.cancelled',
} as const satisfies Record<Action | 'create', string>;

export const WEBHOOK_EVENT_TYPES = Object.values(WEBHOOK_EVENT_BY_ACTION) as readonly WebhookEventType[];
export type WebhookEventType = (typeof WEBHOOK_EVENT_BY_ACTION)[keyof typeof WEBHOOK_EVENT_BY_ACTION];

export const WEBHOOK_LIMITS = {
  /** Endpoints one account may register. */
  maxEndpoints: 10,
  maxUrlLength: 2048,
  maxDescriptionLength: 200,
  /** A receiver must answer within this long, or the attempt failed. */
  timeoutMs: 10_000,
  /** Standard Webhooks: a receiver refuses a timestamp further than this from its clock (replays). */
  toleranceSeconds: 5 * 60,
  /** Attempts shown per delivery in the log. */
  attemptsShown: 10,
  /** After a secret is rotated, deliveries carry a signature by the old one too for this long. */
  secretOverlapHours: 24,
} as const;

/**
 * Seconds to wait before each retry (attempt 2, 3, …): exponential back-off over 27.5 hours, so a
 * receiver that is down for a day still gets every event. After the last, the delivery is dead
 * (kept in the log; it can be redelivered by hand).
 */
export const WEBHOOK_RETRY_SCHEDULE_S: readonly number[] = [
  5,
  5 * 60,
  30 * 60,
  2 * 3600,
  5 * 3600,
  10 * 3600,
  10 * 3600,
];

/** Attempts before a delivery is dead-lettered: the first and one per step of the schedule. */
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_RETRY_SCHEDULE_S.length + 1;

/**
 * When the next attempt is due after `attempts` failed ones, in ms (null: none left, dead-letter).
 * `scheduleMs` replaces the schedule (tests shorten it).
 */
export function nextWebhookAttemptDelay(
  attempts: number,
  scheduleMs: readonly number[] = WEBHOOK_RETRY_SCHEDULE_S.map((s) => s * 1000),
): number | null {
  return attempts >= 1 && attempts <= scheduleMs.length ? scheduleMs[attempts - 1]! : null;
}

/** A delivery's state: pending (queued or retrying), delivered, or dead after its last attempt. */
export const WEBHOOK_DELIVERY_STATES = ['pending', 'delivered', 'dead'] as const;
export type WebhookDeliveryState = (typeof WEBHOOK_DELIVERY_STATES)[number];

/** Whether a receiver's answer counts as received (Standard Webhooks: any 2xx). */
export const isWebhookSuccess = (status: number | null) => status !== null && status >= 200 && status < 300;

const PRIVATE_V4: [number, number][] = [
  // [network, prefix length]
  [0x00000000, 8], // 0.0.0.0/8 "this network"
  [0x0a000000, 8], // 10/8
  [0x64400000, 10], // 100.64/10 carrier-grade NAT
  [0x7f000000, 8], // loopback
  [0xa9fe0000, 16], // link-local (cloud metadata 169.254.169.254)
  [0xac100000, 12], // 172.16/12
  [0xc0000000, 24], // 192.0.0/24
  [0xc0a80000, 16], // 192.168/16
  [0xc6120000, 15], // 198.18/15 benchmarking
  [0xe0000000, 4], // multicast
  [0xf0000000, 4], // reserved, broadcast
];

function v4ToInt(address: string): number | null {
  const parts = address.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return null;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

/**
 * Whether an IP address (v4 or v6, as a resolver returns it) is private, loopback, link-local or
 * otherwise not the public internet: a webhook must never reach into the server's own network (SSRF).
 */
export function isPrivateAddress(address: string): boolean {
  const a = address.replace(/^\[|\]$/g, '').toLowerCase();
  const v4 = v4ToInt(a);
  if (v4 !== null) return PRIVATE_V4.some(([net, bits]) => v4 >>> (32 - bits) === net >>> (32 - bits));
  if (!a.includes(':')) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) return isPrivateAddress(mapped[1]!);
  const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(a);
  if (hexMapped) {
    const n = Number.parseInt(hexMapped[1]!, 16) * 65536 + Number.parseInt(hexMapped[2]!, 16);
    return isPrivateAddress([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.'));
  }
  if (a === '::' || a === '::1') return true;
  const head = Number.parseInt(a.split(':')[0] || '0', 16);
  return (
    (head & 0xfe00) === 0xfc00 || // unique local fc00::/7
    (head & 0xffc0) === 0xfe80 || // link-local fe80::/10
    (head & 0xff00) === 0xff00 || // multicast
    a.startsWith('64:ff9b:') || // NAT64 (reaches v4 addresses)
    a.startsWith('2001:db8:') // documentation
  );
}

const LOCAL_NAMES = /(^|\.)(localhost|local|internal|localdomain|home\.arpa)$/i;

export interface WebhookUrlOptions {
  /**
   * Allow loopback and private hosts and plain http (tests, the demo's receiver on this machine).
   * Never in production: the server would post to its own network on a partner's say-so.
   */
  allowPrivate?: boolean;
}

/**
 * A webhook endpoint's URL: https (http only with `allowPrivate`), no credentials in it, and a host
 * that is not a private or loopback address or name. The server also checks every address the
 * host resolves to when it connects (a public name may point inside).
 */
export function validateWebhookUrl(value: unknown, options: WebhookUrlOptions = {}): Result<string> {
  const fail = (code: Issue['code'], params?: Record<string, string | number>): Result<string> => ({
    ok: false,
    issues: [issue(code, ['url'], params)],
  });
  if (typeof value !== 'string' || value.trim() === '') return fail('field.required');
  const text = value.trim();
  if (text.length > WEBHOOK_LIMITS.maxUrlLength) return fail('field.too_long', { limit: WEBHOOK_LIMITS.maxUrlLength });
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail('webhook.url_invalid', { value: text.slice(0, 120) });
  }
  if (url.protocol !== 'https:' && !(options.allowPrivate && url.protocol === 'http:'))
    return fail('webhook.url_not_https', { value: text.slice(0, 120) });
  if (url.username || url.password) return fail('webhook.url_invalid', { value: `${url.protocol}//…@${url.host}` });
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (
    !options.allowPrivate &&
    (isPrivateAddress(host) || LOCAL_NAMES.test(host) || (!host.includes('.') && !host.includes(':')))
  )
    return fail('webhook.url_private', { host: host.slice(0, 120) });
  url.hash = '';
  return { ok: true, value: url.href };
}

/** The body of `POST /v1/webhooks`. `events` empty or absent: every event type. */
export const WebhookEndpointInputSchema = /*#__PURE__*/ z.object({
  url: /*#__PURE__*/ z.string().check(/*#__PURE__*/ z.maxLength(WEBHOOK_LIMITS.maxUrlLength)),
  description: /*#__PURE__*/ z.optional(
    /*#__PURE__*/ z.string().check(/*#__PURE__*/ z.maxLength(WEBHOOK_LIMITS.maxDescriptionLength)),
  ),
  events: /*#__PURE__*/ z.optional(
    /*#__PURE__*/ z
      .array(/*#__PURE__*/ z.enum(Object.values(WEBHOOK_EVENT_BY_ACTION) as [WebhookEventType]))
      .check(/*#__PURE__*/ z.maxLength(Object.keys(WEBHOOK_EVENT_BY_ACTION).length)),
  ),
});
export type WebhookEndpointInput = z.output<typeof WebhookEndpointInputSchema>;

const dateTime = /*#__PURE__*/ z.iso.datetime({ offset: true });
const eventType = /*#__PURE__*/ z.enum(Object.values(WEBHOOK_EVENT_BY_ACTION) as [WebhookEventType]);

export const WebhookEndpointSchema = /*#__PURE__*/ z.object({
  id: /*#__PURE__*/ z.string(),
  url: /*#__PURE__*/ z.string(),
  description: /*#__PURE__*/ z.string(),
  events: /*#__PURE__*/ z.array(eventType),
  createdAt: dateTime,
  /** Deliveries not yet received (queued or retrying), and dead ones. */
  pending: /*#__PURE__*/ z.number(),
  dead: /*#__PURE__*/ z.number(),
  /** A disabled endpoint gets no new events; its pending deliveries wait until it is enabled again. */
  enabled: /*#__PURE__*/ z.boolean(),
  /** After a secret rotation: until when deliveries are signed by the previous secret too. */
  previousSecretExpiresAt: /*#__PURE__*/ z.nullable(dateTime),
});
/** The body of `PATCH /v1/webhooks/{id}`: enable or disable the endpoint. */
export const WebhookEndpointPatchSchema = /*#__PURE__*/ z.object({
  enabled: /*#__PURE__*/ z.boolean(),
});
export type WebhookEndpointPatch = z.output<typeof WebhookEndpointPatchSchema>;

/** The answer to a registration or a secret rotation: the only time the signing secret (`whsec_…`) is shown. */
export const WebhookEndpointCreatedSchema = /*#__PURE__*/ z.object({
  ...WebhookEndpointSchema.shape,
  secret: /*#__PURE__*/ z.string(),
});

export const WebhookAttemptSchema = /*#__PURE__*/ z.object({
  at: dateTime,
  /** The receiver's HTTP status; null when there was no answer (refused, timed out). */
  status: /*#__PURE__*/ z.nullable(/*#__PURE__*/ z.number()),
  error: /*#__PURE__*/ z.nullable(/*#__PURE__*/ z.string()),
  durationMs: /*#__PURE__*/ z.number(),
});

export const WebhookDeliverySchema = /*#__PURE__*/ z.object({
  /** The `webhook-id`: the same on every attempt, so a receiver can drop a repeat. */
  id: /*#__PURE__*/ z.string(),
  type: eventType,
  complaintId: /*#__PURE__*/ z.string(),
  state: /*#__PURE__*/ z.enum(WEBHOOK_DELIVERY_STATES),
  attempts: /*#__PURE__*/ z.number(),
  createdAt: dateTime,
  nextAttemptAt: /*#__PURE__*/ z.nullable(dateTime),
  /** The payload as signed and sent. */
  payload: /*#__PURE__*/ z.string(),
  /** The last attempts, newest first. */
  lastAttempts: /*#__PURE__*/ z.array(WebhookAttemptSchema),
});

/** What a receiver gets: the event's type and time, and the complaint as the list shows it. */
export const WebhookPayloadSchema = /*#__PURE__*/ z.object({
  type: eventType,
  timestamp: dateTime,
  data: /*#__PURE__*/ z.object({
    id: /*#__PURE__*/ z.string(),
    number: /*#__PURE__*/ z.string(),
    status: /*#__PURE__*/ z.string(),
    previousStatus: /*#__PURE__*/ z.nullable(/*#__PURE__*/ z.string()),
    action: /*#__PURE__*/ z.string(),
    /** The history record's seq: orders the events of one complaint. */
    seq: /*#__PURE__*/ z.number(),
  }),
});

export type WebhookEndpoint = z.output<typeof WebhookEndpointSchema>;
export type WebhookEndpointCreated = z.output<typeof WebhookEndpointCreatedSchema>;
export type WebhookAttempt = z.output<typeof WebhookAttemptSchema>;
export type WebhookDelivery = z.output<typeof WebhookDeliverySchema>;
export type WebhookPayload = z.output<typeof WebhookPayloadSchema>;
