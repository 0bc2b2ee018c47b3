// IPR holder rules: the power of attorney's state, the one holder rule, saved holder profiles.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  LIMITS,
  MESSAGES_EN,
  MESSAGES_ZH_CN,
  holderIssues,
  localizeIssue,
  powerOfAttorneyState,
  validateComplaintDraft,
  validateHolderProfile,
  type Issue,
} from '@ipr/validators';
import { EVIDENCE_LOOKUP, issuesOf, NOW, validDraft, okValue } from './fixtures.js';

const pathCodes = (issues: Issue[]) => issues.map((i) => `${i.path.join('.')}:${i.code}`).sort();
const HOLDER = validDraft().holder!;
const day = (iso: string) => new Date(`${iso}T12:00:00Z`);
/** The date `n` days after `from` (YYYY-MM-DD). */
const plus = (from: string, n: number) =>
  new Date(Date.parse(`${from}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('powerOfAttorneyState', () => {
  test('no date, or no real calendar date: none', () => {
    for (const value of [null, undefined, '', '2026-02-30', '2026-13-01', '31/12/2026', '2026-1-5']) {
      assert.deepEqual(
        powerOfAttorneyState(value as string | null, NOW),
        { state: 'none', expiresAt: null, daysLeft: null },
        String(value),
      );
    }
  });

  test('the expiry day itself is still valid (expiring, 0 days left); the day after is expired', () => {
    const today = NOW.toISOString().slice(0, 10);
    assert.deepEqual(powerOfAttorneyState(today, NOW), { state: 'expiring', expiresAt: today, daysLeft: 0 });
    assert.deepEqual(powerOfAttorneyState(plus(today, -1), NOW), {
      state: 'expired',
      expiresAt: plus(today, -1),
      daysLeft: -1,
    });
  });

  test(`the warning window is exactly ${LIMITS.powerOfAttorneyWarningDays} days`, () => {
    const today = '2026-11-29';
    const w = LIMITS.powerOfAttorneyWarningDays;
    assert.equal(powerOfAttorneyState(plus(today, w), day(today)).state, 'expiring');
    assert.equal(powerOfAttorneyState(plus(today, w + 1), day(today)).state, 'valid');
    assert.equal(powerOfAttorneyState(plus(today, w + 1), day(today)).daysLeft, w + 1);
  });

  test('the day is the UTC day of `now`, whatever the time of day', () => {
    for (const time of ['00:00:00.000Z', '23:59:59.999Z']) {
      const now = new Date(`2026-03-01T${time}`);
      assert.equal(powerOfAttorneyState('2026-02-28', now).daysLeft, -1, time);
      assert.equal(powerOfAttorneyState('2026-03-01', now).daysLeft, 0, time);
    }
    // Across a leap day and a year end.
    assert.equal(powerOfAttorneyState('2028-03-01', day('2028-02-28')).daysLeft, 2);
    assert.equal(powerOfAttorneyState('2027-01-01', day('2026-12-31')).daysLeft, 1);
  });

  test('property: daysLeft is the date difference and the state follows from it', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), fc.integer({ min: 0, max: 86_399_999 }), (n, ms) => {
        const base = '2026-06-15';
        const now = new Date(Date.parse(`${base}T00:00:00Z`) + ms);
        const s = powerOfAttorneyState(plus(base, n), now);
        assert.equal(s.daysLeft, n);
        assert.equal(s.state, n < 0 ? 'expired' : n <= LIMITS.powerOfAttorneyWarningDays ? 'expiring' : 'valid');
      }),
    );
  });
});

describe('holderIssues (the one holder rule)', () => {
  test('a complete holder has no issues', () => {
    assert.deepEqual(holderIssues(HOLDER, { now: NOW }), []);
  });

  test('absent holder: holder.required; not an object: field.invalid_type', () => {
    assert.deepEqual(pathCodes(holderIssues(undefined, { now: NOW })), ['holder:holder.required']);
    assert.deepEqual(pathCodes(holderIssues(null, { now: NOW })), ['holder:holder.required']);
    assert.deepEqual(pathCodes(holderIssues('x', { now: NOW })), ['holder:field.invalid_type']);
    assert.deepEqual(pathCodes(holderIssues([HOLDER], { now: NOW })), ['holder:field.invalid_type']);
  });

  test('an empty holder: the five required parts with their own codes, under the given path', () => {
    const path = ['profiles', 3, 'holder'];
    const issues = holderIssues({}, { now: NOW, path });
    assert.deepEqual(pathCodes(issues), [
      'profiles.3.holder.identificationAttachments:holder.attachments_required',
      'profiles.3.holder.identificationNumber:holder.id_number_required',
      'profiles.3.holder.identificationType:holder.id_type_required',
      'profiles.3.holder.name:holder.name_required',
      'profiles.3.holder.powerOfAttorney:holder.power_of_attorney_required',
    ]);
    // Localised messages work on re-based paths too.
    assert.match(localizeIssue(issues.find((i) => i.code === 'holder.name_required')!, 'zh-CN'), /权利人/);
  });

  test('shape issues keep their path under the base (an invalid choice, a too long number, a bad date)', () => {
    const issues = holderIssues(
      {
        ...HOLDER,
        identificationType: 'passport',
        identificationNumber: 'x'.repeat(101),
        powerOfAttorneyExpiresAt: '2026-02-30',
      },
      { now: NOW, path: ['p'] },
    );
    assert.deepEqual(pathCodes(issues), [
      'p.identificationNumber:field.too_long',
      'p.identificationType:field.invalid_choice',
      'p.powerOfAttorneyExpiresAt:field.invalid_date',
    ]);
  });

  test('an expired power of attorney, judged on `now`', () => {
    const h = { ...HOLDER, powerOfAttorneyExpiresAt: '2026-11-28' };
    const issues = holderIssues(h, { now: NOW });
    assert.deepEqual(pathCodes(issues), ['holder.powerOfAttorneyExpiresAt:holder.power_of_attorney_expired']);
    assert.equal(issues[0]!.params?.date, '2026-11-28');
    assert.deepEqual(holderIssues(h, { now: new Date('2026-11-28T23:59:59Z') }), [], 'still valid on the expiry day');
  });

  test('validateComplaintDraft reports exactly holderIssues for the holder (property)', () => {
    const field = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.constant(''),
      fc.constant('  '),
      fc.string({ maxLength: 5 }),
      fc.integer(),
    );
    const list = fc.oneof(fc.constant(undefined), fc.constant([]), fc.constant(['ev_license']), fc.constant('x'));
    const holder = fc.record(
      {
        name: field,
        identificationType: fc.oneof(field, fc.constantFrom('business_registration', 'id_card')),
        identificationNumber: field,
        identificationAttachments: list,
        powerOfAttorney: list,
        powerOfAttorneyExpiresAt: fc.oneof(
          fc.constant(undefined),
          fc.constant(null),
          fc.constantFrom('2026-11-28', '2026-11-29', '2027-01-01', 'soon'),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(holder, (h) => {
        const fromDraft = validateComplaintDraft(
          { ...validDraft(), holder: h },
          { evidence: EVIDENCE_LOOKUP, now: NOW },
        );
        const draftHolder = fromDraft.ok ? [] : fromDraft.issues.filter((i) => i.path[0] === 'holder');
        assert.deepEqual(pathCodes(draftHolder), pathCodes(holderIssues(h, { now: NOW })));
      }),
      { numRuns: 300 },
    );
  });
});

describe('validateHolderProfile', () => {
  test('a valid profile: the label is trimmed; a blank label becomes the holder name; profileId is dropped', () => {
    const a = okValue(
      validateHolderProfile({ label: '  Aurora (CN)  ', holder: { ...HOLDER, profileId: 'hp_x' } }, { now: NOW }),
    );
    assert.equal(a.label, 'Aurora (CN)');
    assert.equal('profileId' in a.holder, false);
    for (const label of [undefined, '', '   ']) {
      assert.equal(
        okValue(validateHolderProfile({ label, holder: HOLDER }, { now: NOW })).label,
        HOLDER.name,
        String(label),
      );
    }
  });

  test('label over the limit, holder issues at holder.*, an expired power of attorney', () => {
    const issues = issuesOf(
      validateHolderProfile(
        {
          label: 'x'.repeat(LIMITS.maxProfileLabelLength + 1),
          holder: { ...HOLDER, name: ' ', powerOfAttorneyExpiresAt: '2026-01-01' },
        },
        { now: NOW },
      ),
    );
    assert.deepEqual(pathCodes(issues), [
      'holder.name:holder.name_required',
      'holder.powerOfAttorneyExpiresAt:holder.power_of_attorney_expired',
      'label:field.too_long',
    ]);
    assert.equal(
      okValue(validateHolderProfile({ label: 'x'.repeat(LIMITS.maxProfileLabelLength), holder: HOLDER }, { now: NOW }))
        .label.length,
      LIMITS.maxProfileLabelLength,
    );
  });

  test('not an object, or no holder', () => {
    assert.deepEqual(pathCodes(issuesOf(validateHolderProfile(null))), ['holder:holder.required']);
    assert.deepEqual(pathCodes(issuesOf(validateHolderProfile('profile'))), [':field.invalid_type']);
    assert.deepEqual(pathCodes(issuesOf(validateHolderProfile({ label: 'x' }))), ['holder:holder.required']);
  });

  test('new codes have texts with a limit placeholder in both locales', () => {
    for (const code of ['holder.profile_not_found', 'holder.profile_limit'] as const) {
      assert.ok(MESSAGES_EN[code] && MESSAGES_ZH_CN[code], code);
    }
    assert.match(MESSAGES_EN['holder.profile_limit'], /\{limit\}/);
    assert.match(MESSAGES_ZH_CN['holder.profile_limit'], /\{limit\}/);
  });
});
