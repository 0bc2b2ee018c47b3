// The CDN bundle's fourth on-demand part: the partner and platform tools `<ipr-webhooks>` (a
// partner's endpoints and delivery log) and `<ipr-transparency-report>` (the platform's
// notice-and-action figures), loaded and registered by `loadPartnerElements()` of `cdn.ts`. Few
// pages use them, so unlike the other chunks this one is fetched only when one of its tags appears
// (or the loader is called), never just because the page went idle.
export { IprWebhooks } from './components/webhooks/webhooks.component.js';
export { IprTransparencyReport } from './components/transparency-report/transparency-report.component.js';
