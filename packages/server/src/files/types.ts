/** Where evidence bytes live: outside the database, under keys the server chooses. */
export interface FileStore {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
}

/** Keys are server-made: letters, digits, '-' and '_' only, so they can never name a path. */
export function assertKey(key: string): void {
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(key)) throw new Error(`invalid file key: ${key}`);
}
