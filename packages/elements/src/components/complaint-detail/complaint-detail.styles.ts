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
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.3em 1em; }
  dt { font-weight: 600; color: var(--_muted); }
  dd { margin: 0; overflow-wrap: anywhere; white-space: pre-wrap; }
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
  .respond { display: grid; gap: 0.5em; margin-block: var(--_space); }
  .respond fieldset { display: grid; gap: 0.25em; border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.5em 0.75em; }
  .respond legend { font-weight: 600; padding: 0 0.25em; }
  .respond .send-response { justify-self: start; }
  .ok { color: var(--_success); }
  @media print {
    :host { color: #000; background: #fff; }
    .no-print, dialog { display: none !important; }
    /* "Print receipt": only the receipt of this element is printed. */
    :host([printing-receipt]) .view > :not(.receipt) { display: none !important; }
    :host([printing-receipt]) .receipt { border: 0; padding: 0; margin: 0; }
  }
`,
];
