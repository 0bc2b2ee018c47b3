import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { generateApiTypes, GENERATED_PATH } from '../scripts/generate.js';

test('src/generated/api.ts matches packages/server/openapi.json (run `npm run generate -w @ipr/client`)', async () => {
  const fresh = await generateApiTypes();
  const committed = await readFile(GENERATED_PATH, 'utf8');
  assert.equal(committed, fresh);
  assert.match(committed, /"\/v1\/complaints"/);
});
