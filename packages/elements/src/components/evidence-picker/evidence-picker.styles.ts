import { css } from 'lit';
import { theme } from '../../styles/theme.js';

export const styles = [
  theme,
  css`
  .drop { border: 2px dashed var(--_border); border-radius: var(--_radius); padding: var(--_space); text-align: center; }
  .drop.over { border-color: var(--_primary); background: var(--_surface); }
  .item { display: flex; gap: 0.75em; align-items: center; padding: 0.4em 0; border-bottom: 1px solid var(--_border); flex-wrap: wrap; }
  .item .text { flex: 1 1 10em; min-width: 0; overflow-wrap: anywhere; }
  /* What follows the name (the original mark, Remove) keeps to the end of the line it wraps onto. */
  .item > .text + * { margin-inline-start: auto; }
  .item img { width: 48px; height: 48px; object-fit: cover; border-radius: var(--_radius); border: 1px solid var(--_border); }
  .meta { color: var(--_muted); font-size: 0.85em; }
  .failed .text { color: var(--_danger); }
  details { margin-block: 0.5em; }
  summary { cursor: pointer; }
  .saved { max-height: 14rem; overflow: auto; }
  .item label.check { margin-block: 0; align-items: center; }
  /* Narrow containers (below 600 px at the default font): a preview and its name fill the first line, the original mark and Remove the next. */
  @container (width < 40em) {
    .item:has(> img) > .text { flex-basis: calc(100% - 48px - 0.75em); }
  }
`,
];
