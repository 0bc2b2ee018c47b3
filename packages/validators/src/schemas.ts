import './config.js';
import * as z from 'zod/mini';
import { ISSUE_CODES } from './issues.js';
import { COMPLAINT_TYPES, IDENTIFICATION_TYPES, LIMITS } from './limits.js';
import {
  ACTIONS, ARBITRATION_DECISIONS, PRODUCT_STATUSES, ROLES, STATUSES, SUPPLIER_RESPONSES,
} from './lifecycle.js';

// zod/mini keeps the browser bundle small (≈9 KB gz against ≈28 KB for classic zod);
// the schemas are the same zod 4 schemas and convert to JSON Schema for the OpenAPI document.

const text = (max: number) => z.string().check(z.maxLength(max));
const required = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const id = z.string().check(z.minLength(1), z.maxLength(64));
const dateTime = z.iso.datetime({ offset: true });

export const PHONE_PATTERN = /^\+?[0-9 ()\-]{5,30}$/;

export const ComplaintTypeSchema = z.enum(COMPLAINT_TYPES);
export const StatusSchema = z.enum(STATUSES);
export const ActionSchema = z.enum(ACTIONS);
export const RoleSchema = z.enum(ROLES);
export const ProductStatusSchema = z.enum(PRODUCT_STATUSES);
export const IssueCodeSchema = z.enum(ISSUE_CODES);

/** A product link as typed or pasted; rules (normalisation, duplicates) are in `validateProductLinks`. */
export const ProductLinkSchema = text(2048);

export const ContactSchema = z.object({
  name: required(LIMITS.maxNameLength),
  email: z.email(),
  phone: z.string().check(z.regex(PHONE_PATTERN)),
  company: z.optional(text(LIMITS.maxNameLength)),
});

/** Required (non-empty) only when the complainant is not the IPR holder: see `validateComplaintDraft`. */
export const HolderInfoSchema = z.object({
  name: text(LIMITS.maxNameLength),
  identificationType: z.optional(z.enum(IDENTIFICATION_TYPES)),
  identificationNumber: text(100),
  /** Evidence ids of the identification documents. */
  identificationAttachments: z.array(id).check(z.maxLength(10)),
  /** Evidence ids of the power of attorney. */
  powerOfAttorney: z.array(id).check(z.maxLength(10)),
  /** ISO date (YYYY-MM-DD) the power of attorney expires, when it does. */
  powerOfAttorneyExpiresAt: z.optional(z.nullable(z.iso.date())),
  /** The saved holder profile this came from, if any. */
  profileId: z.optional(z.nullable(id)),
});

export const EvidenceRefSchema = z.object({
  id,
  /** Marks an image as an original picture (required for Picture Embezzlement). */
  original: z.optional(z.boolean()),
});

export const DeclarationSchema = z.object({
  goodFaith: z.boolean(),
  accurate: z.boolean(),
  authorised: z.boolean(),
  version: text(32),
});

export const ComplaintDraftSchema = z.object({
  type: ComplaintTypeSchema,
  productLinks: z.array(ProductLinkSchema).check(z.maxLength(LIMITS.maxProductLinks)),
  description: required(LIMITS.maxDescriptionLength),
  contact: ContactSchema,
  discloseContactToSupplier: z._default(z.boolean(), false),
  isIprHolder: z._default(z.boolean(), false),
  holder: z.optional(z.nullable(HolderInfoSchema)),
  evidence: z.array(EvidenceRefSchema).check(z.maxLength(LIMITS.maxEvidencePerComplaint)),
  declaration: z.optional(DeclarationSchema),
});

export const EvidenceDescriptorSchema = z.object({
  id,
  /** Display name (sanitised); the stored file is named by the server. */
  name: text(LIMITS.maxFileNameLength),
  size: z.number().check(z.int(), z.minimum(0)),
  extension: text(10),
  kind: z.enum(['image', 'document', 'spreadsheet', 'archive', 'email', 'text']),
  mediaType: text(100),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  createdAt: dateTime,
});

export const ProductSchema = z.object({
  id,
  url: text(2048),
  name: text(500),
  supplierId: id,
  supplierName: text(200),
  thumbnailUrl: z.nullable(text(2048)),
  listed: z.boolean(),
});

export const ComplaintProductSchema = z.object({
  productId: id,
  url: text(2048),
  name: text(500),
  supplierId: id,
  supplierName: text(200),
  thumbnailUrl: z.nullable(text(2048)),
  status: ProductStatusSchema,
  supplierResponse: z.nullable(z.enum(SUPPLIER_RESPONSES)),
  supplierStatement: z.nullable(text(LIMITS.maxStatementLength)),
  checkedAt: z.nullable(dateTime),
});

export const ActorSchema = z.object({ id, role: RoleSchema, name: text(200) });

export const TransitionRecordSchema = z.object({
  action: z.union([ActionSchema, z.literal('create')]),
  from: z.nullable(StatusSchema),
  to: StatusSchema,
  actor: ActorSchema,
  at: dateTime,
  reason: z.nullable(text(LIMITS.maxReasonLength)),
});

export const ArbitrationSchema = z.object({
  reason: text(LIMITS.maxReasonLength),
  requestedAt: dateTime,
  decision: z.nullable(z.enum(ARBITRATION_DECISIONS)),
  notice: z.nullable(text(LIMITS.maxReasonLength)),
  decidedAt: z.nullable(dateTime),
});

export const ReceiptSchema = z.object({
  number: text(32),
  submittedAt: dateTime,
  declarationVersion: text(32),
  products: z.array(z.object({ productId: id, url: text(2048) })),
  evidence: z.array(z.object({ id, name: text(LIMITS.maxFileNameLength), sha256: text(64) })),
});

export const ComplaintSummarySchema = z.object({
  id,
  number: text(32),
  type: ComplaintTypeSchema,
  status: StatusSchema,
  productCount: z.number().check(z.int(), z.minimum(0)),
  createdAt: dateTime,
  updatedAt: dateTime,
});

/** A complaint as the API returns it. `contact` is null for a supplier when disclosure was not consented to. */
export const ComplaintSchema = z.object({
  id,
  number: text(32),
  type: ComplaintTypeSchema,
  status: StatusSchema,
  description: text(LIMITS.maxDescriptionLength),
  complainantId: id,
  contact: z.nullable(ContactSchema),
  discloseContactToSupplier: z.boolean(),
  isIprHolder: z.boolean(),
  holder: z.nullable(HolderInfoSchema),
  products: z.array(ComplaintProductSchema),
  evidence: z.array(z.extend(EvidenceDescriptorSchema, { original: z.boolean() })),
  history: z.array(TransitionRecordSchema),
  arbitration: z.nullable(ArbitrationSchema),
  receipt: z.nullable(ReceiptSchema),
  /** The actions the caller may take now. */
  allowedActions: z.array(ActionSchema),
  createdAt: dateTime,
  updatedAt: dateTime,
});

export const AccountSchema = z.object({
  id,
  role: RoleSchema,
  displayName: text(200),
  /** The master account's contact: the form's defaults. */
  contact: ContactSchema,
});

export const IssueSchema = z.object({
  code: IssueCodeSchema,
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
  params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
});

/** `application/problem+json` (RFC 9457) carrying the validators' issues. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.optional(z.string()),
  code: IssueCodeSchema,
  issues: z.array(IssueSchema),
});

// Request bodies
export const ReasonBodySchema = z.object({ reason: z.optional(text(LIMITS.maxReasonLength)) });
export const SupplierResponseBodySchema = z.object({
  products: z.array(z.object({
    productId: id,
    response: z.enum(SUPPLIER_RESPONSES),
    statement: z.optional(text(LIMITS.maxStatementLength)),
  })).check(z.maxLength(LIMITS.maxProductLinks)),
});
export const ArbitrationResultBodySchema = z.object({
  decision: z.enum(ARBITRATION_DECISIONS),
  notice: required(LIMITS.maxReasonLength),
});
export const ResolveLinksBodySchema = z.object({
  links: z.array(z.string().check(z.maxLength(4096))).check(z.maxLength(LIMITS.maxProductLinks * 2)),
});
export const ResolvedLinkSchema = z.object({
  index: z.number(),
  input: z.string(),
  status: z.enum(['found', 'not_found', 'not_product_link', 'not_url', 'empty', 'duplicate', 'over_limit']),
  url: z.optional(z.string()),
  duplicateOf: z.optional(z.number()),
  product: z.optional(ProductSchema),
  /** The caller's open complaint that already lists this product, if any. */
  openComplaint: z.optional(z.object({ id, number: text(32) })),
});

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
} as const;
