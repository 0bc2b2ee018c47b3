// Standard Webhooks signatures (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md):
// `webhook-signature: v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`, keyed
// by the base64 bytes after `whsec_`. The server signs and the client verifies with these two
// functions, so they cannot disagree. Web Crypto only: runs in Node 20+, browsers and workers.
import { WEBHOOK_LIMITS } from './webhooks.js';

const SECRET_PREFIX = 'whsec_';

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
function fromBase64(text: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** A new signing secret: `whsec_` and 32 random bytes in base64. */
export function generateWebhookSecret(): string {
  return SECRET_PREFIX + toBase64(crypto.getRandomValues(new Uint8Array(32)));
}

async function hmacKey(secret: string): Promise<CryptoKey | null> {
  const raw = fromBase64(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret);
  if (!raw?.length) return null;
  return crypto.subtle.importKey('raw', raw as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
}

/** The `webhook-signature` value (`v1,<base64>`) of one message. */
export async function signWebhook(secret: string, id: string, timestamp: number, payload: string): Promise<string> {
  const key = await hmacKey(secret);
  if (!key) throw new TypeError('A webhook secret is `whsec_` followed by base64');
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${id}.${timestamp}.${payload}`));
  return `v1,${toBase64(new Uint8Array(mac))}`;
}

/** Why a webhook was refused; `ok` with the parsed payload otherwise. */
export type WebhookVerification<T = unknown> =
  | { ok: true; id: string; timestamp: number; payload: T }
  | {
      ok: false;
      reason: 'missing_headers' | 'timestamp_too_old' | 'timestamp_too_new' | 'bad_signature' | 'bad_payload';
    };

export interface VerifyWebhookOptions {
  /** Seconds a timestamp may differ from now (replays are refused). Default 300. */
  toleranceSeconds?: number;
  /** The clock (tests). */
  now?: () => Date;
}

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | null {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const record = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/** Equal in constant time for equal lengths (the signature's bytes must not leak through timing). */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * Verifies a received webhook: the three headers, a timestamp within the tolerance (a replay of an
 * old delivery is refused), and one of the space-separated `v1,` signatures (several during a
 * secret rotation). `payload` is the raw body exactly as received; parsed as JSON when valid.
 */
export async function verifyWebhook<T = unknown>(
  payload: string,
  headers: HeaderSource,
  secret: string,
  options: VerifyWebhookOptions = {},
): Promise<WebhookVerification<T>> {
  const id = header(headers, 'webhook-id');
  const stamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !stamp || !signatures || !/^\d{1,12}$/.test(stamp)) return { ok: false, reason: 'missing_headers' };
  const timestamp = Number(stamp);
  const now = Math.floor((options.now?.() ?? new Date()).getTime() / 1000);
  const tolerance = options.toleranceSeconds ?? WEBHOOK_LIMITS.toleranceSeconds;
  if (timestamp < now - tolerance) return { ok: false, reason: 'timestamp_too_old' };
  if (timestamp > now + tolerance) return { ok: false, reason: 'timestamp_too_new' };
  let expected: string;
  try {
    expected = (await signWebhook(secret, id, timestamp, payload)).slice(3);
  } catch {
    return { ok: false, reason: 'bad_signature' };
  }
  const match = signatures.split(' ').some((s) => s.startsWith('v1,') && sameText(s.slice(3), expected));
  if (!match) return { ok: false, reason: 'bad_signature' };
  try {
    return { ok: true, id, timestamp, payload: JSON.parse(payload) as T };
  } catch {
    return { ok: false, reason: 'bad_payload' };
  }
}
