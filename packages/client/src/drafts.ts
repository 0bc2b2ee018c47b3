// Complaint drafts that survive a reload: IndexedDB in browsers (no library), a JSON file in
// Node (written atomically), or memory. The idempotency key lives with the draft: a failed
// submit keeps both, so the retry cannot create a second complaint; only clear() after a
// successful submit lets the next draft get a new key.
import type { ComplaintDraftInput, EvidenceDescriptor, FormStep } from '@ipr/validators';

import { newIdempotencyKey } from './ids.js';

export { newIdempotencyKey };

export interface StoredDraft {
  draft: Partial<ComplaintDraftInput>;
  evidence: EvidenceDescriptor[];
  step: FormStep;
  idempotencyKey: string;
  updatedAt: string;
}

/** What save() takes: the key and the time are filled in when missing. */
export type DraftInput = Omit<StoredDraft, 'idempotencyKey' | 'updatedAt'> &
  Partial<Pick<StoredDraft, 'idempotencyKey' | 'updatedAt'>>;

export interface DraftStore {
  load(): Promise<StoredDraft | null>;
  /** Saves the draft; keeps the stored idempotency key when the input has none. Returns what was stored. */
  save(d: DraftInput): Promise<StoredDraft>;
  clear(): Promise<void>;
  readonly kind: 'indexeddb' | 'memory' | 'file';
}

export type DraftStorage = 'auto' | 'indexeddb' | 'memory' | { file: string };

export interface DraftStoreOptions {
  key?: string;
  storage?: DraftStorage;
}

/** A fresh, empty draft with its own idempotency key. */
export function createStoredDraft(partial: Partial<DraftInput> = {}): StoredDraft {
  return {
    draft: partial.draft ?? {},
    evidence: partial.evidence ?? [],
    step: partial.step ?? 'basics',
    idempotencyKey: partial.idempotencyKey ?? newIdempotencyKey(),
    updatedAt: partial.updatedAt ?? new Date().toISOString(),
  };
}

function isStoredDraft(v: unknown): v is StoredDraft {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as StoredDraft;
  return (
    typeof d.draft === 'object' &&
    d.draft !== null &&
    Array.isArray(d.evidence) &&
    typeof d.step === 'string' &&
    typeof d.idempotencyKey === 'string' &&
    d.idempotencyKey !== ''
  );
}

interface Backend {
  get(): Promise<unknown>;
  put(value: StoredDraft): Promise<void>;
  del(): Promise<void>;
}

function store(kind: DraftStore['kind'], backend: Backend): DraftStore {
  // Saves are chained so two quick saves land in order.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    kind,
    load: () =>
      serial(async () => {
        const value = await backend.get();
        return isStoredDraft(value) ? value : null;
      }),
    save: (d) =>
      serial(async () => {
        let key = d.idempotencyKey;
        if (!key) {
          const current = await backend.get();
          key = isStoredDraft(current) ? current.idempotencyKey : newIdempotencyKey();
        }
        const value: StoredDraft = {
          draft: d.draft ?? {},
          evidence: d.evidence ?? [],
          step: d.step ?? 'basics',
          idempotencyKey: key,
          updatedAt: new Date().toISOString(),
        };
        await backend.put(value);
        return value;
      }),
    clear: () => serial(() => backend.del()),
  };
}

const memoryMaps = new Map<string, StoredDraft>();

function memoryBackend(key: string): Backend {
  return {
    get: async () => structuredClone(memoryMaps.get(key) ?? null),
    put: async (v) => void memoryMaps.set(key, structuredClone(v)),
    del: async () => void memoryMaps.delete(key),
  };
}

const DB_NAME = 'ipr-complaint-kit';
const DB_STORE = 'drafts';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function indexedDbBackend(key: string): Backend {
  let db: Promise<IDBDatabase> | undefined;
  const open = () =>
    (db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(DB_NAME, 1);
      r.onupgradeneeded = () => {
        if (!r.result.objectStoreNames.contains(DB_STORE)) r.result.createObjectStore(DB_STORE);
      };
      r.onsuccess = () => {
        // Another tab upgrading the database must not be blocked by us.
        r.result.onversionchange = () => {
          r.result.close();
          db = undefined;
        };
        resolve(r.result);
      };
      r.onerror = () => {
        db = undefined;
        reject(r.error);
      };
    }));
  const tx = async (mode: IDBTransactionMode) => (await open()).transaction(DB_STORE, mode).objectStore(DB_STORE);
  const finish = (t: IDBTransaction) =>
    new Promise<void>((resolve, reject) => {
      t.oncomplete = () => resolve();
      t.onerror = () => reject(t.error);
      t.onabort = () => reject(t.error);
    });
  return {
    get: async () => request((await tx('readonly')).get(key)),
    put: async (v) => {
      const s = await tx('readwrite');
      s.put(v, key);
      await finish(s.transaction);
    },
    del: async () => {
      const s = await tx('readwrite');
      s.delete(key);
      await finish(s.transaction);
    },
  };
}

// Loaded by a computed specifier so browser bundlers leave node:fs out of the bundle.
const nodeModule = <T>(name: string): Promise<T> =>
  import(/* @vite-ignore */ /* webpackIgnore: true */ name) as Promise<T>;

function fileBackend(path: string, key: string): Backend {
  type FS = typeof import('node:fs/promises');
  const fs = () => nodeModule<FS>('node:fs/promises');
  const readAll = async (): Promise<Record<string, StoredDraft>> => {
    try {
      const parsed = JSON.parse(await (await fs()).readFile(path, 'utf8'));
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : {};
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return {};
      // A damaged file loses nothing of the user's work elsewhere: start afresh beside it.
      return {};
    }
  };
  const writeAll = async (all: Record<string, StoredDraft>) => {
    const f = await fs();
    const tmp = `${path}.${newIdempotencyKey()}.tmp`;
    await f.writeFile(tmp, JSON.stringify(all, null, 2), 'utf8');
    await f.rename(tmp, path);
  };
  return {
    get: async () => (await readAll())[key] ?? null,
    put: async (v) => {
      const all = await readAll();
      all[key] = v;
      await writeAll(all);
    },
    del: async () => {
      const all = await readAll();
      if (key in all) {
        delete all[key];
        await writeAll(all);
      }
    },
  };
}

export function createDraftStore(options: DraftStoreOptions = {}): DraftStore {
  const key = options.key ?? 'default';
  const storage = options.storage ?? 'auto';
  if (typeof storage === 'object' && storage && typeof storage.file === 'string')
    return store('file', fileBackend(storage.file, key));
  const hasIdb = typeof indexedDB !== 'undefined';
  if (storage === 'indexeddb' && !hasIdb)
    throw new Error('IndexedDB is not available here; use storage: "memory" or { file }');
  if (storage === 'indexeddb' || (storage === 'auto' && hasIdb)) return store('indexeddb', indexedDbBackend(key));
  return store('memory', memoryBackend(key));
}
