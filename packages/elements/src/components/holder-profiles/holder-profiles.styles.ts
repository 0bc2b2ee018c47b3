import { css } from 'lit';
import { theme } from '../../styles/theme.js';
import { warningToken } from '../../styles/warning.js';

export const styles = [
  theme,
  warningToken,
  css`
  .head { display: flex; justify-content: space-between; align-items: center; gap: 1em; flex-wrap: wrap; }
  h2 { font-size: 1.15em; margin: 0; }
  h3 { font-size: 1em; margin: 0 0 0.5em; }
  /* Name, badge and buttons in a line; they wrap as the element's own container narrows (below). */
  .profile { display: flex; gap: 0.5em 0.75em; align-items: center; padding: 0.5em 0; border-bottom: 1px solid var(--_border); flex-wrap: wrap; }
  .profile .text { flex: 1 1 12em; min-width: 0; overflow-wrap: anywhere; }
  .profile .buttons { display: flex; gap: 0.5em; margin-inline-start: auto; }
  .profile .badge { max-width: 100%; }
  .profile .label { font-weight: 600; }
  .profile .sub { color: var(--_muted); font-size: 0.9em; }
  .badge[data-state='valid'] { border-color: var(--_success); color: var(--_success); }
  .badge[data-state='expiring'] { border-color: var(--_warning); color: var(--_warning); }
  .badge[data-state='expired'] { border-color: var(--_danger); color: var(--_danger); font-weight: 600; }
  .editor { margin-block: var(--_space); border: 1px solid var(--_border); border-radius: var(--_radius); padding: var(--_space); background: var(--_surface); }
  .editor input:not([type='checkbox']), .editor select { background: var(--_bg); }
  .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(14rem, 100%), 1fr)); gap: 0 var(--_space); }
  /* Narrow containers (below 600 px at the default font): the name on a line of its own, then the badge and the buttons. */
  @container (width < 40em) {
    .profile .text { flex-basis: 100%; }
  }
  .status:empty { display: none; }
  .status { color: var(--_success); }
`,
];
