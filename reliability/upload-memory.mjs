// Memory under concurrent uploads: the real server in its own process (PGlite on disk) takes
// UPLOADS (40) concurrent evidence uploads of SIZE (5 MiB) each; its resident set size is sampled
// from /proc every 20 ms. Prints the RSS before, the peak (VmHWM) and after, in MB.
// `node --conditions=source --import tsx reliability/upload-memory.mjs` (UPLOADS, UPLOAD_BYTES).
// The server's per-account limits (uploads in flight, upload rate, storage quota) would refuse
// most of a burst from one account, so they are lifted here: this measures what one upload costs.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOKENS } from '@ipr/server/demo-accounts';
import { spawnServer } from './server-process.mjs';
import { pngOfSize } from './make-fixtures.mjs';

const MB = 1024 * 1024;

/** VmRSS and VmHWM (peak) of a process, in bytes (Linux). */
function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: field('VmRSS'), hwm: field('VmHWM') };
}

/**
 * Starts a server, lets it settle, sends `uploads` concurrent uploads of `size` bytes as complainant A
 * and reports its memory: `{ beforeMb, peakMb, afterMb, growthMb, statuses }`.
 */
export async function measureUploadMemory({ uploads = 40, size = 5 * MB, log = () => {} } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'ipr-upload-memory-'));
  const previous = { RATE_LIMITS: process.env.RATE_LIMITS, EVIDENCE_QUOTA_BYTES: process.env.EVIDENCE_QUOTA_BYTES };
  process.env.RATE_LIMITS = 'off';
  process.env.EVIDENCE_QUOTA_BYTES = String(uploads * size * 2);
  let server;
  try {
    server = await spawnServer({ dataDir, catalogueSize: 200 });
  } finally {
    for (const [k, v] of Object.entries(previous)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  const pid = server.child.pid;
  try {
    // Warm up (the upload route, the file store, the database thread) with two small uploads.
    for (let i = 0; i < 2; i++) await upload(server.url, pngOfSize(4096, randomBytes(16)), `warm-${i}.png`);
    await new Promise((r) => setTimeout(r, 1000));
    const before = memoryOf(pid).rss;
    let peak = before;
    const sampler = setInterval(() => {
      try {
        peak = Math.max(peak, memoryOf(pid).rss);
      } catch {
        /* exited */
      }
    }, 20);
    const bodies = Array.from({ length: uploads }, () => pngOfSize(size, randomBytes(16)));
    log(
      `sending ${uploads} uploads of ${(size / MB).toFixed(1)} MiB at once (RSS before ${(before / MB).toFixed(0)} MB)`,
    );
    const started = performance.now();
    const statuses = await Promise.all(bodies.map((b, i) => upload(server.url, b, `burst-${i}.png`)));
    const ms = performance.now() - started;
    bodies.length = 0;
    clearInterval(sampler);
    const { rss: after, hwm } = memoryOf(pid);
    peak = Math.max(peak, hwm);
    const result = {
      uploads,
      bytesEach: size,
      ms: Math.round(ms),
      beforeMb: Math.round(before / MB),
      peakMb: Math.round(peak / MB),
      afterMb: Math.round(after / MB),
      growthMb: Math.round((peak - before) / MB),
      statuses: countOf(statuses),
    };
    log(JSON.stringify(result));
    return result;
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function upload(url, bytes, name) {
  const body = new FormData();
  body.append('file', new File([bytes], name, { type: 'image/png' }));
  const res = await fetch(`${url}/v1/evidence`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKENS.complainantA}` },
    body,
  });
  await res.arrayBuffer();
  return res.status;
}

function countOf(list) {
  const counts = {};
  for (const s of list) counts[s] = (counts[s] ?? 0) + 1;
  return counts;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await measureUploadMemory({
    uploads: Number(process.env.UPLOADS ?? 40),
    size: Number(process.env.UPLOAD_BYTES ?? 5 * MB),
    log: (line) => console.log(line),
  });
  console.log(r);
}
