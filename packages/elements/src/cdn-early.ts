// The first code of the CDN bundle (cdn.ts imports it before anything else): when the page already
// holds a tag of an on-demand chunk, that chunk's fetch starts now, while the rest of the bundle
// (lit, the client, the validators) is still evaluating, instead of after it. The chunk itself
// imports the bundle, so it evaluates only once the bundle has; cdn.ts registers its elements.

/** The tags of each on-demand chunk (cdn.ts watches for them too). */
export const FORM_TAGS = 'ipr-complaint-form, ipr-product-picker, ipr-evidence-picker, ipr-holder-profiles';
export const DETAIL_TAGS = 'ipr-complaint-detail';
export const LIST_TAGS = 'ipr-complaint-list';
export const PARTNER_TAGS = 'ipr-webhooks, ipr-transparency-report';

/** The on-demand chunks (the browser's module map makes a second call share the first fetch). */
export const formChunk = () => import('./form-elements.js');
export const detailChunk = () => import('./detail-element.js');
export const listChunk = () => import('./list-element.js');
export const partnerChunk = () => import('./partner-elements.js');

if (typeof document !== 'undefined') {
  // Failures are reported by cdn.ts's own load of the same module.
  if (document.querySelector(FORM_TAGS)) formChunk().catch(() => undefined);
  if (document.querySelector(DETAIL_TAGS)) detailChunk().catch(() => undefined);
  if (document.querySelector(LIST_TAGS)) listChunk().catch(() => undefined);
  if (document.querySelector(PARTNER_TAGS)) partnerChunk().catch(() => undefined);
}
