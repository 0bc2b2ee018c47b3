import { css } from 'lit';
import { theme } from '../../styles/theme.js';

export const styles = [
  theme,
  css`
  h2 { font-size: 1.15em; margin: 0 0 0.5em; }
  h3 { font-size: 1em; margin: var(--_space) 0 0.25em; }
  form.period { display: flex; flex-wrap: wrap; gap: 0.5em 1em; align-items: end; }
  form.period label { display: grid; gap: 0.25em; }
  .total { font-size: 1.6em; font-weight: 600; margin: 0.25em 0; }
  table { border-collapse: collapse; width: 100%; max-width: 40em; }
  th, td { text-align: start; padding: 0.25em 0.5em; border-bottom: 1px solid var(--_border); }
  td.n { text-align: end; font-variant-numeric: tabular-nums; }
  svg.chart { width: 100%; max-width: 40em; height: auto; display: block; }
  svg.chart rect { fill: var(--ipr-color-primary, var(--_primary, #1f6feb)); }
  svg.chart text { fill: currentColor; font-size: 10px; }
`,
];
