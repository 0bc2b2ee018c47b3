// The authorization matrix on embedded PGlite (test/postgres.test.ts runs it on PostgreSQL too).
import { authzSuite } from './suites/authz.js';
import { seededApi } from './helpers.js';

authzSuite(() => seededApi());
