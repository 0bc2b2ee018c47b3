import type { Issue, Product } from '@ipr/validators';

export type ImportRowStatus =
  | 'ok'
  | 'empty'
  | 'not_url'
  | 'not_product_link'
  | 'duplicate'
  | 'over_limit'
  | 'formula'
  | 'not_found';

export interface ImportRow {
  /** 1-based row of the sheet, as a spreadsheet program shows it. */
  row: number;
  input: string;
  status: ImportRowStatus;
  url?: string;
  product?: Product;
  duplicateOfRow?: number;
  issue?: Issue;
  openComplaint?: { id: string; number: string };
}

export interface ImportSummary {
  /** Rows reported (read and classified). */
  total: number;
  valid: number;
  invalid: number;
  byStatus: Record<string, number>;
  /** Rows past the read limit that were not read at all (a 100,000-row sheet is not read to its end). */
  unreadRows: number;
}

export type ImportResult =
  | {
      ok: true;
      rows: ImportRow[];
      valid: ImportRow[];
      invalid: ImportRow[];
      summary: ImportSummary;
      /** The link column that was used. */
      column: { index: number; header: string | null; sheet: string };
      /** Set when resolving against the API failed; the rows are then as classified locally. */
      resolveError?: import('../errors.js').ApiError;
    }
  | { ok: false; issues: Issue[] };

export type ImportPhase = 'read' | 'parse' | 'validate' | 'resolve';
export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
}

/** What the parser (worker or in-thread) hands back. */
export type ParseOutcome =
  | {
      ok: true;
      rows: ImportRow[];
      unreadRows: number;
      column: { index: number; header: string | null; sheet: string };
      ms: number;
    }
  | { ok: false; issues: Issue[] };
