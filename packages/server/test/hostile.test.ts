import { hostileSuite } from './suites/hostile.js';
import { seededApi } from './helpers.js';

hostileSuite(() => seededApi());
