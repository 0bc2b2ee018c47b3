// The routes of webhooks (a complainant's partner integration) and of the transparency figures (the
// platform). Mounted by routes.ts like every other block; nothing here imports a `node:` module.
import { transparencyCsv } from '@ipr/validators';
import { problem } from '../problem.js';
import { json, route, type RouteDef } from '../route.js';
import { TransparencyQuerySchema, WebhookDeliveryQuerySchema } from '../schemas.js';
import { transparencyFigures } from '../store/transparency.js';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  redeliverWebhook,
  rotateWebhookSecret,
  updateWebhookEndpoint,
} from './store.js';

/** The period of the figures: `to` defaults to now, `from` to the first day of the month a year before. */
function period(query: { from?: string | undefined; to?: string | undefined }, now: Date): { from: Date; to: Date } {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(Date.UTC(to.getUTCFullYear() - 1, to.getUTCMonth(), 1));
  if (from.getTime() >= to.getTime()) throw problem('field.invalid_date', ['query', 'from'], { to: to.toISOString() });
  return { from, to };
}

export const WEBHOOK_ROUTES: RouteDef[] = [
  route({
    method: 'get',
    path: '/v1/webhooks',
    operationId: 'listWebhookEndpoints',
    summary: "The caller's webhook endpoints, newest first, with their pending and dead deliveries (never the secret)",
    tag: 'webhooks',
    roles: ['complainant'],
    responses: { 200: { description: 'The endpoints', schema: 'WebhookEndpointList' } },
    problems: [403],
    async handler({ deps, account }) {
      return json({ items: await listWebhookEndpoints(deps.db, account.id, deps.now()) });
    },
  }),
  route({
    method: 'post',
    path: '/v1/webhooks',
    operationId: 'createWebhookEndpoint',
    summary:
      'Register an endpoint for events of your complaints (https, a public host). The answer holds its signing secret (`whsec_…`), shown only this once',
    tag: 'webhooks',
    roles: ['complainant'],
    body: { kind: 'json', schema: 'WebhookEndpointInput', required: true },
    responses: { 201: { description: 'The endpoint with its secret', schema: 'WebhookEndpointCreated' } },
    problems: [400, 403, 413, 422],
    async handler({ deps, account, body }) {
      const created = await createWebhookEndpoint(deps.db, account.id, body, deps.now(), {
        allowPrivate: deps.webhooks?.allowPrivate ?? false,
        ...(deps.webhooks?.secrets ? { secrets: deps.webhooks.secrets } : {}),
      });
      return json(created, 201, { location: `/v1/webhooks/${created.id}` });
    },
  }),
  route({
    method: 'delete',
    path: '/v1/webhooks/{id}',
    operationId: 'deleteWebhookEndpoint',
    summary: 'Remove an endpoint with its queued deliveries and log',
    tag: 'webhooks',
    roles: ['complainant'],
    responses: { 204: { description: 'Removed', schema: 'none' } },
    problems: [403, 404],
    async handler({ deps, account, params }) {
      await deleteWebhookEndpoint(deps.db, account.id, params.id!);
      return new Response(null, { status: 204 });
    },
  }),
  route({
    method: 'patch',
    path: '/v1/webhooks/{id}',
    operationId: 'updateWebhookEndpoint',
    summary:
      'Enable or disable an endpoint. Disabled, it is queued no events and its pending deliveries wait; enabled again, they go at once',
    tag: 'webhooks',
    roles: ['complainant'],
    body: { kind: 'json', schema: 'WebhookEndpointPatch', required: true },
    responses: { 200: { description: 'The endpoint', schema: 'WebhookEndpoint' } },
    problems: [400, 403, 404, 422],
    async handler({ deps, account, params, body }) {
      const endpoint = await updateWebhookEndpoint(deps.db, account.id, params.id!, body, deps.now());
      if (endpoint.enabled && endpoint.pending) deps.webhooks?.wake?.();
      return json(endpoint);
    },
  }),
  route({
    method: 'post',
    path: '/v1/webhooks/{id}/rotate-secret',
    operationId: 'rotateWebhookSecret',
    summary:
      'A new signing secret, shown only in this answer; for 24 hours deliveries carry a signature by the previous secret too',
    tag: 'webhooks',
    roles: ['complainant'],
    responses: { 200: { description: 'The endpoint with its new secret', schema: 'WebhookEndpointCreated' } },
    problems: [403, 404],
    async handler({ deps, account, params }) {
      return json(await rotateWebhookSecret(deps.db, account.id, params.id!, deps.now(), deps.webhooks?.secrets));
    },
  }),
  route({
    method: 'get',
    path: '/v1/webhooks/{id}/deliveries',
    operationId: 'listWebhookDeliveries',
    summary: "An endpoint's delivery log: the latest deliveries (50 by default), each with its last attempts",
    tag: 'webhooks',
    roles: ['complainant'],
    query: WebhookDeliveryQuerySchema,
    queryInts: ['limit'],
    responses: { 200: { description: 'Deliveries, newest event first', schema: 'WebhookDeliveryList' } },
    problems: [403, 404, 422],
    async handler({ deps, account, params, query }) {
      return json({ items: await listWebhookDeliveries(deps.db, account.id, params.id!, query.limit ?? 50) });
    },
  }),
  route({
    method: 'post',
    path: '/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver',
    operationId: 'redeliverWebhook',
    summary: 'Send a delivery again now (the same webhook-id and payload; its retries start over)',
    tag: 'webhooks',
    roles: ['complainant'],
    responses: { 202: { description: 'Queued', schema: 'none' } },
    problems: [403, 404],
    async handler({ deps, account, params }) {
      await redeliverWebhook(deps.db, account.id, params.id!, params.deliveryId!, deps.now());
      deps.webhooks?.wake?.();
      return new Response(null, { status: 202 });
    },
  }),
  route({
    method: 'get',
    path: '/v1/transparency',
    operationId: 'transparencyReport',
    summary:
      'Notice-and-action figures (EU DSA Art. 15, 24) for complaints submitted in a period: by type and month, median and p90 hours to forward, to supplier response and to close, outcomes',
    tag: 'transparency',
    roles: ['platform'],
    query: TransparencyQuerySchema,
    responses: { 200: { description: 'The figures', schema: 'TransparencyReport' } },
    problems: [403, 422],
    async handler({ deps, query }) {
      const { from, to } = period(query, deps.now());
      return json(await transparencyFigures(deps.db, from, to));
    },
  }),
  route({
    method: 'get',
    path: '/v1/transparency.csv',
    operationId: 'transparencyReportCsv',
    summary: 'The same figures as CSV: `section,key,value`, one figure a row',
    tag: 'transparency',
    roles: ['platform'],
    query: TransparencyQuerySchema,
    responses: {
      200: {
        description: 'CSV (UTF-8, CRLF)',
        schema: 'csv',
        headers: { 'Content-Disposition': 'attachment; filename="transparency-<from>-<to>.csv"' },
      },
    },
    problems: [403, 422],
    async handler({ deps, query }) {
      const { from, to } = period(query, deps.now());
      const report = await transparencyFigures(deps.db, from, to);
      const name = `transparency-${report.from.slice(0, 10)}-${report.to.slice(0, 10)}.csv`;
      return new Response(transparencyCsv(report), {
        status: 200,
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${name}"`,
        },
      });
    },
  }),
];
