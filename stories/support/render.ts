// Stories render their element from the args, so every control changes it: attributes, dates,
// CSS custom properties and event listeners are mapped by the element's manifest entry
// (stories/support/manifest.ts). A story's own setup (its client, the draft key a loader made,
// children) is passed beside the args. The element is made once per story render and updated
// in place when an arg changes, as a host page would update it: state from a play function
// (an opened dialog, a submitted receipt) stays.
import { html, type TemplateResult } from 'lit';
import { Directive, directive, type ChildPart, type PartInfo, PartType } from 'lit/directive.js';
import type { ClientOptions, InMemoryApi } from './api';
import { clientFor, TOKENS } from './api';
import { controlOf, declarationOf } from './manifest';

/** What a render and its loaders get from Storybook (the part the helpers use). */
export interface RenderCtx {
  /** One signal per story render: the same while args change, a new one for another story or a remount. */
  abortSignal: AbortSignal;
  args: Record<string, unknown>;
  globals: Record<string, unknown>;
  loaded: Record<string, unknown>;
}

type Tag = keyof HTMLElementTagNameMap & `ipr-${string}`;

export interface Setup<E extends HTMLElement> {
  /** Values an arg left unset takes (the story's choice: an id a loader found, the toolbar's locale). */
  defaults?: Record<string, unknown>;
  /** Properties that are no controls (a client), set on every render. */
  properties?: Partial<E>;
  /** The element's children, made once with it. */
  children?: () => Node[];
}

interface Applied {
  /** What each arg key was last set to (so an arg that is cleared later is cleared on the element). */
  values: Map<string, unknown>;
  listeners: Map<string, EventListener>;
}

const elements = new WeakMap<AbortSignal, HTMLElement>();
const applied = new WeakMap<HTMLElement, Applied>();

/** A story arg as a Date (the date control gives a timestamp, the URL `!date(…)` a Date). */
function toDate(value: unknown): Date | undefined {
  if (value instanceof Date) return value;
  if (typeof value === 'number' || typeof value === 'string') {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  return undefined;
}

const set = (el: HTMLElement, property: string, value: unknown) => Reflect.set(el, property, value);

/**
 * `tag` made (once per story render) and brought up to date with `args`: each attribute of the
 * manifest is set as an attribute (a boolean or number one through its property, which also
 * covers attributes whose default is true), a `Date` property from its date control, a CSS custom
 * property on the element's `style`, and each event with an action arg is listened to.
 * Returns a template that puts the element in the canvas.
 */
export function renderFromArgs<T extends Tag>(
  tag: T,
  args: object,
  ctx: Pick<RenderCtx, 'abortSignal'>,
  setup: Setup<HTMLElementTagNameMap[T]> = {},
): TemplateResult {
  const d = declarationOf(tag);
  if (!d) throw new Error(`${tag} is not in custom-elements.json`);
  let el = elements.get(ctx.abortSignal) as HTMLElementTagNameMap[T] | undefined;
  if (!el || el.localName !== tag) {
    el = document.createElement(tag) as HTMLElementTagNameMap[T];
    el.append(...(setup.children?.() ?? []));
    elements.set(ctx.abortSignal, el);
  }
  const state = applied.get(el) ?? { values: new Map<string, unknown>(), listeners: new Map<string, EventListener>() };
  applied.set(el, state);
  const given = new Map<string, unknown>(Object.entries(args));
  const argValue = (key: string) => given.get(key) ?? setup.defaults?.[key];
  const changed = (key: string, value: unknown) => {
    if (state.values.has(key) ? Object.is(state.values.get(key), value) : value === undefined) return false;
    state.values.set(key, value);
    return true;
  };

  for (const a of d.attributes ?? []) {
    const value = argValue(a.name);
    if (!changed(a.name, value)) continue;
    const { kind } = controlOf(a.type?.text, a.name);
    const field = a.fieldName ?? a.name;
    if (kind === 'boolean') set(el, field, value === undefined ? a.default === 'true' : Boolean(value));
    else if (kind === 'number') set(el, field, value === undefined ? Number(a.default ?? 0) : Number(value));
    else if (value === undefined || value === null) el.removeAttribute(a.name);
    else el.setAttribute(a.name, String(value));
  }
  for (const m of d.members ?? []) {
    if (m.kind !== 'field' || m.attribute || m.readonly || m.static) continue;
    const value = argValue(m.name);
    if (!changed(m.name, value)) continue;
    set(el, m.name, controlOf(m.type?.text, m.name).kind === 'date' ? toDate(value) : value);
  }
  for (const c of d.cssProperties ?? []) {
    const value = argValue(c.name);
    if (!changed(c.name, value)) continue;
    if (value === undefined || value === null || value === '') el.style.removeProperty(c.name);
    else el.style.setProperty(c.name, String(value));
  }
  for (const e of d.events ?? []) {
    const handler = given.get(e.name);
    const previous = state.listeners.get(e.name);
    if (previous === handler) continue;
    if (previous) el.removeEventListener(e.name, previous);
    if (typeof handler === 'function') {
      const listener: EventListener = (event) => handler(event);
      state.listeners.set(e.name, listener);
      el.addEventListener(e.name, listener);
    } else state.listeners.delete(e.name);
  }
  for (const [key, value] of Object.entries(setup.properties ?? {})) {
    if (Reflect.get(el, key) !== value) set(el, key, value);
  }
  return html`${mounted(el)}`;
}

/**
 * Puts the element where the template is rendered in the page; anywhere else (Storybook's
 * source snippet renders the story into a detached node) it gives a copy without state, so the
 * live element is never moved out of the canvas.
 */
class Mounted extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.CHILD) throw new Error('mounted() goes in a child position');
  }
  render(el: HTMLElement): unknown {
    return el;
  }
  override update(part: ChildPart, [el]: [HTMLElement]): unknown {
    if (part.parentNode?.isConnected) return el;
    const copy = el.cloneNode(true) as HTMLElement;
    copy.removeAttribute('data-ipr-theme');
    return copy;
  }
}
const mounted = directive(Mounted);

/**
 * Story set-up that runs once per story render, not again when a control changes (Storybook
 * runs loaders before every render): seeding, filing a complaint, a draft key.
 */
export function once<C extends Pick<RenderCtx, 'abortSignal'>, T>(
  load: (ctx: C) => Promise<T>,
): (ctx: C) => Promise<T> {
  const results = new WeakMap<AbortSignal, Promise<T>>();
  return (ctx) => {
    const result = results.get(ctx.abortSignal) ?? load(ctx);
    results.set(ctx.abortSignal, result);
    return result;
  };
}

const clients = new WeakMap<AbortSignal, Map<string, ReturnType<typeof clientFor>>>();

/**
 * The story's client for a demo token (the `token` control), one per story render and token:
 * a new control value keeps the client (and its held or failed requests) unless the token changed.
 */
export function demoClient(ctx: Pick<RenderCtx, 'abortSignal' | 'loaded'>, token: unknown, options?: ClientOptions) {
  const key = typeof token === 'string' && token ? token : TOKENS.complainantA;
  const byToken = clients.get(ctx.abortSignal) ?? new Map<string, ReturnType<typeof clientFor>>();
  clients.set(ctx.abortSignal, byToken);
  const client = byToken.get(key) ?? clientFor(ctx.loaded.api as InMemoryApi, key, options);
  byToken.set(key, client);
  return client;
}
