import { css } from 'lit';
import { theme } from '../../styles/theme.js';
import { warningToken } from '../../styles/warning.js';

export const styles = [theme, warningToken, css`
  .warning { color: var(--_warning); font-size: 0.85em; font-weight: 600; }
  .warning::before { content: '⚠ '; }
  .duplicates { color: var(--_warning); margin: 0.25em 0; }
  .duplicates:empty { display: none; }
  .head { display: flex; justify-content: space-between; align-items: baseline; gap: 1em; }
  .counter { font-variant-numeric: tabular-nums; color: var(--_muted); }
  .counter.full { color: var(--_danger); }
  form.search { display: flex; gap: 0.5em; align-items: flex-end; }
  form.search .grow { flex: 1; }
  .results, .added { margin-block: 0.5em; }
  h3 { font-size: 1em; margin: 0.75em 0 0.25em; }
  .item { display: flex; gap: 0.75em; align-items: center; justify-content: space-between; padding: 0.4em 0; border-bottom: 1px solid var(--_border); }
  .item .text { min-width: 0; overflow-wrap: anywhere; }
  .item .url { color: var(--_muted); font-size: 0.85em; }
  details { margin-block: var(--_space); }
  summary { cursor: pointer; font-weight: 600; }
  .rows { max-height: 18rem; overflow: auto; border: 1px solid var(--_border); border-radius: var(--_radius); }
  .rows td.bad { color: var(--_danger); }
  /* One row height (the rows are windowed): long links and messages are cut, whole in the title. */
  .rows table { table-layout: fixed; width: 100%; border-collapse: collapse; }
  .rows col.n { width: 4.5em; }
  .rows tr[data-row] td { height: 1.75rem; padding: 0 0.4em; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .rows tr.spacer td { padding: 0; border: 0; }
  .filter { display: inline-flex; gap: 0.4em; align-items: center; margin-block-end: 0.4em; }
  .added-list { max-height: 20rem; overflow: auto; }
`];
