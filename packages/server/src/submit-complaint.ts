// Submitting a complaint (`POST /v1/complaints`): the Idempotency-Key first (a replay answers the
// complaint the key made), then the validators' rules, then, in one transaction, the duplicate
// check and the write.
import {
  type Complaint,
  DECLARATION_VERSION,
  duplicateKey,
  issue,
  validateComplaintDraft,
  type Issue,
} from '@ipr/validators';
import { problem, refused } from './problem.js';
import { withProfileHolder } from './profiles.js';
import { complaintOr404, json, type RouteContext } from './route.js';
import {
  claimSubmission,
  draftEvidenceIds,
  holderDocumentIssues,
  idempotencyKey,
  insertComplaint,
  type KeyRecord,
  lockSubmissions,
  ownEvidence,
  productsByUrl,
} from './store/index.js';
import { canonicalJson, sha256Hex } from './util.js';

export async function createComplaint({ c, deps, account, body }: RouteContext): Promise<Response> {
  const key = c.req.header('idempotency-key')?.trim();
  if (!key) throw problem('field.required', ['headers', 'Idempotency-Key']);
  if (key.length > 255) throw problem('field.too_long', ['headers', 'Idempotency-Key'], { limit: 255 });
  const { db } = deps;
  const hash = await sha256Hex(canonicalJson(body));

  const replay = async (held: KeyRecord) => {
    if (held.bodyHash !== hash) throw problem('idempotency.key_reused', ['headers', 'Idempotency-Key']);
    if (!held.complaintId) throw problem('idempotency.in_progress', ['headers', 'Idempotency-Key']);
    return json(await complaintOr404(deps, account, held.complaintId), 200, { 'idempotent-replayed': 'true' });
  };
  const known = await idempotencyKey(db, account.id, key);
  if (known) return replay(known);

  const now = deps.now();
  // A saved holder profile named by `holder.profileId` stands in for the holder sent.
  const input = await withProfileHolder(db, account.id, body);
  const own = await ownEvidence(db, account.id, draftEvidenceIds(input));
  const result = validateComplaintDraft(input, {
    evidence: new Map([...own].map(([id, r]) => [id, { id, kind: r.kind }])),
    now,
  });
  if (!result.ok) throw refused(result.issues);
  // The declaration confirmed is the wording this server presents: its version is DECLARATION_VERSION,
  // whatever version the client sent (the receipt must not record a version nobody was shown).
  const draft = result.value.declaration
    ? { ...result.value, declaration: { ...result.value.declaration, version: DECLARATION_VERSION } }
    : result.value;
  const issues: Issue[] = holderDocumentIssues(draft, own);
  const products = await productsByUrl(db, draft.productLinks);
  draft.productLinks.forEach((url, i) => {
    if (!products.has(url)) issues.push(issue('links.not_found', ['productLinks', i], { value: url }));
  });
  if (issues.length) throw refused(issues);
  const dupKey = duplicateKey(draft);

  /** The new complaint, or the record of the key when another request holds it. */
  const made = await db.transaction(async (tx): Promise<Complaint | KeyRecord> => {
    await lockSubmissions(db, tx, account.id);
    // After the key (a replay answers first); refusing rolls the claim back, so the key stays usable.
    const claim = await claimSubmission(tx, {
      accountId: account.id,
      key,
      bodyHash: hash,
      at: now,
      duplicateKey: dupKey,
    });
    if (claim.kind === 'held') return claim.record;
    if (claim.kind === 'duplicate')
      throw problem('complaint.duplicate', ['productLinks'], { number: claim.number, id: claim.id });
    return insertComplaint(tx, {
      account,
      draft,
      products: draft.productLinks.map((u) => products.get(u)!),
      evidence: own,
      at: now,
      duplicateKey: dupKey,
      sequence: claim.sequence,
      idempotencyKey: key,
    });
  });
  // Another request holds the key (it committed while this one waited): answer as its replay.
  if (!('id' in made)) return replay(made);
  deps.bus.notify();
  return json(made, 201, { location: `/v1/complaints/${made.id}` });
}
