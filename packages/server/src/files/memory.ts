import { assertKey, type FileStore } from './types.js';

/** Files in memory (browser, tests). */
export function createMemoryFileStore(): FileStore & { size(): number } {
  const files = new Map<string, Uint8Array>();
  return {
    async put(key, bytes) {
      assertKey(key);
      files.set(key, bytes.slice());
    },
    async get(key) {
      assertKey(key);
      return files.get(key)?.slice() ?? null;
    },
    async delete(key) {
      assertKey(key);
      files.delete(key);
    },
    size: () => files.size,
  };
}
