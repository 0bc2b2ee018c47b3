/** The numbers of the help page. Exactly `maxEvidenceBytes` is allowed; one byte more is not. */
export const LIMITS = {
  minProductLinks: 1,
  maxProductLinks: 800,
  maxSheetBytes: 5 * 1024 * 1024,
  maxEvidenceBytes: 5 * 1024 * 1024,
  sheetExtensions: ['xlsx', 'xls'] as const,
  /** Accepted by the importer as a convenience; not advertised as "Excel". */
  sheetConvenienceExtensions: ['csv'] as const,
  evidenceExtensions: [
    'doc',
    'docx',
    'xls',
    'xlsx',
    'pdf',
    'txt',
    'msg',
    'jpg',
    'jpeg',
    'gif',
    'png',
    'zip',
    'rar',
  ] as const,
  imageExtensions: ['jpg', 'jpeg', 'gif', 'png'] as const,
  maxEvidencePerComplaint: 50,
  maxDescriptionLength: 5000,
  maxNameLength: 200,
  /** RFC 5321's longest forward path. */
  maxEmailLength: 254,
  maxPhoneLength: 30,
  maxIdentificationNumberLength: 100,
  /** A product link as typed or pasted. */
  maxLinkLength: 2048,
  maxFileNameLength: 255,
  maxReasonLength: 2000,
  maxStatementLength: 2000,
  maxSearchQueryLength: 500,
  /** A power of attorney expiring within this many days is shown as 'expiring'. */
  powerOfAttorneyWarningDays: 30,
  /** Saved IPR holder profiles per account. */
  maxHolderProfiles: 50,
  maxProfileLabelLength: 100,
  /** Rows of one status report (one row per product of each complaint). */
  maxReportRows: 50_000,
} as const;

export type EvidenceExtension = (typeof LIMITS.evidenceExtensions)[number];
export type SheetExtension = (typeof LIMITS.sheetExtensions)[number];

export const COMPLAINT_TYPES = [
  'picture_embezzlement',
  'trademark_infringement',
  'copyright_infringement',
  'patent_infringement',
] as const;
export type ComplaintType = (typeof COMPLAINT_TYPES)[number];

export const COMPLAINT_TYPE_LABELS: Record<ComplaintType, { en: string; 'zh-CN': string }> = {
  picture_embezzlement: { en: 'Picture Embezzlement', 'zh-CN': '图片盗用' },
  trademark_infringement: { en: 'Trademark Infringement', 'zh-CN': '商标侵权' },
  copyright_infringement: { en: 'Copyright Infringement', 'zh-CN': '著作权侵权' },
  patent_infringement: { en: 'Patent Infringement', 'zh-CN': '专利侵权' },
};

export const IDENTIFICATION_TYPES = ['business_registration', 'id_card'] as const;
export type IdentificationType = (typeof IDENTIFICATION_TYPES)[number];

/** The version of the good-faith declaration text the complainant confirms on submit. */
export const DECLARATION_VERSION = '2026-11';

/** The verdict bands of a picture match, strongest first (thresholds: `PICTURE_THRESHOLDS`). */
export const PICTURE_BANDS = ['likely_same', 'possibly_edited', 'no_match'] as const;
export type PictureBand = (typeof PICTURE_BANDS)[number];

/**
 * Orders of the complaint list. `newest`: newest first (the default). `match` (platform only):
 * Picture Embezzlement complaints by their strongest picture match, smallest distance first, those
 * with nothing comparable last; ties newest first.
 */
export const COMPLAINT_SORTS = ['newest', 'match'] as const;
export type ComplaintSort = (typeof COMPLAINT_SORTS)[number];
