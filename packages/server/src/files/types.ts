import type { ByteSource } from '@ipr/validators';

/**
 * Where evidence bytes live, under keys the server chooses: a folder (one process, PGlite), memory
 * (browser, tests) or PostgreSQL (several instances on one database, files/postgres.ts). Another
 * shared store (S3-compatible) implements the same five methods: `begin` spools to a temporary
 * file for the structure checks and uploads on `commit`, `open` streams a GET of the object.
 */
export interface FileStore {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
  /**
   * The bytes as a stream (a download): read a piece at a time as the client takes them, so a
   * file is never whole in memory. Null when no file is under `key`.
   */
  open(key: string): Promise<StoredFile | null>;
  delete(key: string): Promise<void>;
  /**
   * A file written piece by piece (an upload streamed from the request): nothing is under `key`
   * until `commit()`; `abort()` (or a crash) leaves no file under it.
   */
  begin(key: string): Promise<FileUpload>;
}

/** A stored file opened for reading. */
export interface StoredFile {
  size: number;
  body: ReadableStream<Uint8Array>;
}

/** An upload being written: chunks in, then its size, SHA-256 and bytes (for checks), then commit or abort. */
export interface FileUpload {
  /** Appends a chunk (copied or written before the promise resolves; the caller may reuse it). */
  write(chunk: Uint8Array): Promise<void>;
  /** Every chunk is in: the size, the SHA-256 (hex) and random access to the bytes until commit/abort. */
  finish(): Promise<{ size: number; sha256: string; source: ByteSource }>;
  /** Makes the file durable under its key. */
  commit(): Promise<void>;
  /** Drops what was written (safe to call more than once, and after commit it does nothing). */
  abort(): Promise<void>;
}

/** Keys are server-made: letters, digits, '-' and '_' only, so they can never name a path. */
export function assertKey(key: string): void {
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(key)) throw new Error(`invalid file key: ${key}`);
}
