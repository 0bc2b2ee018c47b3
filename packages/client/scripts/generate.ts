// Generates src/generated/api.ts from the server's committed OpenAPI document with
// openapi-typescript's Node API (`format: binary` becomes Blob). `--check` only compares and
// exits 1 on drift; the test suite does the same through `generateApiTypes()`.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';

export const OPENAPI_PATH =
  process.env.IPR_OPENAPI ?? fileURLToPath(new URL('../../server/openapi.json', import.meta.url));
export const GENERATED_PATH = fileURLToPath(new URL('../src/generated/api.ts', import.meta.url));

const BLOB = ts.factory.createTypeReferenceNode(ts.factory.createIdentifier('Blob'));
const NULL = ts.factory.createLiteralTypeNode(ts.factory.createNull());

export async function generateApiTypes(): Promise<string> {
  const document = JSON.parse(await readFile(OPENAPI_PATH, 'utf8'));
  const ast = await openapiTS(document, {
    transform(schema, options) {
      if (schema.format === 'binary') {
        return options.path?.includes('nullable') || (schema as { nullable?: boolean }).nullable
          ? ts.factory.createUnionTypeNode([BLOB, NULL])
          : BLOB;
      }
      return undefined;
    },
  });
  const header =
    '// Generated from packages/server/openapi.json by `npm run generate -w @ipr/client`. Do not edit.\n/* eslint-disable */\n';
  return header + astToString(ast);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = await generateApiTypes();
  if (process.argv.includes('--check')) {
    const current = await readFile(GENERATED_PATH, 'utf8').catch(() => '');
    if (current !== text) {
      console.error('src/generated/api.ts is out of date: run `npm run generate -w @ipr/client`');
      process.exit(1);
    }
    console.log('src/generated/api.ts matches openapi.json');
  } else {
    await writeFile(GENERATED_PATH, text);
    console.log(`wrote ${GENERATED_PATH}`);
  }
}
