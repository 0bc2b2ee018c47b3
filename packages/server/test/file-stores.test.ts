// Every FileStore keeps the same promises: bytes back as written (whole or streamed), nothing under
// a key before commit, nothing after abort or delete. The PostgreSQL store (chunks of 256 KiB in
// evidence_chunks) runs on PGlite here, and on PostgreSQL when TEST_DATABASE_URL is set; its sweep
// and the move of a folder store's files into it are checked too.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryFileStore, createPgliteDb, migrate, type Db, type FileStore } from '../src/index.js';
import { copyFilesInto, createDiskFileStore, createPgDb, createPgFileStore, pgliteTemplate } from '../src/node.js';
import { CHUNK_BYTES, sweepPgFiles } from '../src/files/postgres.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'ipr-files-'));
  dirs.push(d);
  return d;
};
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Bytes that differ at every offset (a chunk written twice or out of order shows). */
function bytes(size: number, salt = 7): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = (i * 31 + salt + (i >> 8)) & 0xff;
  return out;
}
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function readAll(body: ReadableStream<Uint8Array>): Promise<{ bytes: Uint8Array; pieces: number[] }> {
  const pieces: Uint8Array[] = [];
  for await (const piece of body as unknown as AsyncIterable<Uint8Array>) pieces.push(piece);
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return { bytes: out, pieces: pieces.map((p) => p.length) };
}

function fileStoreSuite(open: () => Promise<{ files: FileStore; close: () => Promise<void> }>, chunked = false) {
  test('put, get and open give the bytes back; a missing key is null', async () => {
    const { files, close } = await open();
    try {
      const written = bytes(CHUNK_BYTES * 2 + 1234);
      await files.put('k_put', written);
      assert.equal(sha((await files.get('k_put'))!), sha(written));
      const opened = (await files.open('k_put'))!;
      assert.equal(opened.size, written.length);
      const read = await readAll(opened.body);
      assert.equal(sha(read.bytes), sha(written));
      // One row per pull: the download never holds more than a chunk.
      if (chunked) assert.deepEqual(read.pieces, [CHUNK_BYTES, CHUNK_BYTES, 1234]);
      assert.equal(await files.get('k_missing'), null);
      assert.equal(await files.open('k_missing'), null);
      await files.delete('k_put');
      assert.equal(await files.open('k_put'), null);
    } finally {
      await close();
    }
  });

  test('an upload: nothing under the key before commit; hash and random access after finish; abort leaves nothing', async () => {
    const { files, close } = await open();
    try {
      const written = bytes(CHUNK_BYTES + 99_000, 3);
      const up = await files.begin('k_up');
      for (let at = 0; at < written.length; at += 64 * 1024) await up.write(written.subarray(at, at + 64 * 1024));
      const done = await up.finish();
      assert.equal(done.size, written.length);
      assert.equal(done.sha256, sha(written));
      assert.deepEqual(done.source.read(CHUNK_BYTES - 3, 6), written.subarray(CHUNK_BYTES - 3, CHUNK_BYTES + 3));
      assert.equal(await files.open('k_up'), null, 'not visible before commit');
      await up.commit();
      await up.abort(); // after commit: nothing
      assert.equal(sha((await readAll((await files.open('k_up'))!.body)).bytes), sha(written));

      const dropped = await files.begin('k_dropped');
      await dropped.write(bytes(1000));
      await dropped.finish();
      await dropped.abort();
      assert.equal(await files.open('k_dropped'), null);
    } finally {
      await close();
    }
  });
}

const pgliteStore = async () => {
  const db = await createPgliteDb({ trigram: false, loadDataDir: await pgliteTemplate() });
  await migrate(db);
  const spoolDir = tempDir();
  return { db, spoolDir, files: createPgFileStore(db, { spoolDir }), close: () => db.close() };
};

describe('memory store', () => fileStoreSuite(async () => ({ files: createMemoryFileStore(), close: async () => {} })));
describe('folder store', () =>
  fileStoreSuite(async () => ({ files: createDiskFileStore(tempDir()), close: async () => {} })));
describe('database store on PGlite', () => {
  fileStoreSuite(pgliteStore, true);

  test('the spool folder is empty once an upload is committed or aborted', async () => {
    const { files, spoolDir, close } = await pgliteStore();
    try {
      const up = await files.begin('k_spool');
      await up.write(bytes(5000));
      assert.equal(readdirSync(spoolDir).length, 1);
      await up.finish();
      await up.commit();
      assert.deepEqual(readdirSync(spoolDir), []);
    } finally {
      await close();
    }
  });

  test('the sweep removes old files no evidence names, and keeps named and recent ones', async () => {
    const { db, files, close } = await pgliteStore();
    try {
      await files.put('k_orphan_old', bytes(10));
      await files.put('k_named_old', bytes(10));
      await files.put('k_orphan_new', bytes(10));
      await db.query(`update evidence_files set created_at = now() - interval '1 hour' where key <> 'k_orphan_new'`);
      await db.query(
        `insert into accounts (id, role, display_name, contact) values ('acc_x', 'complainant', 'X', '{}')`,
      );
      await db.query(
        `insert into evidence (id, account_id, name, size, extension, kind, media_type, sha256, storage_key)
         values ('ev_x', 'acc_x', 'x.png', 10, 'png', 'image', 'image/png', '', 'k_named_old')`,
      );
      assert.equal(await sweepPgFiles(db, 10 * 60_000), 1);
      assert.equal(await files.open('k_orphan_old'), null);
      assert.ok(await files.open('k_named_old'));
      assert.ok(await files.open('k_orphan_new'));
    } finally {
      await close();
    }
  });

  test("copyFilesInto moves a folder store's files in once, and names the missing ones", async () => {
    const { db, files, close } = await pgliteStore();
    try {
      const disk = createDiskFileStore(tempDir());
      const big = bytes(CHUNK_BYTES * 3, 11);
      await disk.put('k_disk_a', big);
      await disk.put('k_disk_b', bytes(1, 5));
      await db.query(
        `insert into accounts (id, role, display_name, contact) values ('acc_y', 'complainant', 'Y', '{}')`,
      );
      for (const key of ['k_disk_a', 'k_disk_b', 'k_disk_gone'])
        await db.query(
          `insert into evidence (id, account_id, name, size, extension, kind, media_type, sha256, storage_key)
           values ($1, 'acc_y', 'x.png', 1, 'png', 'image', 'image/png', '', $1)`,
          [key],
        );
      const first = await copyFilesInto(db, disk, files);
      assert.deepEqual(first, { moved: 2, bytes: big.length + 1, missing: ['k_disk_gone'] });
      assert.equal(sha((await files.get('k_disk_a'))!), sha(big));
      const again = await copyFilesInto(db, disk, files);
      assert.deepEqual(again, { moved: 0, bytes: 0, missing: ['k_disk_gone'] });
    } finally {
      await close();
    }
  });
});

const url = process.env.TEST_DATABASE_URL;
if (url) {
  describe('database store on PostgreSQL', () =>
    fileStoreSuite(async () => {
      const schema = `ipr_files_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6).toString(36)}`;
      const db: Db = await createPgDb({ connectionString: url, schema, max: 4 });
      await migrate(db);
      return {
        files: createPgFileStore(db, { spoolDir: tempDir() }),
        async close() {
          await db.query(`drop schema ${schema} cascade`);
          await db.close();
        },
      };
    }, true));
} else {
  test('database store on PostgreSQL', (t) => t.skip('TEST_DATABASE_URL is not set'));
}
