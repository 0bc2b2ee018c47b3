import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  COMPLAINT_TYPES,
  DECLARATION_VERSION,
  IDENTIFICATION_TYPES,
  isIssueCode,
  ISSUE_CODES,
  LIMITS,
  LOCALES,
} from '@ipr/validators';

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
