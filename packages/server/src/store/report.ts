// The bulk status report: the complaint list's filters, one row per visible product.
import {
  type Complaint,
  LIMITS,
  type ProductStatus,
  type Status,
  type StatusReportRow,
  type SupplierResponse,
} from '@ipr/validators';
import type { Queryable } from '../db/types.js';
import { iso } from '../util.js';
import type { AccountRecord } from './accounts.js';
import { type ComplaintFilters, complaintFilters } from './complaints.js';

/**
 * The bulk status report: one row per product of every complaint the viewer can see (a supplier:
 * only its own products), newest complaint first, products in their order; the list's filters.
 * At most `LIMITS.maxReportRows`; `truncated` says there were more.
 */
export async function statusReport(
  db: Queryable,
  viewer: AccountRecord,
  query: ComplaintFilters,
  maxRows: number = LIMITS.maxReportRows,
): Promise<{ rows: StatusReportRow[]; truncated: boolean }> {
  const params: unknown[] = [];
  const where = complaintFilters(viewer, query, params);
  if (viewer.role === 'supplier') where.push('cp.supplier_id = $1');
  const { rows } = await db.query<{
    number: string;
    type: Complaint['type'];
    status: Status;
    created_at: Date | string;
    updated_at: Date | string;
    url: string;
    name: string;
    product_status: ProductStatus;
    supplier_response: SupplierResponse | null;
  }>(
    `select c.number, c.type, c.status, c.created_at, c.updated_at, p.url, p.name, cp.status as product_status, cp.supplier_response
       from complaints c join complaint_products cp on cp.complaint_id = c.id join products p on p.id = cp.product_id
      where ${where.join(' and ')}
      order by c.created_at desc, c.id desc, cp.position
      limit $${params.push(maxRows + 1)}`,
    params,
  );
  const truncated = rows.length > maxRows;
  return {
    rows: rows.slice(0, maxRows).map((r) => ({
      number: r.number,
      type: r.type,
      status: r.status,
      createdAt: iso(r.created_at)!,
      updatedAt: iso(r.updated_at)!,
      productUrl: r.url,
      productName: r.name,
      productStatus: r.product_status,
      supplierResponse: r.supplier_response,
    })),
    truncated,
  };
}
