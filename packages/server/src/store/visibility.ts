// Which complaints a viewer may see: one SQL predicate for every route that reads or acts on a
// complaint (the list, the detail, the status report, the events, the lifecycle, evidence downloads).
import type { AccountRecord } from './accounts.js';

/**
 * Which complaints a viewer may see, as SQL on alias `c` with the viewer's id as parameter `$n`:
 * - a complainant: its own;
 * - a supplier: those listing one of its products, once the platform has forwarded them (their
 *   history has `forward_to_supplier`), and still after they are cancelled, closed or arbitrated;
 *   a complaint that was never forwarded (submitted, or cancelled before forwarding) never;
 * - the platform: all.
 */
export function visibleSql(viewer: AccountRecord, n: number): string {
  switch (viewer.role) {
    case 'complainant':
      return `c.account_id = $${n}`;
    case 'supplier':
      return `(exists (select 1 from complaint_products v where v.complaint_id = c.id and v.supplier_id = $${n})
        and exists (select 1 from complaint_history f where f.complaint_id = c.id and f.action = 'forward_to_supplier'))`;
    case 'platform':
      return `($${n}::text is not null)`;
  }
}
