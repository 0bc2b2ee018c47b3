import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  ACTIONS,
  allowedActions,
  checkProduct,
  COMPLAINT_NUMBER_PATTERN,
  formatComplaintNumber,
  isOpenStatus,
  nextStatus,
  PRODUCT_STATUSES,
  ROLES,
  STATUSES,
  type SUPPLIER_RESPONSES,
  TERMINAL_STATUSES,
  TRANSITIONS,
  type Action,
  type Role,
  type Status,
} from '@ipr/validators';
import { issuesOf } from './fixtures.js';

/**
 * DESIGN.md's diagram, written out by hand as edges (from, action, role, to). `to` undefined:
 * the status stays ("check now", when the supplier has responded).
 *
 *   submitted ──platform──▶ awaiting_supplier ──supplier──▶ supplier_responded
 *   cancel (complainant) from submitted, awaiting_supplier, supplier_responded
 *   supplier_responded ─complainant: request arbitration─▶ in_arbitration ──platform──▶ arbitrated
 *   supplier_responded ─complainant: confirm & close─▶ closed
 */
const EDGES: [Status, Action, Role, Status | undefined][] = [
  ['submitted', 'forward_to_supplier', 'platform', 'awaiting_supplier'],
  ['awaiting_supplier', 'respond', 'supplier', 'supplier_responded'],
  ['submitted', 'cancel', 'complainant', 'cancelled'],
  ['awaiting_supplier', 'cancel', 'complainant', 'cancelled'],
  ['supplier_responded', 'cancel', 'complainant', 'cancelled'],
  ['supplier_responded', 'check', 'complainant', undefined],
  ['supplier_responded', 'confirm_close', 'complainant', 'closed'],
  ['supplier_responded', 'request_arbitration', 'complainant', 'in_arbitration'],
  ['in_arbitration', 'issue_result', 'platform', 'arbitrated'],
];
const ALL_STATUSES: Status[] = [
  'submitted',
  'awaiting_supplier',
  'supplier_responded',
  'in_arbitration',
  'arbitrated',
  'closed',
  'cancelled',
];
const ALL_ACTIONS: Action[] = [
  'cancel',
  'check',
  'confirm_close',
  'request_arbitration',
  'forward_to_supplier',
  'respond',
  'issue_result',
];
const ALL_ROLES: Role[] = ['complainant', 'supplier', 'platform'];
const ownerOf = (action: Action) => EDGES.find((e) => e[1] === action)![2];

type Expected = { ok: true; to: Status } | { ok: false; code: 'transition.not_allowed' | 'transition.forbidden' };
function expected(status: Status, action: Action, role?: Role): Expected {
  if (role !== undefined && ownerOf(action) !== role) return { ok: false, code: 'transition.forbidden' };
  const edge = EDGES.find((e) => e[0] === status && e[1] === action);
  return edge ? { ok: true, to: edge[3] ?? status } : { ok: false, code: 'transition.not_allowed' };
}

describe('the lifecycle as data', () => {
  test('statuses, actions and roles are exactly the designed ones', () => {
    assert.deepEqual([...STATUSES].sort(), [...ALL_STATUSES].sort());
    assert.deepEqual([...ACTIONS].sort(), [...ALL_ACTIONS].sort());
    assert.deepEqual([...ROLES].sort(), [...ALL_ROLES].sort());
  });
  test('every action has exactly one owner role in the diagram', () => {
    for (const a of ALL_ACTIONS) assert.equal(new Set(EDGES.filter((e) => e[1] === a).map((e) => e[2])).size, 1, a);
  });
  test('terminal statuses allow nothing, to anyone', () => {
    assert.deepEqual([...TERMINAL_STATUSES].sort(), ['arbitrated', 'cancelled', 'closed']);
    for (const s of ALL_STATUSES) {
      const anything = ALL_ROLES.some((r) => allowedActions(s, r).length > 0);
      assert.equal(isOpenStatus(s), anything, s);
    }
  });
  test('reasons: arbitration and results need one, the rest do not', () => {
    assert.deepEqual(ALL_ACTIONS.filter((a) => TRANSITIONS[a].reason).sort(), ['issue_result', 'request_arbitration']);
  });
});

describe('nextStatus and allowedActions for every (status, action, role)', () => {
  for (const status of ALL_STATUSES) {
    for (const role of [...ALL_ROLES, undefined]) {
      test(`${status} × ${role ?? 'any role'}`, () => {
        for (const action of ALL_ACTIONS) {
          const want = expected(status, action, role);
          const got = nextStatus(status, action, role);
          const where = `${status} ${action} ${role ?? '(no role)'}`;
          if (want.ok) {
            assert.deepEqual(got, { ok: true, value: want.to }, where);
          } else {
            const issues = issuesOf(got);
            assert.equal(issues.length, 1, where);
            assert.equal(issues[0]!.code, want.code, where);
            assert.deepEqual(issues[0]!.path, []);
            if (want.code === 'transition.not_allowed') assert.deepEqual(issues[0]!.params, { status, action }, where);
            else assert.deepEqual(issues[0]!.params, { action }, where);
          }
        }
        if (role !== undefined) {
          const wantActions = ALL_ACTIONS.filter((a) => expected(status, a, role).ok);
          assert.deepEqual([...allowedActions(status, role)].sort(), wantActions.sort(), `${status} ${role}`);
          // ACTIONS order is the stable display order.
          assert.deepEqual(
            allowedActions(status, role),
            ACTIONS.filter((a) => wantActions.includes(a)),
          );
        }
      });
    }
  }

  test('unknown statuses and actions are not allowed (never thrown)', () => {
    assert.equal(issuesOf(nextStatus('draft' as Status, 'cancel'))[0]!.code, 'transition.not_allowed');
    assert.equal(issuesOf(nextStatus('submitted', 'delete' as Action, 'platform'))[0]!.code, 'transition.not_allowed');
    assert.equal(issuesOf(nextStatus('submitted', 'toString' as Action))[0]!.code, 'transition.not_allowed');
    assert.equal(issuesOf(nextStatus('submitted', '__proto__' as Action))[0]!.code, 'transition.not_allowed');
    assert.deepEqual(allowedActions('draft' as Status, 'complainant'), []);
  });

  test('a walk through the happy paths', () => {
    const walk = (steps: [Action, Role][]) =>
      steps.reduce<Status>((s, [a, r]) => {
        const next = nextStatus(s, a, r);
        assert.ok(next.ok, `${s} ${a}`);
        return next.value;
      }, 'submitted');
    assert.equal(
      walk([
        ['forward_to_supplier', 'platform'],
        ['respond', 'supplier'],
        ['check', 'complainant'],
        ['confirm_close', 'complainant'],
      ]),
      'closed',
    );
    assert.equal(
      walk([
        ['forward_to_supplier', 'platform'],
        ['respond', 'supplier'],
        ['request_arbitration', 'complainant'],
        ['issue_result', 'platform'],
      ]),
      'arbitrated',
    );
    assert.equal(walk([['cancel', 'complainant']]), 'cancelled');
  });
});

describe('checkProduct', () => {
  const table: [boolean, (typeof SUPPLIER_RESPONSES)[number] | null | undefined, string][] = [
    [false, undefined, 'removed'],
    [false, null, 'removed'],
    [false, 'removed', 'removed'],
    [false, 'not_infringing', 'removed'],
    [true, undefined, 'still_online'],
    [true, null, 'still_online'],
    [true, 'removed', 'still_online'],
    [true, 'not_infringing', 'declared_non_infringing'],
  ];
  for (const [listed, response, want] of table) {
    test(`listed=${listed}, response=${response}: ${want}`, () => {
      const got = checkProduct({ listed, response });
      assert.equal(got, want);
      assert.ok((PRODUCT_STATUSES as readonly string[]).includes(got));
    });
  }
});

describe('complaint numbers', () => {
  test('IPR-<year>-<6 digits>', () => {
    assert.equal(formatComplaintNumber(2026, 123), 'IPR-2026-000123');
    assert.equal(formatComplaintNumber(2026, 1), 'IPR-2026-000001');
    assert.equal(formatComplaintNumber(2027, 999999), 'IPR-2027-999999');
    for (const n of [1, 42, 123, 100000, 999999])
      assert.match(formatComplaintNumber(2026, n), COMPLAINT_NUMBER_PATTERN);
  });
  test('the pattern refuses near misses', () => {
    for (const s of [
      'IPR-2026-123',
      'ipr-2026-000123',
      'IPR-26-000123',
      'IPR-2026-000123 ',
      'XIPR-2026-000123',
      'IPR-2026-0001234',
    ]) {
      assert.doesNotMatch(s, COMPLAINT_NUMBER_PATTERN, s);
    }
  });
});
