// Server-chosen ids (complaints, evidence, history, webhooks): random bytes from the CSPRNG, drawn
// from a pool refilled 4 KiB at a time. Every id is its prefix and hex, and none repeats across refills.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomId } from '../src/util.js';

test('random ids: prefix and 24 hex digits, 20,000 distinct across many pool refills, any size', () => {
  const ids = Array.from({ length: 20_000 }, () => randomId('cmp_'));
  for (const id of ids.slice(0, 500)) assert.match(id, /^cmp_[0-9a-f]{24}$/);
  assert.equal(new Set(ids).size, ids.length);
  // Consecutive ids share no bytes (each takes fresh ones from the pool).
  assert.notEqual(ids[0]!.slice(4, 16), ids[1]!.slice(4, 16));
  // Sizes that do not divide the pool, and one larger than it.
  assert.match(randomId('x', 7), /^x[0-9a-f]{14}$/);
  assert.match(randomId('big_', 5000), /^big_[0-9a-f]{10000}$/);
  // Hex digits are spread: every one of the 16 appears in a few hundred ids.
  assert.equal(new Set(ids.slice(0, 300).join('').replace(/cmp_/g, '')).size, 16);
});
