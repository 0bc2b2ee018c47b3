// Fuzzing the validators' entry points: every exported `validate*` / `parse*` function (found by
// name, so a new one is fuzzed without editing this file) and the functions documented "Never
// throws" get arbitrary arguments (any JS value, hostile objects, strings with NUL, RTL marks, lone
// surrogates and huge lengths, draft-shaped objects with such strings) and must answer, not throw.
// A refusal carries issues with known codes.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import * as V from '@ipr/validators';

const RUNS = Number(process.env.FUZZ_RUNS ?? 500);

const nasty = fc.oneof(
  fc.string({
    unit: fc.constantFrom(
      '\u0000',
      '\u202e',
      '\u202d',
      '\u200b',
      '\ufeff',
      '\ud800',
      '\udfff',
      'a',
      '<',
      '"',
      '\\',
      '%',
      '/',
      '.',
      ' ',
      '\n',
      '😀',
      '台',
    ),
  }),
  fc.constantFrom(
    '\u0000',
    '\u202egnp.exe',
    'a'.repeat(100_000),
    '😀'.repeat(20_000),
    '\ud800'.repeat(1000),
    'https://market.example/product/p000001\u0000',
    '__proto__',
    'constructor',
    'toString',
  ),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
);
const hostile = fc.constantFrom<unknown>(
  Object.create(null),
  { toString: 1, valueOf: 1 },
  {
    toString: () => {
      throw new Error('boom');
    },
  },
  Symbol('s'),
  10n,
  new Date(Number.NaN),
  Number.NaN,
  -0,
  Number.POSITIVE_INFINITY,
  Number.MAX_VALUE,
  [],
  [[]],
  new Uint8Array(0),
  new Uint8Array(70_000),
  Object.assign(Object.create(null), { name: 'x.png', size: -1, head: 'not bytes' }),
);
const anything: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    withNullPrototype: true,
    withObjectString: true,
    withBoxedValues: true,
    withMap: true,
    withSet: true,
    withDate: true,
    withTypedArray: true,
    withSparseArray: true,
    withBigInt: true,
    withUnicodeString: true,
    maxDepth: 3,
  }),
  nasty,
  hostile,
  // Objects shaped like the real inputs, with nasty leaves.
  fc.record(
    {
      type: fc.oneof(fc.constantFrom(...V.COMPLAINT_TYPES), nasty),
      productLinks: fc.array(fc.oneof(nasty, fc.webUrl()), { maxLength: 5 }),
      description: nasty,
      contact: fc.record({ name: nasty, email: nasty, phone: nasty }),
      isIprHolder: fc.boolean(),
      holder: fc.record(
        {
          name: nasty,
          identificationType: nasty,
          identificationNumber: nasty,
          identificationAttachments: fc.array(nasty, { maxLength: 3 }),
          powerOfAttorney: fc.array(nasty, { maxLength: 3 }),
          powerOfAttorneyExpiresAt: nasty,
          profileId: nasty,
        },
        { requiredKeys: [] },
      ),
      evidence: fc.array(fc.record({ id: nasty, original: fc.boolean() }), { maxLength: 3 }),
      declaration: fc.record({
        goodFaith: fc.boolean(),
        accurate: fc.boolean(),
        authorised: fc.boolean(),
        version: nasty,
      }),
      label: nasty,
      reason: nasty,
      links: fc.array(nasty, { maxLength: 5 }),
      name: nasty,
      size: fc.oneof(fc.integer(), fc.double()),
      head: fc.uint8Array({ maxLength: 64 }),
      products: fc.array(fc.record({ productId: nasty, response: nasty, statement: nasty }), { maxLength: 3 }),
      decision: nasty,
      notice: nasty,
    },
    { requiredKeys: [] },
  ),
);
/**
 * The arguments per function: the data parameters (typed `unknown`, or data that comes from outside:
 * file facts, link lists, statuses) get anything; option parameters get well-typed options, since
 * they come from the code that calls, not from the user. A validate/parse function not listed here
 * gets anything as its one argument.
 */
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const when = fc.date({ noInvalidDate: false, min: new Date(-8.64e15), max: new Date(8.64e15) });
const path = fc.array(fc.oneof(fc.string(), fc.nat()), { maxLength: 3 });
const rule = fc.constant(V.DEFAULT_PRODUCT_LINK_RULE);
const ARGS: Record<string, fc.Arbitrary<unknown[]>> = {
  validateComplaintDraft: fc.tuple(
    anything,
    opt(
      fc.record(
        {
          evidence: opt(
            fc.constantFrom(new Map([['ev_1', { id: 'ev_1', kind: 'image' as const }]]), {
              ev_1: { id: 'ev_1', kind: 'document' as const },
            }),
          ),
          requireDeclaration: opt(fc.boolean()),
          now: opt(when),
          rule: opt(rule),
        },
        { requiredKeys: [] },
      ),
    ),
  ),
  validateReason: fc.tuple(anything, fc.boolean()),
  validateEvidenceFile: fc.tuple(anything, opt(path)),
  validateSheetFile: fc.tuple(anything),
  validateProductLinks: fc.tuple(
    anything,
    opt(
      fc.record(
        { rule: opt(rule), limit: opt(fc.integer({ min: 0, max: 2000 })), path: opt(path) },
        { requiredKeys: [] },
      ),
    ),
  ),
  validateHolderProfile: fc.tuple(anything, opt(fc.record({ now: opt(when) }, { requiredKeys: [] }))),
  normalizeProductLink: fc.tuple(anything, opt(rule)),
  analyzeProductLinks: fc.tuple(
    fc.oneof(fc.array(anything, { maxLength: 30 }), anything),
    opt(fc.record({ rule: opt(rule), limit: opt(fc.integer({ min: 0, max: 2000 })) }, { requiredKeys: [] })),
  ),
  holderIssues: fc.tuple(anything, opt(fc.record({ now: opt(when), path: opt(path) }, { requiredKeys: [] }))),
  nextStatus: fc.tuple(anything, anything, anything),
  sniffFileType: fc.tuple(fc.oneof(fc.uint8Array({ maxLength: 600 }), anything)),
  safeDisplayName: fc.tuple(anything),
  isLinkHeader: fc.tuple(anything),
  isIssueCode: fc.tuple(anything),
  // Cells the SDK writes: primitives, dates, plain objects (a null-prototype object has no string form).
  neutralizeCell: fc.tuple(
    fc.oneof(
      nasty,
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.bigInt(),
      when,
      fc.object(),
    ),
  ),
};

/** Functions documented "Never throws" (or taking `unknown` from outside) beyond the validate/parse family. */
const NEVER_THROWS = [
  'normalizeProductLink',
  'analyzeProductLinks',
  'holderIssues',
  'nextStatus',
  'sniffFileType',
  'safeDisplayName',
  'isLinkHeader',
  'isIssueCode',
  'neutralizeCell',
];

type AnyFn = (...a: unknown[]) => unknown;
const exported = (Object.entries(V) as [string, unknown][]).filter(
  (entry): entry is [string, AnyFn] => typeof entry[1] === 'function',
);
const family = exported.filter(([name]) => /^(validate|parse)/.test(name));

function wellFormed(name: string, result: unknown) {
  if (!result || typeof result !== 'object' || !('ok' in result)) return;
  const r = result as V.Result<unknown>;
  if (r.ok) return;
  assert.ok(Array.isArray(r.issues) && r.issues.length > 0, `${name}: a refusal carries issues`);
  for (const i of r.issues) assert.ok(V.isIssueCode(i.code), `${name}: unknown code ${String(i.code)}`);
}

describe('validators never throw on arbitrary input', () => {
  test('the validate*/parse* family is found by name', () => {
    const names = family.map(([n]) => n).sort();
    for (const known of [
      'parseWith',
      'validateComplaintDraft',
      'validateEvidenceFile',
      'validateHolderProfile',
      'validateProductLinks',
      'validateReason',
      'validateSheetFile',
    ]) {
      assert.ok(names.includes(known), `${known} is exported`);
    }
    console.log(
      `# fuzzing ${family.length + NEVER_THROWS.length} functions × ${RUNS} runs, parseWith × ${Object.keys(V.NAMED_SCHEMAS).length} schemas × ${Math.ceil(RUNS / 4)} runs`,
    );
  });

  for (const [name, fn] of family) {
    if (name === 'parseWith') continue;
    test(`${name}(...anything)`, () => {
      fc.assert(
        fc.property(ARGS[name] ?? fc.tuple(anything), (a: unknown[]) => {
          wellFormed(name, fn(...a));
        }),
        { numRuns: RUNS },
      );
    });
  }

  for (const name of NEVER_THROWS) {
    test(`${name}(...anything)`, () => {
      const fn = (V as Record<string, unknown>)[name];
      assert.equal(typeof fn, 'function', `${name} is exported`);
      fc.assert(
        fc.property(ARGS[name]!, (a) => {
          wellFormed(name, (fn as (...x: unknown[]) => unknown)(...a));
        }),
        { numRuns: RUNS },
      );
    });
  }

  test('parseWith(every named schema, anything, any base path)', () => {
    const schemas = Object.entries(V.NAMED_SCHEMAS);
    fc.assert(
      fc.property(fc.constantFrom(...schemas), anything, opt(path), ([name, schema], input, base) => {
        wellFormed(`parseWith(${name})`, V.parseWith(schema as never, input, base as never));
      }),
      { numRuns: RUNS * 4 },
    );
  });
});
