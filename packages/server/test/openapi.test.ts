import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildOpenApi, ROUTES } from '../src/index.js';
import { NAMED_SCHEMAS } from '@ipr/validators';

test('the committed openapi.json matches the route table (run `npm run openapi -w @ipr/server`)', () => {
  const committed = JSON.parse(readFileSync(new URL('../openapi.json', import.meta.url), 'utf8'));
  assert.deepEqual(committed, JSON.parse(JSON.stringify(buildOpenApi())));
});

test('every route is documented with its problems, and every $ref resolves', () => {
  const doc = buildOpenApi() as any;
  assert.equal(doc.openapi, '3.1.0');
  for (const route of ROUTES) {
    const op = doc.paths[route.path]?.[route.method];
    assert.ok(op, `${route.method} ${route.path}`);
    if (route.roles !== 'public') assert.ok(op.responses['401'], `${route.operationId} documents 401`);
    for (const status of route.problems)
      assert.equal(
        op.responses[String(status)].content['application/problem+json'].schema.$ref,
        '#/components/schemas/Problem',
      );
  }
  const refs: string[] = [];
  JSON.stringify(doc, (k, v) => {
    if (k === '$ref') refs.push(v);
    return v;
  });
  for (const r of refs) assert.ok(doc.components.schemas[r.split('/').pop()!], r);
  for (const name of Object.keys(NAMED_SCHEMAS)) assert.ok(doc.components.schemas[name], name);
  assert.ok(!JSON.stringify(doc).includes('"$schema"'));
});
