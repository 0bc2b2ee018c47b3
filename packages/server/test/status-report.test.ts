// The bulk status report on PGlite; the same suite runs on PostgreSQL in postgres.test.ts.
import { seededApi } from './helpers.js';
import { statusReportSuite } from './suites/status-report.js';

statusReportSuite(() => seededApi());
