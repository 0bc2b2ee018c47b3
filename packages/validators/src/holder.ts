import './config.js';
import type { Issue, IssueCode, Result } from './issues.js';
import { LIMITS } from './limits.js';
import { issue } from './messages/format.js';
import { parseWith } from './parse.js';
import {
  HolderInfoSchema,
  HolderProfileInputSchema,
  type HolderProfileInput,
  type PowerOfAttorneyState,
} from './schemas.js';

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const blank = (v: unknown) => typeof v !== 'string' || v.trim() === '';
const emptyList = (v: unknown) => !Array.isArray(v) || v.length === 0;
const validNow = (now: unknown) => (now instanceof Date && !Number.isNaN(now.getTime()) ? now : new Date());

/** Days since 1970-01-01 of a `YYYY-MM-DD` date, or null when it is no real calendar date. */
function dayNumber(date: string): number | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(t / DAY_MS);
}

/**
 * Where a power of attorney stands on `now`'s day (UTC): 'none' without a (valid) expiry date;
 * 'expired' once the date has passed (the expiry day itself is still valid, daysLeft 0);
 * 'expiring' within `LIMITS.powerOfAttorneyWarningDays` days; else 'valid'.
 */
export function powerOfAttorneyState(
  expiresAt: string | null | undefined,
  now: Date = new Date(),
): PowerOfAttorneyState {
  const expiry = typeof expiresAt === 'string' ? dayNumber(expiresAt) : null;
  if (expiry === null) return { state: 'none', expiresAt: null, daysLeft: null };
  const today = Math.floor(validNow(now).getTime() / DAY_MS);
  const daysLeft = expiry - today;
  const state = daysLeft < 0 ? 'expired' : daysLeft <= LIMITS.powerOfAttorneyWarningDays ? 'expiring' : 'valid';
  return { state, expiresAt: expiresAt as string, daysLeft };
}

export interface HolderIssueOptions {
  /** "Today" for the expiry check. Default: now. */
  now?: Date;
  /** Where the holder sits in the input. Default `['holder']`. */
  path?: Issue['path'];
}

/**
 * The one rule for IPR holder information (used by `validateComplaintDraft` when the complainant
 * is not the holder, and by saved holder profiles): shape, the five required parts (name as on the
 * certificate, identification type, registration/ID number, identification attachments, power of
 * attorney) with their own codes, and an expired power of attorney. All issues at once.
 */
export function holderIssues(holder: unknown, options: HolderIssueOptions = {}): Issue[] {
  const base = options.path ?? ['holder'];
  if (holder === undefined || holder === null) return [issue('holder.required', base)];
  if (!isRecord(holder)) return [issue('field.invalid_type', base)];
  // Parsed at the conventional ['holder'] path (the domain codes are keyed on it), then re-based.
  const parsed = parseWith(HolderInfoSchema, holder, ['holder']);
  const issues: Issue[] = parsed.ok ? [] : parsed.issues.map((i) => ({ ...i, path: [...base, ...i.path.slice(1)] }));
  const already = new Set(issues.map((i) => i.path.slice(base.length, base.length + 1).join('.')));
  const need = (key: string, missing: boolean, code: IssueCode) => {
    if (missing && !already.has(key)) issues.push(issue(code, [...base, key]));
  };
  need('name', blank(holder.name), 'holder.name_required');
  need(
    'identificationType',
    holder.identificationType === undefined || holder.identificationType === null,
    'holder.id_type_required',
  );
  need('identificationNumber', blank(holder.identificationNumber), 'holder.id_number_required');
  need('identificationAttachments', emptyList(holder.identificationAttachments), 'holder.attachments_required');
  need('powerOfAttorney', emptyList(holder.powerOfAttorney), 'holder.power_of_attorney_required');
  const expires = holder.powerOfAttorneyExpiresAt;
  if (typeof expires === 'string' && powerOfAttorneyState(expires, validNow(options.now)).state === 'expired') {
    issues.push(issue('holder.power_of_attorney_expired', [...base, 'powerOfAttorneyExpiresAt'], { date: expires }));
  }
  return issues;
}

/**
 * A holder profile to save: an optional label (≤ 100; blank → the holder's name) and holder
 * information that passes `holderIssues` (an expired power of attorney cannot be saved).
 * The holder's `profileId` is dropped. Never throws.
 */
export function validateHolderProfile(
  input: unknown,
  options: { now?: Date } = {},
): Result<HolderProfileInput & { label: string }> {
  if (!isRecord(input))
    return {
      ok: false,
      issues: [
        issue(
          input === undefined || input === null ? 'holder.required' : 'field.invalid_type',
          input === undefined || input === null ? ['holder'] : [],
        ),
      ],
    };
  const parsed = parseWith(HolderProfileInputSchema, input);
  // The holder's issues come from the one holder rule (with its own codes), not from the shape alone.
  const issues: Issue[] = parsed.ok ? [] : parsed.issues.filter((i) => i.path[0] !== 'holder');
  issues.push(...holderIssues(input.holder, { now: options.now, path: ['holder'] }));
  if (issues.length || !parsed.ok) return { ok: false, issues };
  const { profileId: _ignored, ...holder } = parsed.value.holder;
  const label = (parsed.value.label ?? '').trim() || holder.name.trim();
  return { ok: true, value: { label: label.slice(0, LIMITS.maxProfileLabelLength), holder } };
}
