// The part of `@ipr/client` the elements use, re-exported so components import it from one place.
// One meaning for every name: `IprClient` is the client surface of docs/CONTRACT.md (a
// `createIprClient` client or a host's own wrapper; holderProfiles, events and
// complaints.exportStatus may be missing), and `unwrap` throws `IprApiError`, an Error with
// `code`, `status` and `issues` that the elements' error view renders.
export { IprApiError, isApiError, unwrap } from '@ipr/client';
export type {
  ApiError,
  ApiResult,
  CallOptions,
  EventsApi,
  HolderProfilesApi,
  IprClient,
  LiveState,
  StatusExport,
  StatusExportQuery,
  TransparencyReport,
} from '@ipr/client';
/** One event of `GET /v1/events` (a complaint the caller can see was created or changed). */
export type { ComplaintEvent } from '@ipr/validators';
