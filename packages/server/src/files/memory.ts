import { bytesSource } from '@ipr/validators';
import { sha256Hex } from '../util.js';
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
    async open(key) {
      assertKey(key);
      const bytes = files.get(key);
      if (!bytes) return null;
      return {
        size: bytes.length,
        body: new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(bytes.slice());
            controller.close();
          },
        }),
      };
    },
    async delete(key) {
      assertKey(key);
      files.delete(key);
    },
    async begin(key) {
      assertKey(key);
      // Chunks are kept as they come and joined once: memory is where this store keeps files anyway.
      let chunks: Uint8Array[] = [];
      let size = 0;
      let whole: Uint8Array | undefined;
      return {
        async write(chunk) {
          if (whole) throw new Error('write after finish');
          chunks.push(chunk.slice());
          size += chunk.length;
        },
        async finish() {
          if (!whole) {
            whole = new Uint8Array(size);
            let at = 0;
            for (const c of chunks) {
              whole.set(c, at);
              at += c.length;
            }
            chunks = [];
          }
          return { size, sha256: await sha256Hex(whole), source: bytesSource(whole) };
        },
        async commit() {
          if (!whole) throw new Error('commit before finish');
          files.set(key, whole);
        },
        async abort() {
          chunks = [];
          whole = undefined;
        },
      };
    },
    size: () => files.size,
  };
}
