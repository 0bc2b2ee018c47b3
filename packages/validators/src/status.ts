import type { Issue, IssueCode } from './issues.js';

/**
 * The HTTP status each issue code is answered with. One table for the whole kit: the server picks
 * a problem's status from it at the edge, and the client uses it to name a local refusal the way
 * the server would. A code's status never changes (hosts branch on both).
 */
export const STATUS_BY_CODE = {
  'field.required': 422,
  'field.invalid_type': 422,
  'field.too_short': 422,
  'field.too_long': 422,
  'field.too_big': 422,
  'field.too_small': 422,
  'field.invalid_choice': 422,
  'field.invalid_email': 422,
  'field.invalid_phone': 422,
  'field.invalid_date': 422,
  'field.unknown': 422,
  'links.required': 422,
  'links.too_many': 422,
  'links.empty': 422,
  'links.not_url': 422,
  'links.not_product_link': 422,
  'links.duplicate': 422,
  'links.not_found': 422,
  'links.already_in_open_complaint': 422,
  'evidence.required': 422,
  'evidence.too_many': 422,
  'evidence.empty': 422,
  'evidence.too_large': 413,
  'evidence.type_not_allowed': 422,
  'evidence.content_mismatch': 422,
  'evidence.name_invalid': 422,
  'evidence.not_found': 422,
  'evidence.quota_exceeded': 422,
  'sheet.type_not_allowed': 422,
  'sheet.too_large': 413,
  'sheet.corrupt': 422,
  'sheet.empty': 422,
  'sheet.no_link_column': 422,
  'sheet.too_many_rows': 422,
  'sheet.formula_cell': 422,
  'holder.required': 422,
  'holder.name_required': 422,
  'holder.id_type_required': 422,
  'holder.id_number_required': 422,
  'holder.attachments_required': 422,
  'holder.power_of_attorney_required': 422,
  'holder.power_of_attorney_expired': 422,
  'holder.profile_not_found': 422,
  'holder.profile_limit': 422,
  'picture.original_required': 422,
  'picture.not_image': 422,
  'picture.too_many_pixels': 422,
  'picture.too_small': 422,
  'picture.truncated': 422,
  'picture.unreadable': 422,
  'picture.no_match': 422,
  'declaration.required': 422,
  'transition.not_allowed': 409,
  'transition.forbidden': 403,
  'transition.reason_required': 422,
  'response.products_required': 422,
  'response.statement_required': 422,
  'response.unknown_product': 422,
  'webhook.url_invalid': 422,
  'webhook.url_not_https': 422,
  'webhook.url_private': 422,
  'webhook.endpoint_limit': 422,
  'complaint.duplicate': 409,
  'auth.unauthorized': 401,
  'auth.forbidden': 403,
  'resource.not_found': 404,
  'request.invalid_json': 400,
  'request.too_large': 413,
  'request.aborted': 400,
  'request.rate_limited': 429,
  'idempotency.key_reused': 422,
  'idempotency.in_progress': 409,
  // Never sent by the server: the client's code for a request that got no answer at all.
  'network.error': 0,
  'server.error': 500,
  'server.unavailable': 503,
} as const satisfies Record<IssueCode, number>;

/** The status a problem made of these issues is answered with: the first issue names it. */
export function statusOfIssues(issues: readonly Issue[]): number {
  const first = issues[0];
  return first ? STATUS_BY_CODE[first.code] : 500;
}

/**
 * The code an answer without a readable problem body stands for (a proxy's HTML page, an empty
 * body): the generic code of its status.
 */
export function codeForStatus(status: number): IssueCode {
  return CODE_BY_STATUS[status] ?? 'server.error';
}

const CODE_BY_STATUS: Record<number, IssueCode> = {
  400: 'request.invalid_json',
  401: 'auth.unauthorized',
  403: 'auth.forbidden',
  404: 'resource.not_found',
  409: 'transition.not_allowed',
  413: 'request.too_large',
  422: 'field.invalid_type',
  429: 'request.rate_limited',
  503: 'server.unavailable',
};
