import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as z from 'zod/mini';
import {
  COMPLAINT_TYPES,
  ContactSchema,
  NAMED_SCHEMAS,
  REQUEST_BODY_NAMES,
  validateComplaintDraft,
  DECLARATION_VERSION,
  IDENTIFICATION_TYPES,
  isIssueCode,
  ISSUE_CODES,
  LIMITS,
  LOCALES,
} from '@ipr/validators';
import { EVIDENCE_LOOKUP, issuesOf, NOW, validDraft } from './fixtures.js';

describe('the numbers of the help page', () => {
  test('LIMITS', () => {
    assert.equal(LIMITS.maxProductLinks, 800);
    assert.equal(LIMITS.minProductLinks, 1);
    assert.equal(LIMITS.maxSheetBytes, 5_242_880);
    assert.equal(LIMITS.maxEvidenceBytes, 5_242_880);
    assert.deepEqual([...LIMITS.sheetExtensions], ['xlsx', 'xls']);
    assert.deepEqual([...LIMITS.evidenceExtensions].sort(), [
      'doc',
      'docx',
      'gif',
      'jpeg',
      'jpg',
      'msg',
      'pdf',
      'png',
      'rar',
      'txt',
      'xls',
      'xlsx',
      'zip',
    ]);
    assert.deepEqual([...LIMITS.imageExtensions].sort(), ['gif', 'jpeg', 'jpg', 'png']);
  });
  test('exactly four complaint types, two identification types, two locales', () => {
    assert.deepEqual(
      [...COMPLAINT_TYPES],
      ['picture_embezzlement', 'trademark_infringement', 'copyright_infringement', 'patent_infringement'],
    );
    assert.deepEqual([...IDENTIFICATION_TYPES], ['business_registration', 'id_card']);
    assert.deepEqual([...LOCALES], ['en', 'zh-CN']);
    assert.match(DECLARATION_VERSION, /^\d{4}-\d{2}$/);
  });
  test('isIssueCode', () => {
    for (const c of ISSUE_CODES) assert.equal(isIssueCode(c), true);
    for (const c of ['links', 'links.too_many ', 'LINKS.TOO_MANY', 42, null, 'toString'])
      assert.equal(isIssueCode(c), false, String(c));
  });
});

describe('every free-text field a client sends has a documented maximum', () => {
  // The bodies a client sends (queries are the server's: packages/server/src/schemas.ts).
  // Every request body and the parts a draft is made of.
  const INPUTS = ['Contact', 'HolderInfo', 'EvidenceRef', 'Declaration', ...REQUEST_BODY_NAMES] as const;

  function unbounded(node: unknown, path: string, out: string[]): string[] {
    if (typeof node !== 'object' || node === null) return out;
    const s = node as Record<string, unknown>;
    const closed = s.enum !== undefined || s.const !== undefined || s.format === 'date' || s.format === 'date-time';
    if (s.type === 'string' && !closed && typeof s.maxLength !== 'number') out.push(path);
    if (s.type === 'array' && typeof s.maxItems !== 'number') out.push(`${path}[]`);
    for (const [key, value] of Object.entries(s)) unbounded(value, `${path}.${key}`, out);
    return out;
  }

  test('each string has maxLength and each list maxItems in the JSON Schema the OpenAPI document is built from', () => {
    const found = INPUTS.flatMap((name) =>
      unbounded(z.toJSONSchema(NAMED_SCHEMAS[name], { io: 'input', unrepresentable: 'any' }), name, []),
    );
    assert.deepEqual(found, []);
  });

  test('a 1.9 MB e-mail is refused as too long, quickly', () => {
    const started = performance.now();
    const result = ContactSchema.safeParse({
      name: 'Lin',
      email: `${'a'.repeat(1_900_000)}@example.com`,
      phone: '+86 1',
    });
    assert.equal(result.success, false);
    assert.ok(performance.now() - started < 500);
    const draft = validDraft();
    draft.contact.email = `${'a'.repeat(LIMITS.maxEmailLength)}@example.com`;
    assert.deepEqual(
      issuesOf(validateComplaintDraft(draft, { now: NOW, evidence: EVIDENCE_LOOKUP })).map(
        (i) => `${i.path.join('.')}:${i.code}`,
      ),
      ['contact.email:field.too_long'],
    );
  });
});
