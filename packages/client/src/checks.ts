// What only some calls need — the checks of an upload, a draft or a holder profile before the
// network, and the multipart sender with progress — loaded on the first such call, so a page
// that only lists complaints does not carry it (the CDN bundle's initial file stays small).
export {
  SNIFF_BYTES,
  safeDisplayName,
  validateComplaintDraft,
  validateEvidenceFile,
  validateHolderProfile,
} from '@ipr/validators';
export { sendMultipart } from './upload.js';
