import { css } from 'lit';
import { theme } from '../../styles/theme.js';

export const styles = [theme, css`
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
`];
