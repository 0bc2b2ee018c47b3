// The typed client: openapi-fetch over the types generated from the server's OpenAPI document,
// shaped as resources. Every call answers a value ({ data } | { error }), checks what the
// validators can check before the network, retries what is safe to retry, and can be aborted.
// This file only assembles: the transport is call.ts, each resource its module in resources/.
import { createCaller } from './call.js';
import { accountResource } from './resources/account.js';
import { complaintsResource } from './resources/complaints.js';
import { eventsResource } from './resources/events.js';
import { evidenceResource } from './resources/evidence.js';
import { holderProfilesResource } from './resources/holder-profiles.js';
import { picturesResource } from './resources/pictures.js';
import { productsResource } from './resources/products.js';
import { transparencyResource, webhooksResource } from './resources/webhooks.js';
import type { CreatedIprClient, IprClientOptions } from './types.js';

export { ACTION_ROUTES } from './resources/lifecycle.js';

export function createIprClient(options: IprClientOptions): CreatedIprClient {
  const caller = createCaller(options);
  return {
    raw: caller.api,
    account: accountResource(caller),
    products: productsResource(caller),
    evidence: evidenceResource(caller),
    complaints: complaintsResource(caller),
    holderProfiles: holderProfilesResource(caller),
    events: eventsResource(caller),
    webhooks: webhooksResource(caller),
    transparency: transparencyResource(caller),
    pictures: picturesResource(caller),
  };
}
