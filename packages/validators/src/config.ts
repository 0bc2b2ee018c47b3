import { config } from 'zod/mini';

// Partner pages run a strict Content-Security-Policy. zod 4 probes `new Function` for its
// JIT unless told not to, and that probe is reported as a CSP violation. This must run
// before any schema is built, so every module that builds schemas imports this one first.
config({ jitless: true });
