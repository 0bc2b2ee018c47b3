// Issue 9 (holder profiles, declaration, duplicates, status report, live events) on PGlite;
// the same suite runs on PostgreSQL in postgres.test.ts.
import { beyondSuite } from './suites/beyond.js';
import { seededApi } from './helpers.js';

beyondSuite(() => seededApi());
