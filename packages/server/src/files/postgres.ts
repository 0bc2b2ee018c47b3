// Evidence bytes in the database (migration 5: `evidence_files` + `evidence_chunks`), so every
// instance on one PostgreSQL serves every file. Node-only (an upload spools to a temporary file).
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { Db, Queryable } from '../db/types.js';
import { beginDiskUpload } from './disk.js';
import { assertKey, type FileStore, type StoredFile } from './types.js';

/**
 * Rows of 256 KiB: a 5 MiB file is 20 rows, read back one row per pull of the download stream,
 * so a download holds one chunk in memory whatever the file's size.
 */
export const CHUNK_BYTES = 256 * 1024;

export interface PgFileStoreOptions {
  /** Where uploads are spooled until they are committed (the structure checks read them at random). Default: the OS temp folder. */
  spoolDir?: string;
  chunkBytes?: number;
}

/**
 * Files as rows of bytea chunks rather than large objects: plain rows are transactional with the
 * rest (a rolled-back upload leaves nothing), cascade on delete, need no `lo_unlink`/vacuumlo for
 * orphans, stream with ordinary queries through any pool, and run the same on PGlite.
 */
export function createPgFileStore(db: Db, options: PgFileStoreOptions = {}): FileStore {
  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  const spoolDir = options.spoolDir ?? tmpdir();
  let ready: Promise<unknown> | undefined;
  const ensureSpool = () => (ready ??= mkdir(spoolDir, { recursive: true }));

  /** Writes `size` bytes, read by `read(offset, length)`, under `key` in one transaction (replacing any file there). */
  const store = (key: string, size: number, read: (offset: number, length: number) => Uint8Array) =>
    db.transaction(async (tx) => {
      await tx.query('delete from evidence_files where key = $1', [key]);
      await tx.query('insert into evidence_files (key, size) values ($1, $2)', [key, size]);
      for (let n = 0, at = 0; at < size; n++, at += chunkBytes) {
        await tx.query('insert into evidence_chunks (key, n, data) values ($1, $2, $3)', [
          key,
          n,
          toBuffer(read(at, chunkBytes)),
        ]);
      }
    });

  return {
    async put(key, bytes) {
      assertKey(key);
      await store(key, bytes.length, (offset, length) => bytes.subarray(offset, offset + length));
    },
    async get(key) {
      assertKey(key);
      const { rows } = await db.query<{ size: string | number; data: Uint8Array | null }>(
        `select f.size, (select string_agg(c.data, ''::bytea order by c.n) from evidence_chunks c where c.key = f.key) as data
           from evidence_files f where f.key = $1`,
        [key],
      );
      const row = rows[0];
      if (!row) return null;
      return row.data ? new Uint8Array(row.data) : new Uint8Array(0);
    },
    async open(key) {
      assertKey(key);
      return openChunks(db, key);
    },
    async delete(key) {
      assertKey(key);
      await db.query('delete from evidence_files where key = $1', [key]);
    },
    async begin(key) {
      assertKey(key);
      await ensureSpool();
      const spool = await beginDiskUpload(spoolDir, `spool-${key}`);
      let finished: Awaited<ReturnType<typeof spool.finish>> | undefined;
      return {
        write: (chunk) => spool.write(chunk),
        async finish() {
          finished = await spool.finish();
          return finished;
        },
        async commit() {
          if (!finished) throw new Error('commit before finish');
          const { size, source } = finished;
          try {
            await store(key, size, (offset, length) => source.read(offset, length));
          } finally {
            await spool.abort();
          }
        },
        abort: () => spool.abort(),
      };
    },
  };
}

/** A stream that reads the next chunk row when the reader wants more (back-pressure for free). */
async function openChunks(db: Queryable, key: string): Promise<StoredFile | null> {
  const { rows } = await db.query<{ size: string | number; chunks: string | number }>(
    'select f.size, (select count(*) from evidence_chunks c where c.key = f.key) as chunks from evidence_files f where f.key = $1',
    [key],
  );
  const row = rows[0];
  if (!row) return null;
  const chunks = Number(row.chunks);
  let n = 0;
  return {
    size: Number(row.size),
    body: new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          if (n >= chunks) return controller.close();
          const { rows: found } = await db.query<{ data: Uint8Array }>(
            'select data from evidence_chunks where key = $1 and n = $2',
            [key, n],
          );
          // Deleted while being read: the response is cut short rather than silently wrong.
          if (!found[0]) return controller.error(new Error(`evidence file ${key} lost chunk ${n}`));
          n++;
          controller.enqueue(found[0].data);
        },
      },
      { highWaterMark: 0 },
    ),
  };
}

const toBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * Removes files no evidence row names, older than `olderThanMs` (an upload killed between its
 * commit here and its evidence row). The same job as `sweepDiskFiles` for the folder store.
 */
export async function sweepPgFiles(db: Queryable, olderThanMs: number): Promise<number> {
  const { rows } = await db.query<{ key: string }>(
    `delete from evidence_files f
      where f.created_at < now() - make_interval(secs => $1::double precision / 1000)
        and not exists (select 1 from evidence e where e.storage_key = f.key)
      returning f.key`,
    [olderThanMs],
  );
  return rows.length;
}

/**
 * Moves the files of a folder store into the database: every evidence row whose key is not there
 * yet and whose file is in `from` (a `createDiskFileStore`). Idempotent (run it again after an
 * interruption); the folder is left as it was. Returns what was moved and what was missing.
 */
export async function copyFilesInto(
  db: Db,
  from: FileStore,
  to: FileStore,
  onFile?: (key: string, size: number) => void,
): Promise<{ moved: number; bytes: number; missing: string[] }> {
  const { rows } = await db.query<{ storage_key: string }>(
    `select e.storage_key from evidence e
      where not exists (select 1 from evidence_files f where f.key = e.storage_key) order by e.storage_key`,
  );
  let moved = 0;
  let bytes = 0;
  const missing: string[] = [];
  for (const { storage_key: key } of rows) {
    const file = await from.open(key);
    if (!file) {
      missing.push(key);
      continue;
    }
    const upload = await to.begin(key);
    try {
      const reader = file.body.getReader();
      for (let r = await reader.read(); !r.done; r = await reader.read()) await upload.write(r.value);
      await upload.finish();
      await upload.commit();
    } finally {
      await upload.abort();
    }
    moved++;
    bytes += file.size;
    onFile?.(key, file.size);
  }
  return { moved, bytes, missing };
}
