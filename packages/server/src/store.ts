// The domain on top of SQL: accounts, products, evidence, complaints and their lifecycle.
// Route handlers parse and authorise; these functions read and write. Rules come from
// @ipr/validators, never from here.
import {
  ArbitrationResultBodySchema,
  DECLARATION_VERSION,
  TRANSITIONS,
  validateSupplierResponse,
  LIMITS,
  allowedActions,
  analyzeProductLinks,
  checkProduct,
  duplicateKey,
  formatComplaintNumber,
  isOpenStatus,
  issue,
  nextStatus,
  parseWith,
  validateReason,
  STATUSES,
  type Account,
  type Action,
  type Complaint,
  type ComplaintDraft,
  type ComplaintSummary,
  type Contact,
  type EvidenceDescriptor,
  type Issue,
  type Product,
  type ProductStatus,
  type ResolvedLink,
  type Role,
  type Status,
  type StatusReportRow,
  type SupplierResponse,
} from '@ipr/validators';
import type { Db, Queryable } from './db/types.js';
import { ApiProblem, notFound, problem, unprocessable } from './problem.js';
import { PRODUCT_COLUMNS, PRODUCT_FROM, thumbnailFor, toProduct, type ProductRow } from './catalogue.js';
import { decodeCursor, encodeCursor, iso, randomId, sha256Hex } from './util.js';

export interface AccountRecord {
  id: string;
  role: Role;
  displayName: string;
  contact: Contact;
}

interface AccountRow {
  id: string;
  role: Role;
  display_name: string;
  contact: Contact;
}

const toAccount = (row: AccountRow): AccountRecord => ({
  id: row.id,
  role: row.role,
  displayName: row.display_name,
  contact: row.contact,
});

export const hashToken = (token: string) => sha256Hex(`ipr-token:${token}`);

/** The account a bearer token belongs to, or null. Tokens are stored only as hashes. */
export async function accountForToken(db: Queryable, token: string): Promise<AccountRecord | null> {
  if (!token || token.length > 512) return null;
  const { rows } = await db.query<AccountRow>(
    'select id, role, display_name, contact from accounts where token_hash = $1',
    [await hashToken(token)],
  );
  return rows[0] ? toAccount(rows[0]) : null;
}

export function accountView(account: AccountRecord): Account {
  return { id: account.id, role: account.role, displayName: account.displayName, contact: account.contact };
}

// ───────────────────────────── products ─────────────────────────────

export interface ProductPage {
  items: Product[];
  total: number;
  page: number;
  pageSize: number;
}

const CJK_CHAR = '\\u3040-\\u30ff\\u3400-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff';
const RUNS = new RegExp(`[${CJK_CHAR}]+|[^\\s${CJK_CHAR}\\p{P}\\p{S}]+`, 'gu');
const CJK_RUN = new RegExp(`^[${CJK_CHAR}]+$`, 'u');

/** Above this many matches, results are listed in catalogue order rather than ranked (bounded work). */
export const RANKED_SEARCH_LIMIT = 5000;

/**
 * The tsquery for a search text: each latin word as a prefix (`lam` finds "Lamp"); each run of
 * Chinese/Japanese/Korean as its character bigrams (the index holds unigrams and bigrams, see
 * migration 2). Only letters and digits reach the tsquery, so user text is never tsquery syntax.
 * Runs of 3+ CJK characters are rechecked as substrings (their bigrams could be apart).
 */
export function searchTerms(q: string): { tsquery: string | null; substrings: string[]; terms: number } {
  const terms = new Set<string>();
  const substrings: string[] = [];
  for (const run of q.toLowerCase().match(RUNS) ?? []) {
    const word = run.replace(/[^\p{L}\p{N}]/gu, '');
    if (!word) continue;
    if (CJK_RUN.test(word)) {
      const chars = [...word];
      if (chars.length === 1) terms.add(word);
      for (let i = 0; i + 1 < chars.length; i++) terms.add(chars[i]! + chars[i + 1]!);
      if (chars.length >= 3) substrings.push(word);
    } else {
      terms.add(`${word}:*`);
    }
  }
  const list = [...terms].slice(0, 16);
  return { tsquery: list.length ? list.join(' & ') : null, substrings: substrings.slice(0, 4), terms: list.length };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

/**
 * Name search: words on the GIN-indexed tsvector (prefixes, CJK bigrams), ranked with ts_rank
 * (listed products first); when that finds nothing, a substring match on the name (served by the
 * trigram index where pg_trgm is available, e.g. "amp" inside "Lamp").
 */
export async function searchProducts(db: Queryable, q: string, page: number, pageSize: number): Promise<ProductPage> {
  const text = q.trim().slice(0, 500);
  const offset = (page - 1) * pageSize;
  const empty = { items: [], total: 0, page, pageSize };
  if (!text) return empty;
  const { tsquery, substrings, terms } = searchTerms(text);
  if (tsquery) {
    const params: unknown[] = [tsquery];
    const recheck = substrings.map((s) => ` and p.name ilike $${params.push(`%${escapeLike(s)}%`)}`).join('');
    const where = `p.search @@ to_tsquery('simple', $1)${recheck}`;
    const { rows: counted } = await db.query<{ n: number }>(
      `select count(*)::int as n from products p where ${where}`,
      params,
    );
    const total = counted[0]?.n ?? 0;
    if (total > 0) {
      if (offset >= total) return { ...empty, total };
      const ranked = terms > 1 && total <= RANKED_SEARCH_LIMIT;
      const order = ranked
        ? `p.listed desc, ts_rank(p.search, to_tsquery('simple', $1)) desc, p.id`
        : 'p.listed desc, p.id';
      const { rows } = await db.query<ProductRow>(
        `select ${PRODUCT_COLUMNS} from ${PRODUCT_FROM} where ${where} order by ${order} limit $${params.length + 1} offset $${params.length + 2}`,
        [...params, pageSize, offset],
      );
      return { items: rows.map(toProduct), total, page, pageSize };
    }
    if (substrings.length || new RegExp(`[${CJK_CHAR}]`, 'u').test(text)) return empty;
  }
  const like = `%${escapeLike(text)}%`;
  const { rows: counted } = await db.query<{ n: number }>(
    `select count(*)::int as n from products p where p.name ilike $1`,
    [like],
  );
  const total = counted[0]?.n ?? 0;
  if (total === 0 || offset >= total) return { ...empty, total };
  const { rows } = await db.query<ProductRow>(
    `select ${PRODUCT_COLUMNS} from ${PRODUCT_FROM} where p.name ilike $1
      order by p.listed desc, (p.name ilike $2) desc, length(p.name), p.id limit $3 offset $4`,
    [like, `${escapeLike(text)}%`, pageSize, offset],
  );
  return { items: rows.map(toProduct), total, page, pageSize };
}

export async function productsByUrl(db: Queryable, urls: string[]): Promise<Map<string, Product>> {
  if (!urls.length) return new Map();
  const { rows } = await db.query<ProductRow>(
    `select ${PRODUCT_COLUMNS} from ${PRODUCT_FROM} where p.url = any($1::text[])`,
    [urls],
  );
  return new Map(rows.map((r) => [r.url, toProduct(r)]));
}

/** The statuses of an open complaint (the validators' `isOpenStatus`). */
const OPEN_STATUSES = STATUSES.filter((s) => isOpenStatus(s));

/** The caller's open complaints that list these products, by product id. */
async function openComplaintsFor(
  db: Queryable,
  accountId: string,
  productIds: string[],
): Promise<Map<string, { id: string; number: string }>> {
  if (!productIds.length) return new Map();
  const { rows } = await db.query<{ product_id: string; id: string; number: string }>(
    `select cp.product_id, c.id, c.number from complaint_products cp join complaints c on c.id = cp.complaint_id
      where c.account_id = $1 and c.status = any($2::text[]) and cp.product_id = any($3::text[])
      order by c.created_at desc`,
    [accountId, OPEN_STATUSES, productIds],
  );
  const found = new Map<string, { id: string; number: string }>();
  for (const r of rows) if (!found.has(r.product_id)) found.set(r.product_id, { id: r.id, number: r.number });
  return found;
}

/** One answer per input link, in order: the per-row view of the picker and the sheet import. */
export async function resolveLinks(
  db: Queryable,
  account: AccountRecord,
  links: readonly unknown[],
): Promise<ResolvedLink[]> {
  const analysis = analyzeProductLinks(links);
  const urls = analysis.items.filter((i) => i.status === 'ok').map((i) => i.url!);
  const products = await productsByUrl(db, urls);
  const open = await openComplaintsFor(
    db,
    account.id,
    [...products.values()].map((p) => p.id),
  );
  return analysis.items.map((item) => {
    const out: ResolvedLink = {
      index: item.index,
      input: item.input,
      status: item.status === 'ok' ? 'found' : item.status,
    };
    if (item.url) out.url = item.url;
    if (item.duplicateOf !== undefined) out.duplicateOf = item.duplicateOf;
    if (item.status === 'ok') {
      const product = products.get(item.url!);
      if (!product) out.status = 'not_found';
      else {
        out.product = product;
        const complaint = open.get(product.id);
        if (complaint) out.openComplaint = complaint;
      }
    }
    return out;
  });
}

// ───────────────────────────── evidence ─────────────────────────────

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

export async function listEvidence(db: Queryable, accountId: string): Promise<EvidenceDescriptor[]> {
  const { rows } = await db.query<EvidenceRow>(
    'select * from evidence where account_id = $1 order by created_at desc, id desc',
    [accountId],
  );
  return rows.map(toEvidence);
}

export async function insertEvidence(
  db: Queryable,
  record: {
    id: string;
    accountId: string;
    name: string;
    size: number;
    extension: string;
    kind: string;
    sha256: string;
    storageKey: string;
    at: Date;
  },
): Promise<EvidenceDescriptor> {
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
  if (viewer.role === 'platform') {
    const { rows: linked } = await db.query('select 1 from complaint_evidence where evidence_id = $1 limit 1', [id]);
    return linked.length ? row : null;
  }
  if (viewer.role === 'supplier') {
    const { rows: linked } = await db.query(
      `select 1 from complaint_evidence ce
        where ce.evidence_id = $1 and ce.purpose = 'evidence'
          and exists (select 1 from complaint_products cp where cp.complaint_id = ce.complaint_id and cp.supplier_id = $2)
        limit 1`,
      [id, viewer.id],
    );
    return linked.length ? row : null;
  }
  return null;
}

// ───────────────────────────── complaints ─────────────────────────────

interface ComplaintRow {
  id: string;
  number: string;
  account_id: string;
  type: Complaint['type'];
  status: Status;
  description: string;
  contact: Contact;
  disclose_contact: boolean;
  is_ipr_holder: boolean;
  holder: Complaint['holder'];
  arbitration: Complaint['arbitration'];
  receipt: Complaint['receipt'];
  product_count: number;
  created_at: Date | string;
  updated_at: Date | string;
}

/** Which complaints a viewer may see, as SQL on alias `c` with the viewer's id as parameter `$n`. */
export function visibleSql(viewer: AccountRecord, n: number): string {
  switch (viewer.role) {
    case 'complainant':
      return `c.account_id = $${n}`;
    case 'supplier':
      return `exists (select 1 from complaint_products v where v.complaint_id = c.id and v.supplier_id = $${n})`;
    case 'platform':
      return `($${n}::text is not null)`;
  }
}

export async function getComplaint(db: Queryable, viewer: AccountRecord, id: string): Promise<Complaint | null> {
  const { rows } = await db.query<ComplaintRow>(
    `select c.* from complaints c where c.id = $1 and ${visibleSql(viewer, 2)}`,
    [id, viewer.id],
  );
  const c = rows[0];
  if (!c) return null;
  const supplierOnly = viewer.role === 'supplier';
  const [products, evidence, history] = await Promise.all([
    db.query<
      ProductRow & {
        status: ProductStatus;
        supplier_response: SupplierResponse | null;
        supplier_statement: string | null;
        checked_at: Date | string | null;
      }
    >(
      `select p.id, p.url, p.name, cp.supplier_id, a.display_name as supplier_name, p.category, p.listed,
              cp.status, cp.supplier_response, cp.supplier_statement, cp.checked_at
         from complaint_products cp join products p on p.id = cp.product_id join accounts a on a.id = cp.supplier_id
        where cp.complaint_id = $1 ${supplierOnly ? 'and cp.supplier_id = $2' : ''}
        order by cp.position`,
      supplierOnly ? [id, viewer.id] : [id],
    ),
    db.query<EvidenceRow & { original: boolean }>(
      `select e.*, ce.original from complaint_evidence ce join evidence e on e.id = ce.evidence_id
        where ce.complaint_id = $1 and ce.purpose = 'evidence' order by ce.position`,
      [id],
    ),
    db.query<{
      action: string;
      from_status: Status | null;
      to_status: Status;
      actor_id: string;
      actor_role: Role;
      actor_name: string;
      at: Date | string;
      reason: string | null;
    }>('select * from complaint_history where complaint_id = $1 order by seq', [id]),
  ]);
  return {
    id: c.id,
    number: c.number,
    type: c.type,
    status: c.status,
    description: c.description,
    complainantId: c.account_id,
    contact: supplierOnly && !c.disclose_contact ? null : c.contact,
    discloseContactToSupplier: c.disclose_contact,
    isIprHolder: c.is_ipr_holder,
    // A supplier learns who holds the right, not the holder's identity documents or numbers.
    holder: c.holder
      ? supplierOnly
        ? { ...c.holder, identificationNumber: '', identificationAttachments: [], powerOfAttorney: [] }
        : c.holder
      : null,
    products: products.rows.map((p) => ({
      productId: p.id,
      url: p.url,
      name: p.name,
      supplierId: p.supplier_id,
      supplierName: p.supplier_name,
      thumbnailUrl: thumbnailFor(p.category),
      status: p.status,
      supplierResponse: p.supplier_response,
      supplierStatement: p.supplier_statement,
      checkedAt: iso(p.checked_at),
    })),
    evidence: evidence.rows.map((e) => ({ ...toEvidence(e), original: e.original })),
    // Another supplier's answers (and so its involvement) are not this supplier's business.
    history: history.rows
      .filter((h) => !(supplierOnly && h.actor_role === 'supplier' && h.actor_id !== viewer.id))
      .map((h) => ({
        action: h.action as Complaint['history'][number]['action'],
        from: h.from_status,
        to: h.to_status,
        actor: { id: h.actor_id, role: h.actor_role, name: h.actor_name },
        at: iso(h.at)!,
        reason: h.reason,
      })),
    arbitration: c.arbitration ?? null,
    // The receipt is the complainant's (it lists every supplier's products).
    receipt: supplierOnly ? null : (c.receipt ?? null),
    allowedActions: allowedActions(c.status, viewer.role),
    createdAt: iso(c.created_at)!,
    updatedAt: iso(c.updated_at)!,
  };
}

export interface ComplaintListQuery {
  status?: Status;
  type?: Complaint['type'];
  q?: string;
  cursor?: string;
  limit: number;
  page?: number;
}

/** The list's filters on alias `c`: visible to the viewer (`$1`), then status, type and number search (pushed on `params`). */
function complaintFilters(
  viewer: AccountRecord,
  query: Pick<ComplaintListQuery, 'status' | 'type' | 'q'>,
  params: unknown[],
): string[] {
  const where = [visibleSql(viewer, params.push(viewer.id))];
  if (query.status) where.push(`c.status = $${params.push(query.status)}`);
  if (query.type) where.push(`c.type = $${params.push(query.type)}`);
  if (query.q?.trim()) where.push(`c.number ilike $${params.push(`%${escapeLike(query.q.trim())}%`)}`);
  return where;
}

export async function listComplaints(
  db: Queryable,
  viewer: AccountRecord,
  query: ComplaintListQuery,
): Promise<{ items: ComplaintSummary[]; total: number; nextCursor: string | null }> {
  const params: unknown[] = [];
  const filter = complaintFilters(viewer, query, params).join(' and ');
  const countParams = [...params];
  let page = '';
  if (query.cursor) {
    const parts = decodeCursor(query.cursor);
    const at = parts?.length === 2 ? new Date(parts[0]!) : null;
    const year = at?.getUTCFullYear() ?? NaN;
    if (!parts || !at || !(year >= 1970 && year <= 9999) || parts[1]!.includes('\u0000') || parts[1]!.length > 200) {
      throw problem(422, 'field.invalid_type', ['cursor']);
    }
    page = ` and (c.created_at, c.id) < ($${params.push(at.toISOString())}::timestamptz, $${params.push(parts[1])})`;
  }
  const offset = !query.cursor && query.page ? (query.page - 1) * query.limit : 0;
  const productCount =
    viewer.role === 'supplier'
      ? `(select count(*)::int from complaint_products s where s.complaint_id = c.id and s.supplier_id = $1)`
      : 'c.product_count';
  const [list, count] = await Promise.all([
    db.query<ComplaintRow & { visible_count: number }>(
      `select c.id, c.number, c.type, c.status, c.created_at, c.updated_at, ${productCount} as visible_count
         from complaints c where ${filter}${page}
        order by c.created_at desc, c.id desc limit $${params.push(query.limit + 1)} offset $${params.push(offset)}`,
      params,
    ),
    db.query<{ n: number }>(`select count(*)::int as n from complaints c where ${filter}`, countParams),
  ]);
  const rows = list.rows.slice(0, query.limit);
  const last = rows[rows.length - 1];
  return {
    items: rows.map((r) => ({
      id: r.id,
      number: r.number,
      type: r.type,
      status: r.status,
      productCount: r.visible_count,
      createdAt: iso(r.created_at)!,
      updatedAt: iso(r.updated_at)!,
    })),
    total: count.rows[0]?.n ?? 0,
    nextCursor: list.rows.length > query.limit && last ? encodeCursor([iso(last.created_at)!, last.id]) : null,
  };
}

/**
 * The bulk status report: one row per product of every complaint the viewer can see (a supplier:
 * only its own products), newest complaint first, products in their order; the list's filters.
 * At most `LIMITS.maxReportRows`; `truncated` says there were more.
 */
export async function statusReport(
  db: Queryable,
  viewer: AccountRecord,
  query: Pick<ComplaintListQuery, 'status' | 'type' | 'q'>,
  maxRows: number = LIMITS.maxReportRows,
): Promise<{ rows: StatusReportRow[]; truncated: boolean }> {
  const params: unknown[] = [];
  const where = complaintFilters(viewer, query, params);
  if (viewer.role === 'supplier') where.push('cp.supplier_id = $1');
  const { rows } = await db.query<{
    number: string;
    type: Complaint['type'];
    status: Status;
    created_at: Date | string;
    updated_at: Date | string;
    url: string;
    name: string;
    product_status: ProductStatus;
    supplier_response: SupplierResponse | null;
  }>(
    `select c.number, c.type, c.status, c.created_at, c.updated_at, p.url, p.name, cp.status as product_status, cp.supplier_response
       from complaints c join complaint_products cp on cp.complaint_id = c.id join products p on p.id = cp.product_id
      where ${where.join(' and ')}
      order by c.created_at desc, c.id desc, cp.position
      limit $${params.push(maxRows + 1)}`,
    params,
  );
  const truncated = rows.length > maxRows;
  return {
    rows: rows.slice(0, maxRows).map((r) => ({
      number: r.number,
      type: r.type,
      status: r.status,
      createdAt: iso(r.created_at)!,
      updatedAt: iso(r.updated_at)!,
      productUrl: r.url,
      productName: r.name,
      productStatus: r.product_status,
      supplierResponse: r.supplier_response,
    })),
    truncated,
  };
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

async function recordHistory(
  tx: Queryable,
  complaintId: string,
  action: string,
  from: Status | null,
  to: Status,
  actor: AccountRecord,
  at: Date,
  reason: string | null,
) {
  // History seqs are the ids of the live events (GET /v1/events resumes after the last one seen), so
  // they must become visible in seq order: on PostgreSQL two transactions could otherwise commit seq
  // 11 before seq 10, and a stream that already passed 11 would never send 10. Holding this lock from
  // the insert to the commit (it is the transaction's last statement) makes commit order seq order.
  await tx.query('select pg_advisory_xact_lock(7305004)');
  await tx.query(
    `insert into complaint_history (complaint_id, action, from_status, to_status, actor_id, actor_role, actor_name, at, reason)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [complaintId, action, from, to, actor.id, actor.role, actor.displayName, at.toISOString(), reason],
  );
}

/**
 * One lifecycle action, in a transaction with the complaint row locked: visibility (404), then the
 * validators' transition rule (403 for the wrong role, 409 for the wrong status), then the body (422).
 */
export async function applyAction(
  db: Db,
  viewer: AccountRecord,
  id: string,
  action: Action,
  body: unknown,
  at: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<ComplaintRow>(
      `select c.* from complaints c where c.id = $1 and ${visibleSql(viewer, 2)} for update`,
      [id, viewer.id],
    );
    const c = rows[0];
    if (!c) throw notFound();
    const next = nextStatus(c.status, action, viewer.role);
    if (!next.ok) throw new ApiProblem(next.issues[0]!.code === 'transition.forbidden' ? 403 : 409, next.issues);
    let to: Status = next.value;
    let reason: string | null = null;
    let arbitration = c.arbitration ?? null;
    const when = at.toISOString();
    const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;

    switch (action) {
      case 'cancel':
      case 'request_arbitration': {
        const r = validateReason(b.reason, TRANSITIONS[action].reason);
        if (!r.ok) throw unprocessable(r.issues);
        reason = r.value;
        if (action === 'request_arbitration')
          arbitration = { reason: reason!, requestedAt: when, decision: null, notice: null, decidedAt: null };
        break;
      }
      case 'issue_result': {
        const parsed = parseWith(ArbitrationResultBodySchema, body);
        if (!parsed.ok) throw unprocessable(parsed.issues);
        const notice = validateReason(parsed.value.notice, true);
        if (!notice.ok) throw unprocessable(notice.issues.map((i) => ({ ...i, path: ['notice'] })));
        reason = notice.value;
        arbitration = {
          ...(arbitration ?? { reason: '', requestedAt: when }),
          decision: parsed.value.decision,
          notice: notice.value,
          decidedAt: when,
        };
        break;
      }
      case 'check': {
        const { rows: products } = await tx.query<{
          product_id: string;
          listed: boolean;
          supplier_response: SupplierResponse | null;
        }>(
          `select cp.product_id, p.listed, cp.supplier_response from complaint_products cp join products p on p.id = cp.product_id where cp.complaint_id = $1`,
          [id],
        );
        const statuses = products.map((p) => checkProduct({ listed: p.listed, response: p.supplier_response }));
        await tx.query(
          `update complaint_products cp set status = x.status, checked_at = $2
             from unnest($3::text[], $4::text[]) as x(product_id, status)
            where cp.complaint_id = $1 and cp.product_id = x.product_id`,
          [id, when, products.map((p) => p.product_id), statuses],
        );
        break;
      }
      case 'respond': {
        to = await applyResponse(tx, viewer, id, body, c.status, to);
        break;
      }
      case 'forward_to_supplier':
      case 'confirm_close':
        break;
    }
    await tx.query('update complaints set status = $2, arbitration = $3::jsonb, updated_at = $4 where id = $1', [
      id,
      to,
      arbitration ? JSON.stringify(arbitration) : null,
      when,
    ]);
    await recordHistory(tx, id, action, c.status, to, viewer, at, reason);
  });
}

/**
 * A supplier's answer for its own products. "Removed" takes the listing down. The complaint moves
 * on once every product has an answer (two suppliers may share one complaint).
 */
async function applyResponse(
  tx: Queryable,
  viewer: AccountRecord,
  id: string,
  body: unknown,
  from: Status,
  to: Status,
): Promise<Status> {
  const parsed = validateSupplierResponse(body);
  if (!parsed.ok) throw unprocessable(parsed.issues);
  const answers = parsed.value.products;
  const { rows: own } = await tx.query<{ product_id: string }>(
    'select product_id from complaint_products where complaint_id = $1 and supplier_id = $2',
    [id, viewer.id],
  );
  const mine = new Set(own.map((r) => r.product_id));
  const issues: Issue[] = [];
  answers.forEach((a, i) => {
    if (!mine.has(a.productId))
      issues.push(
        issue('response.unknown_product', ['products', i, 'productId'], { productId: a.productId.slice(0, 64) }),
      );
  });
  if (issues.length) throw unprocessable(issues);
  const last = new Map(answers.map((a) => [a.productId, a]));
  const list = [...last.values()];
  await tx.query(
    `update complaint_products cp set supplier_response = x.response, supplier_statement = nullif(x.statement, '')
       from unnest($2::text[], $3::text[], $4::text[]) as x(product_id, response, statement)
      where cp.complaint_id = $1 and cp.product_id = x.product_id`,
    [id, list.map((a) => a.productId), list.map((a) => a.response), list.map((a) => (a.statement ?? '').trim())],
  );
  const removed = list.filter((a) => a.response === 'removed').map((a) => a.productId);
  if (removed.length)
    await tx.query('update products set listed = false where id = any($1::text[]) and supplier_id = $2', [
      removed,
      viewer.id,
    ]);
  const { rows: pending } = await tx.query(
    'select 1 from complaint_products where complaint_id = $1 and supplier_response is null limit 1',
    [id],
  );
  return pending.length ? from : to;
}
