import './config.js';
import type { Issue, Result } from './issues.js';
import { issue } from './messages/format.js';
import { parseWith } from './parse.js';
import { SupplierResponseBodySchema, type SupplierResponseBody } from './schemas.js';

/**
 * A supplier's answer for its products of a complaint: at least one product, and a statement for
 * every product declared not infringing. (Which products are the supplier's own is the server's
 * to say: `response.unknown_product`.) The server, the client and `<ipr-complaint-detail>` use it.
 */
export function validateSupplierResponse(input: unknown): Result<SupplierResponseBody> {
  const parsed = parseWith(SupplierResponseBodySchema, input);
  if (!parsed.ok) return parsed;
  const answers = parsed.value.products;
  if (!answers.length) return { ok: false, issues: [issue('response.products_required', ['products'])] };
  const issues: Issue[] = [];
  answers.forEach((a, i) => {
    if (a.response === 'not_infringing' && !(a.statement ?? '').trim())
      issues.push(issue('response.statement_required', ['products', i, 'statement']));
  });
  return issues.length ? { ok: false, issues } : parsed;
}
