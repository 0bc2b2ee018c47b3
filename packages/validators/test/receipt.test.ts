// The declaration's versioned text and the receipt a complainant keeps.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  DECLARATION_TEXT,
  DECLARATION_VERSION,
  DeclarationSchema,
  LOCALES,
  receiptText,
  type Issue,
  type Receipt,
} from '@ipr/validators';
import { link, validDraft } from './fixtures.js';

const _pathCodes = (issues: Issue[]) => issues.map((i) => `${i.path.join('.')}:${i.code}`).sort();
const _HOLDER = validDraft().holder!;
const _day = (iso: string) => new Date(`${iso}T12:00:00Z`);
/** The date `n` days after `from` (YYYY-MM-DD). */
const _plus = (from: string, n: number) =>
  new Date(Date.parse(`${from}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

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
