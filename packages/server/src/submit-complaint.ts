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
  draftLinks,
  holderDocumentIssues,
  insertComplaint,
  type KeyRecord,
  ownEvidence,
  productsByUrl,
  submissionContext,
  submissionLock,
} from './store/index.js';
import { canonicalJson, sha256Hex, sha256HexSyncFast } from './util.js';

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
  // One round trip reads the key, the evidence and the products the body names.
  const context = await submissionContext(db, {
    accountId: account.id,
    key,
    evidenceIds: draftEvidenceIds(body),
    links: draftLinks(body),
  });
  if (context.key) return replay(context.key);

  const now = deps.now();
  // A saved holder profile named by `holder.profileId` stands in for the holder sent.
  const input = await withProfileHolder(db, account.id, body);
  const own = input === body ? context.evidence : await ownEvidence(db, account.id, draftEvidenceIds(input));
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
  // Links sent in another form than the validators' normalised one are looked up now.
  const products = context.products;
  const unread = draft.productLinks.filter((url) => !products.has(url));
  if (unread.length) for (const [url, p] of await productsByUrl(db, unread)) products.set(url, p);
  draft.productLinks.forEach((url, i) => {
    if (!products.has(url)) issues.push(issue('links.not_found', ['productLinks', i], { value: url }));
  });
  if (issues.length) throw refused(issues);
  const dupKey = duplicateKey(draft, undefined, sha256HexSyncFast);

  /** The new complaint, or the record of the key when another request holds it. */
  const made = await db.transaction(
    async (tx): Promise<Complaint | KeyRecord> => {
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
    },
    { advisoryLock: submissionLock(account.id, dupKey) },
  );
  // Another request holds the key (it committed while this one waited): answer as its replay.
  if (!('id' in made)) return replay(made);
  deps.bus.notify();
  return json(made, 201, { location: `/v1/complaints/${made.id}` });
}
