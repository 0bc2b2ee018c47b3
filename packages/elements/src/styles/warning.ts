import { css } from 'lit';

/**
 * The private `--_warning` token (light and dark defaults, `--ipr-color-warning` wins), for the
 * elements that show warnings. Kept out of `theme` so the initial CDN bundle does not carry it.
 */
export const warningToken = css`
  :host { --_warning: var(--ipr-color-warning, #7a4a00); }
  :host([theme='dark']) { --_warning: var(--ipr-color-warning, #f2c46d); }
  @media (prefers-color-scheme: dark) { :host([theme='auto']) { --_warning: var(--ipr-color-warning, #f2c46d); } }
`;
