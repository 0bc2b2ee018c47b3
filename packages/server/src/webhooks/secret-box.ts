// Webhook signing secrets at rest. With the operator's key (`WEBHOOK_SECRETS_KEY`: 32 random bytes,
// base64) every secret is stored sealed with AES-256-GCM, bound to its endpoint's id, so a copy of the
// database (a backup, a replica, a leaked dump) cannot sign deliveries. Without a key (the demo, tests)
// secrets are stored as they are; `NODE_ENV=production` refuses to start without one (src/node.ts).
// Stored values that are not sealed are read as they are, so a key can be added to a running
// deployment: start-up seals what is still plain (`settleStoredWebhookSecrets`), and a key is changed
// by starting with the new one and the old one in `WEBHOOK_SECRETS_KEY_PREVIOUS` (start-up seals
// everything anew). Web Crypto only: the reference API also runs in a browser.
import type { Queryable } from '../db/types.js';
import { sha256Hex } from '../util.js';

export interface SecretBox {
  /** The value to store for an endpoint's secret. */
  seal(secret: string, endpointId: string): Promise<string>;
  /** The secret from a stored value (sealed by the key or a previous one, or from before a key was set, plain). */
  open(stored: string, endpointId: string): Promise<string>;
  /** Whether a stored value is as this box keeps it (otherwise start-up seals it anew, or refuses it). */
  current(stored: string): boolean;
  /** `current` as a regular expression, the same in JavaScript and PostgreSQL (start-up reads only the other rows). */
  readonly kept: string;
}

/** Sealed values: `aes256gcm:<key id>:<iv>:<ciphertext>` (base64), the key id naming the key that sealed it. */
const SEALED = 'aes256gcm:';
const utf8 = new TextEncoder();

const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

/** `WEBHOOK_SECRETS_KEY` as bytes: 32 bytes in base64 (`openssl rand -base64 32`). */
function keyBytes(key: string): Uint8Array<ArrayBuffer> {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = fromBase64(key.trim());
  } catch {
    bytes = new Uint8Array();
  }
  if (bytes.length !== 32)
    throw new Error('WEBHOOK_SECRETS_KEY must be 32 random bytes in base64 (openssl rand -base64 32)');
  return bytes;
}

/** A box keeping the stored values that match `kept`. */
const keeping = (kept: string) => {
  const re = new RegExp(kept);
  return { kept, current: (stored: string) => re.test(stored) };
};

/** Secrets stored as they are (no key). */
export const plainSecrets: SecretBox = {
  seal: async (secret) => secret,
  async open(stored) {
    if (isSealed(stored))
      throw new Error('A webhook secret is sealed, but WEBHOOK_SECRETS_KEY is not set: deliveries cannot be signed');
    return stored;
  },
  ...keeping(`^(?!${SEALED})`),
};

/** Whether a stored value is sealed. */
const isSealed = (stored: string) => stored.startsWith(SEALED);

interface Key {
  id: string;
  aes: CryptoKey;
}

/** A key and its id (the first 8 hex digits of its SHA-256: names the key, reveals nothing of it). */
async function loadKey(key: string): Promise<Key> {
  const bytes = keyBytes(key);
  return {
    id: (await sha256Hex(bytes)).slice(0, 8),
    aes: await crypto.subtle.importKey('raw', bytes, 'AES-GCM', false, ['encrypt', 'decrypt']),
  };
}

/**
 * A box sealing with `key` (base64, 32 bytes), or storing secrets as they are without one.
 * `previous` keys (`WEBHOOK_SECRETS_KEY_PREVIOUS`) only open: a key is changed by starting with the new
 * one and the old one as previous, which seals every stored secret anew under the new key.
 */
export async function createSecretBox(key?: string, previous: readonly string[] = []): Promise<SecretBox> {
  if (!key) {
    if (previous.length) throw new Error('WEBHOOK_SECRETS_KEY_PREVIOUS needs WEBHOOK_SECRETS_KEY');
    return plainSecrets;
  }
  const sealing = await loadKey(key);
  const keys = new Map([sealing, ...(await Promise.all(previous.map(loadKey)))].map((k) => [k.id, k]));
  const bound = (endpointId: string) => utf8.encode(`ipr webhook secret\n${endpointId}`);
  return {
    async seal(secret, endpointId) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const sealed = new Uint8Array(
        await crypto.subtle.encrypt(
          { name: 'AES-GCM', iv, additionalData: bound(endpointId) },
          sealing.aes,
          utf8.encode(secret),
        ),
      );
      return `${SEALED}${sealing.id}:${toBase64(iv)}:${toBase64(sealed)}`;
    },
    async open(stored, endpointId) {
      if (!isSealed(stored)) return stored;
      const [id, iv, sealed] = stored.slice(SEALED.length).split(':');
      const k = keys.get(id ?? '');
      if (!k)
        throw new Error(
          `The webhook secret of ${endpointId} was sealed by a key not given (key id ${id}): set it as WEBHOOK_SECRETS_KEY_PREVIOUS`,
        );
      try {
        const plain = await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: fromBase64(iv ?? ''), additionalData: bound(endpointId) },
          k.aes,
          fromBase64(sealed ?? ''),
        );
        return new TextDecoder().decode(plain);
      } catch {
        throw new Error(`The webhook secret of ${endpointId} does not open (altered, or moved from another endpoint)`);
      }
    },
    ...keeping(`^${SEALED}${sealing.id}:`),
  };
}

/**
 * Brings the stored secrets to what `box` keeps: with a key, seals anew every secret it did not seal
 * (plain ones, of endpoints made before a key was set, and those of a previous key); without one,
 * refuses sealed ones (deliveries could not be signed). Run at start-up; reads only the rows to
 * change; several instances may run it at once (a row is only written while it still holds the values
 * read). Fails the start when a secret does not open. Resolves with the number of endpoints sealed.
 */
export async function settleStoredWebhookSecrets(db: Queryable, box: SecretBox): Promise<number> {
  const { rows } = await db.query<{ id: string; secret: string; previous_secret: string | null }>(
    'select id, secret, previous_secret from webhook_endpoints where secret !~ $1 or previous_secret !~ $1',
    [box.kept],
  );
  let sealed = 0;
  for (const r of rows) {
    const reseal = async (value: string | null) =>
      value === null || box.current(value) ? value : box.seal(await box.open(value, r.id), r.id);
    const { rows: written } = await db.query(
      `update webhook_endpoints set secret = $2, previous_secret = $3
        where id = $1 and secret = $4 and previous_secret is not distinct from $5 returning id`,
      [r.id, await reseal(r.secret), await reseal(r.previous_secret), r.secret, r.previous_secret],
    );
    sealed += written.length;
  }
  return sealed;
}
