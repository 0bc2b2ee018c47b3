// Shared inputs for the validators' tests: complete drafts and the first bytes of real file formats.
import type { ComplaintDraftInput, ComplaintType, Issue, Result } from '@ipr/validators';
import { ISSUE_CODES } from '@ipr/validators';
import assert from 'node:assert/strict';

export const link = (id: string) => `https://market.example/product/${id}`;

/** A draft that passes every rule for `type` (with an image marked original, which all types accept). */
export function validDraft(type: ComplaintType = 'trademark_infringement'): ComplaintDraftInput {
  return {
    type,
    productLinks: [link('p1001'), link('p1002')],
    description: 'These listings copy our registered mark and product photos.',
    contact: {
      name: 'Lin Mei',
      email: 'lin.mei@aurora.example',
      phone: '+86 755 1234 5678',
      company: 'Aurora Lighting Co., Ltd.',
    },
    isIprHolder: false,
    holder: {
      name: 'Aurora Lighting Co., Ltd.',
      identificationType: 'business_registration',
      identificationNumber: '91440300MA5XXXXXX',
      identificationAttachments: ['ev_license'],
      powerOfAttorney: ['ev_poa'],
      powerOfAttorneyExpiresAt: '2027-12-31',
    },
    evidence: [{ id: 'ev_photo', original: true }, { id: 'ev_cert' }],
    declaration: { goodFaith: true, accurate: true, authorised: true, version: '2026-11' },
  };
}

/** The evidence a draft's refs point at, as `ctx.evidence`. */
export const EVIDENCE_LOOKUP = new Map([
  ['ev_photo', { id: 'ev_photo', kind: 'image' as const }],
  ['ev_cert', { id: 'ev_cert', kind: 'document' as const }],
  ['ev_license', { id: 'ev_license', kind: 'document' as const }],
  ['ev_poa', { id: 'ev_poa', kind: 'document' as const }],
]);

export const NOW = new Date('2026-11-29T12:00:00Z');

/** Bytes from numbers and Latin-1 strings (one byte per character). */
const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

/** The first bytes of each format, padded with content typical of the format. */
export const HEADS = {
  png: bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR', [0, 0, 1, 0]),
  jpg: bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF', [0]),
  gif: bytes('GIF89a', [1, 0, 1, 0, 0x80, 0, 0]),
  pdf: bytes('%PDF-1.7\n%', [0xe2, 0xe3, 0xcf, 0xd3], '\n1 0 obj\n'),
  zip: bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0], '[Content_Types].xml'),
  emptyZip: bytes([0x50, 0x4b, 0x05, 0x06], new Array(18).fill(0)),
  ole: bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], new Array(16).fill(0), [0x3e, 0, 3, 0]),
  rar: bytes('Rar!', [0x1a, 0x07, 0x01, 0x00]),
  exe: bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0], 'This program cannot be run in DOS mode.'),
  elf: bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
  script: bytes('#!/bin/sh\nrm -rf /\n'),
  text: new TextEncoder().encode('Order 1234 shipped on 2026-11-01.\r\nTracking: 9400 1000 0000 0000 0000 00\n'),
  chineseText: new TextEncoder().encode('侵权说明：该商品盗用了我们的图片。\n'),
  binary: bytes([0x00, 0x01, 0x02, 0x03, 0xfe, 0x00, 0x9c, 0x11]),
  /** High-entropy bytes without a single NUL (compressed or encrypted data). */
  noisy: Uint8Array.from({ length: 512 }, (_, i) => ((i * 73 + 41) % 255) + 1),
  /** "Link,侵权,https://…" as Excel on Chinese Windows saves a CSV: GBK, not UTF-8. */
  gbkCsv: bytes('Link,', [0xc7, 0xd6, 0xc8, 0xa8], ',https://market.example/product/a\r\n'),
  /** "Café de la gare" in Windows-1252. */
  latin1Text: bytes('Caf', [0xe9], ' de la gare\n'),
  utf8BomCsv: Uint8Array.from([
    0xef,
    0xbb,
    0xbf,
    ...new TextEncoder().encode('产品链接,备注\r\nhttps://market.example/product/a,\r\n'),
  ]),
};

/** Asserts a failed result and returns its issues, each checked against the issue model. */
export function issuesOf<T>(result: Result<T>): Issue[] {
  assert.equal(result.ok, false, 'expected the input to be refused');
  if (result.ok) return [];
  assert.ok(result.issues.length > 0, 'a refusal carries at least one issue');
  for (const i of result.issues) assertIssueShape(i);
  return result.issues;
}

export function okValue<T>(result: Result<T>): T {
  if (!result.ok)
    assert.fail(`expected ok, got ${JSON.stringify(result.issues.map((i) => [i.code, i.path.join('.')]))}`);
  return result.value;
}

export function assertIssueShape(i: Issue): void {
  assert.ok((ISSUE_CODES as readonly string[]).includes(i.code), `unknown code ${i.code}`);
  assert.ok(Array.isArray(i.path), 'path is an array');
  for (const p of i.path)
    assert.ok(typeof p === 'string' || typeof p === 'number', 'path segments are strings or numbers');
  assert.equal(typeof i.message, 'string');
  assert.ok(i.message.trim().length > 0, `empty message for ${i.code}`);
  if (i.params) for (const v of Object.values(i.params)) assert.ok(typeof v === 'string' || typeof v === 'number');
}

export const codes = (issues: readonly Issue[]) => issues.map((i) => i.code);
export const find = (issues: readonly Issue[], code: string) => issues.filter((i) => i.code === code);
