// What only some calls need — the checks of an upload, a draft, a holder profile, a supplier's
// response or an arbitration result before the network, and the multipart sender with progress —
// loaded on the first such call, so a page that only lists complaints does not carry it (the CDN
// bundle's initial file stays small: these are the checks that need zod).
export {
  ArbitrationResultBodySchema,
  parseWith,
  SNIFF_BYTES,
  safeDisplayName,
  validateComplaintDraft,
  validateEvidenceFile,
  validateHolderProfile,
  validateSupplierResponse,
} from '@ipr/validators';
export { sendMultipart } from './upload.js';
