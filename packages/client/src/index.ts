export { createIprClient, ACTION_ROUTES } from './client.js';
export type { PicturesApi } from './pictures.js';
export type {
  IprClient,
  CreatedIprClient,
  HolderProfilesApi,
  EventsApi,
  RawClient,
  IprClientOptions,
  RetryOptions,
  UploadOptions,
  CreateOptions,
  ProductSearch,
  ComplaintQuery,
  ProductPage,
  ComplaintPage,
  StatusReportQuery,
  StatusReport,
  StatusExportQuery,
  StatusExport,
} from './types.js';
export type { TransparencyApi, TransparencyQuery, TransparencyReport, WebhooksApi } from './webhooks.js';
export { verifyWebhook } from './webhook-verify.js';
export type { VerifyWebhookOptions, WebhookPayload, WebhookVerification } from './webhook-verify.js';
export type { LiveState, SubscribeOptions, ReconnectOptions, SseMessage } from './events.js';
export type { StatusExportFormat } from './export.js';
export { IprApiError, unwrap, isApiError, errorFromProblem, errorFromIssues } from './errors.js';
export type { ApiError, ApiResult, CallOptions } from './errors.js';
export type { UploadProgress } from './upload.js';
export { importLinks, createTemplate, downloadTemplate, preloadImport } from './import/lazy.js';
export type {
  ImportOptions,
  ImportResult,
  ImportRow,
  ImportRowStatus,
  ImportSummary,
  ImportProgress,
  LinkResolver,
} from './import/index.js';
export { TEMPLATE_HEADERS, TEMPLATE_FILE_NAME } from './import/constants.js';
export { createDraftStore, createStoredDraft, newIdempotencyKey } from './drafts.js';
export type { DraftStore, DraftStoreOptions, DraftStorage, StoredDraft, DraftInput } from './drafts.js';
