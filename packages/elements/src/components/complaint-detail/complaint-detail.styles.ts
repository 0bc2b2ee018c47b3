import { css } from 'lit';
import { theme } from '../../styles/theme.js';
import { liveIndicatorStyles } from '../../base/live-events.js';

export const styles = [
  theme,
  liveIndicatorStyles,
  css`
  header { display: flex; gap: var(--_space); align-items: baseline; flex-wrap: wrap; }
  h2 { margin: 0; font-size: 1.3em; }
  h3 { font-size: 1.05em; margin: calc(var(--_space) * 1.5) 0 0.5em; }
  /* Long words and addresses break only where they would stick out. */
  .view { overflow-wrap: break-word; }
  /* Labels beside values (a label column of at most 12em); labels over values when narrow (below). */
  dl { display: grid; grid-template-columns: fit-content(12em) minmax(0, 1fr); gap: 0.3em 1em; }
  dt { font-weight: 600; color: var(--_muted); }
  dd { margin: 0; overflow-wrap: anywhere; white-space: pre-wrap; }
  table[part='products'] { table-layout: fixed; }
  table[part='products'] th:nth-child(1) { width: 38%; }
  table[part='products'] th:nth-child(3) { width: 11em; }
  table[part='products'] th:nth-child(4) { width: 10em; }
  ol.history { padding-inline-start: 1.2em; }
  ol.history li { margin-bottom: 0.4em; }
  .meta { color: var(--_muted); font-size: 0.85em; }
  .actions { display: flex; gap: 0.5em; flex-wrap: wrap; margin-top: var(--_space); }
  td { overflow-wrap: anywhere; }
  header .live { margin-inline-start: auto; }
  .receipt { border: 1px solid var(--_border); border-radius: var(--_radius); padding: var(--_space); margin-top: calc(var(--_space) * 1.5); }
  .receipt h3 { margin-top: 0; }
  .receipt h4 { font-size: 0.95em; margin: var(--_space) 0 0.3em; }
  .receipt ul { margin: 0; padding-inline-start: 1.2em; overflow-wrap: anywhere; }
  .receipt code { font-size: 0.85em; overflow-wrap: anywhere; }
  /* A supplier's per-product answers. */
  .matches { display: grid; gap: 0.5em; }
  .match { display: flex; gap: var(--_space); align-items: center; }
  .match .thumbs { display: flex; gap: 0.25em; flex: none; }
  .match img { width: 64px; height: 64px; object-fit: cover; border: 1px solid var(--_border); border-radius: var(--_radius); }
  .match .text { display: grid; gap: 0.15em; min-width: 0; }
  .band[data-band='likely_same'] { font-weight: 600; }
  .band[data-band='no_match'] { color: var(--_muted); }
  .respond { display: grid; gap: 0.5em; margin-block: var(--_space); }
  .respond fieldset { display: grid; gap: 0.25em; border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.5em 0.75em; }
  .respond legend { font-weight: 600; padding: 0 0.25em; }
  .respond .send-response { justify-self: start; }
  .ok { color: var(--_success); }
  .notice, .reason, .notice-text { overflow-wrap: anywhere; }

  /* Narrow containers (below 600 px at the default font): labels over values, products as stacked rows. */
  @container (width < 40em) {
    dl { grid-template-columns: minmax(0, 1fr); gap: 0.1em; }
    dd + dt { margin-top: 0.5em; }
    table[part='products'], table[part='products'] :is(tbody, tr, td) { display: block; }
    table[part='products'] thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
    table[part='products'] tr { padding-block: 0.5em; border-bottom: 1px solid var(--_border); }
    table[part='products'] td { border: 0; padding: 0.1em 0; }
    table[part='products'] td.product .name { font-weight: 600; }
    table[part='products'] td[data-label]::before { content: attr(data-label) ': ' / ''; color: var(--_muted); }
    table[part='products'] td[data-label]:empty { display: none; }
  }
  @media print {
    :host { color: #000; background: #fff; }
    .no-print, dialog { display: none !important; }
    /* "Print receipt": only the receipt of this element is printed. */
    :host([printing-receipt]) .view > :not(.receipt) { display: none !important; }
    :host([printing-receipt]) .receipt { border: 0; padding: 0; margin: 0; }
  }
`,
];
