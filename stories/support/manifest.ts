// What the stories know about an element comes from its entry in custom-elements.json (the
// manifest `npm run manifest -w @ipr/elements` writes from the elements' JSDoc): the args table,
// the controls and the docs page description. The manifest names a type as written in the source
// (`Theme | undefined`, `Status | ''`), so the type aliases of its enum attributes are spelled out
// here, each checked against the real type by the compiler.
import type { ArgTypes } from '@storybook/web-components-vite';
import { COMPLAINT_SORTS, COMPLAINT_TYPES, ROLES, STATUSES } from '@ipr/validators';
import type { IprComplaintForm, Theme } from '@ipr/elements';
import manifestJson from '../../packages/elements/custom-elements.json';

export interface ManifestType {
  text: string;
}
export interface ManifestAttribute {
  name: string;
  fieldName?: string;
  type?: ManifestType;
  default?: string;
  description?: string;
}
export interface ManifestMember {
  kind: string;
  name: string;
  type?: ManifestType;
  default?: string;
  description?: string;
  attribute?: string;
  readonly?: boolean;
  static?: boolean;
  privacy?: string;
}
export interface ManifestNamed {
  name: string;
  description?: string;
  type?: ManifestType;
}
export interface ElementDeclaration {
  tagName: string;
  name: string;
  description?: string;
  summary?: string;
  attributes?: ManifestAttribute[];
  members?: ManifestMember[];
  events?: ManifestNamed[];
  slots?: ManifestNamed[];
  cssParts?: ManifestNamed[];
  cssProperties?: ManifestNamed[];
}
interface Manifest {
  modules: Array<{ declarations?: Array<Partial<ElementDeclaration>> }>;
}

export const manifest: Manifest = manifestJson;

type InputType = ArgTypes[string];

/** The manifest entry of a custom element (undefined when the tag is not in the manifest). */
export function declarationOf(tag: string): ElementDeclaration | undefined {
  for (const mod of manifest.modules) {
    for (const d of mod.declarations ?? []) {
      if (d.tagName === tag && d.name) return { ...d, tagName: tag, name: d.name };
    }
  }
  return undefined;
}

/** The docs page text of an element: its description, else its summary. */
export function descriptionOf(tag: string): string | undefined {
  const d = declarationOf(tag);
  return d?.description?.trim() || d?.summary?.trim() || undefined;
}

/** Every member of `T` in `values`, and nothing else: a value the type lacks or a member missing fails to compile. */
const allOf =
  <T extends string>() =>
  <const V extends readonly T[]>(values: V & ([Exclude<T, V[number]>] extends [never] ? unknown : never)): V =>
    values;

/** The UI languages the kit ships (hosts add more with `registerLocale()`). */
export const LOCALES = ['en', 'zh-CN'] as const;
export const THEMES = allOf<Theme>()(['light', 'dark', 'auto']);

/** The values of the type aliases that name enum attributes in the manifest. */
const ALIASES: Record<string, readonly string[]> = {
  Theme: THEMES,
  FormStep: allOf<IprComplaintForm['step']>()(['basics', 'evidence', 'review']),
  Status: STATUSES,
  ComplaintType: COMPLAINT_TYPES,
  ComplaintSort: COMPLAINT_SORTS,
  Role: ROLES,
};

/** Attributes typed `string` that take one of a known set here (`locale` also takes registered tags). */
const KNOWN_VALUES: Record<string, readonly string[]> = { locale: LOCALES };
const LABELS: Record<string, string> = { '': '(any)', en: 'English (en)', 'zh-CN': '中文 (zh-CN)' };

export type ControlKind = 'select' | 'boolean' | 'text' | 'number' | 'date' | 'color';

/** How an arg of this manifest type is edited, and the choices of an enum. */
export function controlOf(type: string | undefined, name = ''): { kind?: ControlKind; options?: string[] } {
  const parts = splitUnion(type ?? '').filter((p) => p !== 'undefined' && p !== 'null');
  if (parts.length === 0) return {};
  const options: string[] = [];
  for (const part of parts) {
    const literal = /^'([^']*)'$|^"([^"]*)"$/.exec(part);
    if (literal) options.push(literal[1] ?? literal[2] ?? '');
    else if (ALIASES[part]) options.push(...ALIASES[part]);
    else {
      options.length = 0;
      break;
    }
  }
  if (options.length > 0) return { kind: 'select', options };
  if (parts.length !== 1) return {};
  const known = KNOWN_VALUES[name];
  switch (parts[0]) {
    case 'boolean':
      return { kind: 'boolean' };
    case 'number':
      return { kind: 'number' };
    case 'string':
      return known ? { kind: 'select', options: [...known] } : { kind: 'text' };
    case 'Date':
      return { kind: 'date' };
    default:
      return {};
  }
}

/** Splits a type at its top-level `|` (not inside `()`, `<>`, `[]`, `{}` or quotes). */
function splitUnion(type: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let current = '';
  for (const ch of type) {
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === "'" || ch === '"') quote = ch;
    else if ('(<[{'.includes(ch)) depth++;
    else if (')>]}'.includes(ch)) depth--;
    else if (ch === '|' && depth === 0) {
      out.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  if (current.trim()) out.push(current.trim());
  // An arrow function's `=>` is no union at the top level: `() => A | B` is one type.
  return out.some((p) => p.includes('=>')) ? [type.trim()] : out;
}

function inputType(
  name: string,
  category: string,
  item: { description?: string; type?: ManifestType; default?: string },
  extra: Partial<InputType> = {},
): InputType {
  return {
    name,
    description: item.description ?? '',
    table: {
      category,
      ...(item.type ? { type: { summary: item.type.text } } : {}),
      ...(item.default !== undefined ? { defaultValue: { summary: item.default } } : {}),
    },
    control: false,
    ...extra,
  };
}

function controlled(kind: ControlKind | undefined, options: string[] | undefined): Partial<InputType> {
  if (!kind) return { control: false };
  if (kind === 'select') {
    const labels = Object.fromEntries((options ?? []).filter((o) => LABELS[o]).map((o) => [o, LABELS[o]]));
    return { control: { type: 'select', labels }, options };
  }
  return { control: { type: kind } };
}

/** A custom property that is a color gets a color picker; others (sizes, fonts) a text field. */
const cssControl = (name: string): ControlKind => (/^--ipr-color-/.test(name) ? 'color' : 'text');

/** The arg key of a CSS part or slot (their names may repeat an attribute's, e.g. the `live` part). */
export const partKey = (name: string) => `::part(${name})`;
export const slotKey = (name: string) => (name ? `slot ${name}` : 'slot (default)');

/**
 * The args table of an element, from the manifest: public attributes (a control each, by type),
 * properties that are not attributes (a date control for `Date`, none for objects and read-only
 * ones), events (logged in the Actions panel), slots, CSS parts and CSS custom properties (a
 * color or text control, set on the element's `style`). Methods and static members are left out.
 */
export function argTypesOf(tag: string): ArgTypes {
  const d = declarationOf(tag);
  if (!d) return {};
  const out: ArgTypes = {};
  for (const a of d.attributes ?? []) {
    const { kind, options } = controlOf(a.type?.text, a.name);
    const field = a.fieldName && a.fieldName !== a.name ? `\n\nProperty: \`${a.fieldName}\`.` : '';
    const argType = inputType(
      a.name,
      'attributes',
      { ...a, description: (a.description ?? '') + field },
      {
        ...controlled(kind, options),
      },
    );
    // The type's values spelled out (an alias such as `Theme` or `Status` says little by itself).
    if (kind === 'select' && argType.table?.type) {
      argType.table.type.detail = (options ?? []).map((o) => `'${o}'`).join(' | ');
    }
    out[a.name] = argType;
  }
  for (const m of d.members ?? []) {
    if (m.kind !== 'field' || m.static || m.attribute || m.privacy) continue;
    const { kind } = m.readonly ? {} : controlOf(m.type?.text, m.name);
    const type = m.type && m.readonly ? { text: `readonly ${m.type.text}` } : m.type;
    out[m.name] = inputType(m.name, 'properties', { ...m, type }, controlled(kind === 'date' ? kind : undefined, []));
  }
  for (const e of d.events ?? []) out[e.name] = inputType(e.name, 'events', e, { action: e.name });
  for (const s of d.slots ?? []) out[slotKey(s.name)] = inputType(slotKey(s.name), 'slots', s);
  for (const p of d.cssParts ?? []) out[partKey(p.name)] = inputType(partKey(p.name), 'css shadow parts', p);
  for (const c of d.cssProperties ?? []) {
    out[c.name] = inputType(c.name, 'css custom properties', c, controlled(cssControl(c.name), []));
  }
  return out;
}
