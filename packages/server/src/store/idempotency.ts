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
