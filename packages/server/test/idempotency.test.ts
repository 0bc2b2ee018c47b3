import { idempotencySuite } from './suites/idempotency.js';
import { seededApi } from './helpers.js';

idempotencySuite(() => seededApi());
