// The declaration and the receipt on PGlite; the same suite runs on PostgreSQL in postgres.test.ts.
import { seededApi } from './helpers.js';
import { receiptSuite } from './suites/receipt.js';

receiptSuite(() => seededApi());
