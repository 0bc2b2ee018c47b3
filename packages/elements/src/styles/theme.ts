import { css } from 'lit';

/** The dark look, applied by theme="dark" and by theme="auto" when the system prefers dark. */
const darkTokens = css`
  --_bg: var(--ipr-color-background, #14171f);
  --_surface: var(--ipr-color-surface, #1e2330);
  --_text: var(--ipr-color-text, #e8ebf2);
  --_muted: var(--ipr-color-muted, #a7afc2);
  --_border: var(--ipr-color-border, #3b4356);
  --_primary: var(--ipr-color-primary, #86a8ff);
  --_on-primary: var(--ipr-color-on-primary, #0d1320);
  --_danger: var(--ipr-color-danger, #ff8a80);
  --_success: var(--ipr-color-success, #7fd89a);
  --_focus: var(--ipr-color-focus, #86a8ff);
`;

/**
 * The design tokens. Public: `--ipr-*` (set them on the element or any ancestor).
 * Private `--_*` copies carry the light or dark default when the public one is unset.
 */
export const theme = css`
  :host {
    --_bg: var(--ipr-color-background, #ffffff);
    --_surface: var(--ipr-color-surface, #f6f7f9);
    --_text: var(--ipr-color-text, #1c2230);
    --_muted: var(--ipr-color-muted, #596173);
    --_border: var(--ipr-color-border, #c9ceda);
    --_primary: var(--ipr-color-primary, #1f55c8);
    --_on-primary: var(--ipr-color-on-primary, #ffffff);
    --_danger: var(--ipr-color-danger, #b42318);
    --_success: var(--ipr-color-success, #146c2e);
    --_focus: var(--ipr-color-focus, #1f55c8);
    --_radius: var(--ipr-radius, 6px);
    --_font: var(--ipr-font-family, system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', sans-serif);
    --_size: var(--ipr-font-size, 0.9375rem);
    --_space: var(--ipr-spacing, 0.75rem);
    display: block;
    /*
     * Every element lays itself out by the width of its own container (@container rules in its
     * styles), never by the window's: a 360 px side column on a desktop gets the phone layout.
     * Inline-size containment means the host takes its width from its container, not from its
     * content (in a flex row, give it a flex-basis or a width).
     */
    container-type: inline-size;
    box-sizing: border-box;
    color: var(--_text);
    background: var(--_bg);
    font-family: var(--_font);
    font-size: var(--_size);
    line-height: 1.45;
  }
  :host([hidden]) { display: none; }
  /* The element's own theme attribute, else the one <ipr-provider theme> hands down (data-ipr-theme). */
  :host([theme='dark']), :host(:not([theme])[data-ipr-theme='dark']) { ${darkTokens} }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']), :host(:not([theme])[data-ipr-theme='auto']) { ${darkTokens} }
  }
  *, *::before, *::after { box-sizing: inherit; }
  button, input, select, textarea { font: inherit; color: inherit; }
  button {
    cursor: pointer;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: 0.35em 0.9em;
    min-height: 2.2em;
  }
  button.primary { background: var(--_primary); color: var(--_on-primary); border-color: var(--_primary); }
  /* 24 × 24 CSS px at least: WCAG 2.2 target size, for link-styled buttons too. */
  button.link { border: none; background: none; color: var(--_primary); text-decoration: underline; padding: 0; min-height: 24px; min-width: 24px; }
  button:disabled { opacity: 0.55; cursor: not-allowed; }
  input:not([type='checkbox']):not([type='radio']):not([type='file']), select, textarea {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    padding: 0.4em 0.6em;
    width: 100%;
  }
  :is(input, select, textarea)[aria-invalid='true'] { border-color: var(--_danger); }
  :focus-visible { outline: 2px solid var(--_focus); outline-offset: 2px; }
  a { color: var(--_primary); }
  label { display: block; font-weight: 600; margin-bottom: 0.25em; }
  label.check { display: flex; gap: 0.5em; align-items: flex-start; font-weight: 400; }
  .field { margin-block: var(--_space); }
  .hint { color: var(--_muted); font-size: 0.9em; margin: 0.2em 0; }
  .error { color: var(--_danger); font-size: 0.9em; margin: 0.25em 0 0; }
  .error:empty { display: none; }
  .notice { border: 1px solid var(--_border); border-radius: var(--_radius); padding: var(--_space); background: var(--_surface); }
  .notice.danger { border-color: var(--_danger); }
  .row { display: flex; gap: 0.5em; align-items: center; flex-wrap: wrap; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: start; padding: 0.4em 0.5em; border-bottom: 1px solid var(--_border); vertical-align: top; }
  th { font-weight: 600; color: var(--_muted); }
  progress { width: 100%; }
  /* min-inline-size: a fieldset is min-content wide by default and would push a narrow element wider. */
  fieldset { border: 1px solid var(--_border); border-radius: var(--_radius); padding: var(--_space); margin: var(--_space) 0; min-inline-size: 0; }
  legend { font-weight: 600; padding: 0 0.3em; }
  summary { min-height: 24px; }
  ul.plain { list-style: none; padding: 0; margin: 0; }
  .badge { display: inline-block; border-radius: 999px; padding: 0.05em 0.6em; background: var(--_surface); border: 1px solid var(--_border); font-size: 0.85em; }
  dialog { color: var(--_text); background: var(--_bg); border: 1px solid var(--_border); border-radius: var(--_radius); max-width: min(34rem, 92vw); }
  dialog::backdrop { background: rgb(0 0 0 / 0.4); }
`;
