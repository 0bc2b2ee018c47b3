import './config.js';
import type { Issue, Result } from './issues.js';
import { holderIssues } from './holder.js';
import { validateProductLinks, type ProductLinkRule } from './links.js';
import { issue } from './messages/format.js';
import { parseWith } from './parse.js';
import { ComplaintDraftSchema, type ComplaintDraft, type EvidenceDescriptor } from './schemas.js';

// In a module of its own: the list and detail need it, not the draft rules.
export { validateReason } from './reason.js';

export interface DraftContext {
  /**
   * The evidence the draft refers to, by id (the caller's saved or uploaded evidence).
   * When given, unknown ids are refused and the Picture Embezzlement rule checks that the
   * original is an image; when absent, only the refs' own `original` flags are checked.
   */
  evidence?:
    | ReadonlyMap<string, Pick<EvidenceDescriptor, 'id' | 'kind'>>
    | Record<string, Pick<EvidenceDescriptor, 'id' | 'kind'>>;
  /** Require the good-faith declaration (submit). Default true; false while saving a draft. */
  requireDeclaration?: boolean;
  /** "Today" for the power-of-attorney expiry check. Default: now. */
  now?: Date;
  rule?: ProductLinkRule;
}

export { parseWith };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function lookup(ctx: DraftContext, id: string) {
  const ev = ctx.evidence;
  if (!ev) return undefined;
  return ev instanceof Map ? ev.get(id) : (ev as Record<string, Pick<EvidenceDescriptor, 'id' | 'kind'>>)[id];
}

/**
 * The whole complaint draft against every rule of the help page. All issues are reported
 * at once, each with its path, so a form can show them per field and per step. On success
 * the value carries canonical product links and defaults. Never throws.
 */
export function validateComplaintDraft(input: unknown, ctx: DraftContext = {}): Result<ComplaintDraft> {
  const draft = isRecord(input) ? input : {};
  // Ticking "I am the IPR holder" keeps what was typed below it (nothing is lost if it is
  // unticked again), but those half-filled holder fields must not block the draft.
  const parsed = parseWith(
    ComplaintDraftSchema,
    draft.isIprHolder === true && draft.holder != null ? { ...draft, holder: null } : input,
  );
  // Link rules are reported by the link validator, per index, with their own codes; the schema's
  // length cap on a single link is the one link rule it alone knows.
  const issues: Issue[] = parsed.ok
    ? []
    : parsed.issues.filter((i) => i.path[0] !== 'productLinks' || (i.path.length === 2 && i.code === 'field.too_long'));

  const links = validateProductLinks(draft.productLinks, { rule: ctx.rule });
  if (!links.ok) issues.push(...links.issues);

  // The schema only asks for one character; spaces alone are no statement and no name.
  const contact = isRecord(draft.contact) ? draft.contact : undefined;
  const blankText: [unknown, Issue['path']][] = [
    [draft.description, ['description']],
    [contact?.name, ['contact', 'name']],
  ];
  for (const [value, path] of blankText) {
    if (
      typeof value === 'string' &&
      value !== '' &&
      value.trim() === '' &&
      !issues.some((i) => i.path.join('.') === path.join('.'))
    ) {
      issues.push(issue('field.required', path));
    }
  }

  if (draft.isIprHolder !== true) {
    // The holder has one rule (shared with saved profiles): its issues replace the schema's.
    const others = issues.filter((i) => i.path[0] !== 'holder');
    issues.length = 0;
    issues.push(...others, ...holderIssues(draft.holder, { now: ctx.now, path: ['holder'] }));
  }

  const refs = Array.isArray(draft.evidence) ? draft.evidence.filter(isRecord) : [];
  if (refs.length === 0 && !issues.some((i) => i.path[0] === 'evidence'))
    issues.push(issue('evidence.required', ['evidence']));
  if (ctx.evidence) {
    refs.forEach((ref, index) => {
      if (typeof ref.id === 'string' && !lookup(ctx, ref.id))
        issues.push(issue('evidence.not_found', ['evidence', index]));
    });
  }
  if (draft.type === 'picture_embezzlement' && refs.length > 0) {
    const hasOriginal = refs.some((ref) => {
      if (ref.original !== true || typeof ref.id !== 'string') return false;
      if (!ctx.evidence) return true;
      return lookup(ctx, ref.id)?.kind === 'image';
    });
    if (!hasOriginal) issues.push(issue('picture.original_required', ['evidence']));
  }

  if (ctx.requireDeclaration !== false) {
    const d = draft.declaration;
    if (!isRecord(d) || d.goodFaith !== true || d.accurate !== true || d.authorised !== true) {
      if (!issues.some((i) => i.path[0] === 'declaration')) issues.push(issue('declaration.required', ['declaration']));
    }
  }

  if (issues.length || !parsed.ok || !links.ok) return { ok: false, issues };
  const value: ComplaintDraft = { ...parsed.value, productLinks: links.value };
  if (value.isIprHolder) value.holder = null;
  return { ok: true, value };
}

/** The three steps of the form and the draft fields each one owns. */
export const FORM_STEPS = {
  basics: ['type', 'productLinks', 'description', 'contact', 'discloseContactToSupplier', 'isIprHolder', 'holder'],
  evidence: ['evidence'],
  review: ['declaration'],
} as const;
export type FormStep = keyof typeof FORM_STEPS;

/** The issues that belong to one step of the form. */
export function issuesForStep(issues: readonly Issue[], step: FormStep): Issue[] {
  const fields: readonly string[] = FORM_STEPS[step];
  return issues.filter((i) => fields.includes(String(i.path[0] ?? '')));
}

/** The step an issue belongs to (the first step when its path is unknown). */
export function stepOf(issue: Issue): FormStep {
  for (const step of Object.keys(FORM_STEPS) as FormStep[]) {
    if ((FORM_STEPS[step] as readonly string[]).includes(String(issue.path[0] ?? ''))) return step;
  }
  return 'basics';
}
