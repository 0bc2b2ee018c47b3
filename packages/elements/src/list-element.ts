// The CDN bundle's third on-demand part: `<ipr-complaint-list>` (with its row window and live
// updates), loaded and registered by `loadListElement()` of `cdn.ts`. The list's fetch starts in the
// bundle's first statement when the page holds the tag, so a list page pays one parallel request.
export { IprComplaintList } from './components/complaint-list/complaint-list.component.js';
