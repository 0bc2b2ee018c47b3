import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
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
