import './config.js';
import * as z from 'zod/mini';
import type { Issue, IssueCode, Result } from './issues.js';
import { issue } from './messages/format.js';

type ZodIssue = z.core.$ZodIssue;

/** Paths whose emptiness has a domain-specific code rather than `field.required`. */
const PATH_CODES: Record<string, IssueCode> = {
  'holder.name': 'holder.name_required',
  'holder.identificationType': 'holder.id_type_required',
  'holder.identificationNumber': 'holder.id_number_required',
  'holder.identificationAttachments': 'holder.attachments_required',
  'holder.powerOfAttorney': 'holder.power_of_attorney_required',
};

/** The domain code for an empty field at `named`, if any (own keys only: a path may be `toString`). */
function pathCode(named: string): IssueCode | undefined {
  return Object.hasOwn(PATH_CODES, named) ? PATH_CODES[named] : undefined;
}

function toIssue(zi: ZodIssue, input: unknown, base: Issue['path']): Issue {
  const path = [...base, ...zi.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
  const named = path.filter((p) => typeof p === 'string').join('.');
  const value = valueAt(input, zi.path);
  const d = zi as ZodIssue & { origin?: string; minimum?: number | bigint; maximum?: number | bigint; format?: string };
  switch (zi.code) {
    case 'invalid_type':
      return issue(
        value === undefined || value === null ? (pathCode(named) ?? 'field.required') : 'field.invalid_type',
        path,
      );
    case 'too_small':
      if (d.origin === 'string' && Number(d.minimum) <= 1) return issue(pathCode(named) ?? 'field.required', path);
      if (d.origin === 'array' && pathCode(named)) return issue(pathCode(named)!, path);
      if (d.origin === 'number' || d.origin === 'bigint')
        return issue('field.too_small', path, { limit: Number(d.minimum) });
      return issue('field.too_short', path, { limit: Number(d.minimum) });
    case 'too_big':
      if (d.origin === 'array' && named === 'evidence')
        return issue('evidence.too_many', path, { limit: Number(d.maximum) });
      if (d.origin === 'array' && named === 'productLinks')
        return issue('links.too_many', path, {
          limit: Number(d.maximum),
          count: Array.isArray(value) ? value.length : 0,
        });
      if (d.origin === 'number' || d.origin === 'bigint')
        return issue('field.too_big', path, { limit: Number(d.maximum) });
      return issue('field.too_long', path, { limit: Number(d.maximum) });
    case 'invalid_value':
    case 'invalid_union':
      // An unselected <select> sends '' (or null): that is a missing choice, not a wrong one.
      return issue(
        value === undefined || value === null || value === ''
          ? (pathCode(named) ?? 'field.required')
          : 'field.invalid_choice',
        path,
      );
    case 'invalid_format':
      if (d.format === 'email') return issue('field.invalid_email', path);
      if (d.format === 'date' || d.format === 'datetime') return issue('field.invalid_date', path);
      if (named.endsWith('phone')) return issue('field.invalid_phone', path);
      return issue('field.invalid_type', path);
    default:
      return issue('field.invalid_type', path);
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Parses with a schema and maps zod's issues to the stable issue model. Never throws. */
export function parseWith<T extends z.core.$ZodType>(
  schema: T,
  input: unknown,
  base: Issue['path'] = [],
): Result<z.output<T>> {
  let result: ReturnType<typeof z.safeParse<T>>;
  try {
    result = z.safeParse(schema, input);
  } catch {
    return { ok: false, issues: [issue('field.invalid_type', base)] };
  }
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, issues: result.error.issues.map((zi) => toIssue(zi, input, base)) };
}
