import './config.js';

export * from './issues.js';
export * from './status.js';
export * from './limits.js';
export * from './links.js';
export * from './files.js';
export * from './containers.js';
export * from './lifecycle.js';
export * from './schemas.js';
export * from './draft.js';
export * from './holder.js';
export * from './duplicate.js';
export * from './receipt.js';
export * from './report.js';
export * from './response.js';
export * from './webhooks.js';
export * from './transparency.js';
export * from './webhook-signature.js';
export {
  LOCALES,
  resolveLocale,
  formatBytes,
  fillMessage,
  formatMessage,
  localizeIssue,
  issue,
  type Locale,
} from './messages/format.js';
export { en as MESSAGES_EN, enFields as FIELD_LABELS_EN } from './messages/en.js';
export { zhCN as MESSAGES_ZH_CN, zhCNFields as FIELD_LABELS_ZH_CN } from './messages/zh-CN.js';
export * from './pictures.js';
