// Which complaints a viewer may see: one SQL predicate for the reads, the lifecycle and the events.
import type { AccountRecord } from './accounts.js';

/** Which complaints a viewer may see, as SQL on alias `c` with the viewer's id as parameter `$n`. */
export function visibleSql(viewer: AccountRecord, n: number): string {
  switch (viewer.role) {
    case 'complainant':
      return `c.account_id = $${n}`;
    case 'supplier':
      return `exists (select 1 from complaint_products v where v.complaint_id = c.id and v.supplier_id = $${n})`;
    case 'platform':
      return `($${n}::text is not null)`;
  }
}
