import { lifecycleSuite } from './suites/lifecycle.js';
import { seededApi } from './helpers.js';

lifecycleSuite(() => seededApi());
