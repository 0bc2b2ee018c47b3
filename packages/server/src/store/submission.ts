// Submitting a complaint: which evidence a draft names, the open duplicate it may repeat, and the
// write of a validated complaint with its receipt. The rules themselves are the validators'.
import {
  allowedActions,
  type Complaint,
  type ComplaintDraft,
  DECLARATION_VERSION,
  duplicateKey,
  formatComplaintNumber,
  LIMITS,
  type Product,
} from '@ipr/validators';
import type { Queryable } from '../db/types.js';
import { PRODUCT_COLUMNS, PRODUCT_FROM, type ProductRow, toProduct } from '../catalogue.js';
import { randomId, sha256HexSyncFast } from '../util.js';
import type { AccountRecord } from './accounts.js';
import { OPEN_STATUSES } from './complaints.js';
import { type EvidenceRow, toEvidence } from './evidence.js';
import { historyCtes } from './history.js';
import { idempotencyKey, type KeyRecord } from './idempotency.js';

/** Every evidence id a draft mentions: the evidence list and the holder's documents. */
export function draftEvidenceIds(input: unknown): string[] {
  const ids = new Set<string>();
  const take = (list: unknown, pick: (x: unknown) => unknown) => {
    if (Array.isArray(list))
      for (const x of list.slice(0, 100)) {
        const id = pick(x);
        if (typeof id === 'string') ids.add(id);
      }
  };
  if (input && typeof input === 'object') {
    const d = input as Record<string, unknown>;
    take(d.evidence, (x) => (x && typeof x === 'object' ? (x as Record<string, unknown>).id : undefined));
    const h = d.holder as Record<string, unknown> | null | undefined;
    if (h && typeof h === 'object') {
      take(h.identificationAttachments, (x) => x);
      take(h.powerOfAttorney, (x) => x);
    }
  }
  return [...ids];
}

/** What a submission needs read before it is validated, read in one round trip. */
export interface SubmissionContext {
  /** The caller's record of the Idempotency-Key, or null when the key is new. */
  key: KeyRecord | null;
  /** The caller's own evidence among the ids asked for. */
  evidence: Map<string, EvidenceRow>;
  /** Catalogue products among the links asked for, by link as stored. */
  products: Map<string, Product>;
}

/**
 * The key's record, the caller's evidence and the catalogue products a draft names, in one
 * statement (three reads were three round trips). Links are looked up as sent: the validators'
 * normalised form of a link sent otherwise is looked up after validation.
 *
 * The arrays are read through `array(select unnest(…))`: with `= any($n)` PostgreSQL planned the
 * prepared statement anew on every call (a custom plan knows the array's length, so it always looked
 * cheaper than the generic one): 0.2 ms of database CPU per create. Read this way both plans estimate
 * alike and the generic plan is kept after five calls (pg_prepared_statements).
 */
export async function submissionContext(
  db: Queryable,
  input: { accountId: string; key: string; evidenceIds: string[]; links: string[] },
): Promise<SubmissionContext> {
  const { rows } = await db.query<{
    key: { body_hash: string; complaint_id: string | null } | null;
    evidence: EvidenceRow[];
    products: ProductRow[];
  }>(
    `select (select json_build_object('body_hash', body_hash, 'complaint_id', complaint_id)
               from idempotency_keys where account_id = $1 and key = $2) as key,
            coalesce((select json_agg(e) from evidence e where e.account_id = $1 and e.id = any(array(select unnest($3::text[])))), '[]') as evidence,
            coalesce((select json_agg(x) from (select ${PRODUCT_COLUMNS} from ${PRODUCT_FROM}
                                                where p.url = any(array(select unnest($4::text[])))) x), '[]')
              as products`,
    [input.accountId, input.key, input.evidenceIds, input.links],
  );
  const row = rows[0]!;
  return {
    key: row.key ? { bodyHash: row.key.body_hash, complaintId: row.key.complaint_id } : null,
    evidence: new Map(row.evidence.map((e) => [e.id, e])),
    products: new Map(row.products.map((p) => [p.url, toProduct(p)])),
  };
}

/** The links a draft's body names, as sent (at most the validators' limit), for {@link submissionContext}. */
export function draftLinks(input: unknown): string[] {
  const links = input && typeof input === 'object' ? (input as Record<string, unknown>).productLinks : undefined;
  if (!Array.isArray(links)) return [];
  return links.slice(0, LIMITS.maxProductLinks).filter((l): l is string => typeof l === 'string');
}

/**
 * The advisory lock that makes equal drafts of one account wait for one another (for the rest of the
 * transaction), so two of them cannot both pass the duplicate check; different drafts, even of one
 * account, do not wait. Taken by `db.transaction` in the round trip that begins it (the claim's
 * snapshot must be taken after the lock is held). PGlite runs one transaction at a time anyway.
 */
export function submissionLock(accountId: string, duplicateKey: string): [number, number] {
  return [7305002, Number.parseInt(sha256HexSyncFast(`${accountId}\n${duplicateKey}`).slice(0, 8), 16) | 0];
}

/** What claiming an Idempotency-Key found: the key is ours (with the new complaint's sequence), held, or the draft repeats an open complaint. */
export type Claim =
  | { kind: 'claimed'; sequence: number }
  | { kind: 'held'; record: KeyRecord }
  | { kind: 'duplicate'; id: string; number: string };

/**
 * One statement: claims the key (`on conflict do nothing`: on PostgreSQL a concurrent claim waits
 * for the first to commit), finds the caller's open complaint with this duplicate key, and only
 * when the key is ours and there is none, draws the complaint's sequence number (so refusals leave
 * no gap). A refusal rolls the claim back with the transaction, so the key stays usable.
 */
export async function claimSubmission(
  tx: Queryable,
  input: { accountId: string; key: string; bodyHash: string; at: Date; duplicateKey: string },
): Promise<Claim> {
  const { rows } = await tx.query<{
    claimed: boolean;
    body_hash: string | null;
    complaint_id: string | null;
    dup_id: string | null;
    dup_number: string | null;
    n: string | number | null;
  }>(
    `with claim as (
       insert into idempotency_keys (account_id, key, body_hash, created_at) values ($1, $2, $3, $4)
       on conflict (account_id, key) do nothing returning key),
     dup as (
       select id, number from complaints where account_id = $1 and duplicate_key = $5 and status = any($6::text[])
        order by created_at desc, id desc limit 1)
     select exists (select 1 from claim) as claimed, k.body_hash, k.complaint_id, d.id as dup_id, d.number as dup_number,
            case when exists (select 1 from claim) and d.id is null then nextval('complaint_number_seq') end as n
       from (select 1) as one
       left join dup d on true
       left join idempotency_keys k on k.account_id = $1 and k.key = $2`,
    [input.accountId, input.key, input.bodyHash, input.at.toISOString(), input.duplicateKey, OPEN_STATUSES],
  );
  const row = rows[0]!;
  if (!row.claimed) {
    // The holder committed after this statement's snapshot was taken (it waited on the claim): read it now.
    const record =
      row.body_hash !== null
        ? { bodyHash: row.body_hash, complaintId: row.complaint_id }
        : (await idempotencyKey(tx, input.accountId, input.key))!;
    return { kind: 'held', record };
  }
  if (row.dup_id) return { kind: 'duplicate', id: row.dup_id, number: row.dup_number! };
  return { kind: 'claimed', sequence: Number(row.n) };
}

export interface NewComplaint {
  account: AccountRecord;
  draft: ComplaintDraft;
  products: Product[];
  evidence: Map<string, EvidenceRow>;
  at: Date;
  /** `duplicateKey(draft)` when the caller has it already. */
  duplicateKey?: string;
  /** The sequence `claimSubmission` drew; drawn here when absent (the seed). */
  sequence?: number;
  /** The Idempotency-Key claimed for it, settled in the same statement. */
  idempotencyKey?: string;
}

/**
 * Writes a validated complaint with its products, evidence links, key and first history record in one
 * statement (set-wise inserts, however many products). Returns the complaint as its
 * owner sees it, built from what was written (no read back).
 */
export async function insertComplaint(tx: Queryable, input: NewComplaint): Promise<Complaint> {
  const { account, draft, products, evidence, at } = input;
  const id = randomId('cmp_');
  const sequence =
    input.sequence ??
    Number((await tx.query<{ n: number }>(`select nextval('complaint_number_seq')::int as n`)).rows[0]!.n);
  const number = formatComplaintNumber(at.getUTCFullYear(), sequence);
  const when = at.toISOString();
  const refs = draft.evidence.filter((r, i, all) => all.findIndex((x) => x.id === r.id) === i);
  const receipt = {
    number,
    submittedAt: when,
    declarationVersion: draft.declaration?.version || DECLARATION_VERSION,
    products: products.map((p) => ({ productId: p.id, url: p.url })),
    evidence: refs.map((r) => ({ id: r.id, name: evidence.get(r.id)!.name, sha256: evidence.get(r.id)!.sha256 })),
  };
  // The declaration as confirmed: which wording (version), by whom, when.
  const declaration = draft.declaration ? { ...draft.declaration, acceptedBy: account.id, acceptedAt: when } : null;
  const links: { evidenceId: string; purpose: string; original: boolean }[] = refs.map((r) => ({
    evidenceId: r.id,
    purpose: 'evidence',
    original: r.original === true,
  }));
  for (const [purpose, list] of [
    ['identification', draft.holder?.identificationAttachments ?? []],
    ['power_of_attorney', draft.holder?.powerOfAttorney ?? []],
  ] as const) {
    for (const evidenceId of new Set(list)) links.push({ evidenceId, purpose, original: false });
  }
  // Foreign keys are checked at the end of the statement, so the rows may reference one another. The
  // first history record is appended by the same statement (its CTEs' parameters follow ours).
  const history = historyCtes(21, {
    complaintId: id,
    action: 'create',
    from: null,
    to: 'submitted',
    actor: account,
    at,
    reason: null,
    complaint: { number, accountId: account.id },
  });
  await tx.query(
    `with complaint as (
       insert into complaints (id, number, account_id, type, status, description, contact, disclose_contact, is_ipr_holder,
                               holder, declaration, arbitration, receipt, product_count, created_at, updated_at, duplicate_key)
       values ($1, $2, $3, $4, 'submitted', $5, $6::jsonb, $7, $8, $9::jsonb, $10::jsonb, null, $11::jsonb, $12, $13, $13, $14)),
     products as (
       insert into complaint_products (complaint_id, product_id, supplier_id, position)
       select $1, x.product_id, x.supplier_id, x.position - 1
         from unnest($15::text[], $16::text[]) with ordinality as x(product_id, supplier_id, position)),
     evidence as (
       insert into complaint_evidence (complaint_id, evidence_id, purpose, position, original)
       select $1, x.evidence_id, x.purpose, x.position - 1, x.original
         from unnest($17::text[], $18::text[], $19::boolean[]) with ordinality as x(evidence_id, purpose, original, position)),
     keyed as (update idempotency_keys set complaint_id = $1 where account_id = $3 and key = $20),
     ${history.sql}
     select seq from history`,
    [
      id,
      number,
      account.id,
      draft.type,
      draft.description,
      JSON.stringify(draft.contact),
      draft.discloseContactToSupplier,
      draft.isIprHolder,
      draft.holder ? JSON.stringify(draft.holder) : null,
      declaration ? JSON.stringify(declaration) : null,
      JSON.stringify(receipt),
      products.length,
      when,
      input.duplicateKey ?? duplicateKey(draft),
      products.map((p) => p.id),
      products.map((p) => p.supplierId),
      links.map((l) => l.evidenceId),
      links.map((l) => l.purpose),
      links.map((l) => l.original),
      input.idempotencyKey ?? null,
      ...history.params,
    ],
  );
  return {
    id,
    number,
    type: draft.type,
    status: 'submitted',
    description: draft.description,
    complainantId: account.id,
    contact: draft.contact,
    discloseContactToSupplier: draft.discloseContactToSupplier,
    isIprHolder: draft.isIprHolder,
    holder: draft.holder ?? null,
    products: products.map((p) => ({
      productId: p.id,
      url: p.url,
      name: p.name,
      supplierId: p.supplierId,
      supplierName: p.supplierName,
      thumbnailUrl: p.thumbnailUrl,
      status: 'pending',
      supplierResponse: null,
      supplierStatement: null,
      checkedAt: null,
    })),
    evidence: refs.map((r) => ({ ...toEvidence(evidence.get(r.id)!), original: r.original === true })),
    history: [
      {
        action: 'create',
        from: null,
        to: 'submitted',
        actor: { id: account.id, role: account.role, name: account.displayName },
        at: when,
        reason: null,
      },
    ],
    arbitration: null,
    receipt,
    allowedActions: allowedActions('submitted', account.role),
    createdAt: when,
    updatedAt: when,
  };
}
