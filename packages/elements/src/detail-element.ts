// The CDN bundle's second on-demand part: `<ipr-complaint-detail>` (with the receipt), loaded and
// registered by `loadDetailElement()` of `cdn.ts` — a page shows it after a complaint is chosen.
export { IprComplaintDetail } from './components/complaint-detail/complaint-detail.component.js';
