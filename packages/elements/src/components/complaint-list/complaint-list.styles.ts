import { css } from 'lit';
import { theme } from '../../styles/theme.js';
import { liveIndicatorStyles } from '../../base/live-events.js';

/*
 * Laid out by the width of the element's own container (container queries on the host), never
 * by the window: a 360 px side column on a desktop gets the phone layout. Breakpoints are in em
 * of the host's font (15 px by default), so a larger --ipr-font-size moves them along:
 *   ≥ 76em (1,140 px)    a table; the actions wrap onto a second line inside their cell.
 *   40–76em               wide cards: number, type, status; products and dates; actions in a line.
 *   < 40em (600 px)       narrow cards: number and status, type, dates, actions two by two.
 * Rows are windowed (RowWindow measures one row), so each layout gives its rows one fixed
 * height, tall enough for the worst case: four actions (a complainant's "supplier responded").
 * Table parts keep their semantics through explicit ARIA roles when their display changes.
 */
export const styles = [
  theme,
  liveIndicatorStyles,
  css`
  :host { --_row: 4.25em; }
  .filters { display: flex; gap: var(--_space); flex-wrap: wrap; align-items: flex-end; margin-bottom: var(--_space); }
  .filters > div { min-width: min(10rem, 100%); flex: 1; }
  .viewport { height: var(--ipr-list-height, 28rem); overflow: auto; border: 1px solid var(--_border); border-radius: var(--_radius); contain: strict; position: relative; }
  table { table-layout: fixed; }
  thead th { position: sticky; top: 0; background: var(--_surface); z-index: 1; height: 2.75rem; vertical-align: middle; }
  tr.data { height: var(--_row); }
  tr.data td { overflow: hidden; vertical-align: middle; padding-block: 0.25em; }
  tr.data td:is(.number, .status, .created, .updated) { white-space: nowrap; text-overflow: ellipsis; }
  .match { display: block; font-size: 0.75em; color: var(--_muted); overflow: hidden; text-overflow: ellipsis; }
  .match[data-band='likely_same'] { color: inherit; font-weight: 600; }
  tr.spacer td { padding: 0; border: 0; }
  button.number { min-height: 24px; max-width: 100%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; text-align: start; }
  div.actions { display: flex; flex-wrap: wrap; gap: 0.25em 0.3em; align-items: center; }
  div.actions button { padding: 0.1em 0.55em; min-height: max(24px, 1.9em); min-width: 24px; font-size: 0.85em; white-space: nowrap; }
  .count { color: var(--_muted); margin: 0.4em 0; }
  .count-row { display: flex; gap: var(--_space); align-items: center; justify-content: space-between; flex-wrap: wrap; }
  .export { flex: 0 1 auto; min-width: 0; }
  .filters > .export { min-width: 0; flex: 0 1 auto; }
  .export-label { font-weight: 600; }
  /* Busy: aria-disabled rather than disabled, so a keyboard user's focus stays on the button. */
  .export-button[aria-disabled='true'] { opacity: 0.55; cursor: progress; }
  .export-status { color: var(--_muted); font-size: 0.85em; margin: 0.25em 0 0; min-height: 1.2em; }
  /* The rest goes to the actions: at 1,140 px and wider, four fit in two lines. */
  col.number { width: 10em; } col.type { width: 9em; } col.status { width: 11em; } col.products { width: 6.25em; } col.date { width: 9em; }

  /* Cards: the table parts become blocks and grids; the header row stays, for assistive technology only. */
  @container (width < 76em) {
    table, tbody { display: block; }
    colgroup { display: none; }
    thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
    tr.spacer, tr.spacer td { display: block; }
    tr.data {
      --_row: 6.5em;
      display: grid;
      grid-template-columns: minmax(0, auto) minmax(0, 1fr) auto;
      grid-template-areas: 'number type status' 'products created updated' 'actions actions actions';
      grid-template-rows: auto auto 1fr;
      align-items: center;
      gap: 0.2em 0.75em;
      box-sizing: border-box;
      padding: 0.4em 0.6em;
      border-bottom: 1px solid var(--_border);
      overflow: hidden;
    }
    tr.data td { display: block; padding: 0; border: 0; min-width: 0; white-space: nowrap; text-overflow: ellipsis; }
    tr.data td[data-label]::before { content: attr(data-label) ' ' / ''; color: var(--_muted); }
    td.number { grid-area: number; }
    td.type { grid-area: type; }
    td.status { grid-area: status; justify-self: end; }
    td.products { grid-area: products; }
    td.created { grid-area: created; }
    td.updated { grid-area: updated; justify-self: end; }
    td:is(.products, .created, .updated) { font-size: 0.85em; }
    td.actions { grid-area: actions; align-self: start; }
    div.actions { flex-wrap: nowrap; }
  }
  @container (width < 40em) {
    tr.data {
      --_row: 11em;
      grid-template-columns: minmax(0, 1fr) auto;
      grid-template-areas: 'number status' 'type type' 'created created' 'updated products' 'actions actions';
      grid-template-rows: auto auto auto auto 1fr;
    }
    td.products { justify-self: end; }
    td.updated { justify-self: start; }
    /* Two by two: four actions take two lines at 320 px, each button half the card wide. */
    div.actions { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); }
    div.actions button { overflow: hidden; text-overflow: ellipsis; }
  }
`,
];
