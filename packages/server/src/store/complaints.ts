// Reading complaints: one in full (what each role may see of it) and the filtered, paged list.
import {
  allowedActions,
  type Complaint,
  type ComplaintSort,
  compareMatchStrength,
  type ComplaintSummary,
  type Contact,
  isOpenStatus,
  pictureBand,
  type ProductStatus,
  type Role,
  STATUSES,
  type Status,
  type SupplierResponse,
} from '@ipr/validators';
import { type ProductRow, thumbnailFor } from '../catalogue.js';
import type { Queryable } from '../db/types.js';
import { problem } from '../problem.js';
import { decodeCursor, encodeCursor, escapeLike, iso } from '../util.js';
import type { AccountRecord } from './accounts.js';
import { type EvidenceRow, toEvidence } from './evidence.js';
import { visibleSql } from './visibility.js';

export interface ComplaintRow {
  id: string;
  number: string;
  account_id: string;
  type: Complaint['type'];
  status: Status;
  description: string;
  contact: Contact;
  disclose_contact: boolean;
  is_ipr_holder: boolean;
  holder: Complaint['holder'];
  arbitration: Complaint['arbitration'];
  receipt: Complaint['receipt'];
  product_count: number;
  created_at: Date | string;
  updated_at: Date | string;
}

/** The complainant as a history actor for a supplier it did not disclose itself to. */
const UNDISCLOSED_COMPLAINANT = { id: null, role: 'complainant', name: 'Complainant' } as const;

/** The statuses of an open complaint (the validators' `isOpenStatus`). */
export const OPEN_STATUSES = STATUSES.filter((s) => isOpenStatus(s));

export async function getComplaint(db: Queryable, viewer: AccountRecord, id: string): Promise<Complaint | null> {
  const { rows } = await db.query<ComplaintRow>(
    `select c.* from complaints c where c.id = $1 and ${visibleSql(viewer, 2)}`,
    [id, viewer.id],
  );
  const c = rows[0];
  if (!c) return null;
  const supplierOnly = viewer.role === 'supplier';
  // Who complained (name, company, e-mail, phone, account id, names in the history) is the
  // supplier's to know only when the complainant consented to disclose it.
  const anonymous = supplierOnly && !c.disclose_contact;
  const [products, evidence, history] = await Promise.all([
    db.query<
      ProductRow & {
        status: ProductStatus;
        supplier_response: SupplierResponse | null;
        supplier_statement: string | null;
        checked_at: Date | string | null;
      }
    >(
      `select p.id, p.url, p.name, cp.supplier_id, a.display_name as supplier_name, p.category, p.listed,
              cp.status, cp.supplier_response, cp.supplier_statement, cp.checked_at
         from complaint_products cp join products p on p.id = cp.product_id join accounts a on a.id = cp.supplier_id
        where cp.complaint_id = $1 ${supplierOnly ? 'and cp.supplier_id = $2' : ''}
        order by cp.position`,
      supplierOnly ? [id, viewer.id] : [id],
    ),
    db.query<EvidenceRow & { original: boolean }>(
      `select e.*, ce.original from complaint_evidence ce join evidence e on e.id = ce.evidence_id
        where ce.complaint_id = $1 and ce.purpose = 'evidence' order by ce.position`,
      [id],
    ),
    db.query<{
      action: Complaint['history'][number]['action'];
      from_status: Status | null;
      to_status: Status;
      actor_id: string;
      actor_role: Role;
      actor_name: string;
      at: Date | string;
      reason: string | null;
    }>('select * from complaint_history where complaint_id = $1 order by seq', [id]),
  ]);
  return {
    id: c.id,
    number: c.number,
    type: c.type,
    status: c.status,
    description: c.description,
    complainantId: anonymous ? null : c.account_id,
    contact: anonymous ? null : c.contact,
    discloseContactToSupplier: c.disclose_contact,
    isIprHolder: c.is_ipr_holder,
    // A supplier learns who holds the right, not the holder's identity documents or numbers.
    holder: c.holder
      ? supplierOnly
        ? { ...c.holder, identificationNumber: '', identificationAttachments: [], powerOfAttorney: [] }
        : c.holder
      : null,
    products: products.rows.map((p) => ({
      productId: p.id,
      url: p.url,
      name: p.name,
      supplierId: p.supplier_id,
      supplierName: p.supplier_name,
      thumbnailUrl: thumbnailFor(p.category),
      status: p.status,
      supplierResponse: p.supplier_response,
      supplierStatement: p.supplier_statement,
      checkedAt: iso(p.checked_at),
    })),
    evidence: evidence.rows.map((e) => ({ ...toEvidence(e), original: e.original })),
    // Another supplier's answers (and so its involvement) are not this supplier's business.
    history: history.rows
      .filter((h) => !(supplierOnly && h.actor_role === 'supplier' && h.actor_id !== viewer.id))
      .map((h) => ({
        action: h.action,
        from: h.from_status,
        to: h.to_status,
        actor:
          anonymous && h.actor_role === 'complainant'
            ? UNDISCLOSED_COMPLAINANT
            : { id: h.actor_id, role: h.actor_role, name: h.actor_name },
        at: iso(h.at)!,
        reason: h.reason,
      })),
    arbitration: c.arbitration ?? null,
    // The receipt is the complainant's (it lists every supplier's products).
    receipt: supplierOnly ? null : (c.receipt ?? null),
    allowedActions: allowedActions(c.status, viewer.role),
    createdAt: iso(c.created_at)!,
    updatedAt: iso(c.updated_at)!,
  };
}

/** The list's filters: what `GET /v1/complaints` (and the status report) may narrow by. */
export interface ComplaintFilters {
  status?: Status | undefined;
  type?: Complaint['type'] | undefined;
  /** Part of a complaint number. */
  q?: string | undefined;
}

export interface ComplaintListQuery extends ComplaintFilters {
  cursor?: string | undefined;
  sort?: ComplaintSort | undefined;
  limit: number;
  page?: number | undefined;
}

/** The list's filters on alias `c`: visible to the viewer (`$1`), then status, type and number search (pushed on `params`). */
export function complaintFilters(viewer: AccountRecord, query: ComplaintFilters, params: unknown[]): string[] {
  const where = [visibleSql(viewer, params.push(viewer.id))];
  if (query.status) where.push(`c.status = $${params.push(query.status)}`);
  if (query.type) where.push(`c.type = $${params.push(query.type)}`);
  if (query.q?.trim()) where.push(`c.number ilike $${params.push(`%${escapeLike(query.q.trim())}%`)}`);
  return where;
}

/** The version of a complaint the viewer can see (migration 8), or null: the detail's ETag without reading it. */
export async function complaintVersion(db: Queryable, viewer: AccountRecord, id: string): Promise<string | null> {
  const { rows } = await db.query<{ version: string | number }>(
    `select c.version from complaints c where c.id = $1 and ${visibleSql(viewer, 2)}`,
    [id, viewer.id],
  );
  return rows[0] ? String(rows[0].version) : null;
}

export interface ComplaintPage {
  items: ComplaintSummary[];
  total: number;
  nextCursor: string | null;
}

/** A list row as the list shows it (`productCount`: what the viewer may see of them). */
const summaryOf = (
  r: Pick<ComplaintRow, 'id' | 'number' | 'type' | 'status' | 'created_at' | 'updated_at'>,
  productCount: number,
): ComplaintSummary => ({
  id: r.id,
  number: r.number,
  type: r.type,
  status: r.status,
  productCount,
  createdAt: iso(r.created_at)!,
  updatedAt: iso(r.updated_at)!,
});

export async function listComplaints(db: Queryable, viewer: AccountRecord, query: ComplaintListQuery) {
  return (await listComplaintsVersioned(db, viewer, query)).page;
}

/** The page, and `id:version` of each complaint on it (what its ETag is made from). */
export async function listComplaintsVersioned(
  db: Queryable,
  viewer: AccountRecord,
  query: ComplaintListQuery,
): Promise<{ page: ComplaintPage; versions: string[] }> {
  const params: unknown[] = [];
  const filter = complaintFilters(viewer, query, params).join(' and ');
  const countParams = [...params];
  let page = '';
  if (query.cursor) {
    const parts = decodeCursor(query.cursor);
    const at = parts?.length === 2 ? new Date(parts[0]!) : null;
    const year = at?.getUTCFullYear() ?? NaN;
    if (!parts || !at || !(year >= 1970 && year <= 9999) || parts[1]!.includes('\u0000') || parts[1]!.length > 200) {
      throw problem('field.invalid_type', ['cursor']);
    }
    page = ` and (c.created_at, c.id) < ($${params.push(at.toISOString())}::timestamptz, $${params.push(parts[1])})`;
  }
  const offset = !query.cursor && query.page ? (query.page - 1) * query.limit : 0;
  const productCount =
    viewer.role === 'supplier'
      ? `(select count(*)::int from complaint_products s where s.complaint_id = c.id and s.supplier_id = $1)`
      : 'c.product_count';
  const [list, count] = await Promise.all([
    db.query<ComplaintRow & { visible_count: number; version: string | number }>(
      `select c.id, c.number, c.type, c.status, c.created_at, c.updated_at, c.version, ${productCount} as visible_count
         from complaints c where ${filter}${page}
        order by c.created_at desc, c.id desc limit $${params.push(query.limit + 1)} offset $${params.push(offset)}`,
      params,
    ),
    db.query<{ n: number }>(`select count(*)::int as n from complaints c where ${filter}`, countParams),
  ]);
  const rows = list.rows.slice(0, query.limit);
  const last = rows[rows.length - 1];
  const answer: ComplaintPage = {
    items: rows.map((r) => summaryOf(r, r.visible_count)),
    total: count.rows[0]?.n ?? 0,
    nextCursor: list.rows.length > query.limit && last ? encodeCursor([iso(last.created_at)!, last.id]) : null,
  };
  return { page: answer, versions: rows.map((r) => `${r.id}:${r.version}`) };
}

/**
 * The platform's list sorted by match: the visible Picture Embezzlement complaints (other filters
 * apply too) by their strongest match, smallest distance first, none comparable last, ties newest
 * first. Every candidate's strength is needed to order them, so the page is an offset into the
 * whole ordered list (its cursor carries the offset).
 */
export async function listComplaintsByMatch(
  db: Queryable,
  viewer: AccountRecord,
  query: ComplaintListQuery,
  strengthsOf: (ids: string[]) => Promise<Map<string, number | null>>,
): Promise<{ page: ComplaintPage; versions: string[] }> {
  const params: unknown[] = [];
  const filter = [...complaintFilters(viewer, query, params), `c.type = 'picture_embezzlement'`].join(' and ');
  let offset = query.page ? (query.page - 1) * query.limit : 0;
  if (query.cursor) {
    const parts = decodeCursor(query.cursor);
    if (parts?.length !== 2 || parts[0] !== 'match' || !/^\d{1,9}$/.test(parts[1]!)) {
      throw problem('field.invalid_type', ['cursor']);
    }
    offset = Number(parts[1]);
  }
  const { rows } = await db.query<ComplaintRow & { version: string | number }>(
    `select c.id, c.number, c.type, c.status, c.created_at, c.updated_at, c.version, c.product_count
       from complaints c where ${filter} order by c.created_at desc, c.id desc`,
    params,
  );
  const strengths = await strengthsOf(rows.map((r) => r.id));
  // Array sort is stable: equal strengths keep the newest-first order of the query.
  const ordered = rows
    .map((r) => ({ r, distance: strengths.get(r.id) ?? null }))
    .sort((a, b) => compareMatchStrength(a.distance, b.distance));
  const slice = ordered.slice(offset, offset + query.limit);
  const next = offset + query.limit;
  return {
    page: {
      items: slice.map(({ r, distance }) => ({
        ...summaryOf(r, r.product_count),
        match: { distance, band: pictureBand(distance) },
      })),
      total: ordered.length,
      nextCursor: next < ordered.length ? encodeCursor(['match', String(next)]) : null,
    },
    versions: slice.map(({ r, distance }) => `${r.id}:${r.version}:${distance ?? '-'}`),
  };
}
