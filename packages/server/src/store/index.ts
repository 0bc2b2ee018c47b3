// The domain on top of SQL, one module per area. Route handlers parse and authorise; these read and
// write. Rules come from @ipr/validators; refusals are issues, and the edge picks their status.
export {
  type AccountRecord,
  accountForIdentity,
  accountForToken,
  accountView,
  type ExternalIdentity,
  hashToken,
} from './accounts.js';
export {
  type ComplaintListQuery,
  complaintVersion,
  getComplaint,
  listComplaints,
  listComplaintsByMatch,
  listComplaintsVersioned,
} from './complaints.js';
export {
  evidenceForDownload,
  holderDocumentIssues,
  insertEvidence,
  listEvidence,
  ownEvidence,
} from './evidence.js';
export { idempotencyKey, type KeyRecord } from './idempotency.js';
export { applyAction } from './lifecycle.js';
export { productsByUrl, resolveLinks, searchProducts } from './products.js';
export { statusReport } from './report.js';
export {
  claimSubmission,
  draftEvidenceIds,
  draftLinks,
  insertComplaint,
  submissionContext,
  submissionLock,
} from './submission.js';
export { visibleSql } from './visibility.js';
