import { css } from 'lit';
import { theme } from '../../styles/theme.js';
import { liveIndicatorStyles } from '../../base/live-events.js';

export const styles = [
  theme,
  liveIndicatorStyles,
  css`
  :host { --_row: 2.75rem; }
  .filters { display: flex; gap: var(--_space); flex-wrap: wrap; align-items: flex-end; margin-bottom: var(--_space); }
  .filters > div { min-width: 10rem; flex: 1; }
  .viewport { height: var(--ipr-list-height, 28rem); overflow: auto; border: 1px solid var(--_border); border-radius: var(--_radius); contain: strict; position: relative; }
  table { table-layout: fixed; }
  thead th { position: sticky; top: 0; background: var(--_surface); z-index: 1; height: var(--_row); }
  tr.data { height: var(--_row); }
  tr.data td { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; vertical-align: middle; padding-block: 0; }
  tr.spacer td { padding: 0; border: 0; }
  div.actions { display: flex; gap: 0.3em; align-items: center; overflow: hidden; }
  div.actions button { padding: 0.15em 0.5em; min-height: 0; font-size: 0.85em; white-space: nowrap; }
  .count { color: var(--_muted); margin: 0.4em 0; }
  .count-row { display: flex; gap: var(--_space); align-items: center; justify-content: space-between; }
  .export { flex: 0 1 auto; min-width: 0; }
  .filters > .export { min-width: 0; flex: 0 1 auto; }
  .export-label { font-weight: 600; }
  /* Busy: aria-disabled rather than disabled, so a keyboard user's focus stays on the button. */
  .export-button[aria-disabled='true'] { opacity: 0.55; cursor: progress; }
  .export-status { color: var(--_muted); font-size: 0.85em; margin: 0.25em 0 0; min-height: 1.2em; }
  col.number { width: 11rem; } col.type { width: 12rem; } col.status { width: 10rem; } col.products { width: 6rem; } col.date { width: 8rem; } col.actions { width: 16rem; }
`,
];
