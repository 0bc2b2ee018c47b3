// `npm run migrate-files -w @ipr/server`: moves evidence files from a folder store
// (`<DATA_DIR>/evidence`, where a single instance kept them) into the PostgreSQL of DATABASE_URL,
// where every instance can serve them. Idempotent: files already in the database are skipped, so
// it can run again after an interruption, or once more after the last single-instance server stops.
import { join } from 'node:path';
import { migrate } from '../src/migrations.js';
import { copyFilesInto, createDiskFileStore, createPgDb, createPgFileStore } from '../src/node.js';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('migrate-files: set DATABASE_URL (the PostgreSQL to move the files into)');
  process.exit(1);
}
const dataDir = process.env.DATA_DIR ?? '.data';
const db = await createPgDb({ connectionString: url });
try {
  await migrate(db);
  const from = createDiskFileStore(join(dataDir, 'evidence'));
  const to = createPgFileStore(db, { spoolDir: join(dataDir, 'spool') });
  const started = performance.now();
  const { moved, bytes, missing } = await copyFilesInto(db, from, to);
  console.log(
    `migrate-files: ${moved} files (${(bytes / 1048576).toFixed(1)} MiB) moved from ${join(dataDir, 'evidence')} in ${Math.round(performance.now() - started)} ms`,
  );
  if (missing.length) {
    console.error(`migrate-files: ${missing.length} evidence files are in neither store: ${missing.join(', ')}`);
    process.exitCode = 2;
  }
} finally {
  await db.close();
}
