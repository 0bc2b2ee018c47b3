// The lifecycle actions on a complaint: each body checked by the validators' rule, then POSTed
// to the action's own route. The response and result rules (zod schemas) load on first use (checks.ts).
import { TRANSITIONS, issue, validateReason, type Action } from '@ipr/validators';
import { type Caller, checks } from '../call.js';
import type { CallOptions } from '../errors.js';
import type { paths } from '../generated/api.js';
import type { IprClient } from '../types.js';

/** The route segment of each lifecycle action. */
export const ACTION_ROUTES = {
  cancel: 'cancel',
  check: 'check',
  confirm_close: 'confirm-close',
  request_arbitration: 'arbitration',
  forward_to_supplier: 'forward',
  respond: 'respond',
  issue_result: 'result',
} as const satisfies Record<Action, string>;

/** Each lifecycle action's route as the generated `paths` name it (checked against ACTION_ROUTES). */
const ACTION_PATHS = {
  cancel: '/v1/complaints/{id}/cancel',
  check: '/v1/complaints/{id}/check',
  confirm_close: '/v1/complaints/{id}/confirm-close',
  request_arbitration: '/v1/complaints/{id}/arbitration',
  forward_to_supplier: '/v1/complaints/{id}/forward',
  respond: '/v1/complaints/{id}/respond',
  issue_result: '/v1/complaints/{id}/result',
} as const satisfies { [A in Action]: `/v1/complaints/{id}/${(typeof ACTION_ROUTES)[A]}` & keyof paths };

/** One property of a body given as `unknown` (a JS caller may pass anything). */
function field(body: unknown, key: string): unknown {
  return typeof body === 'object' && body !== null && key in body ? Reflect.get(body, key) : undefined;
}

type Lifecycle = Pick<
  IprClient['complaints'],
  'act' | 'cancel' | 'checkNow' | 'confirmClose' | 'requestArbitration' | 'forward' | 'respond' | 'issueResult'
>;

export function lifecycleActions({ api, call, refused }: Caller): Lifecycle {
  /** A lifecycle action: its body checked by the validators' rule, then POSTed to its route. */
  async function act(id: string, action: Action, body?: unknown, opts: CallOptions = {}) {
    const { signal } = opts;
    const path = { id };
    switch (action) {
      case 'cancel':
      case 'request_arbitration': {
        const reason = validateReason(field(body, 'reason'), TRANSITIONS[action].reason);
        if (!reason.ok) return refused(reason.issues);
        const sent = reason.value === null ? {} : { reason: reason.value };
        return action === 'cancel'
          ? call(() => api.POST(ACTION_PATHS.cancel, { params: { path }, body: sent, signal }), signal)
          : call(() => api.POST(ACTION_PATHS.request_arbitration, { params: { path }, body: sent, signal }), signal);
      }
      case 'respond': {
        const { validateSupplierResponse } = await checks();
        const parsed = validateSupplierResponse(body);
        if (!parsed.ok) return refused(parsed.issues);
        return call(() => api.POST(ACTION_PATHS.respond, { params: { path }, body: parsed.value, signal }), signal);
      }
      case 'issue_result': {
        const { ArbitrationResultBodySchema, parseWith } = await checks();
        const parsed = parseWith(ArbitrationResultBodySchema, body);
        if (!parsed.ok) return refused(parsed.issues);
        return call(
          () => api.POST(ACTION_PATHS.issue_result, { params: { path }, body: parsed.value, signal }),
          signal,
        );
      }
      case 'check':
        return call(() => api.POST(ACTION_PATHS.check, { params: { path }, signal }), signal);
      case 'confirm_close':
        return call(() => api.POST(ACTION_PATHS.confirm_close, { params: { path }, signal }), signal);
      case 'forward_to_supplier':
        return call(() => api.POST(ACTION_PATHS.forward_to_supplier, { params: { path }, signal }), signal);
      default:
        // Not an action (a JS caller, a stale host): refused as the server refuses an unknown choice.
        return refused([issue('field.invalid_choice', ['action'])]);
    }
  }
  return {
    act,
    cancel: (id, body = {}, opts = {}) => act(id, 'cancel', body, opts),
    checkNow: (id, opts = {}) => act(id, 'check', undefined, opts),
    confirmClose: (id, opts = {}) => act(id, 'confirm_close', undefined, opts),
    requestArbitration: (id, body, opts = {}) => act(id, 'request_arbitration', body, opts),
    forward: (id, opts = {}) => act(id, 'forward_to_supplier', undefined, opts),
    respond: (id, body, opts = {}) => act(id, 'respond', body, opts),
    issueResult: (id, body, opts = {}) => act(id, 'issue_result', body, opts),
  };
}
