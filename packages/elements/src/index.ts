// Classes, events and helpers; importing this registers nothing (see `@ipr/elements/define`).
export { IprElement } from './base/ipr-element.js';
export { IprApiElement } from './base/api-element.js';
export { IprFormControl } from './base/form-control.js';
export { define } from './base/define.js';
export { IprProvider } from './components/provider/provider.component.js';
export { IprProductPicker } from './components/product-picker/product-picker.component.js';
export { IprEvidencePicker } from './components/evidence-picker/evidence-picker.component.js';
export { IprComplaintForm, type FormDraft } from './components/complaint-form/complaint-form.component.js';
export { IprComplaintList } from './components/complaint-list/complaint-list.component.js';
export { IprComplaintDetail } from './components/complaint-detail/complaint-detail.component.js';
export { IprHolderProfiles } from './components/holder-profiles/holder-profiles.component.js';
export { IprWebhooks } from './components/webhooks/webhooks.component.js';
export { IprTransparencyReport } from './components/transparency-report/transparency-report.component.js';
export { holderProfilesOf, type HolderProfilesApi } from './components/holder-profiles/profiles.js';
export type { OpenComplaintRef } from './components/product-picker/product-picker.component.js';
export * from './events/index.js';
export { clientContext, localeContext, themeContext, type Theme } from './context.js';
export {
  en as messagesEn,
  loadMessages,
  type LocaleRegistration,
  type MessageOverrides,
  type Messages,
  overrideMessages,
  registerLocale,
  resolveUiLocale,
} from './i18n/index.js';
export type {
  IprClient,
  ApiResult,
  ApiError,
  ComplaintEvent,
  LiveState,
  StatusExport,
  StatusExportQuery,
} from './api.js';
export { theme as themeStyles } from './styles/theme.js';
