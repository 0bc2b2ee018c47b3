import { readSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createHash, randomBytes } from 'node:crypto';
import type { ByteSource } from '@ipr/validators';
import { assertKey, type FileStore, type FileUpload } from './types.js';

/**
 * Files in a folder. A file is written under a temporary name, flushed, then renamed, so a
 * crash never leaves a half-written file under a real key.
 */
export function createDiskFileStore(dir: string): FileStore {
  let ready: Promise<unknown> | undefined;
  const ensure = () => (ready ??= mkdir(dir, { recursive: true }));
  return {
    async put(key, bytes) {
      assertKey(key);
      await ensure();
      const temp = join(dir, `.tmp-${key}-${randomBytes(6).toString('hex')}`);
      const handle = await open(temp, 'w');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        await rename(temp, join(dir, key));
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },
    async get(key) {
      assertKey(key);
      try {
        return new Uint8Array(await readFile(join(dir, key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async open(key) {
      assertKey(key);
      const path = join(dir, key);
      // Opened first, so a missing file is null here rather than an error mid-stream.
      const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      });
      if (!handle) return null;
      const { size } = await handle.stat();
      const stream = handle.createReadStream({ highWaterMark: 64 * 1024 });
      return { size, body: Readable.toWeb(stream) as ReadableStream<Uint8Array> };
    },
    async delete(key) {
      assertKey(key);
      await rm(join(dir, key), { force: true });
    },
    async begin(key) {
      assertKey(key);
      await ensure();
      return beginDiskUpload(dir, key);
    },
  };
}

/**
 * An upload written straight to a temporary file in the folder (`.tmp-<key>-<random>`, swept at
 * start-up if a crash leaves it) and hashed as it goes: the bytes are in memory one chunk at a time.
 * `commit()` flushes it to disk and renames it to its key.
 */
export async function beginDiskUpload(dir: string, key: string): Promise<FileUpload> {
  const temp = join(dir, `.tmp-${key}-${randomBytes(6).toString('hex')}`);
  const handle = await open(temp, 'w+');
  const hash = createHash('sha256');
  let size = 0;
  let state: 'writing' | 'finished' | 'committed' | 'aborted' = 'writing';
  let digest = '';
  const close = () => handle.close().catch(() => undefined);
  return {
    async write(chunk) {
      if (state !== 'writing') throw new Error(`write to an upload that is ${state}`);
      for (let at = 0; at < chunk.length; ) {
        const { bytesWritten } = await handle.write(chunk, at, chunk.length - at, size + at);
        at += bytesWritten;
      }
      hash.update(chunk);
      size += chunk.length;
    },
    async finish() {
      if (state === 'writing') {
        digest = hash.digest('hex');
        state = 'finished';
      }
      if (state !== 'finished') throw new Error(`finish an upload that is ${state}`);
      const source: ByteSource = {
        size,
        read(offset, length) {
          const want = Math.max(0, Math.min(length, size - offset));
          const out = new Uint8Array(want);
          let got = 0;
          while (got < want) {
            const n = readSync(handle.fd, out, got, want - got, offset + got);
            if (n === 0) break;
            got += n;
          }
          return got === want ? out : out.subarray(0, got);
        },
      };
      return { size, sha256: digest, source };
    },
    async commit() {
      if (state !== 'finished') throw new Error(`commit an upload that is ${state}`);
      try {
        await handle.sync();
        await handle.close();
        await rename(temp, join(dir, key));
        state = 'committed';
      } catch (error) {
        state = 'aborted';
        await close();
        await rm(temp, { force: true });
        throw error;
      }
    },
    async abort() {
      if (state === 'committed' || state === 'aborted') return;
      state = 'aborted';
      await close();
      await rm(temp, { force: true });
    },
  };
}

/**
 * Removes what an interrupted upload can leave in the folder: `.tmp-*` files (killed while
 * writing) and files no evidence row names (killed between the rename and the commit). Only files
 * older than `olderThanMs` go, so an upload another process is finishing right now is never touched.
 */
export async function sweepDiskFiles(
  dir: string,
  referenced: ReadonlySet<string>,
  olderThanMs: number,
  now = Date.now(),
): Promise<{ removed: string[]; kept: number }> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { removed: [], kept: 0 };
    throw error;
  }
  const removed: string[] = [];
  let kept = 0;
  for (const name of names) {
    if (referenced.has(name)) {
      kept++;
      continue;
    }
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile() || now - info.mtimeMs < olderThanMs) {
      kept++;
      continue;
    }
    await rm(path, { force: true });
    removed.push(name);
  }
  return { removed, kept };
}
