/**
 * Every stable issue code. Codes are the contract between validators, server, client and
 * elements: translations, tests and host code key on them, so a code never changes meaning.
 */
export const ISSUE_CODES = [
  // generic field shape
  'field.required',
  'field.invalid_type',
  'field.too_short',
  'field.too_long',
  'field.too_big',
  'field.too_small',
  'field.invalid_choice',
  'field.invalid_email',
  'field.invalid_phone',
  'field.invalid_date',
  'field.unknown',
  // product links
  'links.required',
  'links.too_many',
  'links.empty',
  'links.not_url',
  'links.not_product_link',
  'links.duplicate',
  'links.not_found',
  'links.already_in_open_complaint',
  // evidence files
  'evidence.required',
  'evidence.too_many',
  'evidence.empty',
  'evidence.too_large',
  'evidence.type_not_allowed',
  'evidence.content_mismatch',
  'evidence.name_invalid',
  'evidence.not_found',
  'evidence.quota_exceeded',
  // spreadsheets (the Excel path)
  'sheet.type_not_allowed',
  'sheet.too_large',
  'sheet.corrupt',
  'sheet.empty',
  'sheet.no_link_column',
  'sheet.too_many_rows',
  'sheet.formula_cell',
  // IPR holder
  'holder.required',
  'holder.name_required',
  'holder.id_type_required',
  'holder.id_number_required',
  'holder.attachments_required',
  'holder.power_of_attorney_required',
  'holder.power_of_attorney_expired',
  'holder.profile_not_found',
  'holder.profile_limit',
  // type-specific
  'picture.original_required',
  // pictures compared by perceptual hash (originals against listing images)
  'picture.not_image',
  'picture.too_many_pixels',
  'picture.too_small',
  'picture.truncated',
  'picture.unreadable',
  'picture.no_match',
  // declaration on submit
  'declaration.required',
  // lifecycle
  'transition.not_allowed',
  'transition.forbidden',
  'transition.reason_required',
  'response.products_required',
  'response.statement_required',
  'response.unknown_product',
  // webhooks
  'webhook.url_invalid',
  'webhook.url_not_https',
  'webhook.url_private',
  'webhook.endpoint_limit',
  // complaint-level
  'complaint.duplicate',
  // transport, auth, server
  'auth.unauthorized',
  'auth.forbidden',
  'resource.not_found',
  'request.invalid_json',
  'request.too_large',
  'request.aborted',
  'request.rate_limited',
  'idempotency.key_reused',
  'idempotency.in_progress',
  'network.error',
  'server.error',
  'server.unavailable',
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

export type IssueParams = Record<string, string | number>;

/** One problem with an input. `message` is English; UIs re-localise by `code` + `params`. */
export interface Issue {
  code: IssueCode;
  /** Where in the input: e.g. `['productLinks', 3]` or `['holder', 'name']`. Empty for the whole input. */
  path: (string | number)[];
  message: string;
  params?: IssueParams;
}

export type Result<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

export function isIssueCode(value: unknown): value is IssueCode {
  return typeof value === 'string' && (ISSUE_CODES as readonly string[]).includes(value);
}
