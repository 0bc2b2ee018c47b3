// The complaint form's draft as the form holds it, and pure functions over it (no DOM, no element):
// an empty draft, a stored draft made whole again, the payload sent, the control an issue belongs to.
import {
  type COMPLAINT_TYPES,
  DECLARATION_VERSION,
  type EvidenceRef,
  FORM_STEPS,
  type FormStep,
  type HolderProfile,
  type IDENTIFICATION_TYPES,
  type Issue,
} from '@ipr/validators';

/** The form's steps, in order. */
export const STEPS = Object.keys(FORM_STEPS) as FormStep[];

export interface HolderDraft {
  name: string;
  identificationType?: (typeof IDENTIFICATION_TYPES)[number];
  identificationNumber: string;
  identificationAttachments: string[];
  powerOfAttorney: string[];
  powerOfAttorneyExpiresAt?: string | null;
  /** The saved holder profile the details came from (cleared when they are edited). */
  profileId?: string | null;
}
export interface FormDraft {
  type?: (typeof COMPLAINT_TYPES)[number];
  productLinks: string[];
  description: string;
  contact: { name: string; email: string; phone: string; company?: string };
  discloseContactToSupplier: boolean;
  isIprHolder: boolean;
  holder: HolderDraft;
  evidence: EvidenceRef[];
  declaration: { goodFaith: boolean; accurate: boolean; authorised: boolean; version: string };
}

export type Contact = FormDraft['contact'];
/** The contact of an account as the API gives it. */
export type AccountContact = Omit<Contact, 'company'> & { company?: string | null };

export function emptyDraft(): FormDraft {
  return {
    productLinks: [],
    description: '',
    contact: { name: '', email: '', phone: '', company: '' },
    discloseContactToSupplier: false,
    isIprHolder: false,
    holder: {
      name: '',
      identificationNumber: '',
      identificationAttachments: [],
      powerOfAttorney: [],
      powerOfAttorneyExpiresAt: null,
    },
    evidence: [],
    declaration: { goodFaith: false, accurate: false, authorised: false, version: DECLARATION_VERSION },
  };
}

/** A stored draft (saved by any version of the form, or by a host) made whole: missing parts are empty. */
export function draftFromStored(stored: object): FormDraft {
  const base = emptyDraft();
  const d = stored as Partial<FormDraft> & { holder?: Partial<HolderDraft> | null };
  return {
    ...base,
    ...d,
    contact: { ...base.contact, ...(d.contact ?? {}) },
    holder: { ...base.holder, ...(d.holder ?? {}) },
    declaration: { ...base.declaration, ...(d.declaration ?? {}), version: DECLARATION_VERSION },
    productLinks: Array.isArray(d.productLinks) ? d.productLinks : [],
    evidence: Array.isArray(d.evidence) ? d.evidence : [],
  } as FormDraft;
}

/** The holder fields filled from a saved profile, with its id (the server then uses the stored holder). */
export function holderFromProfile(profile: HolderProfile): HolderDraft {
  const h = profile.holder;
  return {
    name: h.name,
    identificationType: h.identificationType,
    identificationNumber: h.identificationNumber,
    identificationAttachments: [...h.identificationAttachments],
    powerOfAttorney: [...h.powerOfAttorney],
    powerOfAttorneyExpiresAt: h.powerOfAttorneyExpiresAt ?? null,
    profileId: profile.id,
  };
}

/** What is sent: the holder only when the complainant is not the holder. */
export function payloadOf(d: FormDraft): Record<string, unknown> {
  const contact = { ...d.contact };
  if (!contact.company) delete contact.company;
  const holder: Record<string, unknown> | null = d.isIprHolder
    ? null
    : { ...d.holder, powerOfAttorneyExpiresAt: d.holder.powerOfAttorneyExpiresAt || null };
  if (holder && !holder.profileId) delete holder.profileId;
  return { ...d, contact, holder };
}

/** Every evidence id the draft refers to (the evidence and the holder's attachments). */
export function evidenceIdsOf(d: FormDraft): string[] {
  return [
    ...new Set([...d.evidence.map((e) => e.id), ...d.holder.identificationAttachments, ...d.holder.powerOfAttorney]),
  ];
}

/** The account's contact as the form holds it. */
export function formContact(contact: AccountContact): Contact {
  return { ...contact, company: contact.company ?? '' };
}

/** The same contact (the fields a person sees). */
export function sameContact(a: Contact, b: Contact | undefined): boolean {
  return (
    !!b && a.name === b.name && a.email === b.email && a.phone === b.phone && (a.company ?? '') === (b.company ?? '')
  );
}

export function newKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `k-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** The key an issue is shown under: one per control. */
export function fieldKey(i: Issue): string {
  const [head] = i.path;
  if (head === 'productLinks' || head === 'evidence' || head === 'declaration') return String(head);
  if (head === 'holder' && (i.path[1] === 'identificationAttachments' || i.path[1] === 'powerOfAttorney'))
    return `holder.${i.path[1]}`;
  return i.path.filter((p) => typeof p === 'string').join('.');
}

/** The id of the element that shows a control's errors (its `aria-describedby`). */
export const errId = (key: string) => `err-${key.replace(/\./g, '-')}`;
