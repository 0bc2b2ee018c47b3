import { css } from 'lit';
import { theme } from '../../styles/theme.js';
import { warningToken } from '../../styles/warning.js';

export const styles = [
  theme,
  warningToken,
  css`
  .warning { color: var(--_warning); font-weight: 600; }
  .warning::before { content: '⚠'; }
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
  /* The name gives way, never the button (Chinese labels would otherwise break a character a line). */
  .item > button { flex: none; white-space: nowrap; }
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
  /*
   * One item height (the list is windowed): name on one line, then the link, each cut with an
   * ellipsis (whole in the title). A product in an open complaint has the warning in front of its
   * link on that second line; the link gives way first, then the sentence, never the number.
   */
  .added-list > li.item { box-sizing: border-box; height: 3.5em; padding-block: 0.4em; }
  .added-list > li.spacer { padding: 0; border: 0; }
  .added-list .text { flex: 1; min-width: 0; overflow-wrap: normal; line-height: 1.4; }
  .added-list .text > .name, .added-list .text > .url { display: block; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .added-list .sub { display: flex; gap: 0.5em; font-size: 0.85em; white-space: nowrap; overflow: hidden; }
  .added-list .sub > .url { flex: 1 1 0; min-width: 0; overflow: hidden; text-overflow: ellipsis; font-size: 1em; }
  .added-list .warning { display: flex; gap: 0.3em; min-width: 0; flex: 0 1 auto; }
  .added-list .warning .cut { min-width: 0; overflow: hidden; text-overflow: ellipsis; }
  .added-list .warning .kept { flex: none; }
`,
];
