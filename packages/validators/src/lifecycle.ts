import type { Result } from './issues.js';
import { issue } from './messages/format.js';

export const ROLES = ['complainant', 'supplier', 'platform'] as const;
export type Role = (typeof ROLES)[number];

export const STATUSES = [
  'submitted',
  'awaiting_supplier',
  'supplier_responded',
  'in_arbitration',
  'arbitrated',
  'closed',
  'cancelled',
] as const;
export type Status = (typeof STATUSES)[number];

export const TERMINAL_STATUSES: readonly Status[] = ['arbitrated', 'closed', 'cancelled'];
/** A complaint is "open" while it can still change. */
export const isOpenStatus = (s: Status) => !TERMINAL_STATUSES.includes(s);

export const ACTIONS = [
  'cancel',
  'check',
  'confirm_close',
  'request_arbitration',
  'forward_to_supplier',
  'respond',
  'issue_result',
] as const;
export type Action = (typeof ACTIONS)[number];

export interface TransitionRule {
  role: Role;
  from: readonly Status[];
  /** `undefined`: the status stays (e.g. "check now"). */
  to?: Status;
  /** A reason (or notice) is required with this action. */
  reason: boolean;
  /** Irreversible: a UI asks for confirmation first. */
  irreversible: boolean;
}

/** The lifecycle of DESIGN.md as data: who may do what, from which status, to which. */
export const TRANSITIONS: Record<Action, TransitionRule> = {
  cancel: {
    role: 'complainant',
    from: ['submitted', 'awaiting_supplier', 'supplier_responded'],
    to: 'cancelled',
    reason: false,
    irreversible: true,
  },
  check: { role: 'complainant', from: ['supplier_responded'], reason: false, irreversible: false },
  confirm_close: { role: 'complainant', from: ['supplier_responded'], to: 'closed', reason: false, irreversible: true },
  request_arbitration: {
    role: 'complainant',
    from: ['supplier_responded'],
    to: 'in_arbitration',
    reason: true,
    irreversible: true,
  },
  forward_to_supplier: {
    role: 'platform',
    from: ['submitted'],
    to: 'awaiting_supplier',
    reason: false,
    irreversible: false,
  },
  respond: {
    role: 'supplier',
    from: ['awaiting_supplier'],
    to: 'supplier_responded',
    reason: false,
    irreversible: false,
  },
  issue_result: { role: 'platform', from: ['in_arbitration'], to: 'arbitrated', reason: true, irreversible: true },
};

/** The actions `role` may take on a complaint in `status`, in a stable order. */
export function allowedActions(status: Status, role: Role): Action[] {
  return ACTIONS.filter((a) => TRANSITIONS[a].role === role && TRANSITIONS[a].from.includes(status));
}

/**
 * The status after `action`, or the refusal: `transition.not_allowed` when the status does
 * not allow it, `transition.forbidden` when the role may not do it. Never throws.
 */
export function nextStatus(status: Status, action: Action, role?: Role): Result<Status> {
  // Own keys only: an action named `toString` or `__proto__` must not find Object.prototype's.
  const rule = typeof action === 'string' && Object.hasOwn(TRANSITIONS, action) ? TRANSITIONS[action] : undefined;
  if (!rule || !(STATUSES as readonly string[]).includes(status)) {
    return {
      ok: false,
      issues: [issue('transition.not_allowed', [], { status: label(status), action: label(action) })],
    };
  }
  if (role !== undefined && rule.role !== role)
    return { ok: false, issues: [issue('transition.forbidden', [], { action })] };
  if (!rule.from.includes(status))
    return { ok: false, issues: [issue('transition.not_allowed', [], { status, action })] };
  return { ok: true, value: rule.to ?? status };
}

const label = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : typeof v);

export const PRODUCT_STATUSES = ['pending', 'removed', 'still_online', 'declared_non_infringing'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

export const SUPPLIER_RESPONSES = ['removed', 'not_infringing'] as const;
export type SupplierResponse = (typeof SUPPLIER_RESPONSES)[number];

/**
 * "Check now" for one product: what the catalogue shows beats what the supplier said.
 * A product no longer listed is removed; one still listed is non-infringing only when
 * the supplier declared so, otherwise still online.
 */
export function checkProduct(facts: { listed: boolean; response?: SupplierResponse | null }): ProductStatus {
  if (!facts.listed) return 'removed';
  return facts.response === 'not_infringing' ? 'declared_non_infringing' : 'still_online';
}

export const ARBITRATION_DECISIONS = ['upheld', 'partially_upheld', 'rejected'] as const;
export type ArbitrationDecision = (typeof ARBITRATION_DECISIONS)[number];

/** Complaint numbers look like `IPR-2026-000123`. */
export const COMPLAINT_NUMBER_PATTERN = /^IPR-\d{4}-\d{6}$/;
export function formatComplaintNumber(year: number, sequence: number): string {
  return `IPR-${year}-${String(sequence).padStart(6, '0')}`;
}
