// Layout checks for the responsive suite: an element is laid out inside a container div of a
// given width (the window stays wide, so only container queries can react), then checked for
// horizontal overflow, for action buttons that are whole, inside the element and hit-testable,
// and for target size; a screenshot is written for review (test-results/responsive/, not compared).
import { expect } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';

export const WIDTHS = [320, 390, 768, 1280] as const;
export const LOCALES = ['en', 'zh-CN'] as const;
export const THEMES = ['light', 'dark'] as const;
export type Width = (typeof WIDTHS)[number];
export type LocaleName = (typeof LOCALES)[number];
export type ThemeName = (typeof THEMES)[number];

/** WCAG 2.2 target size (minimum), in CSS px. */
const TARGET = 24;
/** Sub-pixel rounding. */
const SLACK = 0.5;

/** A window wider than the widest container: only the container decides the layout. */
export async function wideWindow(): Promise<void> {
  await setViewport({ width: 1440, height: 900 });
}

/** A few frames: container query results, ResizeObservers and the re-renders they ask for have run. */
export async function settle(el?: Element & { updateComplete?: Promise<unknown> }, frames = 3): Promise<void> {
  for (let i = 0; i < frames; i++) {
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
    await el?.updateComplete;
  }
}

/** The element and every element inside its shadow root, recursively through nested shadow roots. */
export function* deepElements(root: Element): Generator<Element> {
  const scope = root.shadowRoot;
  if (!scope) return;
  for (const el of scope.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* deepElements(el);
  }
}

/** The parent in the flat tree (through shadow roots and slots). */
function flatParent(el: Element): Element | null {
  if (el.assignedSlot) return el.assignedSlot;
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

function isRendered(el: Element): boolean {
  // checkVisibility: false inside a closed <details> (its content is skipped, not laid out) and for display: none.
  if (!el.getClientRects().length || !el.checkVisibility({ visibilityProperty: true })) return false;
  const style = getComputedStyle(el);
  return style.visibility !== 'hidden' && style.display !== 'contents';
}

/** Whether the element, or an ancestor below `host`, clips its overflow (then what sticks out is not seen). */
const clips = (el: Element) => {
  const { overflowX } = getComputedStyle(el);
  return overflowX !== 'visible';
};

/** The part of the element's box that is not clipped by an ancestor inside `host`. */
function visibleBox(el: Element, host: Element): { left: number; right: number } {
  const r = el.getBoundingClientRect();
  let left = r.left;
  let right = r.right;
  for (let p = flatParent(el); p && p !== host; p = flatParent(p)) {
    if (!clips(p)) continue;
    const c = p.getBoundingClientRect();
    left = Math.max(left, c.left);
    right = Math.min(right, c.right);
  }
  return { left, right };
}

/** The container div the element is laid out in (past an `<ipr-provider>`, which is display: contents). */
export function frameOf(host: Element): HTMLElement {
  let frame = host.parentElement!;
  while (getComputedStyle(frame).display === 'contents') frame = frame.parentElement!;
  return frame;
}

/** A path for messages: `tr.data > td.actions > button.action`. */
export function pathOf(el: Element): string {
  const parts: string[] = [];
  for (let e: Element | null = el; e && parts.length < 4; e = flatParent(e)) {
    const cls = typeof e.className === 'string' && e.className ? `.${e.className.trim().split(/\s+/).join('.')}` : '';
    const part = e.getAttribute('part');
    parts.unshift(`${e.localName}${e.id ? `#${e.id}` : ''}${cls}${part ? `[part=${part}]` : ''}`);
  }
  return parts.join(' > ');
}

/**
 * No horizontal overflow: the host fits its container, neither it nor any scrolling part inside
 * scrolls sideways, and no visible box sticks out past the host's left or right edge.
 */
export function assertNoOverflow(host: HTMLElement, where: string): void {
  const frame = frameOf(host);
  const hostBox = host.getBoundingClientRect();
  const frameBox = frame.getBoundingClientRect();
  expect(hostBox.width, `${where}: the host is wider than its container`).to.be.at.most(frameBox.width + SLACK);
  expect(host.scrollWidth, `${where}: the host scrolls sideways`).to.be.at.most(host.clientWidth + 1);
  const problems: string[] = [];
  for (const el of deepElements(host)) {
    if (!isRendered(el)) continue;
    const style = getComputedStyle(el);
    if (
      (style.overflowX === 'auto' || style.overflowX === 'scroll') &&
      el.scrollWidth > el.clientWidth + 1 &&
      el.localName !== 'textarea'
    )
      problems.push(`${pathOf(el)} scrolls sideways (${el.scrollWidth} > ${el.clientWidth})`);
    const box = visibleBox(el, host);
    if (box.right <= box.left) continue;
    if (box.right > hostBox.right + SLACK || box.left < hostBox.left - SLACK)
      problems.push(
        `${pathOf(el)} spans ${Math.round(box.left - hostBox.left)}..${Math.round(box.right - hostBox.left)} of ${Math.round(hostBox.width)}`,
      );
  }
  expect(problems, `${where}: overflow`).to.deep.equal([]);
}

/**
 * Each element is shown whole: not cut by an ancestor that clips (an ellipsis cell, a card of
 * fixed height), and its own text not cut short (no scrollWidth past its width).
 */
export function assertUncut(host: HTMLElement, elements: Iterable<Element>, where: string): void {
  const problems: string[] = [];
  for (const el of elements) {
    if (!isRendered(el)) continue;
    const r = el.getBoundingClientRect();
    const name = `${pathOf(el)} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== 'inline')
      problems.push(`${name}: its text is cut (${el.scrollWidth} > ${el.clientWidth})`);
    for (let p = flatParent(el); p && p !== host; p = flatParent(p)) {
      if (!clips(p)) continue;
      const c = p.getBoundingClientRect();
      // A part that scrolls vertically shows the rest when scrolled; sideways, nothing may stick out.
      const scrolls = /auto|scroll/.test(getComputedStyle(p).overflowY);
      const outside = r.left < c.left - SLACK || r.right > c.right + SLACK;
      if (outside || (!scrolls && (r.top < c.top - SLACK || r.bottom > c.bottom + SLACK))) {
        problems.push(`${name} is cut by ${pathOf(p)}`);
        break;
      }
    }
  }
  expect(problems, `${where}: cut`).to.deep.equal([]);
}

/** How many lines the element's text takes. */
function textLines(el: Element): number {
  const range = document.createRange();
  range.selectNodeContents(el);
  const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
  return tops.size;
}

/** Every rendered button (and summary) inside the element, nested shadow roots included. */
export function buttonsOf(host: Element): HTMLElement[] {
  return [...deepElements(host)].filter(
    (el): el is HTMLElement =>
      (el.localName === 'button' || el.localName === 'summary' || el.getAttribute('role') === 'button') &&
      !el.closest('dialog:not([open])') &&
      isRendered(el),
  );
}

/**
 * Every button is at least 24×24 CSS px, lies wholly inside the host (and inside every
 * ancestor that clips), and answers a hit test at its centre. Buttons in a scrolling part are
 * scrolled into view first; the scroll positions are put back afterwards.
 */
export function assertButtons(host: HTMLElement, where: string, minimum = 1): void {
  const buttons = buttonsOf(host);
  expect(buttons.length, `${where}: buttons`).to.be.at.least(minimum);
  const scrolled = new Map<Element, number>();
  const problems: string[] = [];
  const pageY = window.scrollY;
  for (const button of buttons) {
    for (let p = flatParent(button); p && p !== document.documentElement; p = flatParent(p))
      if (p.scrollHeight > p.clientHeight && !scrolled.has(p)) scrolled.set(p, p.scrollTop);
    button.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const r = button.getBoundingClientRect();
    const name = `${pathOf(button)} "${(button.textContent ?? '').trim().slice(0, 40)}"`;
    if (r.width + SLACK < TARGET || r.height + SLACK < TARGET)
      problems.push(`${name} is ${r.width.toFixed(1)}×${r.height.toFixed(1)} px`);
    // A label may wrap in a wide button, not be squeezed a word (or a Chinese character) a line.
    const lines = textLines(button);
    if (lines > 1 && r.width < 8 * parseFloat(getComputedStyle(button).fontSize))
      problems.push(`${name} is squeezed onto ${lines} lines, ${r.width.toFixed(1)} px wide`);
    const hostBox = host.getBoundingClientRect();
    if (
      r.left < hostBox.left - SLACK ||
      r.right > hostBox.right + SLACK ||
      r.top < hostBox.top - SLACK ||
      r.bottom > hostBox.bottom + SLACK
    )
      problems.push(`${name} is not inside the element`);
    for (let p = flatParent(button); p && p !== host; p = flatParent(p)) {
      if (!clips(p)) continue;
      const c = p.getBoundingClientRect();
      if (r.left < c.left - SLACK || r.right > c.right + SLACK || r.top < c.top - SLACK || r.bottom > c.bottom + SLACK)
        problems.push(`${name} is cut by ${pathOf(p)}`);
    }
    const root = button.getRootNode() as ShadowRoot | Document;
    const hit = root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (!hit || !(hit === button || button.contains(hit)))
      problems.push(`${name}: its centre hits ${hit ? pathOf(hit) : 'nothing'}`);
  }
  for (const [el, top] of scrolled) el.scrollTop = top;
  window.scrollTo(0, pageY);
  expect(problems, `${where}: buttons`).to.deep.equal([]);
}

/** Writes a PNG of the element's container for review: test-results/responsive/<name>.png. */
export async function screenshot(host: HTMLElement, name: string): Promise<void> {
  const r = host.getBoundingClientRect();
  await executeServerCommand('save-screenshot', {
    name,
    clip: {
      x: Math.max(0, r.left + window.scrollX),
      y: Math.max(0, r.top + window.scrollY),
      width: Math.ceil(r.width),
      height: Math.ceil(r.height),
    },
  });
}

/**
 * Where axe runs: each width at least once, and each locale and theme at the narrowest width,
 * where the layout differs most (axe takes a quarter of a second a run, so not all sixteen).
 */
const AXE_AT = new Set([
  '320 en light',
  '320 zh-CN dark',
  '390 zh-CN light',
  '768 en dark',
  '1280 zh-CN dark',
  '1280 en light',
]);

/** Screenshots of every combination at phone widths; wider, the light theme in English and the dark one in Chinese. */
const shotAt = (width: number, locale: LocaleName, theme: ThemeName) =>
  width < 600 || (locale === 'en') === (theme === 'light');

export interface SweepOptions {
  /** The element's name in screenshot file names (`complaint-list`). */
  name: string;
  /** The element whose `locale` is set, e.g. an `<ipr-provider>` around the host (the host unless told). */
  localeTarget?: HTMLElement & { updateComplete?: Promise<unknown> };
  /** At least this many buttons at every width (the actions under test are there). */
  minButtons?: number;
  /** Extra checks after the layout checks, at each width, locale and theme. */
  check?: (where: string, width: number, locale: LocaleName) => void | Promise<void>;
  /** Run axe at each width, in the combinations of AXE_AT (every width, both locales, both themes covered). */
  axe?: boolean;
  /** Widths, locales and themes to lay out (all four widths, both locales, both themes unless told). */
  widths?: readonly number[];
  locales?: readonly LocaleName[];
  themes?: readonly ThemeName[];
  /** Write screenshots (default true). */
  screenshots?: boolean;
}

/**
 * Lays the element out at every width, in both locales and both themes, and checks each:
 * no overflow, buttons whole, hit-testable and 24 × 24 px; axe where AXE_AT says; a screenshot
 * where shotAt says (test-results/responsive/<element>-<width>-<locale>-<theme>.png).
 */
export async function sweep(
  host: HTMLElement & { updateComplete?: Promise<unknown> },
  options: SweepOptions,
): Promise<void> {
  const frame = frameOf(host);
  const localeTarget = options.localeTarget ?? host;
  for (const width of options.widths ?? WIDTHS) {
    frame.style.width = `${width}px`;
    for (const locale of options.locales ?? LOCALES) {
      localeTarget.setAttribute('locale', locale);
      await localeTarget.updateComplete;
      let relaid = true;
      for (const theme of options.themes ?? THEMES) {
        host.setAttribute('theme', theme);
        // A new width or locale reflows (ResizeObservers, re-renders): a few frames; a new theme only repaints.
        await settle(host, relaid ? 3 : 1);
        relaid = false;
        const where = `${options.name} at ${width}px, ${locale}, ${theme}`;
        // First the picture (so a failure below can be looked at), then the checks.
        if (options.screenshots !== false && shotAt(width, locale, theme))
          await screenshot(host, `${options.name}-${width}-${locale.toLowerCase()}-${theme}`);
        assertNoOverflow(host, where);
        assertButtons(host, where, options.minButtons);
        await options.check?.(where, width, locale);
        if (options.axe && AXE_AT.has(`${width} ${locale} ${theme}`)) await expect(host).to.be.accessible();
      }
    }
  }
}
