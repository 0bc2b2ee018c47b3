// Route fuzzing on embedded PGlite (test/postgres.test.ts runs it on PostgreSQL too, with fewer runs).
import { fuzzSuite } from './suites/fuzz.js';
import { seededApi } from './helpers.js';

fuzzSuite(() => seededApi());
