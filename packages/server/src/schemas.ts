import * as z from 'zod/mini';
import {
  ComplaintSortSchema,
  ComplaintSummarySchema,
  ComplaintTypeSchema,
  EvidenceDescriptorSchema,
  HolderProfileSchema,
  LIMITS,
  PICTURE_SCHEMAS,
  ProductSchema,
  ResolvedLinkSchema,
  StatusReportRowSchema,
  StatusSchema,
  WebhookDeliverySchema,
  WebhookEndpointSchema,
} from '@ipr/validators';

// The envelopes and query parameters of the HTTP API, built from the validators' schemas.

const count = z.number().check(z.int(), z.minimum(0));

/** `largeAttachmentEmail`: where files too large to upload may be sent instead (when configured). */
export const HealthSchema = z.object({ ok: z.literal(true), largeAttachmentEmail: z.optional(z.string()) });
export const ProductPageSchema = z.object({
  items: z.array(ProductSchema),
  total: count,
  page: z.number().check(z.int(), z.minimum(1)),
  pageSize: z.number().check(z.int(), z.minimum(1), z.maximum(50)),
});
export const ResolvedLinksSchema = z.object({ items: z.array(ResolvedLinkSchema) });
/** `nextCursor`: pass it as `cursor` for the next page; null on the last page. */
export const EvidenceListSchema = z.object({
  items: z.array(EvidenceDescriptorSchema),
  nextCursor: z.nullable(z.string()),
});
export const ComplaintPageSchema = z.object({
  items: z.array(ComplaintSummarySchema),
  total: count,
  nextCursor: z.nullable(z.string()),
});

export const HolderProfileListSchema = z.object({ items: z.array(HolderProfileSchema) });
/** `truncated`: there were more than `LIMITS.maxReportRows` rows; narrow the filters for the rest. */
export const StatusReportSchema = z.object({ rows: z.array(StatusReportRowSchema), truncated: z.boolean() });

export const WebhookEndpointListSchema = z.object({ items: z.array(WebhookEndpointSchema) });
export const WebhookDeliveryListSchema = z.object({ items: z.array(WebhookDeliverySchema) });

/** Envelopes added to the validators' NAMED_SCHEMAS in `components.schemas`. */
export const SERVER_SCHEMAS = {
  Health: HealthSchema,
  ProductPage: ProductPageSchema,
  ResolvedLinks: ResolvedLinksSchema,
  EvidenceList: EvidenceListSchema,
  ComplaintPage: ComplaintPageSchema,
  HolderProfileList: HolderProfileListSchema,
  StatusReport: StatusReportSchema,
  WebhookEndpointList: WebhookEndpointListSchema,
  WebhookDeliveryList: WebhookDeliveryListSchema,
  ...PICTURE_SCHEMAS,
} as const;

const int = (min: number, max?: number) =>
  z.number().check(z.int(), z.minimum(min), ...(max !== undefined ? [z.maximum(max)] : []));

export const ProductQuerySchema = z.object({
  q: z.optional(z.string().check(z.maxLength(LIMITS.maxSearchQueryLength))),
  link: z.optional(z.string().check(z.maxLength(4096))),
  page: z.optional(int(1, 10_000)),
  pageSize: z.optional(int(1, 50)),
});

export const ComplaintQuerySchema = z.object({
  status: z.optional(StatusSchema),
  type: z.optional(ComplaintTypeSchema),
  q: z.optional(z.string().check(z.maxLength(100))),
  cursor: z.optional(z.string().check(z.maxLength(500))),
  limit: z.optional(int(1, 100)),
  page: z.optional(int(1, 100_000)),
  /** `match`: platform only (the others are refused with `auth.forbidden`). */
  sort: z.optional(ComplaintSortSchema),
});

export const EvidenceQuerySchema = z.object({
  cursor: z.optional(z.string().check(z.maxLength(500))),
  limit: z.optional(int(1, 100)),
});

export const StatusReportQuerySchema = z.object({
  status: z.optional(StatusSchema),
  type: z.optional(ComplaintTypeSchema),
  q: z.optional(z.string().check(z.maxLength(100))),
});

export const EventQuerySchema = z.object({
  after: z.optional(int(0, Number.MAX_SAFE_INTEGER)),
});

export const WebhookDeliveryQuerySchema = z.object({ limit: z.optional(int(1, 100)) });

const day = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
export const TransparencyQuerySchema = z.object({ from: z.optional(day), to: z.optional(day) });

export const QUERY_DESCRIPTIONS: Record<string, string> = {
  q: 'Search text',
  link: 'A product link (normalised, exact match)',
  page: '1-based page number',
  pageSize: 'Items per page (at most 50, default 20)',
  status: 'Only complaints in this status',
  type: 'Only complaints of this type',
  cursor: 'The `nextCursor` of the previous page',
  limit: 'Items per page (at most 100; complaints 20 by default, evidence 100)',
  from: 'The start of the period (a date, or a date-time), inclusive; default: the first day of the month a year ago',
  to: 'The end of the period (a date, or a date-time), exclusive; default: now',
  size: '`thumbnail` for a 96 px JPEG; the whole picture by default',
  after: 'Replay the events after this event id (a history seq); the Last-Event-ID header wins when both are sent',
};
