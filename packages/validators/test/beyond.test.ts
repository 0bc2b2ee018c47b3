// Issue 9: holder profiles, power-of-attorney state, duplicate keys, declaration and receipt text,
// live events and the status report.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  ComplaintEventSchema,
  DECLARATION_TEXT,
  DECLARATION_VERSION,
  DeclarationSchema,
  HolderProfileSchema,
  LIMITS,
  LOCALES,
  MESSAGES_EN,
  MESSAGES_ZH_CN,
  NAMED_SCHEMAS,
  STATUS_REPORT_COLUMNS,
  StatusReportRowSchema,
  duplicateKey,
  holderIssues,
  localizeIssue,
  parseWith,
  powerOfAttorneyState,
  receiptText,
  sha256HexSync,
  statusReportCells,
  statusReportHeaders,
  validateComplaintDraft,
  validateHolderProfile,
  type Issue,
  type Receipt,
  type StatusReportRow,
} from '@ipr/validators';
import { EVIDENCE_LOOKUP, issuesOf, link, NOW, validDraft, okValue } from './fixtures.js';

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

describe('duplicateKey', () => {
  const links = [link('p1'), link('p2'), link('p3')];

  test('order, repeats and link spelling do not matter', () => {
    const key = duplicateKey({ type: 'trademark_infringement', productLinks: links });
    assert.equal(duplicateKey({ type: 'trademark_infringement', productLinks: [...links].reverse() }), key);
    assert.equal(duplicateKey({ type: 'trademark_infringement', productLinks: [...links, links[0]!, links[2]!] }), key);
    assert.equal(
      duplicateKey({
        type: 'trademark_infringement',
        productLinks: [
          'http://www.market.example/product/P2/?spm=1#x',
          'm.market.example/product/p1',
          ' https://MARKET.example/product/p3.html ',
          '',
        ],
      }),
      key,
    );
  });

  test('the type and the set of links do matter', () => {
    const key = duplicateKey({ type: 'trademark_infringement', productLinks: links });
    assert.notEqual(duplicateKey({ type: 'patent_infringement', productLinks: links }), key);
    assert.notEqual(duplicateKey({ type: 'trademark_infringement', productLinks: links.slice(0, 2) }), key);
    assert.notEqual(duplicateKey({ type: 'trademark_infringement', productLinks: [...links, link('p4')] }), key);
    // No join ambiguity: two links are not one link with a newline.
    assert.notEqual(
      duplicateKey({ type: 't', productLinks: ['a', 'b'] }),
      duplicateKey({ type: 't', productLinks: ['a\nb'] }),
    );
  });

  test('short enough for an index, whatever the number of links', () => {
    const many = Array.from({ length: LIMITS.maxProductLinks }, (_, i) => link(`p${i}`));
    const key = duplicateKey({ type: 'copyright_infringement', productLinks: many });
    assert.ok(key.length < 120, key);
    assert.match(key, /^v1:copyright_infringement:[0-9a-f]{64}$/);
  });

  test('property: any permutation with repeats gives the same key', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 9999 }), { minLength: 1, maxLength: 20 }),
        fc.nat(),
        (ids, seed) => {
          const base = ids.map((n) => link(`p${n}`));
          const shuffled = [...base, ...base.slice(0, seed % base.length)].sort(
            (a, b) => ((a.length * 31 + seed) % 7) - ((b.length * 17 + seed) % 7),
          );
          assert.equal(
            duplicateKey({ type: 'x', productLinks: shuffled }),
            duplicateKey({ type: 'x', productLinks: base }),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  test('sha256HexSync equals node:crypto, at the padding edges and for non-ASCII text', () => {
    const inputs = [
      '',
      'abc',
      'a'.repeat(55),
      'a'.repeat(56),
      'a'.repeat(63),
      'a'.repeat(64),
      'a'.repeat(119),
      '产品链接 ✓ 😀',
      'x'.repeat(100_000),
    ];
    for (const text of inputs)
      assert.equal(
        sha256HexSync(text),
        createHash('sha256').update(text, 'utf8').digest('hex'),
        `length ${text.length}`,
      );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        assert.equal(sha256HexSync(text), createHash('sha256').update(text, 'utf8').digest('hex'));
      }),
      { numRuns: 200 },
    );
  });
});

describe('declaration and receipt', () => {
  test('DECLARATION_TEXT has every statement of the declaration in each locale', () => {
    const statements = Object.keys(DeclarationSchema.shape)
      .filter((k) => k !== 'version')
      .sort();
    for (const locale of LOCALES) {
      const text = DECLARATION_TEXT[locale];
      assert.deepEqual(
        Object.keys(text)
          .filter((k) => k !== 'title')
          .sort(),
        statements,
        locale,
      );
      for (const value of Object.values(text)) assert.ok(value.trim().length > 0, locale);
    }
    assert.match(DECLARATION_TEXT['zh-CN'].goodFaith, /[\u4e00-\u9fff]/);
  });

  const receipt: Receipt = {
    number: 'IPR-2026-000123',
    submittedAt: '2026-11-29T08:00:00.000Z',
    declarationVersion: DECLARATION_VERSION,
    products: [
      { productId: 'p1', url: link('p1') },
      { productId: 'p2', url: link('p2') },
    ],
    evidence: [{ id: 'ev_1', name: '商标证书.pdf', sha256: 'a'.repeat(64) }],
  };

  test('receiptText carries the number, time, version with its statements, every link and every hash', () => {
    for (const locale of LOCALES) {
      const text = receiptText(receipt, locale);
      for (const part of [
        receipt.number,
        receipt.submittedAt,
        DECLARATION_VERSION,
        link('p1'),
        link('p2'),
        '商标证书.pdf',
        'a'.repeat(64),
      ]) {
        assert.ok(text.includes(part), `${locale}: ${part}`);
      }
      assert.ok(text.includes(DECLARATION_TEXT[locale].goodFaith), locale);
      assert.ok(text.endsWith('\r\n'));
    }
    assert.match(receiptText(receipt, 'zh-CN'), /投诉单号/);
    assert.doesNotMatch(receiptText(receipt, 'en'), /投诉单号/);
  });

  test('an older declaration version is named but its words are not claimed', () => {
    const text = receiptText({ ...receipt, declarationVersion: '2020-01' }, 'en');
    assert.ok(text.includes('2020-01'));
    assert.ok(!text.includes(DECLARATION_TEXT.en.goodFaith));
  });
});

describe('status report', () => {
  const row: StatusReportRow = {
    number: 'IPR-2026-000001',
    type: 'picture_embezzlement',
    status: 'supplier_responded',
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-02T00:00:00.000Z',
    productUrl: link('p1'),
    productName: 'LED desk lamp',
    productStatus: 'declared_non_infringing',
    supplierResponse: 'not_infringing',
  };

  test('one cell per column, in order, with labels of the locale', () => {
    assert.deepEqual(STATUS_REPORT_COLUMNS.map((c) => c.key).sort(), Object.keys(StatusReportRowSchema.shape).sort());
    const en = statusReportCells(row, 'en');
    const zh = statusReportCells(row, 'zh-CN');
    assert.equal(en.length, STATUS_REPORT_COLUMNS.length);
    const at = (key: string) => STATUS_REPORT_COLUMNS.findIndex((c) => c.key === key);
    assert.equal(en[at('type')], 'Picture Embezzlement');
    assert.equal(zh[at('type')], '图片盗用');
    assert.equal(en[at('status')], 'Supplier responded');
    assert.equal(zh[at('productStatus')], '已声明不侵权');
    assert.equal(en[at('number')], row.number);
    assert.equal(en[at('createdAt')], row.createdAt);
    assert.equal(statusReportCells({ ...row, supplierResponse: null }, 'en')[at('supplierResponse')], '');
    assert.deepEqual(
      statusReportHeaders('zh-CN'),
      STATUS_REPORT_COLUMNS.map((c) => c['zh-CN']),
    );
  });

  test('every cell is neutralised: formulas from names or links cannot run', () => {
    for (const evil of ['=HYPERLINK("http://x","y")', '+1+1', '-2', '@SUM(A1)', '\t=1', '\r=1']) {
      const cells = statusReportCells({ ...row, productName: evil, productUrl: evil, number: evil }, 'en');
      for (const cell of cells) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, JSON.stringify(cell));
      assert.ok(cells.includes(`'${evil}`));
    }
  });

  test('property: no cell of any row starts a formula', () => {
    const text = fc.string({ maxLength: 20 });
    fc.assert(
      fc.property(text, text, text, (number, name, url) => {
        for (const locale of LOCALES) {
          for (const cell of statusReportCells({ ...row, number, productName: name, productUrl: url }, locale)) {
            assert.equal(typeof cell, 'string');
            assert.doesNotMatch(cell, /^[=+\-@\t\r]/);
          }
        }
      }),
    );
  });
});

describe('schemas for issue 9', () => {
  test('NAMED_SCHEMAS lists the new component schemas', () => {
    for (const name of [
      'HolderProfileInput',
      'HolderProfile',
      'PowerOfAttorneyState',
      'ComplaintEvent',
      'StatusReportRow',
    ]) {
      assert.ok(name in NAMED_SCHEMAS, name);
    }
  });

  test('a profile and an event as the API answers them parse; a bad state or seq does not', () => {
    const profile = {
      id: 'hp_1',
      label: 'Aurora',
      holder: HOLDER,
      powerOfAttorney: powerOfAttorneyState(HOLDER.powerOfAttorneyExpiresAt, NOW),
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    };
    assert.equal(parseWith(HolderProfileSchema, profile).ok, true);
    assert.equal(
      parseWith(HolderProfileSchema, {
        ...profile,
        powerOfAttorney: { state: 'soon', expiresAt: null, daysLeft: null },
      }).ok,
      false,
    );
    const event = {
      id: 'cmp_1',
      number: 'IPR-2026-000001',
      status: 'awaiting_supplier',
      action: 'forward_to_supplier',
      updatedAt: NOW.toISOString(),
      seq: 12,
    };
    assert.equal(parseWith(ComplaintEventSchema, event).ok, true);
    assert.equal(parseWith(ComplaintEventSchema, { ...event, action: 'create' }).ok, true);
    assert.equal(parseWith(ComplaintEventSchema, { ...event, seq: 0 }).ok, false);
    assert.equal(parseWith(ComplaintEventSchema, { ...event, action: 'delete' }).ok, false);
  });
});
