#!/usr/bin/env node
// The reference API as a process: PORT, DATA_DIR, DATABASE_URL, CORS_ORIGINS (see src/main.ts).
import '../dist/main.js';
