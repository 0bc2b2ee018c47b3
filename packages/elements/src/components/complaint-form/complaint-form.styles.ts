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
  .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 0 var(--_space); }
  .nav { display: flex; justify-content: space-between; gap: 0.5em; margin-top: calc(var(--_space) * 2); }
  dl.review { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: 0.4em 1em; }
  dl.review dt { font-weight: 600; color: var(--_muted); }
  dl.review dd { margin: 0; overflow-wrap: anywhere; white-space: pre-wrap; }
  .receipt { text-align: center; padding: calc(var(--_space) * 2) var(--_space); }
  .receipt .number { font-size: 1.6em; font-weight: 700; letter-spacing: 0.03em; }
  .summary:empty { display: none; }
  .summary { color: var(--_danger); font-weight: 600; }
`,
];
