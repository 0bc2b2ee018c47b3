import { resolveLocale, type Locale } from '@ipr/validators';
import { en, type Messages } from './en.js';

export { en, type Messages };
export type { Locale };

const loaded = new Map<Locale, Messages>([['en', en]]);
const pending = new Map<Locale, Promise<Messages>>();

/** The UI strings of a locale when already loaded; otherwise English (the fallback). */
export function messagesFor(locale: Locale): Messages {
  return loaded.get(locale) ?? en;
}

export function isLoaded(locale: Locale): boolean {
  return loaded.has(locale);
}

/** Loads a locale's strings (non-default locales are a lazily fetched chunk). Falls back to English. */
export function loadMessages(locale: Locale): Promise<Messages> {
  const ready = loaded.get(locale);
  if (ready) return Promise.resolve(ready);
  let promise = pending.get(locale);
  if (!promise) {
    promise = import('./zh-CN.js')
      .then((m) => {
        loaded.set(locale, m.zhCN);
        return m.zhCN;
      })
      .catch((error) => {
        console.warn(`[ipr] could not load the ${locale} strings; using English`, error);
        pending.delete(locale);
        return en;
      });
    pending.set(locale, promise);
  }
  return promise;
}

export { resolveLocale };

/** Dates in the locale's usual form; invalid input is shown as given. */
export function formatDate(iso: string | null | undefined, locale: Locale, withTime = false): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  return new Intl.DateTimeFormat(
    locale,
    withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' },
  ).format(date);
}
