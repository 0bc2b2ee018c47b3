// Writes packages/server/openapi.json from the route table (`npm run openapi -w @ipr/server`).
import { writeFileSync } from 'node:fs';
import { buildOpenApi } from '../src/openapi.js';

const target = new URL('../openapi.json', import.meta.url);
writeFileSync(target, JSON.stringify(buildOpenApi(), null, 2) + '\n');
console.log(`wrote ${target.pathname}`);
