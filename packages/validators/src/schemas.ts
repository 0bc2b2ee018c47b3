import './config.js';
import * as z from 'zod/mini';
import { ISSUE_CODES } from './issues.js';
import { COMPLAINT_SORTS, COMPLAINT_TYPES, IDENTIFICATION_TYPES, LIMITS, PICTURE_BANDS } from './limits.js';
import { ACTIONS, ARBITRATION_DECISIONS, PRODUCT_STATUSES, ROLES, STATUSES, SUPPLIER_RESPONSES } from './lifecycle.js';
import { TransparencyReportSchema } from './transparency.js';
import {
  WebhookAttemptSchema,
  WebhookDeliverySchema,
  WebhookEndpointCreatedSchema,
  WebhookEndpointInputSchema,
  WebhookEndpointPatchSchema,
  WebhookEndpointSchema,
  WebhookPayloadSchema,
} from './webhooks.js';

// Every schema initialiser is marked `/*#__PURE__*/` so a bundle drops the ones it never reads
// (the response schemas are the server's and the OpenAPI document's, not the browser's).
// zod/mini keeps the browser bundle small (≈9 KB gz against ≈28 KB for classic zod);
// the schemas are the same zod 4 schemas and convert to JSON Schema for the OpenAPI document.

const text = (max: number) => z.string().check(z.maxLength(max));
const required = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const id = /*#__PURE__*/ z.string().check(/*#__PURE__*/ z.minLength(1), /*#__PURE__*/ z.maxLength(64));
const dateTime = /*#__PURE__*/ z.iso.datetime({ offset: true });

export const PHONE_PATTERN = /^\+?[0-9 ()-]{5,30}$/;

export const ComplaintTypeSchema = /*#__PURE__*/ z.enum(COMPLAINT_TYPES);
export const StatusSchema = /*#__PURE__*/ z.enum(STATUSES);
export const ActionSchema = /*#__PURE__*/ z.enum(ACTIONS);
export const RoleSchema = /*#__PURE__*/ z.enum(ROLES);
export const ProductStatusSchema = /*#__PURE__*/ z.enum(PRODUCT_STATUSES);
export const IssueCodeSchema = /*#__PURE__*/ z.enum(ISSUE_CODES);

/** A product link as typed or pasted; rules (normalisation, duplicates) are in `validateProductLinks`. */
export const ProductLinkSchema = /*#__PURE__*/ text(LIMITS.maxLinkLength);

export const ContactSchema = /*#__PURE__*/ z.object({
  name: /*#__PURE__*/ required(LIMITS.maxNameLength),
  // The length is checked first: a long string never reaches the e-mail pattern.
  email: /*#__PURE__*/ z.email().check(/*#__PURE__*/ z.maxLength(LIMITS.maxEmailLength)),
  phone: /*#__PURE__*/ z
    .string()
    .check(/*#__PURE__*/ z.maxLength(LIMITS.maxPhoneLength), /*#__PURE__*/ z.regex(PHONE_PATTERN)),
  company: /*#__PURE__*/ z.optional(/*#__PURE__*/ text(LIMITS.maxNameLength)),
});

/** Required (non-empty) only when the complainant is not the IPR holder: see `validateComplaintDraft`. */
export const HolderInfoSchema = /*#__PURE__*/ z.object({
  name: /*#__PURE__*/ text(LIMITS.maxNameLength),
  identificationType: /*#__PURE__*/ z.optional(/*#__PURE__*/ z.enum(IDENTIFICATION_TYPES)),
  identificationNumber: /*#__PURE__*/ text(LIMITS.maxIdentificationNumberLength),
  /** Evidence ids of the identification documents. */
  identificationAttachments: /*#__PURE__*/ z.array(id).check(/*#__PURE__*/ z.maxLength(10)),
  /** Evidence ids of the power of attorney. */
  powerOfAttorney: /*#__PURE__*/ z.array(id).check(/*#__PURE__*/ z.maxLength(10)),
  /** ISO date (YYYY-MM-DD) the power of attorney expires, when it does. */
  powerOfAttorneyExpiresAt: /*#__PURE__*/ z.optional(/*#__PURE__*/ z.nullable(/*#__PURE__*/ z.iso.date())),
  /** The saved holder profile this came from, if any. */
  profileId: /*#__PURE__*/ z.optional(/*#__PURE__*/ z.nullable(id)),
});

export const EvidenceRefSchema = /*#__PURE__*/ z.object({
  id,
  /** Marks an image as an original picture (required for Picture Embezzlement). */
  original: /*#__PURE__*/ z.optional(/*#__PURE__*/ z.boolean()),
});

export const DeclarationSchema = /*#__PURE__*/ z.object({
  goodFaith: /*#__PURE__*/ z.boolean(),
  accurate: /*#__PURE__*/ z.boolean(),
  authorised: /*#__PURE__*/ z.boolean(),
  version: /*#__PURE__*/ text(32),
});

export const ComplaintDraftSchema = /*#__PURE__*/ z.object({
  type: ComplaintTypeSchema,
  productLinks: /*#__PURE__*/ z.array(ProductLinkSchema).check(/*#__PURE__*/ z.maxLength(LIMITS.maxProductLinks)),
  description: /*#__PURE__*/ required(LIMITS.maxDescriptionLength),
  contact: ContactSchema,
  discloseContactToSupplier: /*#__PURE__*/ z._default(/*#__PURE__*/ z.boolean(), false),
  isIprHolder: /*#__PURE__*/ z._default(/*#__PURE__*/ z.boolean(), false),
  holder: /*#__PURE__*/ z.optional(/*#__PURE__*/ z.nullable(HolderInfoSchema)),
  evidence: /*#__PURE__*/ z.array(EvidenceRefSchema).check(/*#__PURE__*/ z.maxLength(LIMITS.maxEvidencePerComplaint)),
  declaration: /*#__PURE__*/ z.optional(DeclarationSchema),
});

export const EvidenceDescriptorSchema = /*#__PURE__*/ z.object({
  id,
  /** Display name (sanitised); the stored file is named by the server. */
  name: /*#__PURE__*/ text(LIMITS.maxFileNameLength),
  size: /*#__PURE__*/ z.number().check(/*#__PURE__*/ z.int(), /*#__PURE__*/ z.minimum(0)),
  extension: /*#__PURE__*/ text(10),
  kind: /*#__PURE__*/ z.enum(['image', 'document', 'spreadsheet', 'archive', 'email', 'text']),
  mediaType: /*#__PURE__*/ text(100),
  sha256: /*#__PURE__*/ z.string().check(/*#__PURE__*/ z.regex(/^[0-9a-f]{64}$/)),
  createdAt: dateTime,
});

export const ProductSchema = /*#__PURE__*/ z.object({
  id,
  url: /*#__PURE__*/ text(2048),
  name: /*#__PURE__*/ text(500),
  supplierId: id,
  supplierName: /*#__PURE__*/ text(200),
  thumbnailUrl: /*#__PURE__*/ z.nullable(/*#__PURE__*/ text(2048)),
  listed: /*#__PURE__*/ z.boolean(),
});

export const ComplaintProductSchema = /*#__PURE__*/ z.object({
  productId: id,
  url: /*#__PURE__*/ text(2048),
  name: /*#__PURE__*/ text(500),
  supplierId: id,
  supplierName: /*#__PURE__*/ text(200),
  thumbnailUrl: /*#__PURE__*/ z.nullable(/*#__PURE__*/ text(2048)),
  status: ProductStatusSchema,
  supplierResponse: /*#__PURE__*/ z.nullable(/*#__PURE__*/ z.enum(SUPPLIER_RESPONSES)),
  supplierStatement: /*#__PURE__*/ z.nullable(/*#__PURE__*/ text(LIMITS.maxStatementLength)),
  checkedAt: /*#__PURE__*/ z.nullable(dateTime),
});

/**
 * Who made a history record. A supplier the complainant did not disclose itself to sees the
 * complainant as `{ id: null, role: 'complainant', name: 'Complainant' }`.
 */
export const ActorSchema = /*#__PURE__*/ z.object({
  id: /*#__PURE__*/ z.nullable(id),
  role: RoleSchema,
  name: /*#__PURE__*/ text(200),
});

export const TransitionRecordSchema = /*#__PURE__*/ z.object({
  action: /*#__PURE__*/ z.union([ActionSchema, /*#__PURE__*/ z.literal('create')]),
  from: /*#__PURE__*/ z.nullable(StatusSchema),
  to: StatusSchema,
  actor: ActorSchema,
  at: dateTime,
  reason: /*#__PURE__*/ z.nullable(/*#__PURE__*/ text(LIMITS.maxReasonLength)),
});

export const ArbitrationSchema = /*#__PURE__*/ z.object({
  reason: /*#__PURE__*/ text(LIMITS.maxReasonLength),
  requestedAt: dateTime,
  decision: /*#__PURE__*/ z.nullable(/*#__PURE__*/ z.enum(ARBITRATION_DECISIONS)),
  notice: /*#__PURE__*/ z.nullable(/*#__PURE__*/ text(LIMITS.maxReasonLength)),
  decidedAt: /*#__PURE__*/ z.nullable(dateTime),
});

export const ReceiptSchema = /*#__PURE__*/ z.object({
  number: /*#__PURE__*/ text(32),
  submittedAt: dateTime,
  declarationVersion: /*#__PURE__*/ text(32),
  products: /*#__PURE__*/ z.array(/*#__PURE__*/ z.object({ productId: id, url: /*#__PURE__*/ text(2048) })),
  evidence: /*#__PURE__*/ z.array(
    /*#__PURE__*/ z.object({ id, name: /*#__PURE__*/ text(LIMITS.maxFileNameLength), sha256: /*#__PURE__*/ text(64) }),
  ),
});

export const ComplaintSortSchema = /*#__PURE__*/ z.enum(COMPLAINT_SORTS);

/** A complaint's strongest picture match (`distance` null: nothing comparable), in the list sorted by match. */
export const ComplaintMatchSchema = /*#__PURE__*/ z.object({
  distance: /*#__PURE__*/ z.nullable(
    /*#__PURE__*/ z.number().check(/*#__PURE__*/ z.int(), /*#__PURE__*/ z.minimum(0), /*#__PURE__*/ z.maximum(64)),
  ),
  band: /*#__PURE__*/ z.enum(PICTURE_BANDS),
});

export const ComplaintSummarySchema = /*#__PURE__*/ z.object({
  id,
  number: /*#__PURE__*/ text(32),
  type: ComplaintTypeSchema,
  status: StatusSchema,
  productCount: /*#__PURE__*/ z.number().check(/*#__PURE__*/ z.int(), /*#__PURE__*/ z.minimum(0)),
  createdAt: dateTime,
  updatedAt: dateTime,
  /** Present when the list is sorted by match (`sort=match`). */
  match: /*#__PURE__*/ z.optional(ComplaintMatchSchema),
});

/**
 * A complaint as the API returns it. For a supplier, when disclosure was not consented to, who
 * complained is withheld: `contact` and `complainantId` are null and the complainant's history
 * records name no one.
 */
export const ComplaintSchema = /*#__PURE__*/ z.object({
  id,
  number: /*#__PURE__*/ text(32),
  type: ComplaintTypeSchema,
  status: StatusSchema,
  description: /*#__PURE__*/ text(LIMITS.maxDescriptionLength),
  complainantId: /*#__PURE__*/ z.nullable(id),
  contact: /*#__PURE__*/ z.nullable(ContactSchema),
  discloseContactToSupplier: /*#__PURE__*/ z.boolean(),
  isIprHolder: /*#__PURE__*/ z.boolean(),
  holder: /*#__PURE__*/ z.nullable(HolderInfoSchema),
  products: /*#__PURE__*/ z.array(ComplaintProductSchema),
  evidence: /*#__PURE__*/ z.array(
    /*#__PURE__*/ z.extend(EvidenceDescriptorSchema, { original: /*#__PURE__*/ z.boolean() }),
  ),
  history: /*#__PURE__*/ z.array(TransitionRecordSchema),
  arbitration: /*#__PURE__*/ z.nullable(ArbitrationSchema),
  receipt: /*#__PURE__*/ z.nullable(ReceiptSchema),
  /** The actions the caller may take now. */
  allowedActions: /*#__PURE__*/ z.array(ActionSchema),
  createdAt: dateTime,
  updatedAt: dateTime,
});

export const AccountSchema = /*#__PURE__*/ z.object({
  id,
  role: RoleSchema,
  displayName: /*#__PURE__*/ text(200),
  /** The master account's contact: the form's defaults. */
  contact: ContactSchema,
});

export const IssueSchema = /*#__PURE__*/ z.object({
  code: IssueCodeSchema,
  path: /*#__PURE__*/ z.array(/*#__PURE__*/ z.union([/*#__PURE__*/ z.string(), /*#__PURE__*/ z.number()])),
  message: /*#__PURE__*/ z.string(),
  params: /*#__PURE__*/ z.optional(
    /*#__PURE__*/ z.record(
      /*#__PURE__*/ z.string(),
      /*#__PURE__*/ z.union([/*#__PURE__*/ z.string(), /*#__PURE__*/ z.number()]),
    ),
  ),
});

/** `application/problem+json` (RFC 9457) carrying the validators' issues. */
export const ProblemSchema = /*#__PURE__*/ z.object({
  type: /*#__PURE__*/ z.string(),
  title: /*#__PURE__*/ z.string(),
  status: /*#__PURE__*/ z.number(),
  detail: /*#__PURE__*/ z.optional(/*#__PURE__*/ z.string()),
  code: IssueCodeSchema,
  issues: /*#__PURE__*/ z.array(IssueSchema),
});

// Request bodies
export const ReasonBodySchema = /*#__PURE__*/ z.object({
  reason: /*#__PURE__*/ z.optional(/*#__PURE__*/ text(LIMITS.maxReasonLength)),
});
export const SupplierResponseBodySchema = /*#__PURE__*/ z.object({
  products: /*#__PURE__*/ z
    .array(
      /*#__PURE__*/ z.object({
        productId: id,
        response: /*#__PURE__*/ z.enum(SUPPLIER_RESPONSES),
        statement: /*#__PURE__*/ z.optional(/*#__PURE__*/ text(LIMITS.maxStatementLength)),
      }),
    )
    .check(/*#__PURE__*/ z.maxLength(LIMITS.maxProductLinks)),
});
export const ArbitrationResultBodySchema = /*#__PURE__*/ z.object({
  decision: /*#__PURE__*/ z.enum(ARBITRATION_DECISIONS),
  notice: /*#__PURE__*/ required(LIMITS.maxReasonLength),
});
export const ResolveLinksBodySchema = /*#__PURE__*/ z.object({
  links: /*#__PURE__*/ z
    .array(/*#__PURE__*/ z.string().check(/*#__PURE__*/ z.maxLength(4096)))
    .check(/*#__PURE__*/ z.maxLength(LIMITS.maxProductLinks * 2)),
});
export const ResolvedLinkSchema = /*#__PURE__*/ z.object({
  index: /*#__PURE__*/ z.number(),
  input: /*#__PURE__*/ z.string(),
  status: /*#__PURE__*/ z.enum([
    'found',
    'not_found',
    'not_product_link',
    'not_url',
    'empty',
    'duplicate',
    'over_limit',
  ]),
  url: /*#__PURE__*/ z.optional(/*#__PURE__*/ z.string()),
  duplicateOf: /*#__PURE__*/ z.optional(/*#__PURE__*/ z.number()),
  product: /*#__PURE__*/ z.optional(ProductSchema),
  /** The caller's open complaint that already lists this product, if any. */
  openComplaint: /*#__PURE__*/ z.optional(/*#__PURE__*/ z.object({ id, number: /*#__PURE__*/ text(32) })),
});

// ───── holder profiles, live events, status report ─────

export const POWER_OF_ATTORNEY_STATES = ['none', 'valid', 'expiring', 'expired'] as const;
export type PowerOfAttorneyStateName = (typeof POWER_OF_ATTORNEY_STATES)[number];

/** Where a power of attorney stands on a day: see `powerOfAttorneyState`. */
export const PowerOfAttorneyStateSchema = /*#__PURE__*/ z.object({
  state: /*#__PURE__*/ z.enum(POWER_OF_ATTORNEY_STATES),
  /** The expiry date (YYYY-MM-DD), or null when none is recorded. */
  expiresAt: /*#__PURE__*/ z.nullable(/*#__PURE__*/ z.iso.date()),
  /** Whole days from today (UTC) to the expiry date: 0 on the last valid day, negative once expired. */
  daysLeft: /*#__PURE__*/ z.nullable(/*#__PURE__*/ z.number().check(/*#__PURE__*/ z.int())),
});

/** What a complainant saves as a holder profile (the holder's `profileId` is ignored). */
export const HolderProfileInputSchema = /*#__PURE__*/ z.object({
  label: /*#__PURE__*/ z.optional(/*#__PURE__*/ text(LIMITS.maxProfileLabelLength)),
  holder: HolderInfoSchema,
});

export const HolderProfileSchema = /*#__PURE__*/ z.object({
  id,
  label: /*#__PURE__*/ text(LIMITS.maxProfileLabelLength),
  holder: HolderInfoSchema,
  powerOfAttorney: PowerOfAttorneyStateSchema,
  createdAt: dateTime,
  updatedAt: dateTime,
});

/** One event of `GET /v1/events`: a complaint was created or moved (`seq` is its history record's). */
export const ComplaintEventSchema = /*#__PURE__*/ z.object({
  id,
  number: /*#__PURE__*/ text(32),
  status: StatusSchema,
  action: /*#__PURE__*/ z.union([ActionSchema, /*#__PURE__*/ z.literal('create')]),
  updatedAt: dateTime,
  seq: /*#__PURE__*/ z.number().check(/*#__PURE__*/ z.int(), /*#__PURE__*/ z.minimum(1)),
});

/** One row of the bulk status report: one product of one complaint. */
export const StatusReportRowSchema = /*#__PURE__*/ z.object({
  number: /*#__PURE__*/ text(32),
  type: ComplaintTypeSchema,
  status: StatusSchema,
  createdAt: dateTime,
  updatedAt: dateTime,
  productUrl: /*#__PURE__*/ text(2048),
  productName: /*#__PURE__*/ text(500),
  productStatus: ProductStatusSchema,
  supplierResponse: /*#__PURE__*/ z.nullable(/*#__PURE__*/ z.enum(SUPPLIER_RESPONSES)),
});

export type PowerOfAttorneyState = z.output<typeof PowerOfAttorneyStateSchema>;
export type HolderProfileInput = z.output<typeof HolderProfileInputSchema>;
export type HolderProfile = z.output<typeof HolderProfileSchema>;
export type ComplaintEvent = z.output<typeof ComplaintEventSchema>;
export type StatusReportRow = z.output<typeof StatusReportRowSchema>;

export type ComplaintDraftInput = z.input<typeof ComplaintDraftSchema>;
export type ComplaintDraft = z.output<typeof ComplaintDraftSchema>;
export type Contact = z.output<typeof ContactSchema>;
export type HolderInfo = z.output<typeof HolderInfoSchema>;
export type EvidenceRef = z.output<typeof EvidenceRefSchema>;
export type Declaration = z.output<typeof DeclarationSchema>;
export type EvidenceDescriptor = z.output<typeof EvidenceDescriptorSchema>;
export type Product = z.output<typeof ProductSchema>;
export type ComplaintProduct = z.output<typeof ComplaintProductSchema>;
export type TransitionRecord = z.output<typeof TransitionRecordSchema>;
export type Arbitration = z.output<typeof ArbitrationSchema>;
export type Receipt = z.output<typeof ReceiptSchema>;
export type ComplaintSummary = z.output<typeof ComplaintSummarySchema>;
export type ComplaintMatch = z.output<typeof ComplaintMatchSchema>;
export type Complaint = z.output<typeof ComplaintSchema>;
export type Account = z.output<typeof AccountSchema>;
export type Problem = z.output<typeof ProblemSchema>;
export type SupplierResponseBody = z.output<typeof SupplierResponseBodySchema>;
export type ArbitrationResultBody = z.output<typeof ArbitrationResultBodySchema>;
export type ResolvedLink = z.output<typeof ResolvedLinkSchema>;

/** Every named schema, for building the OpenAPI document's `components.schemas`. */
export const NAMED_SCHEMAS = {
  ComplaintType: ComplaintTypeSchema,
  Status: StatusSchema,
  Action: ActionSchema,
  Role: RoleSchema,
  ProductStatus: ProductStatusSchema,
  IssueCode: IssueCodeSchema,
  Contact: ContactSchema,
  HolderInfo: HolderInfoSchema,
  EvidenceRef: EvidenceRefSchema,
  Declaration: DeclarationSchema,
  ComplaintDraft: ComplaintDraftSchema,
  EvidenceDescriptor: EvidenceDescriptorSchema,
  Product: ProductSchema,
  ComplaintProduct: ComplaintProductSchema,
  Actor: ActorSchema,
  TransitionRecord: TransitionRecordSchema,
  Arbitration: ArbitrationSchema,
  Receipt: ReceiptSchema,
  ComplaintSort: ComplaintSortSchema,
  ComplaintMatch: ComplaintMatchSchema,
  ComplaintSummary: ComplaintSummarySchema,
  Complaint: ComplaintSchema,
  Account: AccountSchema,
  Issue: IssueSchema,
  Problem: ProblemSchema,
  ReasonBody: ReasonBodySchema,
  SupplierResponseBody: SupplierResponseBodySchema,
  ArbitrationResultBody: ArbitrationResultBodySchema,
  ResolveLinksBody: ResolveLinksBodySchema,
  ResolvedLink: ResolvedLinkSchema,
  PowerOfAttorneyState: PowerOfAttorneyStateSchema,
  HolderProfileInput: HolderProfileInputSchema,
  HolderProfile: HolderProfileSchema,
  ComplaintEvent: ComplaintEventSchema,
  StatusReportRow: StatusReportRowSchema,
  WebhookEndpointInput: WebhookEndpointInputSchema,
  WebhookEndpointPatch: WebhookEndpointPatchSchema,
  WebhookEndpoint: WebhookEndpointSchema,
  WebhookEndpointCreated: WebhookEndpointCreatedSchema,
  WebhookAttempt: WebhookAttemptSchema,
  WebhookDelivery: WebhookDeliverySchema,
  WebhookPayload: WebhookPayloadSchema,
  TransparencyReport: TransparencyReportSchema,
} as const;

/** The bodies a client sends (the server's route bodies), by their names in `NAMED_SCHEMAS`. */
export const REQUEST_BODY_NAMES = [
  'ComplaintDraft',
  'ReasonBody',
  'SupplierResponseBody',
  'ArbitrationResultBody',
  'ResolveLinksBody',
  'HolderProfileInput',
  'WebhookEndpointInput',
] as const satisfies readonly (keyof typeof NAMED_SCHEMAS)[];
