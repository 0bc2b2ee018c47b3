/** Helpers that run the same in the browser and in Node (Web Crypto, no `node:` modules). */
import { sha256HexSync } from '@ipr/validators';

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
/** Bytes as lowercase hex. */
const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => HEX[b]).join('');
/** Random bytes drawn 4 KiB at a time (one Web Crypto call per ~340 ids instead of one each, as Node's randomUUID does). */
const pool = new Uint8Array(4096);
let used = pool.length;

/** `prefix` and `bytes` random bytes in hex (from the platform's CSPRNG). */
export function randomId(prefix: string, bytes = 12): string {
  if (bytes > pool.length) return prefix + hex(crypto.getRandomValues(new Uint8Array(bytes)));
  if (used + bytes > pool.length) {
    crypto.getRandomValues(pool);
    used = 0;
  }
  let id = prefix;
  for (let i = used; i < used + bytes; i++) id += HEX[pool[i]!];
  used += bytes;
  return id;
}

/** Node's hashing when the app runs in Node (found at run time: this module stays browser-safe). */
interface NodeHashing {
  createHash(algorithm: 'sha256'): { update(data: Uint8Array | string): { digest(encoding: 'hex'): string } };
}
const nodeCrypto = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.('node:crypto') as NodeHashing | undefined;

/** SHA-256 of a string as hex, synchronously: Node's when there, else the validators' own. */
export const sha256HexSyncFast = (text: string): string =>
  nodeCrypto ? nodeCrypto.createHash('sha256').update(text).digest('hex') : sha256HexSync(text);

/**
 * SHA-256 as hex. In Node a synchronous `createHash` (Web Crypto's digest goes through the thread
 * pool: 0.28 ms of a create's ~3.7 ms of server time), elsewhere Web Crypto.
 */
export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  if (nodeCrypto) return nodeCrypto.createHash('sha256').update(data).digest('hex');
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return hex(new Uint8Array(digest));
}

/** JSON with sorted keys: the same value always hashes the same, whatever the key order sent. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** `s` matched literally by LIKE/ILIKE (its `%`, `_` and `\` escaped). */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

export const iso = (value: Date | string | null | undefined): string | null =>
  value === null || value === undefined ? null : new Date(value).toISOString();

export function encodeCursor(parts: string[]): string {
  return btoa(JSON.stringify(parts)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeCursor(cursor: string): string[] | null {
  try {
    const text = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    const parts = JSON.parse(text);
    return Array.isArray(parts) && parts.every((p) => typeof p === 'string') ? parts : null;
  } catch {
    return null;
  }
}

/** Mulberry32: a small seeded PRNG, so the demo catalogue is the same on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
