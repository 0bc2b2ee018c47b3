// The platform's transparency figures: one timeline record per complaint submitted in the period,
// read from the history; the figures themselves are the validators' `transparencyReport`.
import { type NoticeRecord, type TransparencyReport, transparencyReport } from '@ipr/validators';
import type { Queryable } from '../db/types.js';

export async function transparencyFigures(db: Queryable, from: Date, to: Date): Promise<TransparencyReport> {
  const { rows } = await db.query<{
    type: NoticeRecord['type'];
    submitted_at: Date | string;
    forwarded_at: Date | string | null;
    responded_at: Date | string | null;
    closed_at: Date | string | null;
    removed: number | string;
    declared: number | string;
    decision: NoticeRecord['arbitration'];
    cancelled: boolean;
  }>(
    `select c.type, c.created_at as submitted_at,
            (select min(h.at) from complaint_history h where h.complaint_id = c.id and h.action = 'forward_to_supplier') as forwarded_at,
            (select min(h.at) from complaint_history h where h.complaint_id = c.id and h.to_status = 'supplier_responded') as responded_at,
            (select min(h.at) from complaint_history h where h.complaint_id = c.id and h.to_status in ('closed', 'arbitrated', 'cancelled')) as closed_at,
            (select count(*) from complaint_products cp where cp.complaint_id = c.id and cp.supplier_response = 'removed') as removed,
            (select count(*) from complaint_products cp where cp.complaint_id = c.id and cp.supplier_response = 'not_infringing') as declared,
            c.arbitration->>'decision' as decision,
            c.status = 'cancelled' as cancelled
       from complaints c where c.created_at >= $1 and c.created_at < $2`,
    [from.toISOString(), to.toISOString()],
  );
  const records: NoticeRecord[] = rows.map((r) => ({
    type: r.type,
    submittedAt: new Date(r.submitted_at),
    forwardedAt: r.forwarded_at === null ? null : new Date(r.forwarded_at),
    respondedAt: r.responded_at === null ? null : new Date(r.responded_at),
    closedAt: r.closed_at === null ? null : new Date(r.closed_at),
    productsRemoved: Number(r.removed),
    productsDeclaredNonInfringing: Number(r.declared),
    arbitration: r.decision ?? null,
    cancelled: r.cancelled,
  }));
  return transparencyReport(records, from, to);
}
