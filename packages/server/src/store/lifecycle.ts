// The lifecycle: one action on one complaint, by the validators' transition table. Refusals are
// issues; the edge answers them with the status of their code (STATUS_BY_CODE).
import {
  type Action,
  ArbitrationResultBodySchema,
  checkProduct,
  type Issue,
  issue,
  nextStatus,
  parseWith,
  type Status,
  type SupplierResponse,
  TRANSITIONS,
  validateReason,
  validateSupplierResponse,
} from '@ipr/validators';
import type { Db, Queryable } from '../db/types.js';
import { notFound, refused } from '../problem.js';
import type { AccountRecord } from './accounts.js';
import type { ComplaintRow } from './complaints.js';
import { historyCtes } from './history.js';
import { visibleSql } from './visibility.js';

/**
 * One lifecycle action, in a transaction with the complaint row locked: visibility
 * (`resource.not_found`), then the validators' transition rule (`transition.forbidden` for the
 * wrong role, `transition.not_allowed` for the wrong status), then the body's issues.
 */
export async function applyAction(
  db: Db,
  viewer: AccountRecord,
  id: string,
  action: Action,
  body: unknown,
  at: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<ComplaintRow>(
      `select c.* from complaints c where c.id = $1 and ${visibleSql(viewer, 2)} for update`,
      [id, viewer.id],
    );
    const c = rows[0];
    if (!c) throw notFound();
    const next = nextStatus(c.status, action, viewer.role);
    if (!next.ok) throw refused(next.issues);
    let to: Status = next.value;
    let reason: string | null = null;
    let arbitration = c.arbitration ?? null;
    const when = at.toISOString();
    const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;

    switch (action) {
      case 'cancel':
      case 'request_arbitration': {
        const r = validateReason(b.reason, TRANSITIONS[action].reason);
        if (!r.ok) throw refused(r.issues);
        reason = r.value;
        if (action === 'request_arbitration')
          arbitration = { reason: reason!, requestedAt: when, decision: null, notice: null, decidedAt: null };
        break;
      }
      case 'issue_result': {
        const parsed = parseWith(ArbitrationResultBodySchema, body);
        if (!parsed.ok) throw refused(parsed.issues);
        const notice = validateReason(parsed.value.notice, true);
        if (!notice.ok) throw refused(notice.issues.map((i) => ({ ...i, path: ['notice'] })));
        reason = notice.value;
        arbitration = {
          ...(arbitration ?? { reason: '', requestedAt: when }),
          decision: parsed.value.decision,
          notice: notice.value,
          decidedAt: when,
        };
        break;
      }
      case 'check': {
        const { rows: products } = await tx.query<{
          product_id: string;
          listed: boolean;
          supplier_response: SupplierResponse | null;
        }>(
          `select cp.product_id, p.listed, cp.supplier_response from complaint_products cp join products p on p.id = cp.product_id where cp.complaint_id = $1`,
          [id],
        );
        const statuses = products.map((p) => checkProduct({ listed: p.listed, response: p.supplier_response }));
        await tx.query(
          `update complaint_products cp set status = x.status, checked_at = $2
             from unnest($3::text[], $4::text[]) as x(product_id, status)
            where cp.complaint_id = $1 and cp.product_id = x.product_id`,
          [id, when, products.map((p) => p.product_id), statuses],
        );
        break;
      }
      case 'respond': {
        to = await applyResponse(tx, viewer, id, body, c.status, to);
        break;
      }
      case 'forward_to_supplier':
      case 'confirm_close':
        break;
    }
    // The status and its history record in one statement (one round trip).
    const history = historyCtes(5, { complaintId: id, action, from: c.status, to, actor: viewer, at, reason });
    await tx.query(
      `with updated as (update complaints set status = $2, arbitration = $3::jsonb, updated_at = $4 where id = $1),
       ${history.sql} select seq from history`,
      [id, to, arbitration ? JSON.stringify(arbitration) : null, when, ...history.params],
    );
  });
}

/**
 * A supplier's answer for its own products. "Removed" takes the listing down. The complaint moves
 * on once every product has an answer (two suppliers may share one complaint).
 */
async function applyResponse(
  tx: Queryable,
  viewer: AccountRecord,
  id: string,
  body: unknown,
  from: Status,
  to: Status,
): Promise<Status> {
  const parsed = validateSupplierResponse(body);
  if (!parsed.ok) throw refused(parsed.issues);
  const answers = parsed.value.products;
  const { rows: own } = await tx.query<{ product_id: string }>(
    'select product_id from complaint_products where complaint_id = $1 and supplier_id = $2',
    [id, viewer.id],
  );
  const mine = new Set(own.map((r) => r.product_id));
  const issues: Issue[] = [];
  answers.forEach((a, i) => {
    if (!mine.has(a.productId))
      issues.push(
        issue('response.unknown_product', ['products', i, 'productId'], { productId: a.productId.slice(0, 64) }),
      );
  });
  if (issues.length) throw refused(issues);
  const last = new Map(answers.map((a) => [a.productId, a]));
  const list = [...last.values()];
  await tx.query(
    `update complaint_products cp set supplier_response = x.response, supplier_statement = nullif(x.statement, '')
       from unnest($2::text[], $3::text[], $4::text[]) as x(product_id, response, statement)
      where cp.complaint_id = $1 and cp.product_id = x.product_id`,
    [id, list.map((a) => a.productId), list.map((a) => a.response), list.map((a) => (a.statement ?? '').trim())],
  );
  const removed = list.filter((a) => a.response === 'removed').map((a) => a.productId);
  if (removed.length)
    await tx.query('update products set listed = false where id = any($1::text[]) and supplier_id = $2', [
      removed,
      viewer.id,
    ]);
  const { rows: pending } = await tx.query(
    'select 1 from complaint_products where complaint_id = $1 and supplier_response is null limit 1',
    [id],
  );
  return pending.length ? from : to;
}
