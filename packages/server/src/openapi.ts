import * as z from 'zod/mini';
import { NAMED_SCHEMAS, REQUEST_BODY_NAMES, TRANSITIONS } from '@ipr/validators';
import type { RouteDef } from './route.js';
import { ROUTES } from './routes.js';
import { QUERY_DESCRIPTIONS, SERVER_SCHEMAS } from './schemas.js';

type Json = Record<string, unknown>;

/** Request bodies are documented as what a client may send (defaults optional, extra keys allowed). */
const REQUEST_BODIES = new Set<string>([...REQUEST_BODY_NAMES, 'PictureMatchBody']);

const PROBLEM_TEXT: Record<number, string> = {
  400: 'Malformed JSON or a wrong content type (`request.invalid_json`)',
  401: 'Missing or unknown bearer token (`auth.unauthorized`)',
  403: "The caller's role may not do this (`auth.forbidden`, `transition.forbidden`)",
  404: 'Not found, or not visible to the caller (`resource.not_found`)',
  409: "The complaint's status does not allow this (`transition.not_allowed`), the same Idempotency-Key is still in progress (`idempotency.in_progress`), or an open complaint of the caller already has the same type and links (`complaint.duplicate`, params `number`, `id`)",
  413: 'The body is over the limit (`evidence.too_large`, `request.too_large`)',
  422: 'The input breaks a rule: every issue with its code and path',
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function strip(schema: Json): Json {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

function componentSchemas(): Record<string, Json> {
  const all: Record<string, z.core.$ZodType> = { ...NAMED_SCHEMAS, ...SERVER_SCHEMAS };
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(all)) registry.add(schema, { id });
  const params = { uri: (id: string) => `#/components/schemas/${id}`, unrepresentable: 'any' as const };
  const output = z.toJSONSchema(registry, { ...params, io: 'output' }).schemas;
  const input = z.toJSONSchema(registry, { ...params, io: 'input' }).schemas;
  const out: Record<string, Json> = {};
  for (const id of Object.keys(all)) out[id] = strip((REQUEST_BODIES.has(id) ? input[id] : output[id]) as Json);
  return out;
}

/** The query parameters: the properties of the query schema as JSON Schema (what a client may send). */
function queryParameters(route: RouteDef): Json[] {
  if (!route.query) return [];
  const { properties = {}, required = [] } = z.toJSONSchema(route.query, { io: 'input', unrepresentable: 'any' });
  return Object.entries(properties).map(([name, schema]) => ({
    name,
    in: 'query',
    required: required.includes(name),
    ...(QUERY_DESCRIPTIONS[name] ? { description: QUERY_DESCRIPTIONS[name] } : {}),
    schema,
  }));
}

function operation(route: RouteDef): Json {
  const parameters: Json[] = [];
  for (const m of route.path.matchAll(/\{(\w+)\}/g))
    parameters.push({ name: m[1], in: 'path', required: true, schema: { type: 'string' } });
  parameters.push(...queryParameters(route));
  for (const h of route.headers ?? [])
    parameters.push({
      name: h.name,
      in: 'header',
      required: h.required,
      description: h.description,
      schema: { type: 'string', maxLength: 255 },
    });

  const responses: Json = {};
  for (const [status, doc] of Object.entries(route.responses)) {
    const content =
      doc.schema === 'binary'
        ? { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } }
        : doc.schema === 'csv'
          ? { 'text/csv': { schema: { type: 'string' } } }
          : doc.schema === 'event-stream'
            ? {
                'text/event-stream': {
                  schema: {
                    type: 'string',
                    description: 'Server-Sent Events; each `data` line is a `ComplaintEvent` (JSON)',
                  },
                  'x-itemSchema': ref('ComplaintEvent'),
                },
              }
            : doc.schema === 'none'
              ? undefined
              : doc.schema
                ? { 'application/json': { schema: ref(doc.schema) } }
                : { 'application/json': { schema: { type: 'object' } } };
    responses[status] = {
      description: doc.description,
      ...(doc.headers
        ? {
            headers: Object.fromEntries(
              Object.entries(doc.headers).map(([k, v]) => [k, { description: v, schema: { type: 'string' } }]),
            ),
          }
        : {}),
      ...(content ? { content } : {}),
    };
  }
  const problems = [...new Set([...(route.roles === 'public' ? [] : [401]), ...route.problems])].sort();
  for (const status of problems) {
    responses[status] = {
      description: PROBLEM_TEXT[status] ?? 'Problem',
      content: { 'application/problem+json': { schema: ref('Problem') } },
    };
  }

  let description: string | undefined;
  if (route.action) {
    const rule = TRANSITIONS[route.action];
    description =
      `Action \`${route.action}\`: only a ${rule.role}, from ${rule.from.map((s) => `\`${s}\``).join(', ')}` +
      `${rule.to ? ` to \`${rule.to}\`` : ' (the status stays)'}. Other roles get 403, other statuses 409.`;
  } else if (route.roles !== 'public') {
    description = `Roles: ${route.roles.join(', ')}.`;
  }

  const op: Json = {
    operationId: route.operationId,
    summary: route.summary,
    ...(description ? { description } : {}),
    tags: [route.tag],
    security: route.roles === 'public' ? [] : [{ bearer: [] }],
  };
  if (parameters.length) op.parameters = parameters;
  if (route.body?.kind === 'json') {
    op.requestBody = {
      required: route.body.required,
      content: { 'application/json': { schema: ref(route.body.schema) } },
    };
  } else if (route.body?.kind === 'multipart') {
    op.requestBody = {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: ['file'],
            properties: {
              file: { type: 'string', format: 'binary', description: 'One file, at most 5 MiB' },
              name: {
                type: 'string',
                maxLength: 1024,
                description: "Display name (default: the file part's name); sanitised",
              },
            },
          },
        },
      },
    };
  }
  op.responses = responses;
  return op;
}

let cached: Json | undefined;

/** The OpenAPI 3.1 document of the route table and the validators' schemas. */
export function buildOpenApi(): Json {
  if (cached) return cached;
  const paths: Record<string, Json> = {};
  for (const route of ROUTES) {
    const ops = paths[route.path] ?? {};
    ops[route.method] = operation(route);
    paths[route.path] = ops;
  }
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'IPR Complaint Kit reference API',
      version: '0.1.0',
      description:
        'The executable contract of the IPR Complaint Kit. Errors are application/problem+json with stable issue codes.',
    },
    servers: [{ url: '/' }],
    tags: ['meta', 'account', 'products', 'evidence', 'complaints', 'holder-profiles', 'events'].map((name) => ({
      name,
    })),
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: componentSchemas(),
    },
  };
  return cached;
}
