import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { validateSupplierResponse } from '../src/index.js';

describe('validateSupplierResponse', () => {
  test('removed needs nothing more; not infringing needs a statement, by product', () => {
    const ok = validateSupplierResponse({
      products: [
        { productId: 'p1', response: 'removed' },
        { productId: 'p2', response: 'not_infringing', statement: ' Our own design. ' },
      ],
    });
    assert.equal(ok.ok, true);
    const bad = validateSupplierResponse({
      products: [
        { productId: 'p1', response: 'removed' },
        { productId: 'p2', response: 'not_infringing', statement: '  ' },
        { productId: 'p3', response: 'not_infringing' },
      ],
    });
    assert.equal(bad.ok, false);
    if (!bad.ok)
      assert.deepEqual(
        bad.issues.map((i) => [i.code, i.path.join('.')]),
        [
          ['response.statement_required', 'products.1.statement'],
          ['response.statement_required', 'products.2.statement'],
        ],
      );
  });
  test('no products, an unknown answer, or no body at all are refused with codes', () => {
    const none = validateSupplierResponse({ products: [] });
    assert.deepEqual(none.ok ? [] : none.issues.map((i) => i.code), ['response.products_required']);
    const wrong = validateSupplierResponse({ products: [{ productId: 'p1', response: 'maybe' }] });
    assert.equal(wrong.ok, false);
    if (!wrong.ok) assert.equal(wrong.issues[0]!.code, 'field.invalid_choice');
    for (const input of [null, undefined, 'x', 42, {}]) assert.equal(validateSupplierResponse(input).ok, false);
  });
});
