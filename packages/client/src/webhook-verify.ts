// `@ipr/client/webhooks`: what a partner's backend needs to receive our webhooks, without the rest
// of the client. The signature scheme is the validators' (the server signs with the same code).
export {
  verifyWebhook,
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_LIMITS,
  type VerifyWebhookOptions,
  type WebhookEventType,
  type WebhookPayload,
  type WebhookVerification,
} from '@ipr/validators';
