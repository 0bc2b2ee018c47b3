// Submitting a complaint: which evidence a draft names, the open duplicate it may repeat, and the
// write of a validated complaint with its receipt. The rules themselves are the validators'.
import {
  type ComplaintDraft,
  DECLARATION_VERSION,
  duplicateKey,
  formatComplaintNumber,
  type Product,
} from '@ipr/validators';
import type { Db, Queryable } from '../db/types.js';
import { randomId } from '../util.js';
import type { AccountRecord } from './accounts.js';
import { OPEN_STATUSES } from './complaints.js';
import type { EvidenceRow } from './evidence.js';
import { recordHistory } from './history.js';

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

/**
 * One account's submissions one at a time on PostgreSQL (for the rest of the transaction), so two
 * equal drafts cannot both pass the duplicate check. PGlite runs one transaction at a time anyway.
 */
export async function lockSubmissions(db: Db, tx: Queryable, accountId: string): Promise<void> {
  if (db.dialect === 'postgres') await tx.query('select pg_advisory_xact_lock(7305002, hashtext($1))', [accountId]);
}

/** The caller's open complaint with this duplicate key, if any (the newest). */
export async function openDuplicate(
  db: Queryable,
  accountId: string,
  key: string,
): Promise<{ id: string; number: string } | null> {
  const { rows } = await db.query<{ id: string; number: string }>(
    `select id, number from complaints where account_id = $1 and duplicate_key = $2 and status = any($3::text[])
      order by created_at desc, id desc limit 1`,
    [accountId, key, OPEN_STATUSES],
  );
  return rows[0] ?? null;
}

export interface NewComplaint {
  account: AccountRecord;
  draft: ComplaintDraft;
  products: Product[];
  evidence: Map<string, EvidenceRow>;
  at: Date;
  /** `duplicateKey(draft)` when the caller has it already. */
  duplicateKey?: string;
}

/** Writes a validated complaint with its products, evidence links and the first history record. Returns its id. */
export async function insertComplaint(tx: Queryable, input: NewComplaint): Promise<string> {
  const { account, draft, products, evidence, at } = input;
  const id = randomId('cmp_');
  const { rows } = await tx.query<{ n: number }>(`select nextval('complaint_number_seq')::int as n`);
  const number = formatComplaintNumber(at.getUTCFullYear(), rows[0]!.n);
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
  await tx.query(
    `insert into complaints (id, number, account_id, type, status, description, contact, disclose_contact, is_ipr_holder,
                             holder, declaration, arbitration, receipt, product_count, created_at, updated_at, duplicate_key)
     values ($1, $2, $3, $4, 'submitted', $5, $6::jsonb, $7, $8, $9::jsonb, $10::jsonb, null, $11::jsonb, $12, $13, $13, $14)`,
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
    ],
  );
  await tx.query(
    `insert into complaint_products (complaint_id, product_id, supplier_id, position)
     select $1, x.product_id, x.supplier_id, x.position
       from unnest($2::text[], $3::text[], $4::int[]) as x(product_id, supplier_id, position)`,
    [id, products.map((p) => p.id), products.map((p) => p.supplierId), products.map((_, i) => i)],
  );
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
  if (links.length) {
    await tx.query(
      `insert into complaint_evidence (complaint_id, evidence_id, purpose, position, original)
       select $1, x.evidence_id, x.purpose, x.position, x.original
         from unnest($2::text[], $3::text[], $4::int[], $5::boolean[]) as x(evidence_id, purpose, position, original)`,
      [
        id,
        links.map((l) => l.evidenceId),
        links.map((l) => l.purpose),
        links.map((_, i) => i),
        links.map((l) => l.original),
      ],
    );
  }
  await recordHistory(tx, id, 'create', null, 'submitted', account, at, null);
  return id;
}
