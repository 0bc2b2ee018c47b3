import type { Result } from './issues.js';
import { LIMITS } from './limits.js';
import { issue } from './messages/format.js';

/** A reason for an action (cancel needs none; arbitration and results do). */
export function validateReason(reason: unknown, required: boolean): Result<string | null> {
  const text = typeof reason === 'string' ? reason.trim() : '';
  if (reason !== undefined && reason !== null && typeof reason !== 'string')
    return { ok: false, issues: [issue('field.invalid_type', ['reason'])] };
  if (required && text === '') return { ok: false, issues: [issue('transition.reason_required', ['reason'])] };
  if (text.length > LIMITS.maxReasonLength)
    return { ok: false, issues: [issue('field.too_long', ['reason'], { limit: LIMITS.maxReasonLength })] };
  return { ok: true, value: text === '' ? null : text };
}
