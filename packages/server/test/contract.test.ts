import { contractSuite } from './suites/contract.js';
import { seededApi } from './helpers.js';

contractSuite(() => seededApi());
