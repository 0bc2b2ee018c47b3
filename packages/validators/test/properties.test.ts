import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  ACTIONS,
  analyzeProductLinks,
  COMPLAINT_TYPES,
  extensionOf,
  ISSUE_CODES,
  LIMITS,
  localizeIssue,
  NAMED_SCHEMAS,
  nextStatus,
  normalizeProductLink,
  parseWith,
  ROLES,
  safeDisplayName,
  sniffFileType,
  STATUSES,
  validateComplaintDraft,
  validateEvidenceFile,
  validateProductLinks,
  validateReason,
  validateSheetFile,
  type Action,
  type Issue,
  type Result,
  type Role,
  type Status,
} from '@ipr/validators';
import { HEADS, link, validDraft } from './fixtures.js';

const RUNS = { numRuns: 300 };

/** A validator's answer is well formed: a refusal has issues, each with a known code and messages in both locales. */
function wellFormed(result: Result<unknown>): void {
  assert.equal(typeof result.ok, 'boolean');
  if (result.ok) return;
  assert.ok(Array.isArray(result.issues) && result.issues.length > 0, 'a refusal carries at least one issue');
  for (const i of result.issues as Issue[]) {
    assert.ok((ISSUE_CODES as readonly string[]).includes(i.code), `unknown code ${String(i.code)}`);
    assert.ok(typeof i.message === 'string' && i.message.trim().length > 0, `empty message for ${i.code}`);
    assert.ok(localizeIssue(i, 'zh-CN').trim().length > 0);
    assert.ok(Array.isArray(i.path));
  }
}

// Values that break naive String(x) / property access: null prototypes, non-callable toString.
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
  [Object.create(null)],
  new Map([['a', 1]]),
  new Date(Number.NaN),
  Number.NaN,
  -0,
  Number.POSITIVE_INFINITY,
  '__proto__',
  'constructor',
);
const anything = fc.oneof(
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
  }),
  hostile,
);

const linkLike = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.string(),
  fc.stringMatching(/^[a-z0-9]{1,12}$/).map(link),
  fc
    .tuple(
      fc.constantFrom('http://', 'https://', '//', '', 'HTTPS://WWW.', 'http://m.'),
      fc.constantFrom('market.example', 'Market.Example', 'evil.example'),
      fc.constantFrom('/product/', '/product/', '/p/'),
      fc.stringMatching(/^[A-Za-z0-9_-]{0,70}$/),
      fc.constantFrom('', '/', '?q=1', '#x', '.html', ':443'),
    )
    .map((parts) => parts.join('')),
  anything,
);

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, anything, fc.constant(undefined));
const draftLike = fc.record(
  {
    type: maybe(fc.constantFrom(...COMPLAINT_TYPES)),
    productLinks: maybe(fc.array(linkLike, { maxLength: 20 })),
    description: maybe(fc.string()),
    contact: maybe(
      fc.record({
        name: maybe(fc.string()),
        email: maybe(fc.emailAddress()),
        phone: maybe(fc.stringMatching(/^\+?[0-9 ()-]{0,32}$/)),
      }),
    ),
    discloseContactToSupplier: maybe(fc.boolean()),
    isIprHolder: maybe(fc.boolean()),
    holder: maybe(
      fc.record(
        {
          name: maybe(fc.string()),
          identificationType: maybe(fc.constantFrom('business_registration', 'id_card', '', 'passport')),
          identificationNumber: maybe(fc.string()),
          identificationAttachments: maybe(fc.array(fc.string(), { maxLength: 12 })),
          powerOfAttorney: maybe(fc.array(fc.string(), { maxLength: 3 })),
          powerOfAttorneyExpiresAt: maybe(
            fc.date({ noInvalidDate: false }).map((d) => {
              try {
                return d.toISOString().slice(0, 10);
              } catch {
                return 'invalid';
              }
            }),
          ),
        },
        { requiredKeys: [] },
      ),
    ),
    evidence: maybe(
      fc.array(
        fc.record(
          { id: maybe(fc.constantFrom('ev_photo', 'ev_cert', 'gone')), original: maybe(fc.boolean()) },
          { requiredKeys: [] },
        ),
        { maxLength: 55 },
      ),
    ),
    declaration: maybe(
      fc.record(
        { goodFaith: fc.boolean(), accurate: fc.boolean(), authorised: fc.boolean(), version: fc.string() },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: [] },
);

const ctxLike = fc.record(
  {
    evidence: fc.option(
      fc.constantFrom(
        new Map([
          ['ev_photo', { id: 'ev_photo', kind: 'image' as const }],
          ['ev_cert', { id: 'ev_cert', kind: 'document' as const }],
        ]),
        { ev_photo: { id: 'ev_photo', kind: 'image' as const } },
      ),
      { nil: undefined },
    ),
    requireDeclaration: fc.option(fc.boolean(), { nil: undefined }),
    now: fc.option(fc.date({ noInvalidDate: false }), { nil: undefined }),
  },
  { requiredKeys: [] },
);

describe('no input makes a validator throw', () => {
  test('validateComplaintDraft(anything)', () => {
    fc.assert(
      fc.property(anything, (input) => wellFormed(validateComplaintDraft(input))),
      RUNS,
    );
  });

  test('validateComplaintDraft(objects shaped like drafts, any context)', () => {
    fc.assert(
      fc.property(draftLike, ctxLike, (input, ctx) => {
        const result = validateComplaintDraft(input, ctx);
        wellFormed(result);
        if (result.ok) {
          assert.equal(typeof result.value.discloseContactToSupplier, 'boolean');
          assert.ok(
            result.value.productLinks.length >= 1 && result.value.productLinks.length <= LIMITS.maxProductLinks,
          );
          assert.equal(new Set(result.value.productLinks).size, result.value.productLinks.length);
        }
      }),
      RUNS,
    );
  });

  test('validateComplaintDraft(a valid draft with one field replaced)', () => {
    const keys = Object.keys(validDraft());
    fc.assert(
      fc.property(fc.constantFrom(...COMPLAINT_TYPES), fc.constantFrom(...keys), anything, (type, key, value) => {
        wellFormed(validateComplaintDraft({ ...validDraft(type), [key]: value }));
      }),
      RUNS,
    );
  });

  test('validateProductLinks and analyzeProductLinks', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.array(linkLike, { maxLength: 30 }), anything),
        fc.integer({ min: 0, max: 30 }),
        (input, limit) => {
          const result = validateProductLinks(input, { limit });
          wellFormed(result);
          if (result.ok) {
            assert.ok(result.value.length >= 1 && result.value.length <= limit);
            assert.equal(new Set(result.value).size, result.value.length);
          }
          const analysis = analyzeProductLinks(input as unknown[], { limit });
          assert.equal(analysis.items.length, Array.isArray(input) ? input.length : 0);
          assert.ok(analysis.links.length <= limit);
        },
      ),
      RUNS,
    );
  });

  test('normalizeProductLink: total, and canonical links are fixed points', () => {
    fc.assert(
      fc.property(linkLike, (input) => {
        const n = normalizeProductLink(input);
        assert.ok(['ok', 'empty', 'not_url', 'not_product_link'].includes(n.status));
        if (n.status === 'ok') {
          assert.deepEqual(normalizeProductLink(n.url), n);
          assert.ok(n.url.startsWith('https://market.example/product/'));
        }
      }),
      RUNS,
    );
  });

  test('sniffFileType(random bytes)', () => {
    const kinds = ['pdf', 'png', 'jpg', 'gif', 'zip', 'ole', 'rar', 'text', 'executable', 'empty', 'unknown'];
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 2048 }),
          fc
            .constantFrom(...Object.values(HEADS))
            .chain((h) => fc.uint8Array({ maxLength: 64 }).map((tail) => Uint8Array.from([...h, ...tail]))),
        ),
        (bytes) => {
          assert.ok(kinds.includes(sniffFileType(bytes)));
        },
      ),
      RUNS,
    );
    fc.assert(
      fc.property(anything, (x) => assert.ok(kinds.includes(sniffFileType(x as Uint8Array)))),
      RUNS,
    );
  });

  const fileFacts = fc.record(
    {
      name: fc.oneof(
        fc.string(),
        fc.string({ unit: 'binary' }),
        fc
          .tuple(fc.string(), fc.constantFrom(...LIMITS.evidenceExtensions, 'exe', 'XLSX', 'csv', 'Pdf', ''))
          .map(([b, e]) => `${b}.${e}`),
        anything,
      ),
      size: fc.oneof(fc.integer({ min: -10, max: 6 * 1024 * 1024 }), fc.double(), anything),
      type: fc.option(fc.string(), { nil: undefined }),
      head: fc.option(fc.oneof(fc.uint8Array({ maxLength: 1100 }), fc.constantFrom(...Object.values(HEADS))), {
        nil: undefined,
      }),
    },
    { requiredKeys: ['name', 'size'] },
  );

  test('validateEvidenceFile(random facts, random bytes, anything)', () => {
    fc.assert(
      fc.property(fileFacts, (facts) => {
        const result = validateEvidenceFile(facts as never, ['evidence', 0]);
        wellFormed(result);
        if (result.ok) {
          assert.ok((LIMITS.evidenceExtensions as readonly string[]).includes(result.value.extension));
          assert.ok(typeof facts.size === 'number' && facts.size > 0 && facts.size <= LIMITS.maxEvidenceBytes);
        }
      }),
      RUNS,
    );
    fc.assert(
      fc.property(anything, (x) => wellFormed(validateEvidenceFile(x as never))),
      RUNS,
    );
  });

  test('validateSheetFile(random facts, anything)', () => {
    fc.assert(
      fc.property(fileFacts, (facts) => {
        const result = validateSheetFile(facts as never);
        wellFormed(result);
        if (result.ok) {
          assert.ok(['xlsx', 'xls', 'csv'].includes(result.value.format));
          assert.ok(typeof facts.size === 'number' && facts.size > 0 && facts.size <= LIMITS.maxSheetBytes);
        }
      }),
      RUNS,
    );
    fc.assert(
      fc.property(anything, (x) => wellFormed(validateSheetFile(x as never))),
      RUNS,
    );
  });

  test('safeDisplayName: short, no folders, no controls, never empty', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), anything), (name) => {
        const shown = safeDisplayName(name);
        assert.ok(shown.length > 0 && shown.length <= LIMITS.maxFileNameLength);
        assert.equal(safeDisplayName(shown), shown, 'a shown name is already safe');
        assert.doesNotMatch(
          shown,
          /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
          'no half character',
        );
        assert.doesNotMatch(shown, /[\\/\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/);
        assert.ok(!shown.startsWith('.'));
        assert.equal(extensionOf(shown), extensionOf(typeof name === 'string' ? name : ''));
      }),
      RUNS,
    );
  });

  test('nextStatus(any status, any action, any role)', () => {
    const status = fc.oneof(fc.constantFrom(...STATUSES), fc.string(), anything);
    const action = fc.oneof(
      fc.constantFrom(...ACTIONS),
      fc.constantFrom('toString', '__proto__', 'constructor', 'hasOwnProperty'),
      fc.string(),
      anything,
    );
    const role = fc.oneof(fc.constantFrom(...ROLES), fc.constant(undefined), fc.string(), anything);
    fc.assert(
      fc.property(status, action, role, (s, a, r) => {
        const result = nextStatus(s as Status, a as Action, r as Role);
        wellFormed(result);
        if (result.ok) assert.ok((STATUSES as readonly string[]).includes(result.value));
      }),
      RUNS,
    );
  });

  test('validateReason(anything)', () => {
    fc.assert(
      fc.property(anything, fc.boolean(), (x, required) => wellFormed(validateReason(x, required))),
      RUNS,
    );
  });

  test('parseWith(every named schema, anything)', () => {
    const schemas = Object.values(NAMED_SCHEMAS);
    fc.assert(
      fc.property(fc.constantFrom(...schemas), anything, (schema, x) => wellFormed(parseWith(schema, x, ['body']))),
      RUNS,
    );
  });
});
