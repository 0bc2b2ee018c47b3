// Saved holder profiles on PGlite; the same suite runs on PostgreSQL in postgres.test.ts.
import { seededApi } from './helpers.js';
import { holderProfilesSuite } from './suites/holder-profiles.js';

holderProfilesSuite(() => seededApi());
