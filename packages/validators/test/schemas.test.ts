import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toJSONSchema } from 'zod/mini';
import {
  ComplaintDraftSchema,
  ComplaintSchema,
  EvidenceDescriptorSchema,
  LIMITS,
  NAMED_SCHEMAS,
  parseWith,
  ProblemSchema,
} from '@ipr/validators';
import { issuesOf, validDraft, okValue } from './fixtures.js';

describe('JSON Schema for the OpenAPI document', () => {
  for (const [name, schema] of Object.entries(NAMED_SCHEMAS)) {
    for (const io of ['input', 'output'] as const) {
      test(`${name} (${io})`, () => {
        const json = toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
        assert.equal(typeof json, 'object');
        assert.ok(
          'type' in json || 'enum' in json || 'anyOf' in json || 'oneOf' in json || '$ref' in json,
          `${name} has a shape`,
        );
        // Serialisable: the OpenAPI document is written as JSON.
        assert.deepEqual(JSON.parse(JSON.stringify(json)), json);
      });
    }
  }

  test('the draft: defaults are optional on input and required on output', () => {
    const input = toJSONSchema(ComplaintDraftSchema, { io: 'input', unrepresentable: 'any' }) as {
      required: string[];
      properties: Record<string, { default?: unknown }>;
    };
    const output = toJSONSchema(ComplaintDraftSchema, { io: 'output', unrepresentable: 'any' }) as {
      required: string[];
    };
    assert.ok(!input.required.includes('discloseContactToSupplier'));
    assert.ok(output.required.includes('discloseContactToSupplier'));
    assert.equal(input.properties.discloseContactToSupplier!.default, false);
    const links = (input.properties.productLinks as unknown as { maxItems: number }).maxItems;
    assert.equal(links, LIMITS.maxProductLinks);
  });
});

describe('schemas accept what the API returns', () => {
  const at = '2026-11-29T10:00:00.000Z';
  const evidence = {
    id: 'ev_1',
    name: 'photo.png',
    size: 1024,
    extension: 'png',
    kind: 'image',
    mediaType: 'image/png',
    sha256: 'a'.repeat(64),
    createdAt: at,
  };

  test('an evidence descriptor', () => {
    okValue(parseWith(EvidenceDescriptorSchema, evidence));
    issuesOf(parseWith(EvidenceDescriptorSchema, { ...evidence, sha256: 'xyz' }));
    issuesOf(parseWith(EvidenceDescriptorSchema, { ...evidence, size: 1.5 }));
  });

  test('a complaint', () => {
    const draft = validDraft();
    const complaint = {
      id: 'c_1',
      number: 'IPR-2026-000123',
      type: draft.type,
      status: 'supplier_responded',
      description: draft.description,
      complainantId: 'acc_complainant_a',
      contact: null,
      discloseContactToSupplier: false,
      isIprHolder: false,
      holder: draft.holder,
      products: [
        {
          productId: 'p1001',
          url: 'https://market.example/product/p1001',
          name: 'Lamp',
          supplierId: 's1',
          supplierName: 'S',
          thumbnailUrl: null,
          status: 'pending',
          supplierResponse: null,
          supplierStatement: null,
          checkedAt: null,
        },
      ],
      evidence: [{ ...evidence, original: true }],
      history: [
        {
          action: 'create',
          from: null,
          to: 'submitted',
          actor: { id: 'a', role: 'complainant', name: 'A' },
          at,
          reason: null,
        },
      ],
      arbitration: null,
      receipt: null,
      allowedActions: ['check', 'cancel'],
      createdAt: at,
      updatedAt: at,
    };
    okValue(parseWith(ComplaintSchema, complaint));
    issuesOf(parseWith(ComplaintSchema, { ...complaint, status: 'draft' }));
    issuesOf(parseWith(ComplaintSchema, { ...complaint, allowedActions: ['delete'] }));
  });

  test('a problem', () => {
    okValue(
      parseWith(ProblemSchema, {
        type: 'about:blank',
        title: 'Invalid',
        status: 422,
        code: 'links.too_many',
        issues: [{ code: 'links.too_many', path: ['productLinks'], message: 'x', params: { limit: 800, count: 801 } }],
      }),
    );
    issuesOf(parseWith(ProblemSchema, { type: 'about:blank', title: 'x', status: 422, code: 'made.up', issues: [] }));
  });
});
