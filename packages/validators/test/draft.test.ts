import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  COMPLAINT_TYPES,
  FORM_STEPS,
  issuesForStep,
  LIMITS,
  parseWith,
  ContactSchema,
  stepOf,
  validateComplaintDraft,
  validateReason,
  type ComplaintDraftInput,
  type Issue,
} from '@ipr/validators';
import { codes, EVIDENCE_LOOKUP, issuesOf, link, NOW, validDraft, okValue } from './fixtures.js';

const ctx = { evidence: EVIDENCE_LOOKUP, now: NOW };
const pathCodes = (issues: Issue[]) => issues.map((i) => `${i.path.join('.')}:${i.code}`);
const draft = (patch: Record<string, unknown>, type?: Parameters<typeof validDraft>[0]) =>
  ({ ...validDraft(type), ...patch }) as ComplaintDraftInput;
const holder = (patch: Record<string, unknown>) => ({ ...validDraft().holder!, ...patch });

describe('a complete draft', () => {
  for (const type of COMPLAINT_TYPES) {
    test(`${type} passes, with and without the evidence lookup`, () => {
      const value = okValue(validateComplaintDraft(validDraft(type), ctx));
      assert.equal(value.type, type);
      okValue(validateComplaintDraft(validDraft(type)));
    });
  }

  test('the value carries canonical links and defaults', () => {
    const input = draft({ productLinks: ['http://www.market.example/product/ABC/?spm=1'] });
    delete (input as Record<string, unknown>).discloseContactToSupplier;
    const value = okValue(validateComplaintDraft(input, ctx));
    assert.deepEqual(value.productLinks, [link('abc')]);
    assert.equal(value.discloseContactToSupplier, false);
    assert.equal(
      okValue(validateComplaintDraft(draft({ discloseContactToSupplier: true }), ctx)).discloseContactToSupplier,
      true,
    );
  });

  test('isIprHolder defaults to false, so the holder is then required', () => {
    const input = draft({ holder: undefined });
    delete (input as Record<string, unknown>).isIprHolder;
    assert.deepEqual(pathCodes(issuesOf(validateComplaintDraft(input, ctx))), ['holder:holder.required']);
  });

  test('the IPR holder needs no holder information, and the value drops it', () => {
    assert.equal(okValue(validateComplaintDraft(draft({ isIprHolder: true, holder: undefined }), ctx)).holder, null);
    assert.equal(okValue(validateComplaintDraft(draft({ isIprHolder: true }), ctx)).holder, null);
  });

  test('half-typed holder information is ignored once "I am the IPR holder" is ticked', () => {
    const value = okValue(
      validateComplaintDraft(draft({ isIprHolder: true, holder: { name: 'Half typed', identificationType: '' } }), ctx),
    );
    assert.equal(value.holder, null);
  });
});

describe('IPR holder information (isIprHolder false)', () => {
  test('absent or null: holder.required', () => {
    for (const h of [undefined, null]) {
      const issues = issuesOf(validateComplaintDraft(draft({ holder: h }), ctx));
      assert.deepEqual(pathCodes(issues), ['holder:holder.required']);
    }
  });

  test('an empty object: every field with its own code', () => {
    const issues = issuesOf(validateComplaintDraft(draft({ holder: {} }), ctx));
    assert.deepEqual(pathCodes(issues).sort(), [
      'holder.identificationAttachments:holder.attachments_required',
      'holder.identificationNumber:holder.id_number_required',
      'holder.identificationType:holder.id_type_required',
      'holder.name:holder.name_required',
      'holder.powerOfAttorney:holder.power_of_attorney_required',
    ]);
  });

  const fields: [string, unknown[], string][] = [
    ['name', ['', '   ', undefined, null], 'holder.name_required'],
    ['identificationType', [undefined, null, ''], 'holder.id_type_required'],
    ['identificationNumber', ['', ' \t', undefined, null], 'holder.id_number_required'],
    ['identificationAttachments', [[], undefined, null], 'holder.attachments_required'],
    ['powerOfAttorney', [[], undefined, null], 'holder.power_of_attorney_required'],
  ];
  for (const [field, values, code] of fields) {
    test(`${field} missing: ${code}`, () => {
      for (const value of values) {
        const h = holder({ [field]: value });
        if (value === undefined) delete (h as Record<string, unknown>)[field];
        const issues = issuesOf(validateComplaintDraft(draft({ holder: h }), ctx));
        assert.deepEqual(pathCodes(issues), [`holder.${field}:${code}`], `${field} = ${JSON.stringify(value)}`);
      }
    });
  }

  test('an unknown identification type is a wrong choice, not a missing one', () => {
    assert.deepEqual(
      pathCodes(issuesOf(validateComplaintDraft(draft({ holder: holder({ identificationType: 'passport' }) }), ctx))),
      ['holder.identificationType:field.invalid_choice'],
    );
  });

  test('both identification types are accepted', () => {
    for (const t of ['business_registration', 'id_card'])
      okValue(validateComplaintDraft(draft({ holder: holder({ identificationType: t }) }), ctx));
  });

  test('a power of attorney that expired before ctx.now: holder.power_of_attorney_expired', () => {
    const issues = issuesOf(
      validateComplaintDraft(draft({ holder: holder({ powerOfAttorneyExpiresAt: '2026-11-28' }) }), ctx),
    );
    assert.deepEqual(pathCodes(issues), ['holder.powerOfAttorneyExpiresAt:holder.power_of_attorney_expired']);
    assert.deepEqual(issues[0]!.params, { date: '2026-11-28' });
    assert.match(issues[0]!.message, /2026-11-28/);
  });

  test('a power of attorney expiring today, later, or never is valid', () => {
    for (const d of ['2026-11-29', '2030-01-01', null, undefined]) {
      okValue(validateComplaintDraft(draft({ holder: holder({ powerOfAttorneyExpiresAt: d }) }), ctx));
    }
  });

  test('"today" comes from ctx.now', () => {
    const h = holder({ powerOfAttorneyExpiresAt: '2026-11-28' });
    okValue(validateComplaintDraft(draft({ holder: h }), { ...ctx, now: new Date('2026-11-01T00:00:00Z') }));
    issuesOf(validateComplaintDraft(draft({ holder: h }), { ...ctx, now: new Date('2027-01-01T00:00:00Z') }));
  });

  test('an invalid ctx.now falls back to the clock instead of throwing', () => {
    const h = holder({ powerOfAttorneyExpiresAt: '2000-01-01' });
    assert.deepEqual(
      codes(issuesOf(validateComplaintDraft(draft({ holder: h }), { ...ctx, now: new Date('nonsense') }))),
      ['holder.power_of_attorney_expired'],
    );
  });

  test('a malformed expiry date', () => {
    assert.deepEqual(
      codes(
        issuesOf(validateComplaintDraft(draft({ holder: holder({ powerOfAttorneyExpiresAt: '31/12/2027' }) }), ctx)),
      ),
      ['field.invalid_date'],
    );
  });
});

describe('links, description, contact', () => {
  test('link issues keep their own codes and rows', () => {
    const issues = issuesOf(
      validateComplaintDraft(draft({ productLinks: [link('a'), 'http://market.example/product/A/', 'nope'] }), ctx),
    );
    assert.deepEqual(pathCodes(issues), ['productLinks.1:links.duplicate', 'productLinks.2:links.not_url']);
  });

  test('no links: links.required; 801 links: links.too_many once', () => {
    assert.deepEqual(pathCodes(issuesOf(validateComplaintDraft(draft({ productLinks: [] }), ctx))), [
      'productLinks:links.required',
    ]);
    assert.deepEqual(pathCodes(issuesOf(validateComplaintDraft(draft({ productLinks: undefined }), ctx))), [
      'productLinks:links.required',
    ]);
    const many = Array.from({ length: 801 }, (_, i) => link(`p${i}`));
    const issues = issuesOf(validateComplaintDraft(draft({ productLinks: many }), ctx));
    assert.deepEqual(pathCodes(issues), ['productLinks:links.too_many']);
    assert.deepEqual(issues[0]!.params, { limit: 800, count: 801 });
  });

  test('an over-long link is refused with a reason, not silently', () => {
    const long = link('a') + '?q=' + 'x'.repeat(3000);
    const issues = issuesOf(validateComplaintDraft(draft({ productLinks: [long] }), ctx));
    assert.deepEqual(pathCodes(issues), ['productLinks.0:field.too_long']);
    assert.deepEqual(issues[0]!.params, { limit: 2048 });
  });

  test('description required and bounded', () => {
    assert.deepEqual(pathCodes(issuesOf(validateComplaintDraft(draft({ description: '' }), ctx))), [
      'description:field.required',
    ]);
    assert.deepEqual(pathCodes(issuesOf(validateComplaintDraft(draft({ description: undefined }), ctx))), [
      'description:field.required',
    ]);
    const long = issuesOf(
      validateComplaintDraft(draft({ description: 'x'.repeat(LIMITS.maxDescriptionLength + 1) }), ctx),
    );
    assert.deepEqual(pathCodes(long), ['description:field.too_long']);
    assert.equal(long[0]!.message, 'Description must be at most 5000 characters.');
    okValue(validateComplaintDraft(draft({ description: 'x'.repeat(LIMITS.maxDescriptionLength) }), ctx));
  });

  test('spaces alone are no description and no contact name', () => {
    assert.deepEqual(pathCodes(issuesOf(validateComplaintDraft(draft({ description: ' \n\t ' }), ctx))), [
      'description:field.required',
    ]);
    const contact = { ...validDraft().contact, name: '   ' };
    assert.deepEqual(pathCodes(issuesOf(validateComplaintDraft(draft({ contact }), ctx))), [
      'contact.name:field.required',
    ]);
  });

  test('contact fields', () => {
    const c = validDraft().contact;
    const cases: [Record<string, unknown>, string[]][] = [
      [{ ...c, email: 'not-an-email' }, ['contact.email:field.invalid_email']],
      [{ ...c, phone: 'call me' }, ['contact.phone:field.invalid_phone']],
      [{ ...c, name: '' }, ['contact.name:field.required']],
      [{ ...c, name: undefined }, ['contact.name:field.required']],
      [{ ...c, email: 42 }, ['contact.email:field.invalid_type']],
    ];
    for (const [contact, expected] of cases)
      assert.deepEqual(pathCodes(issuesOf(validateComplaintDraft(draft({ contact }), ctx))), expected);
    assert.deepEqual(pathCodes(issuesOf(validateComplaintDraft(draft({ contact: undefined }), ctx))), [
      'contact:field.required',
    ]);
    okValue(parseWith(ContactSchema, { name: 'A', email: 'a@b.example', phone: '(010) 555-0100' }));
  });

  test('an unknown complaint type', () => {
    assert.deepEqual(pathCodes(issuesOf(validateComplaintDraft(draft({ type: 'design_infringement' }), ctx))), [
      'type:field.invalid_choice',
    ]);
    assert.deepEqual(pathCodes(issuesOf(validateComplaintDraft(draft({ type: undefined }), ctx))), [
      'type:field.required',
    ]);
  });

  test('not an object at all', () => {
    for (const input of [null, undefined, 'draft', 42, []]) {
      const found = codes(issuesOf(validateComplaintDraft(input, ctx)));
      assert.ok(
        found.includes('links.required') &&
          found.includes('evidence.required') &&
          found.includes('declaration.required'),
        JSON.stringify(input),
      );
    }
  });
});

describe('evidence', () => {
  test('none: evidence.required', () => {
    assert.deepEqual(pathCodes(issuesOf(validateComplaintDraft(draft({ evidence: [] }), ctx))), [
      'evidence:evidence.required',
    ]);
  });

  test(`more than ${LIMITS.maxEvidencePerComplaint}: evidence.too_many`, () => {
    const evidence = Array.from({ length: 51 }, (_, i) => ({ id: `e${i}`, original: i === 0 }));
    const issues = issuesOf(validateComplaintDraft(draft({ evidence }), {}));
    assert.deepEqual(pathCodes(issues), ['evidence:evidence.too_many']);
    assert.deepEqual(issues[0]!.params, { limit: 50 });
  });

  test('unknown ids: evidence.not_found per ref', () => {
    const issues = issuesOf(
      validateComplaintDraft(draft({ evidence: [{ id: 'ev_photo', original: true }, { id: 'ev_gone' }] }), ctx),
    );
    assert.deepEqual(pathCodes(issues), ['evidence.1:evidence.not_found']);
  });

  test('a plain record works as the lookup too', () => {
    const record = Object.fromEntries(EVIDENCE_LOOKUP);
    okValue(validateComplaintDraft(validDraft('picture_embezzlement'), { evidence: record, now: NOW }));
    assert.deepEqual(
      pathCodes(
        issuesOf(
          validateComplaintDraft(draft({ evidence: [{ id: 'nope', original: true }] }), { evidence: record, now: NOW }),
        ),
      ),
      ['evidence.0:evidence.not_found'],
    );
  });

  test('Picture Embezzlement needs an evidence marked original', () => {
    const pe = (evidence: unknown, c: object = ctx) =>
      validateComplaintDraft(draft({ evidence }, 'picture_embezzlement'), c);
    assert.deepEqual(pathCodes(issuesOf(pe([{ id: 'ev_photo' }, { id: 'ev_cert' }]))), [
      'evidence:picture.original_required',
    ]);
    assert.deepEqual(pathCodes(issuesOf(pe([{ id: 'ev_photo', original: false }]))), [
      'evidence:picture.original_required',
    ]);
    // Without a lookup only the flag can be checked.
    okValue(pe([{ id: 'anything', original: true }], { now: NOW }));
    assert.deepEqual(pathCodes(issuesOf(pe([{ id: 'anything' }], { now: NOW }))), [
      'evidence:picture.original_required',
    ]);
  });

  test('Picture Embezzlement: the original must be an image when the lookup says what it is', () => {
    const issues = issuesOf(
      validateComplaintDraft(draft({ evidence: [{ id: 'ev_cert', original: true }] }, 'picture_embezzlement'), ctx),
    );
    assert.deepEqual(pathCodes(issues), ['evidence:picture.original_required']);
    const unknown = issuesOf(
      validateComplaintDraft(draft({ evidence: [{ id: 'ev_x', original: true }] }, 'picture_embezzlement'), ctx),
    );
    assert.deepEqual(pathCodes(unknown), ['evidence.0:evidence.not_found', 'evidence:picture.original_required']);
    okValue(
      validateComplaintDraft(
        draft({ evidence: [{ id: 'ev_cert' }, { id: 'ev_photo', original: true }] }, 'picture_embezzlement'),
        ctx,
      ),
    );
  });

  test('other types need no original', () => {
    for (const type of COMPLAINT_TYPES.filter((t) => t !== 'picture_embezzlement')) {
      okValue(validateComplaintDraft(draft({ evidence: [{ id: 'ev_cert' }] }, type), ctx));
    }
  });
});

describe('declaration', () => {
  test('required on submit', () => {
    for (const declaration of [
      undefined,
      { goodFaith: true, accurate: true, authorised: false, version: '2026-11' },
      { goodFaith: false, accurate: true, authorised: true, version: '2026-11' },
    ]) {
      assert.deepEqual(pathCodes(issuesOf(validateComplaintDraft(draft({ declaration }), ctx))), [
        'declaration:declaration.required',
      ]);
    }
  });
  test('not while saving a draft (requireDeclaration: false)', () => {
    okValue(validateComplaintDraft(draft({ declaration: undefined }), { ...ctx, requireDeclaration: false }));
  });
  test('a malformed declaration is reported once, at its field', () => {
    const issues = issuesOf(
      validateComplaintDraft(draft({ declaration: { goodFaith: true, accurate: true, authorised: true } }), ctx),
    );
    assert.deepEqual(pathCodes(issues), ['declaration.version:field.required']);
  });
});

describe('steps', () => {
  const all = issuesOf(
    validateComplaintDraft({ type: 'picture_embezzlement', isIprHolder: false, evidence: [{ id: 'x' }] }, ctx),
  );

  test('every issue belongs to exactly one step, and issuesForStep agrees with stepOf', () => {
    const steps = Object.keys(FORM_STEPS) as (keyof typeof FORM_STEPS)[];
    const union = steps.flatMap((s) => issuesForStep(all, s));
    assert.equal(union.length, all.length);
    for (const s of steps) for (const i of issuesForStep(all, s)) assert.equal(stepOf(i), s);
  });

  test('the fields of each step', () => {
    assert.deepEqual(
      new Set(issuesForStep(all, 'basics').map((i) => String(i.path[0]))),
      new Set(['productLinks', 'description', 'contact', 'holder']),
    );
    assert.deepEqual(codes(issuesForStep(all, 'evidence')).sort(), ['evidence.not_found', 'picture.original_required']);
    assert.deepEqual(codes(issuesForStep(all, 'review')), ['declaration.required']);
  });

  test('an issue without a known path belongs to the first step', () => {
    assert.equal(stepOf({ code: 'server.error', path: [], message: 'x' }), 'basics');
    assert.equal(stepOf({ code: 'field.unknown', path: ['nope'], message: 'x' }), 'basics');
    assert.equal(stepOf({ code: 'evidence.not_found', path: ['evidence', 3], message: 'x' }), 'evidence');
  });
});

describe('validateReason', () => {
  test('required, optional, trimmed, bounded', () => {
    assert.deepEqual(codes(issuesOf(validateReason('  ', true))), ['transition.reason_required']);
    assert.deepEqual(codes(issuesOf(validateReason(undefined, true))), ['transition.reason_required']);
    assert.equal(okValue(validateReason(undefined, false)), null);
    assert.equal(okValue(validateReason('  because  ', true)), 'because');
    assert.deepEqual(issuesOf(validateReason('x'.repeat(2001), false))[0]!.params, { limit: 2000 });
    assert.deepEqual(codes(issuesOf(validateReason(5, false))), ['field.invalid_type']);
  });
});
