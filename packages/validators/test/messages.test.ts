import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import * as z from 'zod/mini';
import {
  validateWebhookUrl,
  analyzeProductLinks,
  ComplaintDraftSchema,
  ContactSchema,
  DeclarationSchema,
  EvidenceRefSchema,
  HolderInfoSchema,
  COMPLAINT_TYPE_LABELS,
  COMPLAINT_TYPES,
  FIELD_LABELS_EN,
  FIELD_LABELS_ZH_CN,
  formatBytes,
  formatMessage,
  ISSUE_CODES,
  linkItemIssue,
  localizeIssue,
  MESSAGES_EN,
  MESSAGES_ZH_CN,
  nextStatus,
  parseWith,
  resolveLocale,
  validateComplaintDraft,
  validateEvidenceFile,
  validateProductLinks,
  validateReason,
  validateSheetFile,
  validateSupplierResponse,
  type Issue,
  type IssueCode,
  type Result,
} from '@ipr/validators';
import { EVIDENCE_LOOKUP, HEADS, link, NOW, validDraft } from './fixtures.js';

const placeholders = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!));
const AUTOMATIC = new Set(['field', 'limitText']);

describe('catalogues', () => {
  test('every issue code has a non-empty English and Simplified Chinese text, and nothing else is listed', () => {
    for (const code of ISSUE_CODES) {
      assert.ok(MESSAGES_EN[code]?.trim(), `en: ${code}`);
      assert.ok(MESSAGES_ZH_CN[code]?.trim(), `zh-CN: ${code}`);
      assert.match(MESSAGES_ZH_CN[code], /[\u4e00-\u9fff]/, `zh-CN text is Chinese: ${code}`);
    }
    assert.deepEqual(Object.keys(MESSAGES_EN).sort(), [...ISSUE_CODES].sort());
    assert.deepEqual(Object.keys(MESSAGES_ZH_CN).sort(), [...ISSUE_CODES].sort());
    assert.equal(new Set(ISSUE_CODES).size, ISSUE_CODES.length);
  });

  test('both locales use the same placeholders for each code', () => {
    for (const code of ISSUE_CODES)
      assert.deepEqual(placeholders(MESSAGES_ZH_CN[code]), placeholders(MESSAGES_EN[code]), code);
  });

  test('placeholders are well formed (no stray braces)', () => {
    for (const code of ISSUE_CODES) {
      for (const text of [MESSAGES_EN[code], MESSAGES_ZH_CN[code]])
        assert.doesNotMatch(text.replace(/\{\w+\}/g, ''), /[{}]/, code);
    }
  });

  test('field labels exist in both locales', () => {
    assert.deepEqual(Object.keys(FIELD_LABELS_ZH_CN).sort(), Object.keys(FIELD_LABELS_EN).sort());
  });

  test('every field of a draft has a label, so {field} never shows a raw key', () => {
    const schemas = [ComplaintDraftSchema, ContactSchema, HolderInfoSchema, EvidenceRefSchema, DeclarationSchema];
    const keys = new Set([...schemas.flatMap((s) => Object.keys(s.shape)), 'size', 'reason', 'statement']);
    for (const key of keys) {
      assert.ok(FIELD_LABELS_EN[key]?.trim(), `en label for ${key}`);
      assert.ok(FIELD_LABELS_ZH_CN[key]?.trim(), `zh-CN label for ${key}`);
    }
  });

  test('complaint types have English and Chinese labels', () => {
    for (const t of COMPLAINT_TYPES) {
      assert.ok(COMPLAINT_TYPE_LABELS[t].en.trim());
      assert.match(COMPLAINT_TYPE_LABELS[t]['zh-CN'], /[\u4e00-\u9fff]/);
    }
  });
});

const first = <T>(r: Result<T>, code: IssueCode): Issue => {
  assert.equal(r.ok, false, `expected a refusal with ${code}`);
  const found = r.ok ? undefined : r.issues.find((i) => i.code === code);
  assert.ok(found, `expected ${code} in ${r.ok ? '' : r.issues.map((i) => i.code).join(', ')}`);
  return found;
};
const ctx = { evidence: EVIDENCE_LOOKUP, now: NOW };
const drafted = (patch: Record<string, unknown>, type?: Parameters<typeof validDraft>[0]) =>
  validateComplaintDraft({ ...validDraft(type), ...patch }, ctx);
const holder = (patch: Record<string, unknown>) => ({ ...validDraft().holder!, ...patch });

/** Every issue the validators build, produced through the public functions. */
const PRODUCERS: Partial<Record<IssueCode, () => Issue>> = {
  'webhook.url_invalid': () => first(validateWebhookUrl('not a url'), 'webhook.url_invalid'),
  'webhook.url_not_https': () => first(validateWebhookUrl('http://partner.example/hook'), 'webhook.url_not_https'),
  'webhook.url_private': () => first(validateWebhookUrl('https://127.0.0.1/hook'), 'webhook.url_private'),
  'field.required': () => first(drafted({ description: '' }), 'field.required'),
  'field.invalid_type': () => first(validateEvidenceFile({ name: 'a.pdf', size: -1 }), 'field.invalid_type'),
  'field.too_short': () =>
    first(parseWith(z.object({ reason: z.string().check(z.minLength(10)) }), { reason: 'short' }), 'field.too_short'),
  'field.too_long': () => first(drafted({ description: 'x'.repeat(5001) }), 'field.too_long'),
  'field.too_big': () =>
    first(parseWith(z.object({ page: z.number().check(z.maximum(10_000)) }), { page: 10_001 }), 'field.too_big'),
  'field.too_small': () =>
    first(parseWith(z.object({ page: z.number().check(z.minimum(1)) }), { page: 0 }), 'field.too_small'),
  'field.invalid_choice': () => first(drafted({ type: 'other' }), 'field.invalid_choice'),
  'field.invalid_email': () =>
    first(drafted({ contact: { ...validDraft().contact, email: 'x' } }), 'field.invalid_email'),
  'field.invalid_phone': () =>
    first(drafted({ contact: { ...validDraft().contact, phone: 'x' } }), 'field.invalid_phone'),
  'field.invalid_date': () =>
    first(drafted({ holder: holder({ powerOfAttorneyExpiresAt: 'soon' }) }), 'field.invalid_date'),
  'links.required': () => first(validateProductLinks([]), 'links.required'),
  'links.too_many': () => first(validateProductLinks([link('a'), link('b')], { limit: 1 }), 'links.too_many'),
  'links.empty': () => first(validateProductLinks(['', link('a')]), 'links.empty'),
  'links.not_url': () => first(validateProductLinks(['nope']), 'links.not_url'),
  'links.not_product_link': () => first(validateProductLinks(['https://evil.example/p/1']), 'links.not_product_link'),
  'links.duplicate': () => first(validateProductLinks([link('a'), link('a')]), 'links.duplicate'),
  'evidence.required': () => first(drafted({ evidence: [] }), 'evidence.required'),
  'evidence.too_many': () =>
    first(drafted({ evidence: Array.from({ length: 51 }, (_, i) => ({ id: `e${i}` })) }), 'evidence.too_many'),
  'evidence.empty': () => first(validateEvidenceFile({ name: 'a.pdf', size: 0 }), 'evidence.empty'),
  'evidence.too_large': () => first(validateEvidenceFile({ name: 'a.pdf', size: 6e6 }), 'evidence.too_large'),
  'evidence.type_not_allowed': () =>
    first(validateEvidenceFile({ name: 'a.exe', size: 10 }), 'evidence.type_not_allowed'),
  'evidence.content_mismatch': () =>
    first(validateEvidenceFile({ name: 'a.pdf', size: 10, head: HEADS.png }), 'evidence.content_mismatch'),
  'evidence.name_invalid': () =>
    first(validateEvidenceFile({ name: 'a\u0000.pdf', size: 10 }), 'evidence.name_invalid'),
  'evidence.not_found': () => first(drafted({ evidence: [{ id: 'gone', original: true }] }), 'evidence.not_found'),
  'sheet.type_not_allowed': () => first(validateSheetFile({ name: 'a.pdf', size: 10 }), 'sheet.type_not_allowed'),
  'sheet.too_large': () => first(validateSheetFile({ name: 'a.xlsx', size: 6e6 }), 'sheet.too_large'),
  'sheet.corrupt': () => first(validateSheetFile({ name: 'a.xlsx', size: 10, head: HEADS.pdf }), 'sheet.corrupt'),
  'sheet.empty': () => first(validateSheetFile({ name: 'a.xlsx', size: 0 }), 'sheet.empty'),
  'sheet.too_many_rows': () => {
    const item = analyzeProductLinks([link('a'), link('b')], { limit: 1 }).items[1]!;
    return linkItemIssue(item, ['rows', 1], 1)!;
  },
  'holder.required': () => first(drafted({ holder: null }), 'holder.required'),
  'holder.name_required': () => first(drafted({ holder: holder({ name: '' }) }), 'holder.name_required'),
  'holder.id_type_required': () =>
    first(drafted({ holder: holder({ identificationType: undefined }) }), 'holder.id_type_required'),
  'holder.id_number_required': () =>
    first(drafted({ holder: holder({ identificationNumber: '' }) }), 'holder.id_number_required'),
  'holder.attachments_required': () =>
    first(drafted({ holder: holder({ identificationAttachments: [] }) }), 'holder.attachments_required'),
  'holder.power_of_attorney_required': () =>
    first(drafted({ holder: holder({ powerOfAttorney: [] }) }), 'holder.power_of_attorney_required'),
  'holder.power_of_attorney_expired': () =>
    first(drafted({ holder: holder({ powerOfAttorneyExpiresAt: '2020-01-01' }) }), 'holder.power_of_attorney_expired'),
  'picture.original_required': () =>
    first(drafted({ evidence: [{ id: 'ev_photo' }] }, 'picture_embezzlement'), 'picture.original_required'),
  'declaration.required': () => first(drafted({ declaration: undefined }), 'declaration.required'),
  'transition.not_allowed': () => first(nextStatus('closed', 'cancel', 'complainant'), 'transition.not_allowed'),
  'transition.forbidden': () => first(nextStatus('submitted', 'cancel', 'supplier'), 'transition.forbidden'),
  'transition.reason_required': () => first(validateReason('', true), 'transition.reason_required'),
  'response.products_required': () => first(validateSupplierResponse({ products: [] }), 'response.products_required'),
  'response.statement_required': () =>
    first(
      validateSupplierResponse({ products: [{ productId: 'p1', response: 'not_infringing' }] }),
      'response.statement_required',
    ),
};

const SRC = new URL('../src/', import.meta.url).pathname;
const PACKAGES = new URL('../../', import.meta.url).pathname;

function tsFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const full = join(dir, e);
    if (statSync(full).isDirectory()) return e === 'node_modules' || e === 'dist' ? [] : tsFiles(full);
    return /\.tsx?$/.test(e) && !e.endsWith('.d.ts') ? [full] : [];
  });
}

/** The `issue('code', path, { params })` calls in a source file, with their param keys. */
function issueCalls(source: string): { code: string; keys: string[] }[] {
  const calls: { code: string; keys: string[] }[] = [];
  for (const m of source.matchAll(/\bissue\(\s*'([a-z_]+\.[a-z_]+)'/g)) {
    let depth = 0;
    let end = m.index!;
    const args: string[] = ['']; // top-level arguments
    for (let i = m.index! + 'issue'.length; i < source.length; i++) {
      const c = source[i]!;
      if ('([{'.includes(c)) depth++;
      if (')]}'.includes(c)) depth--;
      if (depth === 0) {
        end = i;
        break;
      }
      if (depth === 1 && c === ',') args.push('');
      else if (!(depth === 1 && c === '(')) args[args.length - 1] += c;
    }
    void end;
    const params = args[2]?.trim() ?? '';
    const keys = params.startsWith('{')
      ? [...params.matchAll(/(?:^\{|,)\s*([A-Za-z_$][\w$]*)\s*(?=[:,}])/g)].map((k) => k[1]!)
      : [];
    calls.push({ code: m[1]!, keys });
  }
  return calls;
}

describe('placeholders are supplied by whoever builds the issue', () => {
  const produced = Object.entries(PRODUCERS).map(([code, make]) => ({ code: code as IssueCode, issue: make!() }));

  test('every code the validators build has a producer here', () => {
    const inSource = new Set<string>();
    for (const file of tsFiles(SRC)) {
      // The code lists (issues.ts, status.ts) and the messages name every code without building an issue.
      if (file.endsWith('issues.ts') || file.endsWith('status.ts') || file.includes('/messages/')) continue;
      for (const m of readFileSync(file, 'utf8').matchAll(/'([a-z_]+\.[a-z_]+)'/g)) {
        if ((ISSUE_CODES as readonly string[]).includes(m[1]!)) inSource.add(m[1]!);
      }
    }
    assert.ok(inSource.size > 20, 'the scan finds the codes');
    const missing = [...inSource].filter((c) => !(c in PRODUCERS));
    assert.deepEqual(missing, [], 'codes built in src without a producer in this test');
  });

  for (const code of Object.keys(PRODUCERS) as IssueCode[]) {
    test(code, () => {
      const { issue } = produced.find((p) => p.code === code)!;
      assert.equal(issue.code, code);
      for (const text of [MESSAGES_EN[code], MESSAGES_ZH_CN[code]]) {
        for (const name of placeholders(text)) {
          if (name === 'limitText')
            assert.equal(typeof issue.params?.limit, 'number', `${code}: {limitText} needs a numeric limit`);
          else if (name !== 'field')
            assert.ok(issue.params && name in issue.params, `${code}: {${name}} is not supplied`);
        }
      }
      assert.doesNotMatch(issue.message, /\{\w+\}/, `${code}: unfilled placeholder in "${issue.message}"`);
      const zh = localizeIssue(issue, 'zh-CN');
      assert.doesNotMatch(zh, /\{\w+\}/, `${code}: unfilled placeholder in "${zh}"`);
      if (placeholders(MESSAGES_EN[code]).has('field')) {
        const named = [...issue.path].reverse().find((p) => typeof p === 'string');
        if (named) {
          assert.ok(named in FIELD_LABELS_EN, `${code}: no English label for "${named}"`);
          assert.ok(named in FIELD_LABELS_ZH_CN, `${code}: no Chinese label for "${named}"`);
        }
      }
    });
  }

  test('issues built by the other packages supply their placeholders', (t) => {
    const built = new Map<string, string[][]>();
    for (const pkg of readdirSync(PACKAGES).filter((p) => p !== 'validators')) {
      for (const file of tsFiles(join(PACKAGES, pkg, 'src'))) {
        for (const call of issueCalls(readFileSync(file, 'utf8')))
          built.set(call.code, [...(built.get(call.code) ?? []), call.keys]);
      }
    }
    const notBuilt: string[] = [];
    for (const code of ISSUE_CODES.filter((c) => !(c in PRODUCERS))) {
      const needed = [...placeholders(MESSAGES_EN[code])].filter((p) => !AUTOMATIC.has(p));
      if (placeholders(MESSAGES_EN[code]).has('limitText')) needed.push('limit');
      const calls = built.get(code);
      if (!calls) {
        if (needed.length) notBuilt.push(`${code} {${needed.join(', ')}}`);
        continue;
      }
      assert.ok(
        calls.some((keys) => needed.every((n) => keys.includes(n))),
        `${code}: no builder supplies ${needed.join(', ')} (found ${JSON.stringify(calls)})`,
      );
    }
    if (notBuilt.length) t.diagnostic(`not built through issue() in any package yet: ${notBuilt.join('; ')}`);
  });

  test('the source scan itself reads params', () => {
    assert.deepEqual(
      issueCalls(`x = issue('sheet.formula_cell', [row], { row }); y = issue('a.b', [], { file: f(x), limit: 5 });`),
      [
        { code: 'sheet.formula_cell', keys: ['row'] },
        { code: 'a.b', keys: ['file', 'limit'] },
      ],
    );
  });
});

describe('formatMessage', () => {
  test('fills params, in both locales', () => {
    assert.equal(
      formatMessage('links.too_many', { limit: 800, count: 801 }),
      'At most 800 product links per complaint; this has 801.',
    );
    assert.equal(
      formatMessage('links.too_many', { limit: 800, count: 801 }, 'zh-CN'),
      '每个投诉最多 800 个产品链接，当前为 801 个。',
    );
    assert.equal(formatMessage('links.duplicate', { firstRow: 3 }), 'This link is already listed (row 3).');
  });
  test('{limitText} is the limit in human units', () => {
    assert.equal(
      formatMessage('evidence.too_large', { file: 'a.pdf', limit: 5 * 1024 * 1024 }),
      '"a.pdf" is larger than 5 MB.',
    );
    assert.equal(
      formatMessage('evidence.too_large', { file: 'a.pdf', limit: 5 * 1024 * 1024 }, 'zh-CN'),
      '“a.pdf”超过了 5 MB。',
    );
  });
  test('{field} is the label of the last named path segment', () => {
    assert.equal(formatMessage('field.required', {}, 'en', ['contact', 'email']), 'Email is required.');
    assert.equal(formatMessage('field.required', {}, 'zh-CN', ['contact', 'email']), '请填写电子邮箱。');
    assert.equal(formatMessage('field.required', {}, 'en', ['productLinks', 3]), 'Product links is required.');
    assert.equal(formatMessage('field.required', {}, 'en', []), 'This field is required.');
    assert.equal(formatMessage('field.required', {}, 'zh-CN'), '请填写该字段。');
    assert.equal(formatMessage('field.required', {}, 'en', ['someNewField']), 'someNewField is required.');
  });
  test('missing params stay visible rather than vanishing; values are not re-expanded', () => {
    assert.equal(formatMessage('links.duplicate'), 'This link is already listed (row {firstRow}).');
    assert.equal(formatMessage('links.not_url', { value: '{firstRow}' }), '"{firstRow}" is not a web address.');
    assert.equal(formatMessage('evidence.too_large', { file: 'a', limit: 'big' }), '"a" is larger than {limitText}.');
  });
  test('formatBytes', () => {
    assert.equal(formatBytes(5 * 1024 * 1024), '5 MB');
    assert.equal(formatBytes(1536), '1.5 KB');
    assert.equal(formatBytes(100), '100 bytes');
    assert.equal(formatBytes(100, 'zh-CN'), '100 字节');
    assert.equal(formatBytes(3 * 1024 ** 3), '3 GB');
  });
});

describe('resolveLocale', () => {
  const cases: [string | undefined | null, string][] = [
    ['zh', 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['zh-cn', 'zh-CN'],
    ['ZH-CN', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh-SG', 'zh-CN'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['fr-FR', 'en'],
    ['de', 'en'],
    ['', 'en'],
    [undefined, 'en'],
    [null, 'en'],
    // Traditional Chinese reads the Simplified strings (closer than English); hosts may register their own.
    ['zh-TW', 'zh-CN'],
    ['zh-HK', 'zh-CN'],
    ['zh-MO', 'zh-CN'],
    ['zh-Hant', 'zh-CN'],
    ['zh-Hant-TW', 'zh-CN'],
    ['zhx', 'en'],
    ['zh_CN', 'zh-CN'],
    ['zh_Hans_CN', 'zh-CN'],
    ['en_US', 'en'],
  ];
  for (const [tag, want] of cases) test(`${tag} → ${want}`, () => assert.equal(resolveLocale(tag), want));
});

describe('paths named after Object.prototype members', () => {
  test('a missing value at `toString` is field.required, and its label is the key itself', () => {
    const r = parseWith(ComplaintDraftSchema.shape.type, null, ['toString']);
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.deepEqual(
      r.issues.map((i) => i.code),
      ['field.required'],
    );
    assert.match(formatMessage('field.required', {}, 'en', ['constructor']), /constructor/);
  });
});
