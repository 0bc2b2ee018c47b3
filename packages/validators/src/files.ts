import type { Issue, Result } from './issues.js';
import { LIMITS, type EvidenceExtension } from './limits.js';
import { issue } from './messages/format.js';

/** What the first bytes of a file say it is. */
export type DetectedType =
  | 'pdf'
  | 'png'
  | 'jpg'
  | 'gif'
  | 'zip'
  | 'ole'
  | 'rar'
  | 'text'
  | 'executable'
  | 'empty'
  | 'unknown';

/** How many leading bytes `sniffFileType` looks at; pass at least this many. */
export const SNIFF_BYTES = 1024;

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Judges a file's type by its content (magic bytes). Never throws. */
export function sniffFileType(head: Uint8Array): DetectedType {
  if (!(head instanceof Uint8Array) || head.length === 0) return 'empty';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'gif';
  if (
    startsWith(head, [0x50, 0x4b, 0x03, 0x04]) ||
    startsWith(head, [0x50, 0x4b, 0x05, 0x06]) ||
    startsWith(head, [0x50, 0x4b, 0x07, 0x08])
  )
    return 'zip';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(head, ascii('Rar!\x1a\x07'))) return 'rar';
  if (
    startsWith(head, ascii('MZ')) ||
    startsWith(head, [0x7f, 0x45, 0x4c, 0x46]) ||
    startsWith(head, [0xcf, 0xfa, 0xed, 0xfe]) ||
    startsWith(head, [0xfe, 0xed, 0xfa, 0xce]) ||
    startsWith(head, [0xca, 0xfe, 0xba, 0xbe]) ||
    startsWith(head, ascii('#!'))
  ) {
    return 'executable';
  }
  // PDF readers accept a header within the first KiB.
  const window = head.subarray(0, Math.min(head.length, SNIFF_BYTES));
  const pdf = ascii('%PDF-');
  for (let i = 0; i + pdf.length <= window.length; i++) if (startsWith(window, pdf, i)) return 'pdf';
  return looksLikeText(window) ? 'text' : 'unknown';
}

function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true; // UTF-16 BOM
  let control = 0;
  for (const b of bytes) {
    if (b === 0) return false;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  // No NULs and (almost) no control characters is what tells text from binary. The text need
  // not be UTF-8: Excel on Chinese Windows saves CSV (and Notepad saves .txt) as GBK, and
  // European ones as Windows-1252; refusing those would refuse ordinary evidence.
  return control <= bytes.length * 0.02;
}

/** Which detected contents each allowed extension may have. */
export const EXTENSION_CONTENT: Record<EvidenceExtension | 'csv', readonly DetectedType[]> = {
  pdf: ['pdf'],
  png: ['png'],
  jpg: ['jpg'],
  jpeg: ['jpg'],
  gif: ['gif'],
  zip: ['zip'],
  docx: ['zip'],
  xlsx: ['zip'],
  doc: ['ole'],
  xls: ['ole', 'zip'], // an .xlsx saved as .xls is common and readable
  msg: ['ole'],
  rar: ['rar'],
  txt: ['text'],
  csv: ['text'],
};

export type EvidenceKind = 'image' | 'document' | 'spreadsheet' | 'archive' | 'email' | 'text';

export function evidenceKind(extension: string): EvidenceKind {
  switch (extension) {
    case 'jpg':
    case 'jpeg':
    case 'png':
    case 'gif':
      return 'image';
    case 'xls':
    case 'xlsx':
      return 'spreadsheet';
    case 'zip':
    case 'rar':
      return 'archive';
    case 'msg':
      return 'email';
    case 'txt':
      return 'text';
    default:
      return 'document';
  }
}

// Control characters and bidirectional overrides hide a file's real extension ("invoice\u202Efdp.exe").
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this pattern's purpose.
const UNSAFE_NAME_CHARS = /[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]/g;

/** A file name safe to show and to judge by: no folders, controls or bidi overrides; at most 255 characters. */
export function safeDisplayName(name: unknown): string {
  const text = typeof name === 'string' ? name : '';
  const base = text.split(/[\\/]/).pop() ?? '';
  // Tabs and line breaks separate words: keep a space for them before dropping other controls.
  let clean = base
    .replace(/[\t\n\v\f\r]+/g, ' ')
    .replace(UNSAFE_NAME_CHARS, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  if (clean.length > LIMITS.maxFileNameLength) {
    const dot = clean.lastIndexOf('.');
    const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
    let head = clean.slice(0, LIMITS.maxFileNameLength - ext.length);
    // Cut between characters, not inside one (half a surrogate pair), and not before a space: the
    // name shown must be what safeDisplayName makes of it again.
    if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
    clean = head.trimEnd() + ext;
  }
  return clean || 'file';
}

/** The lower-case extension of a (safe) file name, without the dot; '' when none. */
export function extensionOf(name: string): string {
  const clean = safeDisplayName(name);
  const dot = clean.lastIndexOf('.');
  return dot > 0 ? clean.slice(dot + 1).toLowerCase() : '';
}

export interface FileFacts {
  name: string;
  size: number;
  /** The declared media type (browser `File.type`); informational only, never trusted. */
  type?: string;
  /** The first bytes of the content; when given, the type is judged by them. */
  head?: Uint8Array;
}

export interface EvidenceFileCheck {
  name: string;
  extension: EvidenceExtension;
  kind: EvidenceKind;
  detected?: DetectedType;
}

function fileName(facts: FileFacts): string {
  return typeof facts?.name === 'string' ? safeDisplayName(facts.name) : 'file';
}

function nameIsUsable(name: unknown): boolean {
  return typeof name === 'string' && name.trim() !== '' && !name.includes('\u0000') && name.length <= 1024;
}

/**
 * One evidence file against the rules: name, at most 5 MiB, an allowed extension, and
 * (when the first bytes are given) content that matches the extension. Never throws.
 */
export function validateEvidenceFile(facts: FileFacts, path: Issue['path'] = []): Result<EvidenceFileCheck> {
  const issues: Issue[] = [];
  const file = fileName(facts);
  if (!nameIsUsable(facts?.name)) issues.push(issue('evidence.name_invalid', path, { file }));
  const size = typeof facts?.size === 'number' && Number.isFinite(facts.size) ? facts.size : -1;
  if (size === 0) issues.push(issue('evidence.empty', path, { file }));
  else if (size < 0) issues.push(issue('field.invalid_type', [...path, 'size']));
  else if (size > LIMITS.maxEvidenceBytes)
    issues.push(issue('evidence.too_large', path, { file, limit: LIMITS.maxEvidenceBytes, size }));
  const extension = extensionOf(file);
  const allowed = (LIMITS.evidenceExtensions as readonly string[]).includes(extension);
  if (!allowed)
    issues.push(issue('evidence.type_not_allowed', path, { file, allowed: LIMITS.evidenceExtensions.join(', ') }));
  let detected: DetectedType | undefined;
  if (facts?.head instanceof Uint8Array && size !== 0) {
    detected = sniffFileType(facts.head);
    if (allowed && !EXTENSION_CONTENT[extension as EvidenceExtension].includes(detected)) {
      issues.push(issue('evidence.content_mismatch', path, { file, detected }));
    }
  }
  if (issues.length) return { ok: false, issues };
  const value: EvidenceFileCheck = {
    name: file,
    extension: extension as EvidenceExtension,
    kind: evidenceKind(extension),
  };
  if (detected) value.detected = detected;
  return { ok: true, value };
}

export type SheetFormat = 'xlsx' | 'xls' | 'csv';

/** A spreadsheet before it is read: Excel (or CSV), at most 5 MiB, content matching the name when bytes are given. */
export function validateSheetFile(facts: FileFacts): Result<{ name: string; format: SheetFormat }> {
  const file = fileName(facts);
  const extension = extensionOf(file);
  const formats: readonly string[] = [...LIMITS.sheetExtensions, ...LIMITS.sheetConvenienceExtensions];
  if (!formats.includes(extension)) return { ok: false, issues: [issue('sheet.type_not_allowed', [], { file })] };
  const size = typeof facts?.size === 'number' && Number.isFinite(facts.size) ? facts.size : -1;
  if (size > LIMITS.maxSheetBytes)
    return { ok: false, issues: [issue('sheet.too_large', [], { file, limit: LIMITS.maxSheetBytes, size })] };
  if (size < 0) return { ok: false, issues: [issue('field.invalid_type', ['size'])] };
  if (size === 0) return { ok: false, issues: [issue('sheet.empty', [], { file })] };
  if (facts.head instanceof Uint8Array) {
    const detected = sniffFileType(facts.head);
    if (!EXTENSION_CONTENT[extension as SheetFormat].includes(detected)) {
      return { ok: false, issues: [issue('sheet.corrupt', [], { file, detected })] };
    }
  }
  return { ok: true, value: { name: file, format: extension as SheetFormat } };
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralises spreadsheet formula injection in a cell the SDK writes: text starting with
 * `=`, `+`, `-`, `@`, tab or carriage return gets a leading apostrophe (OWASP's advice).
 */
export function neutralizeCell(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  let text: string;
  try {
    text = String(value);
  } catch {
    // An object with no prototype (or a throwing toString) has no text to give a cell.
    text = Object.prototype.toString.call(value);
  }
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Header names accepted for the link column of an import, compared case- and space-insensitively. */
export const LINK_COLUMN_HEADERS = [
  'product link',
  'product url',
  'link',
  'url',
  'product links',
  'infringing link',
  'infringing product link',
  '产品链接',
  '商品链接',
  '链接',
  '侵权链接',
  '侵权产品链接',
  '网址',
] as const;

export function isLinkHeader(cell: unknown): boolean {
  if (typeof cell !== 'string') return false;
  const key = cell
    .replace(/[\s*:：_]+/g, ' ')
    .trim()
    .toLowerCase();
  return (LINK_COLUMN_HEADERS as readonly string[]).includes(key);
}
