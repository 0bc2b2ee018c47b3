// Duplicate keys: the same products of the same type are one complaint.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { LIMITS, duplicateKey, sha256HexSync, type Issue } from '@ipr/validators';
import { link, validDraft } from './fixtures.js';

const _pathCodes = (issues: Issue[]) => issues.map((i) => `${i.path.join('.')}:${i.code}`).sort();
const _HOLDER = validDraft().holder!;
const _day = (iso: string) => new Date(`${iso}T12:00:00Z`);
/** The date `n` days after `from` (YYYY-MM-DD). */
const _plus = (from: string, n: number) =>
  new Date(Date.parse(`${from}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

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
