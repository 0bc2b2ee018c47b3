// Idempotency keys of complaint submissions: one key, one complaint, whatever the retries.
import type { Queryable } from '../db/types.js';

/** A key as stored: the hash of the body it came with and, once made, the complaint it made. */
export interface KeyRecord {
  bodyHash: string;
  complaintId: string | null;
}

const LOOKUP = 'select body_hash, complaint_id from idempotency_keys where account_id = $1 and key = $2';

/** The caller's record of this key, or null when the key is new. */
export async function idempotencyKey(db: Queryable, accountId: string, key: string): Promise<KeyRecord | null> {
  const { rows } = await db.query<{ body_hash: string; complaint_id: string | null }>(LOOKUP, [accountId, key]);
  const row = rows[0];
  return row ? { bodyHash: row.body_hash, complaintId: row.complaint_id } : null;
}

/**
 * Claims the key in this transaction (`on conflict do nothing`: on PostgreSQL a concurrent claim
 * waits for the first to commit). Null when claimed; otherwise the record that holds the key.
 */
export async function claimIdempotencyKey(
  tx: Queryable,
  accountId: string,
  key: string,
  bodyHash: string,
  at: Date,
): Promise<KeyRecord | null> {
  const claimed = await tx.query(
    `insert into idempotency_keys (account_id, key, body_hash, created_at) values ($1, $2, $3, $4)
     on conflict (account_id, key) do nothing returning key`,
    [accountId, key, bodyHash, at.toISOString()],
  );
  if (claimed.rows.length) return null;
  return (await idempotencyKey(tx, accountId, key))!;
}

/** Records the complaint a claimed key made (in the transaction that made it). */
export async function settleIdempotencyKey(
  tx: Queryable,
  accountId: string,
  key: string,
  complaintId: string,
): Promise<void> {
  await tx.query('update idempotency_keys set complaint_id = $3 where account_id = $1 and key = $2', [
    accountId,
    key,
    complaintId,
  ]);
}
