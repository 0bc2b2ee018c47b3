// The complaint history: one record per create and action. Its seqs are the ids of the live events.
import type { Action, Status } from '@ipr/validators';
import type { Queryable } from '../db/types.js';
import { queueWebhooksSql, webhookPayloadTemplate } from '../webhooks/store.js';
import type { AccountRecord } from './accounts.js';

export interface HistoryRecord {
  complaintId: string;
  action: Action | 'create';
  from: Status | null;
  to: Status;
  actor: AccountRecord;
  at: Date;
  reason: string | null;
  /** The complaint's number and owner, when the same statement inserts it (a create). */
  complaint?: { number: string; accountId: string };
}

/**
 * The CTEs `locked`, `history` (returning the new `seq`) and `queued` that append a history record
 * and queue its webhooks; their parameters are numbered from `$first`. They must be in the last
 * statement of their transaction (see the lock below).
 */
export function historyCtes(first: number, r: HistoryRecord): { sql: string; params: unknown[] } {
  // History seqs are the ids of the live events (GET /v1/events resumes after the last one seen), so
  // a stream must never pass a seq that may still commit: on PostgreSQL two transactions can commit
  // seq 11 before seq 10. This lock, held in shared mode from the insert to the commit (it is among the
  // transaction's last statements), lets a stream wait for every drawn seq to settle
  // (`settledSeqReader` of events.ts takes it exclusively) while writers never wait for one another.
  // Taken in a CTE (never inlined: it calls a volatile function) whose row the insert reads before it
  // draws the seq. Partner webhooks are queued by the same statement (a CTE reading the new seq).
  const hook = webhookPayloadTemplate({
    complaintId: r.complaintId,
    action: r.action,
    from: r.from,
    to: r.to,
    at: r.at,
  });
  const params: unknown[] = [
    r.complaintId,
    r.action,
    r.from,
    r.to,
    r.actor.id,
    r.actor.role,
    r.actor.displayName,
    r.at.toISOString(),
    r.reason,
    hook.type,
    hook.payload,
  ];
  if (r.complaint) params.push(r.complaint.number, r.complaint.accountId);
  const $ = (i: number) => `$${first + i}`;
  const queued = queueWebhooksSql('history', {
    complaintId: first,
    type: first + 9,
    payload: first + 10,
    at: first + 7,
    ...(r.complaint ? { number: first + 11, accountId: first + 12 } : {}),
  });
  return {
    sql: `locked as (select pg_advisory_xact_lock_shared(7305004)),
     history as (
       insert into complaint_history (complaint_id, action, from_status, to_status, actor_id, actor_role, actor_name, at, reason)
       select ${$(0)}, ${$(1)}, ${$(2)}, ${$(3)}, ${$(4)}, ${$(5)}, ${$(6)}, ${$(7)}::timestamptz, ${$(8)} from locked
       returning seq
     ),
     queued as (${queued})`,
    params,
  };
}

/** Appends a history record (an action); must be the last statement of its transaction. */
export async function recordHistory(tx: Queryable, record: HistoryRecord): Promise<void> {
  const { sql, params } = historyCtes(1, record);
  await tx.query(`with ${sql} select seq from history`, params);
}
