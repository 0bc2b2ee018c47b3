// Webhook endpoints and their delivery log in SQL. Registration checks the validators' URL rule;
// `queueWebhooksSql` queues one delivery per subscribed endpoint in the transaction of the history
// record it announces (in the same statement). Refusals are issues; the edge picks their status.
import {
  generateWebhookSecret,
  parseWith,
  validateWebhookUrl,
  WEBHOOK_EVENT_BY_ACTION,
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_LIMITS,
  WebhookEndpointInputSchema,
  WebhookEndpointPatchSchema,
  type WebhookDelivery,
  type WebhookEndpoint,
  type WebhookEndpointCreated,
  type WebhookEventType,
  type WebhookPayload,
} from '@ipr/validators';
import type { Db, Queryable } from '../db/types.js';
import { plainSecrets, type SecretBox } from './secret-box.js';
import { notFound, problem, refused } from '../problem.js';
import { iso, randomId } from '../util.js';

interface EndpointRow {
  id: string;
  url: string;
  description: string;
  events: string[];
  created_at: Date | string;
  pending: number | string;
  dead: number | string;
  enabled: boolean;
  previous_secret_until: Date | string | null;
}

const endpointView = (r: EndpointRow, now: Date): WebhookEndpoint => ({
  id: r.id,
  url: r.url,
  description: r.description,
  events: r.events as WebhookEventType[],
  createdAt: iso(r.created_at)!,
  pending: Number(r.pending),
  dead: Number(r.dead),
  enabled: r.enabled,
  previousSecretExpiresAt:
    r.previous_secret_until && new Date(r.previous_secret_until).getTime() > now.getTime()
      ? iso(r.previous_secret_until)
      : null,
});

const ENDPOINT_COLUMNS = `e.id, e.url, e.description, e.events, e.created_at, e.enabled, e.previous_secret_until,
  (select count(*) from webhook_deliveries d where d.endpoint_id = e.id and d.state = 'pending') as pending,
  (select count(*) from webhook_deliveries d where d.endpoint_id = e.id and d.state = 'dead') as dead`;

export async function listWebhookEndpoints(
  db: Queryable,
  accountId: string,
  now: Date = new Date(),
): Promise<WebhookEndpoint[]> {
  return endpointsWhere(db, 'e.account_id = $1', [accountId], now);
}

/** The endpoints matching `where` (parameters `params`), newest first, as the API shows them. */
async function endpointsWhere(db: Queryable, where: string, params: unknown[], now: Date): Promise<WebhookEndpoint[]> {
  const { rows } = await db.query<EndpointRow>(
    `select ${ENDPOINT_COLUMNS} from webhook_endpoints e where ${where} order by e.created_at desc, e.id desc`,
    params,
  );
  return rows.map((r) => endpointView(r, now));
}

/**
 * Registers an endpoint: the URL by `validateWebhookUrl` (private hosts only when `allowPrivate`),
 * at most `WEBHOOK_LIMITS.maxEndpoints` per account. The answer carries the secret, shown only here.
 */
export async function createWebhookEndpoint(
  db: Db,
  accountId: string,
  body: unknown,
  now: Date,
  options: { allowPrivate: boolean; secrets?: SecretBox },
): Promise<WebhookEndpointCreated> {
  const parsed = parseWith(WebhookEndpointInputSchema, body);
  if (!parsed.ok) throw refused(parsed.issues);
  const url = validateWebhookUrl(parsed.value.url, { allowPrivate: options.allowPrivate });
  if (!url.ok) throw refused(url.issues);
  const events = parsed.value.events?.length ? [...new Set(parsed.value.events)] : [...WEBHOOK_EVENT_TYPES];
  const secret = generateWebhookSecret();
  const id = randomId('wh_');
  const stored = await (options.secrets ?? plainSecrets).seal(secret, id);
  await db.transaction(async (tx) => {
    // Counted under a lock of the account's row, so two registrations at once cannot pass the limit.
    await tx.query('select 1 from accounts where id = $1 for update', [accountId]);
    const { rows } = await tx.query<{ n: number | string }>(
      'select count(*) as n from webhook_endpoints where account_id = $1',
      [accountId],
    );
    if (Number(rows[0]?.n ?? 0) >= WEBHOOK_LIMITS.maxEndpoints)
      throw problem('webhook.endpoint_limit', [], { limit: WEBHOOK_LIMITS.maxEndpoints });
    await tx.query(
      `insert into webhook_endpoints (id, account_id, url, description, events, secret, created_at)
       values ($1, $2, $3, $4, $5::text[], $6, $7)`,
      [id, accountId, url.value, (parsed.value.description ?? '').trim(), events, stored, now.toISOString()],
    );
  });
  return {
    id,
    url: url.value,
    description: (parsed.value.description ?? '').trim(),
    events,
    createdAt: now.toISOString(),
    pending: 0,
    dead: 0,
    enabled: true,
    previousSecretExpiresAt: null,
    secret,
  };
}

async function endpointOf(db: Queryable, accountId: string, id: string, now: Date): Promise<WebhookEndpoint> {
  const [endpoint] = await endpointsWhere(db, 'e.id = $1 and e.account_id = $2', [id, accountId], now);
  if (!endpoint) throw notFound();
  return endpoint;
}

/**
 * Enables or disables an endpoint. Disabled, it is queued no event (they are not kept for it) and
 * its pending deliveries wait, their retry clock stopped; enabled again, those are sent at once.
 */
export async function updateWebhookEndpoint(
  db: Queryable,
  accountId: string,
  id: string,
  body: unknown,
  now: Date,
): Promise<WebhookEndpoint> {
  const parsed = parseWith(WebhookEndpointPatchSchema, body);
  if (!parsed.ok) throw refused(parsed.issues);
  const { rows } = await db.query<{ was: boolean }>(
    `update webhook_endpoints e set enabled = $3
       from (select enabled from webhook_endpoints where id = $1 and account_id = $2) old
      where e.id = $1 and e.account_id = $2 returning old.enabled as was`,
    [id, accountId, parsed.value.enabled],
  );
  if (!rows[0]) throw notFound();
  // Re-enabled: what waited is due now (it was not attempted while disabled).
  if (parsed.value.enabled && !rows[0].was)
    await db.query(
      `update webhook_deliveries set next_attempt_at = $2 where endpoint_id = $1 and state = 'pending' and next_attempt_at > $2`,
      [id, now.toISOString()],
    );
  return endpointOf(db, accountId, id, now);
}

/**
 * A new signing secret, shown only in this answer. The previous one keeps signing too (a second
 * signature in `webhook-signature`) for `WEBHOOK_LIMITS.secretOverlapHours`, so a receiver can
 * move to the new secret without refusing a delivery; a second rotation ends the first overlap.
 */
export async function rotateWebhookSecret(
  db: Queryable,
  accountId: string,
  id: string,
  now: Date,
  secrets?: SecretBox,
): Promise<WebhookEndpointCreated> {
  const secret = generateWebhookSecret();
  const until = new Date(now.getTime() + WEBHOOK_LIMITS.secretOverlapHours * 3_600_000);
  const { rows } = await db.query(
    `update webhook_endpoints set previous_secret = secret, previous_secret_until = $3, secret = $4
      where id = $1 and account_id = $2 returning id`,
    [id, accountId, until.toISOString(), await (secrets ?? plainSecrets).seal(secret, id)],
  );
  if (!rows.length) throw notFound();
  return { ...(await endpointOf(db, accountId, id, now)), secret };
}

export async function deleteWebhookEndpoint(db: Queryable, accountId: string, id: string): Promise<void> {
  const { rows } = await db.query('delete from webhook_endpoints where id = $1 and account_id = $2 returning id', [
    id,
    accountId,
  ]);
  if (!rows.length) throw notFound();
}

async function ownEndpoint(db: Queryable, accountId: string, id: string): Promise<void> {
  const { rows } = await db.query('select 1 from webhook_endpoints where id = $1 and account_id = $2', [id, accountId]);
  if (!rows.length) throw notFound();
}

interface DeliveryRow {
  id: string;
  event_type: string;
  complaint_id: string;
  state: WebhookDelivery['state'];
  attempts: number;
  created_at: Date | string;
  next_attempt_at: Date | string | null;
  payload: string;
  last_attempts: { at: string; status: number | null; error: string | null; duration_ms: number }[] | null;
}

/** An endpoint's deliveries, newest event first, each with its last attempts. */
export async function listWebhookDeliveries(
  db: Queryable,
  accountId: string,
  endpointId: string,
  limit: number,
): Promise<WebhookDelivery[]> {
  await ownEndpoint(db, accountId, endpointId);
  const { rows } = await db.query<DeliveryRow>(
    `select d.id, d.event_type, d.complaint_id, d.state, d.attempts, d.created_at, d.next_attempt_at, d.payload,
            (select json_agg(json_build_object('at', a.at, 'status', a.status, 'error', a.error, 'duration_ms', a.duration_ms) order by a.n desc)
               from (select * from webhook_attempts a where a.delivery_id = d.id order by a.n desc limit $3) a) as last_attempts
       from webhook_deliveries d where d.endpoint_id = $1 and exists (select 1 from webhook_endpoints e where e.id = $1 and e.account_id = $2)
      order by d.seq desc limit $4`,
    [endpointId, accountId, WEBHOOK_LIMITS.attemptsShown, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    type: r.event_type as WebhookEventType,
    complaintId: r.complaint_id,
    state: r.state,
    attempts: r.attempts,
    createdAt: iso(r.created_at)!,
    nextAttemptAt: r.state === 'pending' ? iso(r.next_attempt_at) : null,
    payload: r.payload,
    lastAttempts: (r.last_attempts ?? []).map((a) => ({
      at: iso(a.at)!,
      status: a.status,
      error: a.error,
      durationMs: a.duration_ms,
    })),
  }));
}

/**
 * Queues a delivery again now, with the same id and payload (a receiver that stored the id drops
 * it as a repeat); its retry schedule starts over. Dead and delivered ones alike.
 */
export async function redeliverWebhook(
  db: Queryable,
  accountId: string,
  endpointId: string,
  deliveryId: string,
  now: Date,
): Promise<void> {
  const { rows } = await db.query(
    `update webhook_deliveries d set state = 'pending', attempts = 0, next_attempt_at = $4, claimed_until = null
      where d.id = $3 and d.endpoint_id = $2
        and exists (select 1 from webhook_endpoints e where e.id = d.endpoint_id and e.account_id = $1)
      returning d.id`,
    [accountId, endpointId, deliveryId, now.toISOString()],
  );
  if (!rows.length) throw notFound();
}

/**
 * The statement (a data-modifying CTE of the history insert, so a create or an action pays no round
 * trip for it) that queues a history record's event for every endpoint of the complaint's owner
 * taking its type. `history` names the CTE returning the new record's `seq`; the parameters named
 * by `$n` hold the complaint id, the event type, the payload without number and seq (filled from the
 * rows) and the time. It commits with the record, so no event is lost with a restart. A complaint
 * inserted by the same statement is not visible to it: the create names its number and owner too.
 */
export function queueWebhooksSql(
  history: string,
  p: { complaintId: number; type: number; payload: number; at: number; number?: number; accountId?: number },
): string {
  const complaint =
    p.number !== undefined && p.accountId !== undefined
      ? `(select $${p.complaintId}::text as id, $${p.number}::text as number, $${p.accountId}::text as account_id)`
      : 'complaints';
  return `insert into webhook_deliveries (id, endpoint_id, complaint_id, seq, event_type, payload, state, next_attempt_at, created_at)
     select 'msg_' || md5(e.id || ':' || h.seq::text), e.id, c.id, h.seq, $${p.type},
            jsonb_set(jsonb_set($${p.payload}::jsonb, '{data,number}', to_jsonb(c.number)), '{data,seq}', to_jsonb(h.seq))::text,
            'pending', $${p.at}::timestamptz, $${p.at}::timestamptz
       from ${history} h
       join ${complaint} c on c.id = $${p.complaintId}
       join webhook_endpoints e on e.account_id = c.account_id and e.enabled and $${p.type} = any(e.events)
     on conflict (endpoint_id, seq) do nothing`;
}

/** The payload of a history record's event, its number and seq left for {@link queueWebhooksSql}. */
export function webhookPayloadTemplate(event: {
  complaintId: string;
  action: keyof typeof WEBHOOK_EVENT_BY_ACTION;
  from: string | null;
  to: string;
  at: Date;
}): { type: WebhookPayload['type']; payload: string } {
  const type = WEBHOOK_EVENT_BY_ACTION[event.action];
  const payload: WebhookPayload = {
    type,
    timestamp: event.at.toISOString(),
    data: {
      id: event.complaintId,
      number: '',
      status: event.to,
      previousStatus: event.from,
      action: event.action,
      seq: 0,
    },
  };
  return { type, payload: JSON.stringify(payload) };
}
