// The complaint history: one record per create and action. Its seqs are the ids of the live events.
import type { Action, Status } from '@ipr/validators';
import type { Queryable } from '../db/types.js';
import { queueWebhooksSql, webhookPayloadTemplate } from '../webhooks/store.js';
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
  // a stream must never pass a seq that may still commit: on PostgreSQL two transactions can commit
  // seq 11 before seq 10. This lock, held in shared mode from the insert to the commit (it is among the
  // transaction's last statements), lets a stream wait for every drawn seq to settle
  // (`settledSeqReader` of events.ts takes it exclusively) while writers never wait for one another.
  // One round trip: taken in a CTE (never inlined: it calls a volatile function) whose row the
  // insert reads before it draws the seq.
  // Partner webhooks are queued by the same statement (a CTE reading the new seq), in its transaction.
  const hook = webhookPayloadTemplate({ complaintId, action, from, to, at });
  await tx.query(
    `with locked as (select pg_advisory_xact_lock_shared(7305004)),
     history as (
       insert into complaint_history (complaint_id, action, from_status, to_status, actor_id, actor_role, actor_name, at, reason)
       select $1, $2, $3, $4, $5, $6, $7, $8::timestamptz, $9 from locked
       returning seq
     ),
     queued as (${queueWebhooksSql('history', { complaintId: 1, type: 10, payload: 11, at: 8 })})
     select seq from history`,
    [
      complaintId,
      action,
      from,
      to,
      actor.id,
      actor.role,
      actor.displayName,
      at.toISOString(),
      reason,
      hook.type,
      hook.payload,
    ],
  );
}
