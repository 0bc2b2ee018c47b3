// `client.webhooks` and `client.transparency`, with their code (../webhooks.ts) and the rules it
// checks with (the endpoint schema, the webhook URL check) loaded on the first call, as the
// pre-network checks are (call.ts): few pages use them, so the CDN bundle's initial file does not
// carry them. Every method answers as the loaded one does.
import type { Caller } from '../call.js';
import type { TransparencyApi, WebhooksApi } from '../webhooks.js';

const code = () => import('../webhooks.js');

export function webhooksResource({ api, call, refused }: Caller): WebhooksApi {
  const loaded = async () => (await code()).webhooksApi(api, call, refused);
  return {
    list: async (opts) => (await loaded()).list(opts),
    create: async (input, opts) => (await loaded()).create(input, opts),
    remove: async (id, opts) => (await loaded()).remove(id, opts),
    setEnabled: async (id, enabled, opts) => (await loaded()).setEnabled(id, enabled, opts),
    rotateSecret: async (id, opts) => (await loaded()).rotateSecret(id, opts),
    deliveries: async (id, query, opts) => (await loaded()).deliveries(id, query, opts),
    redeliver: async (id, deliveryId, opts) => (await loaded()).redeliver(id, deliveryId, opts),
  };
}

export function transparencyResource({ api, call, refused }: Caller): TransparencyApi {
  const loaded = async () => (await code()).transparencyApi(api, call, refused);
  return {
    report: async (query, opts) => (await loaded()).report(query, opts),
    csv: async (query, opts) => (await loaded()).csv(query, opts),
  };
}
