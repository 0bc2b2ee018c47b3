import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  analyzeProductLinks,
  DEFAULT_PRODUCT_LINK_RULE,
  LIMITS,
  linkItemIssue,
  normalizeProductLink,
  validateProductLinks,
} from '@ipr/validators';
import { codes, find, issuesOf, link, okValue } from './fixtures.js';

const many = (n: number, offset = 0) => Array.from({ length: n }, (_, i) => link(`p${i + offset}`));

describe('normalizeProductLink', () => {
  const canonical = 'https://market.example/product/abc123';
  const variants = {
    'http scheme': 'http://market.example/product/abc123',
    'upper-case host': 'https://MARKET.Example/product/abc123',
    'upper-case scheme': 'HTTPS://market.example/product/abc123',
    'www. host': 'https://www.market.example/product/abc123',
    'm. host': 'https://m.market.example/product/abc123',
    'trailing slash': 'https://market.example/product/abc123/',
    'several trailing slashes': 'https://market.example/product/abc123///',
    'query string': 'https://market.example/product/abc123?spm=a2700.details&utm_source=mail',
    fragment: 'https://market.example/product/abc123#reviews',
    'query and fragment': 'https://www.market.example/product/abc123/?a=1#top',
    '.html suffix': 'https://market.example/product/abc123.html',
    'upper-case id': 'https://market.example/product/ABC123',
    'surrounding spaces': '   https://market.example/product/abc123 \t',
    'zero-width characters from a paste': '\u200bhttps://market.example/product/abc123\ufeff',
    'bare host without scheme': 'market.example/product/abc123',
    'bare www host without scheme': 'www.market.example/product/abc123',
    'protocol-relative': '//market.example/product/abc123',
    'explicit port': 'https://market.example:443/product/abc123',
    'bare host with a port': 'market.example:443/product/abc123',
    'bare www host with a port': 'www.market.example:8080/product/abc123',
  };
  for (const [name, input] of Object.entries(variants)) {
    test(`${name} normalises to the canonical link`, () => {
      assert.deepEqual(normalizeProductLink(input), { status: 'ok', url: canonical, productId: 'abc123' });
    });
  }

  test('empty inputs', () => {
    for (const input of [undefined, null, '', '   ', '\u200b'])
      assert.deepEqual(normalizeProductLink(input), { status: 'empty' });
  });

  const notUrl = [
    'hello world',
    'product abc123',
    'javascript:alert(1)',
    'JavaScript://market.example/product/abc123',
    'data:text/html,<b>x</b>',
    'ftp://market.example/product/abc123',
    'mailto:a@market.example',
    'https://',
    'http://localhost/product/a',
    'file:///etc/passwd',
    42,
    {},
    [],
    true,
  ];
  for (const input of notUrl) {
    test(`not a web address: ${JSON.stringify(input)}`, () => {
      assert.deepEqual(normalizeProductLink(input), { status: 'not_url' });
    });
  }

  const notProduct = [
    'https://evil.example/product/abc123',
    'https://market.example.evil.example/product/abc123',
    'https://evilmarket.example/product/abc123',
    'https://shop.market.example/product/abc123',
    'https://evil.example/?u=https://market.example/product/abc123',
    'https://market.example/',
    'https://market.example',
    'https://market.example/search?q=lamp',
    'https://market.example/product/',
    'https://market.example/product/abc/reviews',
    'https://market.example/product/-abc',
    'market.example',
    'evil.example/product/abc123',
  ];
  for (const input of notProduct) {
    test(`not a product link: ${input}`, () => {
      assert.deepEqual(normalizeProductLink(input), { status: 'not_product_link' });
    });
  }

  test('a deployment passes its own rule', () => {
    const rule = { hosts: ['shop.test'], canonicalHost: 'shop.test', pathPattern: /^\/item\/(\d+)$/ };
    assert.deepEqual(normalizeProductLink('http://SHOP.test/item/77?x', rule), {
      status: 'ok',
      url: 'https://shop.test/product/77',
      productId: '77',
    });
    assert.equal(normalizeProductLink(link('abc'), rule).status, 'not_product_link');
    assert.equal(
      normalizeProductLink('https://shop.test/item/77', DEFAULT_PRODUCT_LINK_RULE).status,
      'not_product_link',
    );
  });
});

describe('validateProductLinks', () => {
  test('returns the canonical links in input order', () => {
    assert.deepEqual(okValue(validateProductLinks(['http://www.market.example/product/B', link('a')])), [
      link('b'),
      link('a'),
    ]);
  });

  test(`exactly ${LIMITS.maxProductLinks} unique links are allowed`, () => {
    assert.equal(LIMITS.maxProductLinks, 800);
    assert.equal(okValue(validateProductLinks(many(800))).length, 800);
  });

  test('801 unique links are refused once with links.too_many {limit, count}', () => {
    const issues = issuesOf(validateProductLinks(many(801)));
    assert.deepEqual(codes(issues), ['links.too_many']);
    assert.deepEqual(issues[0]!.params, { limit: 800, count: 801 });
    assert.deepEqual(issues[0]!.path, ['productLinks']);
    assert.match(issues[0]!.message, /800/);
    assert.match(issues[0]!.message, /801/);
  });

  test('800 unique links plus duplicates stay within the limit (the limit counts unique links)', () => {
    const input = [...many(800), link('p0'), 'http://market.example/product/P1/'];
    const issues = issuesOf(validateProductLinks(input));
    assert.deepEqual(codes(issues), ['links.duplicate', 'links.duplicate']);
  });

  test('a custom limit', () => {
    assert.deepEqual(issuesOf(validateProductLinks(many(3), { limit: 2 }))[0]!.params, { limit: 2, count: 3 });
  });

  test('0 links: links.required', () => {
    for (const input of [[], undefined, null, 'https://market.example/product/a', {}]) {
      const issues = issuesOf(validateProductLinks(input));
      assert.deepEqual(codes(issues), ['links.required'], JSON.stringify(input));
      assert.deepEqual(issues[0]!.path, ['productLinks']);
    }
  });

  test('only unusable rows: each row reported, and links.required', () => {
    const issues = issuesOf(validateProductLinks(['', 'nope', 'https://evil.example/product/a']));
    assert.deepEqual(codes(issues), ['links.empty', 'links.not_url', 'links.not_product_link', 'links.required']);
    assert.deepEqual(
      issues.map((i) => i.path),
      [['productLinks', 0], ['productLinks', 1], ['productLinks', 2], ['productLinks']],
    );
    assert.deepEqual(issues[0]!.params, { row: 1 });
    assert.deepEqual(issues[1]!.params, { value: 'nope' });
    assert.deepEqual(issues[2]!.params, { value: 'https://evil.example/product/a' });
  });

  const duplicates = {
    scheme: ['https://market.example/product/x1', 'http://market.example/product/x1'],
    'host case': ['https://market.example/product/x1', 'https://Market.EXAMPLE/product/x1'],
    'www. host': ['https://market.example/product/x1', 'https://www.market.example/product/x1'],
    'm. host': ['https://market.example/product/x1', 'https://m.market.example/product/x1'],
    'trailing slash': ['https://market.example/product/x1', 'https://market.example/product/x1/'],
    'query string': ['https://market.example/product/x1', 'https://market.example/product/x1?spm=abc&from=search'],
    fragment: ['https://market.example/product/x1', 'https://market.example/product/x1#photos'],
    'bare host': ['https://market.example/product/x1', 'market.example/product/x1'],
  };
  for (const [name, [first, second]] of Object.entries(duplicates)) {
    test(`duplicates differing only in ${name}: links.duplicate with firstRow`, () => {
      const issues = issuesOf(validateProductLinks([link('other'), first, link('more'), second]));
      assert.equal(issues.length, 1);
      assert.equal(issues[0]!.code, 'links.duplicate');
      assert.deepEqual(issues[0]!.path, ['productLinks', 3]);
      assert.deepEqual(issues[0]!.params, { firstRow: 2 });
      assert.match(issues[0]!.message, /row 2/);
    });
  }

  test('every repeat points at the first occurrence', () => {
    const issues = issuesOf(validateProductLinks([link('a'), link('a'), link('a')]));
    assert.deepEqual(
      find(issues, 'links.duplicate').map((i) => [i.path[1], i.params?.firstRow]),
      [
        [1, 1],
        [2, 1],
      ],
    );
  });

  test('a custom base path', () => {
    assert.deepEqual(issuesOf(validateProductLinks(['x'], { path: ['draft', 'links'] }))[0]!.path, [
      'draft',
      'links',
      0,
    ]);
  });

  test('long values are shortened in the message params', () => {
    const long = 'x'.repeat(500);
    const value = issuesOf(validateProductLinks([long]))[0]!.params!.value as string;
    assert.equal(value.length, 118);
    assert.ok(value.endsWith('…'));
  });
});

describe('analyzeProductLinks', () => {
  test('one status per input, in order', () => {
    const analysis = analyzeProductLinks(
      [link('a'), '', 'not a link', 'https://evil.example/product/a', 'http://m.market.example/product/A', link('b')],
      { limit: 1 },
    );
    assert.deepEqual(
      analysis.items.map((i) => i.status),
      ['ok', 'empty', 'not_url', 'not_product_link', 'duplicate', 'over_limit'],
    );
    assert.deepEqual(
      analysis.items.map((i) => i.index),
      [0, 1, 2, 3, 4, 5],
    );
    assert.equal(analysis.items[4]!.duplicateOf, 0);
    assert.equal(analysis.items[5]!.url, link('b'));
    assert.equal(analysis.items[5]!.productId, 'b');
    assert.deepEqual(analysis.links, [link('a')]);
    assert.equal(analysis.uniqueCount, 2);
  });

  test('the 801st unique link is over_limit by default; its repeats are duplicates', () => {
    const analysis = analyzeProductLinks([...many(801), link('p800'), link('p5')]);
    const statuses = analysis.items.map((i) => i.status);
    assert.equal(statuses.filter((s) => s === 'ok').length, 800);
    assert.equal(statuses[800], 'over_limit');
    assert.deepEqual(statuses.slice(801), ['duplicate', 'duplicate']);
    assert.equal(analysis.items[801]!.duplicateOf, 800);
    assert.equal(analysis.links.length, 800);
    assert.equal(analysis.uniqueCount, 801);
  });

  test('over_limit rows become sheet.too_many_rows with their 1-based row', () => {
    const analysis = analyzeProductLinks(many(3), { limit: 2 });
    const found = linkItemIssue(analysis.items[2]!, ['rows', 2], 2);
    assert.equal(found?.code, 'sheet.too_many_rows');
    assert.deepEqual(found?.params, { row: 3, limit: 2 });
    assert.equal(linkItemIssue(analysis.items[0]!, ['rows', 0]), undefined);
  });

  test('inputs are kept as trimmed text for display', () => {
    const analysis = analyzeProductLinks(['  x  ', 7, null, { toString: () => 'obj' }]);
    assert.deepEqual(
      analysis.items.map((i) => i.input),
      ['x', '7', '', 'obj'],
    );
  });

  test('not an array: no items', () => {
    assert.deepEqual(analyzeProductLinks('nope' as unknown as string[]), { items: [], links: [], uniqueCount: 0 });
  });
});
