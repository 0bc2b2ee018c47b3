import type { Locale } from './messages/format.js';
import { DECLARATION_VERSION } from './limits.js';
import type { Receipt } from './schemas.js';

// The declaration's words sit in a module of their own: the form needs them, not the receipt code.
import { DECLARATION_TEXT, type DeclarationText } from './declaration.js';

export { DECLARATION_TEXT, type DeclarationText };

const RECEIPT_WORDS: Record<
  Locale,
  Record<'title' | 'number' | 'submittedAt' | 'declaration' | 'products' | 'evidence' | 'accepted', string>
> = {
  en: {
    title: 'IPR complaint receipt',
    number: 'Complaint number',
    submittedAt: 'Submitted at',
    declaration: 'Declaration version',
    accepted: 'Confirmed on submit',
    products: 'Infringing product links',
    evidence: 'Evidence (SHA-256)',
  },
  'zh-CN': {
    title: '知识产权投诉回执',
    number: '投诉单号',
    submittedAt: '提交时间',
    declaration: '声明版本',
    accepted: '提交时已确认',
    products: '侵权产品链接',
    evidence: '证据（SHA-256）',
  },
};

/**
 * The receipt as plain text (for "Download receipt" and for e-mail): the number, the time (UTC),
 * the declaration version with its statements (when it is the current version), every product
 * link and every evidence file with its SHA-256. Lines end with CRLF so Notepad shows them.
 */
export function receiptText(receipt: Receipt, locale: Locale = 'en'): string {
  const w = RECEIPT_WORDS[locale] ?? RECEIPT_WORDS.en;
  const d = DECLARATION_TEXT[locale] ?? DECLARATION_TEXT.en;
  const colon = locale === 'zh-CN' ? '：' : ': ';
  const lines = [
    w.title,
    '',
    `${w.number}${colon}${receipt.number}`,
    `${w.submittedAt}${colon}${receipt.submittedAt}`,
    `${w.declaration}${colon}${receipt.declarationVersion}`,
  ];
  if (receipt.declarationVersion === DECLARATION_VERSION) {
    lines.push(`${w.accepted}${colon}`, `- ${d.goodFaith}`, `- ${d.accurate}`, `- ${d.authorised}`);
  }
  lines.push('', `${w.products} (${receipt.products.length})${colon.trim()}`);
  for (const [i, p] of receipt.products.entries()) lines.push(`${i + 1}. ${p.url}`);
  lines.push('', `${w.evidence} (${receipt.evidence.length})${colon.trim()}`);
  for (const [i, e] of receipt.evidence.entries()) lines.push(`${i + 1}. ${e.name}`, `   ${e.sha256}`);
  return lines.join('\r\n') + '\r\n';
}
