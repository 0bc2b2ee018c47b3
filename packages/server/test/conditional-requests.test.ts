// Conditional GETs (ETag, If-None-Match → 304) on PGlite; the same suite runs on PostgreSQL in postgres.test.ts.
import { seededApi } from './helpers.js';
import { conditionalRequestsSuite } from './suites/conditional-requests.js';

conditionalRequestsSuite(() => seededApi());
