import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { assertKey, type FileStore } from './types.js';

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
    async delete(key) {
      assertKey(key);
      await rm(join(dir, key), { force: true });
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
