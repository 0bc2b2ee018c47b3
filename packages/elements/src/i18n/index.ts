import { fillMessage, type Issue, type IssueCode, localizeIssue, resolveLocale, type Locale } from '@ipr/validators';
import { en, type Messages } from './en.js';

export { en, type Messages };
export type { Locale };

/** Any part of the UI strings; nested groups (statuses, steps, …) may be given in part too. */
export type MessageOverrides = {
  [K in keyof Messages]?: NonNullable<Messages[K]> extends (...args: never[]) => unknown
    ? Messages[K]
    : NonNullable<Messages[K]> extends object
      ? Partial<NonNullable<Messages[K]>>
      : Messages[K];
};

export interface LocaleRegistration {
  /** The built-in locale whose strings fill in what this one leaves out (and formats issue sizes and labels). Default `en`. */
  base?: Locale;
  /** Issue messages by code, with the same `{placeholders}` as @ipr/validators' messages. */
  issues?: Partial<Record<IssueCode, string>>;
}

interface Registered extends Required<Pick<LocaleRegistration, 'base'>> {
  tag: string;
  messages: MessageOverrides | (() => Promise<MessageOverrides>);
  issues: Partial<Record<IssueCode, string>>;
}

const loaded = new Map<string, Messages>([['en', en]]);
const pending = new Map<string, Promise<Messages>>();
const registered = new Map<string, Registered>();
const overrides = new Map<string, MessageOverrides>();
const failed = new Set<string>();

/** The last load of a locale's strings failed (English is shown instead). */
export function loadFailed(locale: string): boolean {
  return failed.has(locale);
}
/** Fires `change` when a locale is registered or messages are overridden: elements re-render. */
export const localeChanges = new EventTarget();

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

function merge(base: Messages, extra: MessageOverrides | undefined): Messages {
  if (!extra) return base;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) continue;
    const current = out[key];
    out[key] = isPlain(current) && isPlain(value) ? { ...current, ...value } : value;
  }
  return out as Messages;
}

function changed(): void {
  loaded.clear();
  loaded.set('en', merge(en, overrides.get('en')));
  pending.clear();
  localeChanges.dispatchEvent(new Event('change'));
}

/**
 * Adds a UI language the kit does not ship, e.g. `registerLocale('fr', { submit: 'Déposer la
 * plainte', … }, { issues: { 'field.required': '{field} est obligatoire.' } })`. Strings it leaves
 * out come from `base` (English by default). `messages` may be a function that loads them (a
 * dynamic import): it is called the first time an element shows the locale. Registering a
 * built-in tag (`en`, `zh-CN`) or a Chinese variant (`zh-TW`, `zh-HK`) makes it use these strings.
 * Elements on the page switch at once.
 */
export function registerLocale(
  tag: string,
  messages: MessageOverrides | (() => Promise<MessageOverrides>),
  options: LocaleRegistration = {},
): void {
  const key = canonicalTag(tag);
  registered.set(key, { tag: key, messages, base: options.base ?? 'en', issues: options.issues ?? {} });
  changed();
}

/** Replaces some strings of a locale (built-in or registered), e.g. `overrideMessages('en', { submit: 'File complaint' })`. */
export function overrideMessages(tag: string, messages: MessageOverrides): void {
  const key = canonicalTag(tag);
  overrides.set(key, merge(overrides.get(key) as Messages, messages) as MessageOverrides);
  changed();
}

const canonicalTag = (tag: string) => {
  try {
    return Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0] ?? tag;
  } catch {
    return tag;
  }
};

/**
 * The UI locale for a tag: a registered tag (exactly, then its language alone: `fr-CA` → `fr`),
 * else a built-in one by @ipr/validators' `resolveLocale` (every Chinese tag → `zh-CN`, anything
 * else → `en`).
 */
export function resolveUiLocale(tag: string | null | undefined): string {
  if (tag) {
    const key = canonicalTag(tag);
    if (registered.has(key)) return key;
    const language = key.split('-')[0] ?? key;
    if (registered.has(language)) return language;
  }
  return resolveLocale(tag);
}

/** The built-in locale behind a UI locale (dates, sizes, issue labels, complaint type names). */
export function baseLocale(tag: string): Locale {
  return registered.get(tag)?.base ?? resolveLocale(tag);
}

/** The UI strings of a locale when already loaded; otherwise English (the fallback). */
export function messagesFor(locale: string): Messages {
  return loaded.get(locale) ?? loaded.get('en') ?? en;
}

export function isLoaded(locale: string): boolean {
  return loaded.has(locale);
}

async function builtIn(locale: Locale): Promise<Messages> {
  if (locale === 'en') return en;
  const m = await import('./zh-CN.js');
  return m.zhCN;
}

/** Loads a locale's strings (non-default and registered locales may be lazily fetched). Falls back to English. */
export function loadMessages(locale: string): Promise<Messages> {
  const ready = loaded.get(locale);
  if (ready) return Promise.resolve(ready);
  let promise = pending.get(locale);
  if (!promise) {
    failed.delete(locale);
    const entry = registered.get(locale);
    const base = entry?.base ?? resolveLocale(locale);
    promise = Promise.all([
      builtIn(base),
      entry ? (typeof entry.messages === 'function' ? entry.messages() : Promise.resolve(entry.messages)) : undefined,
    ])
      .then(([baseMessages, own]) => {
        const messages = merge(
          merge(merge(baseMessages, overrides.get(base)), own),
          entry ? overrides.get(locale) : undefined,
        );
        loaded.set(locale, messages);
        return messages;
      })
      .catch((error) => {
        console.warn(`[ipr] could not load the ${locale} strings; using English`, error);
        pending.delete(locale);
        failed.add(locale);
        return messagesFor('en');
      });
    pending.set(locale, promise);
  }
  return promise;
}

/** An issue's message in a UI locale: the registered locale's template when it has one, else the built-in text. */
export function issueMessage(issue: Issue, locale: string): string {
  const entry = registered.get(locale);
  const template = entry?.issues[issue.code];
  if (entry && template) return fillMessage(template, issue.params, entry.base, issue.path);
  return localizeIssue(issue, baseLocale(locale));
}

export { resolveLocale };

const DATE_STYLES = {
  date: { dateStyle: 'medium' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  /** A calendar day, read in UTC so it never shifts a day. */
  utcDay: { dateStyle: 'medium', timeZone: 'UTC' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The locale's date formatter for a style, made once per locale and style: `formatDate` made one per
 * date, and making a page's first one costs ~13 ms of ICU set-up (it landed in the task showing the
 * complaint list's rows).
 */
export function dateFormatter(locale: Locale, style: keyof typeof DATE_STYLES): Intl.DateTimeFormat {
  const key = `${locale}\n${style}`;
  let formatter = dateFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, DATE_STYLES[style]);
    dateFormatters.set(key, formatter);
  }
  return formatter;
}

/** Dates in the locale's usual form; invalid input is shown as given. */
export function formatDate(iso: string | null | undefined, locale: Locale, withTime = false): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  return dateFormatter(locale, withTime ? 'dateTime' : 'date').format(date);
}
