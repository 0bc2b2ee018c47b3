// Webhook endpoints with a delivery log for the stories, made through the real API in the page. The
// delivery worker is the server's own (`createWebhookWorker`); its sender stands in for two
// receivers: one that answers 200 and one that is down (503), so the log shows both endings.
import { createWebhookWorker } from '@ipr/server';
import { clientFor, ok, TOKENS, type InMemoryApi } from './api';

const UP = 'https://crm.aurora.example/hooks/ipr';
const DOWN = 'https://old-crm.aurora.example/hooks/ipr';

let made: Promise<void> | undefined;

/** Complainant A's two endpoints, an event of A's (a forward by the platform) delivered to one and dead at the other. */
export function demoWebhooks(api: InMemoryApi): Promise<void> {
  made ??= (async () => {
    const a = clientFor(api, TOKENS.complainantA);
    const platform = clientFor(api, TOKENS.platform);
    const have = (await ok(a.webhooks!.list())).items;
    if (!have.some((e) => e.url === UP)) {
      await ok(a.webhooks!.create({ url: UP, description: 'CRM sync' }));
      await ok(a.webhooks!.create({ url: DOWN, description: 'Old CRM', events: ['complaint.forwarded'] }));
    }
    const submitted = (await ok(a.complaints.list({ status: 'submitted', limit: 1 }))).items[0];
    if (submitted) await ok(platform.complaints.forward(submitted.id));
    const worker = createWebhookWorker({
      db: api.db,
      send: async ({ url }) => (url === DOWN ? { status: 503, error: null } : { status: 200, error: null }),
      retryScheduleMs: [0, 0],
    });
    for (let i = 0; i < 4; i++) await worker.runOnce();
  })();
  return made;
}
