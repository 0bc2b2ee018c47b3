// The complaint history: one record per create and action. Its seqs are the ids of the live events.
import type { Action, Status } from '@ipr/validators';
import type { Queryable } from '../db/types.js';
import { enqueueWebhooks } from '../webhooks/store.js';
import type { AccountRecord } from './accounts.js';

/** Appends a history record; must be the last statement of its transaction (see the lock below). */
export async function recordHistory(
  tx: Queryable,
  complaintId: string,
  action: Action | 'create',
  from: Status | null,
  to: Status,
  actor: AccountRecord,
  at: Date,
  reason: string | null,
): Promise<void> {
  // History seqs are the ids of the live events (GET /v1/events resumes after the last one seen), so
  // they must become visible in seq order: on PostgreSQL two transactions could otherwise commit seq
  // 11 before seq 10, and a stream that already passed 11 would never send 10. Holding this lock from
  // the insert to the commit (it is the transaction's last statement) makes commit order seq order.
  await tx.query('select pg_advisory_xact_lock(7305004)');
  const { rows } = await tx.query<{ seq: string }>(
    `insert into complaint_history (complaint_id, action, from_status, to_status, actor_id, actor_role, actor_name, at, reason)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning seq`,
    [complaintId, action, from, to, actor.id, actor.role, actor.displayName, at.toISOString(), reason],
  );
  // Partner webhooks: queued with the event, in its transaction (still under the lock above).
  await enqueueWebhooks(tx, rows[0]!.seq);
}
