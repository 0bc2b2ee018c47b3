import { css } from 'lit';
import { theme } from '../../styles/theme.js';

export const styles = [
  theme,
  css`
  :host { padding: var(--_space); border-radius: var(--_radius); }
  ol.steps { display: flex; gap: 0.5em; list-style: none; padding: 0; margin: 0 0 var(--_space); flex-wrap: wrap; }
  ol.steps li { flex: 1; min-width: 8em; padding: 0.4em 0.6em; border-bottom: 3px solid var(--_border); color: var(--_muted); }
  ol.steps li[aria-current='step'] { border-color: var(--_primary); color: var(--_text); font-weight: 600; }
  h2 { font-size: 1.25em; margin: 0 0 var(--_space); }
  h2:focus { outline: none; }
  h2:focus-visible { outline: 2px solid var(--_focus); }
  .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(14rem, 100%), 1fr)); gap: 0 var(--_space); }
  .nav { display: flex; justify-content: space-between; flex-wrap: wrap; gap: 0.5em; margin-top: calc(var(--_space) * 2); }
  dl.review { display: grid; grid-template-columns: fit-content(14em) minmax(0, 1fr); gap: 0.4em 1em; }
  dl.review dt { font-weight: 600; color: var(--_muted); }
  dl.review dd { margin: 0; overflow-wrap: anywhere; white-space: pre-wrap; }
  .receipt { text-align: center; padding: calc(var(--_space) * 2) var(--_space); }
  .receipt .number { font-size: 1.6em; font-weight: 700; letter-spacing: 0.03em; }
  .summary:empty { display: none; }
  .summary { color: var(--_danger); font-weight: 600; }

  /*
   * Narrow containers (below 600 px at the default font; the element's own width, not the
   * window's): the step bar stacks, one step a line marked at its start; two-column rows and the
   * review's labels stack over their values.
   */
  @container (width < 40em) {
    ol.steps { flex-direction: column; gap: 0.2em; }
    ol.steps li { min-width: 0; padding: 0.2em 0.6em; border-bottom: 0; border-inline-start: 3px solid var(--_border); }
    .grid { grid-template-columns: minmax(0, 1fr); }
    dl.review { grid-template-columns: minmax(0, 1fr); gap: 0.1em; }
    dl.review dd + dt { margin-top: 0.5em; }
  }
`,
];
