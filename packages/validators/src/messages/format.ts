import type { Issue, IssueCode, IssueParams } from '../issues.js';
import { en, enFields } from './en.js';
import { zhCN, zhCNFields } from './zh-CN.js';

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

const catalogues: Record<Locale, { messages: Record<IssueCode, string>; fields: Record<string, string> }> = {
  en: { messages: en, fields: enFields },
  'zh-CN': { messages: zhCN, fields: zhCNFields },
};

/** Maps any BCP 47 tag to a supported locale: `zh`, `zh-Hans`, `zh-CN` → zh-CN; anything else → en. */
export function resolveLocale(tag: string | undefined | null): Locale {
  if (!tag) return 'en';
  // POSIX and Java spell it zh_CN.
  const lower = tag.toLowerCase().replace(/_/g, '-');
  // Every Chinese tag reads Simplified Chinese, Traditional ones (zh-TW, zh-HK, zh-MO, zh-Hant) too:
  // readable to their readers and closer than English. A host that has Traditional strings
  // registers them for those tags (`registerLocale` of @ipr/elements), which then win.
  if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
  return 'en';
}

/** Human size for limits: 5242880 → "5 MB". */
export function formatBytes(bytes: number, locale: Locale = 'en'): string {
  const unit = locale === 'zh-CN' ? ['字节', 'KB', 'MB', 'GB'] : ['bytes', 'KB', 'MB', 'GB'];
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < unit.length - 1) {
    value /= 1024;
    i++;
  }
  const text = i === 0 ? String(value) : value.toFixed(value % 1 === 0 ? 0 : 1);
  return `${text} ${unit[i]}`;
}

function fieldLabel(path: Issue['path'] | undefined, locale: Locale): string {
  const named = [...(path ?? [])].reverse().find((p): p is string => typeof p === 'string');
  if (!named) return catalogues[locale].fields.value ?? (locale === 'zh-CN' ? '该字段' : 'This field');
  const fields = catalogues[locale].fields;
  return Object.hasOwn(fields, named) ? (fields[named] ?? named) : named;
}

/** Fills `{placeholders}` of a code's text in a locale; unknown placeholders are left visible. */
export function formatMessage(
  code: IssueCode,
  params: IssueParams = {},
  locale: Locale = 'en',
  path?: Issue['path'],
): string {
  return fillMessage(catalogues[locale].messages[code] ?? en[code] ?? code, params, locale, path);
}

/**
 * Fills a message template's `{placeholders}`: `{field}` with the label of the path's last named
 * segment, `{limitText}` with `params.limit` as a size, the rest from `params` (unknown ones stay
 * visible). For a host's own translations of issue messages, with a locale for labels and sizes.
 */
export function fillMessage(
  template: string,
  params: IssueParams = {},
  locale: Locale = 'en',
  path?: Issue['path'],
): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    if (key === 'field') return fieldLabel(path, locale);
    if (key === 'limitText' && typeof params.limit === 'number') return formatBytes(params.limit, locale);
    const value = params[key];
    return value === undefined ? whole : String(value);
  });
}

/** The issue's message in another locale. */
export function localizeIssue(issue: Issue, locale: Locale): string {
  return formatMessage(issue.code, issue.params, locale, issue.path);
}

/** Builds an issue with its English message. */
export function issue(code: IssueCode, path: Issue['path'] = [], params?: IssueParams): Issue {
  const made: Issue = { code, path, message: formatMessage(code, params, 'en', path) };
  if (params && Object.keys(params).length > 0) made.params = params;
  return made;
}
