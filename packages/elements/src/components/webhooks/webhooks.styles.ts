import { css } from 'lit';
import { theme } from '../../styles/theme.js';

export const styles = [
  theme,
  css`
  h2 { font-size: 1.15em; margin: 0 0 0.25em; }
  .intro { color: var(--_muted); margin: 0 0 var(--_space); }
  ul.endpoints { list-style: none; margin: 0; padding: 0; }
  .endpoint { padding: 0.5em 0; border-bottom: 1px solid var(--_border); }
  .endpoint .line { display: flex; gap: 0.5em 0.75em; align-items: center; flex-wrap: wrap; }
  .endpoint .url { flex: 1 1 14em; min-width: 0; overflow-wrap: anywhere; font-family: ui-monospace, monospace; }
  .endpoint .sub { color: var(--_muted); font-size: 0.9em; }
  .endpoint .buttons { display: flex; gap: 0.5em; margin-inline-start: auto; }
  table.log { width: 100%; border-collapse: collapse; margin-top: 0.5em; font-size: 0.9em; }
  table.log th, table.log td { text-align: start; padding: 0.25em 0.5em; border-bottom: 1px solid var(--_border); vertical-align: top; }
  [data-state='delivered'] .state { color: var(--_success); }
  [data-state='dead'] .state { color: var(--_danger); font-weight: 600; }
  form.add { margin-top: var(--_space); display: grid; gap: 0.5em; border: 1px solid var(--_border); border-radius: var(--_radius); padding: var(--_space); background: var(--_surface); }
  form.add input[type='url'], form.add input[type='text'] { background: var(--_bg); }
  fieldset { border: 0; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0.25em 1em; }
  legend { font-weight: 600; margin-bottom: 0.25em; }
  .secret { margin-top: var(--_space); border: 1px solid var(--_warning, var(--_border)); border-radius: var(--_radius); padding: var(--_space); overflow-wrap: anywhere; }
  .secret code { font-size: 0.95em; }
  .status:empty { display: none; }
  .status { color: var(--_success); }
`,
];
