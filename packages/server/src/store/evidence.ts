// Evidence files: their records (the bytes are in the FileStore), the media type each is served
// with, who may download one, and whose evidence a draft or a holder profile may name.
import { type ComplaintDraft, type EvidenceDescriptor, type Issue, issue } from '@ipr/validators';
import type { Db, Queryable } from '../db/types.js';
import { problem } from '../problem.js';
import { decodeCursor, encodeCursor, iso } from '../util.js';
import type { AccountRecord } from './accounts.js';
import { visibleSql } from './visibility.js';

export interface EvidenceRow {
  id: string;
  account_id: string;
  name: string;
  size: number;
  extension: string;
  kind: EvidenceDescriptor['kind'];
  media_type: string;
  sha256: string;
  storage_key: string;
  created_at: Date | string;
}

export const toEvidence = (row: EvidenceRow): EvidenceDescriptor => ({
  id: row.id,
  name: row.name,
  size: row.size,
  extension: row.extension,
  kind: row.kind,
  mediaType: row.media_type,
  sha256: row.sha256,
  createdAt: iso(row.created_at)!,
});

export const MEDIA_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  zip: 'application/zip',
  rar: 'application/vnd.rar',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  msg: 'application/vnd.ms-outlook',
  txt: 'text/plain; charset=utf-8',
};

export interface EvidencePage {
  items: EvidenceDescriptor[];
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

/** One page of the account's evidence, newest first (`created_at`, then id), after `cursor` when given. */
export async function listEvidence(
  db: Queryable,
  accountId: string,
  page: { limit: number; cursor?: string | undefined } = { limit: 100 },
): Promise<EvidencePage> {
  const params: unknown[] = [accountId];
  let after = '';
  if (page.cursor) {
    const parts = decodeCursor(page.cursor);
    const at = parts?.length === 2 ? new Date(parts[0]!) : null;
    const year = at?.getUTCFullYear() ?? NaN;
    if (!parts || !at || !(year >= 1970 && year <= 9999) || parts[1]!.includes('\u0000') || parts[1]!.length > 200) {
      throw problem('field.invalid_type', ['query', 'cursor']);
    }
    after = ` and (created_at, id) < ($${params.push(at.toISOString())}::timestamptz, $${params.push(parts[1])})`;
  }
  const { rows } = await db.query<EvidenceRow>(
    `select * from evidence where account_id = $1${after} order by created_at desc, id desc limit $${params.push(page.limit + 1)}`,
    params,
  );
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  return {
    items: items.map(toEvidence),
    nextCursor: rows.length > page.limit && last ? encodeCursor([iso(last.created_at)!, last.id]) : null,
  };
}

/** The bytes of evidence an account keeps (what its storage quota counts). */
export async function evidenceBytes(db: Queryable, accountId: string): Promise<number> {
  const { rows } = await db.query<{ used: string | number }>(
    'select coalesce(sum(size), 0)::bigint as used from evidence where account_id = $1',
    [accountId],
  );
  return Number(rows[0]?.used ?? 0);
}

export interface EvidenceRecord {
  id: string;
  accountId: string;
  name: string;
  size: number;
  extension: string;
  kind: string;
  sha256: string;
  storageKey: string;
  at: Date;
}

/**
 * Records an uploaded file unless the account's evidence would then exceed `quotaBytes`
 * (`evidence.quota_exceeded` with `{ limit }`). The sum and the insert are one transaction, one
 * account at a time on PostgreSQL (an advisory lock), so concurrent uploads cannot both pass.
 */
export async function insertEvidenceWithinQuota(
  db: Db,
  record: EvidenceRecord,
  quotaBytes: number | undefined,
): Promise<EvidenceDescriptor> {
  if (quotaBytes === undefined) return insertEvidence(db, record);
  return db.transaction(async (tx) => {
    if (db.dialect === 'postgres')
      await tx.query('select pg_advisory_xact_lock(7305003, hashtext($1))', [record.accountId]);
    const used = await evidenceBytes(tx, record.accountId);
    if (used + record.size > quotaBytes) throw problem('evidence.quota_exceeded', ['file'], { limit: quotaBytes });
    return insertEvidence(tx, record);
  });
}

export async function insertEvidence(db: Queryable, record: EvidenceRecord): Promise<EvidenceDescriptor> {
  const { rows } = await db.query<EvidenceRow>(
    `insert into evidence (id, account_id, name, size, extension, kind, media_type, sha256, storage_key, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning *`,
    [
      record.id,
      record.accountId,
      record.name,
      record.size,
      record.extension,
      record.kind,
      MEDIA_TYPES[record.extension] ?? 'application/octet-stream',
      record.sha256,
      record.storageKey,
      record.at.toISOString(),
    ],
  );
  return toEvidence(rows[0]!);
}

/** An evidence file the viewer may download: its owner; a supplier or the platform when it belongs to a complaint they can see. */
export async function evidenceForDownload(
  db: Queryable,
  viewer: AccountRecord,
  id: string,
): Promise<EvidenceRow | null> {
  const { rows } = await db.query<EvidenceRow>('select * from evidence where id = $1', [id]);
  const row = rows[0];
  if (!row) return null;
  if (row.account_id === viewer.id) return row;
  if (viewer.role === 'complainant') return null;
  // Attached to a complaint the viewer can see (visibleSql); a supplier never gets the holder's documents.
  const { rows: linked } = await db.query(
    `select 1 from complaint_evidence ce join complaints c on c.id = ce.complaint_id
      where ce.evidence_id = $1 and ${visibleSql(viewer, 2)}${viewer.role === 'supplier' ? ` and ce.purpose = 'evidence'` : ''}
      limit 1`,
    [id, viewer.id],
  );
  return linked.length ? row : null;
}

/**
 * The caller's own evidence records among `ids` (for `validateComplaintDraft`'s context).
 */
export async function ownEvidence(db: Queryable, accountId: string, ids: string[]): Promise<Map<string, EvidenceRow>> {
  if (!ids.length) return new Map();
  const { rows } = await db.query<EvidenceRow>(
    'select * from evidence where account_id = $1 and id = any($2::text[])',
    [accountId, ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** Holder documents must be the caller's own evidence too (the validators check only the evidence list). */
export function holderDocumentIssues(draft: Pick<ComplaintDraft, 'holder'>, own: Map<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  if (!draft.holder) return issues;
  draft.holder.identificationAttachments.forEach((id, i) => {
    if (!own.has(id)) issues.push(issue('evidence.not_found', ['holder', 'identificationAttachments', i]));
  });
  draft.holder.powerOfAttorney.forEach((id, i) => {
    if (!own.has(id)) issues.push(issue('evidence.not_found', ['holder', 'powerOfAttorney', i]));
  });
  return issues;
}
