import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import {
  COMPLAINT_TYPES,
  COMPLAINT_TYPE_LABELS,
  DECLARATION_VERSION,
  FORM_STEPS,
  IDENTIFICATION_TYPES,
  LIMITS,
  issuesForStep,
  stepOf,
  validateComplaintDraft,
  validateHolderProfile,
  type Complaint,
  type HolderProfile,
  type ComplaintDraftInput,
  type EvidenceDescriptor,
  type EvidenceRef,
  type FormStep,
  type Issue,
  type Product,
} from '@ipr/validators';
import { createDraftStore, type DraftStore } from '@ipr/client';
import { IprApiElement } from '../../base/api-element.js';
import {
  IprComplaintSubmitFailedEvent,
  IprComplaintSubmittedEvent,
  IprDraftRestoredEvent,
  IprProfileSavedEvent,
  IprStepChangeEvent,
} from '../../events/index.js';
import { unwrap, type ApiError } from '../../api.js';
import type { IprProductPicker } from '../product-picker/product-picker.component.js';
import type { IprEvidencePicker } from '../evidence-picker/evidence-picker.component.js';
import { holderProfilesOf, poaOf, profileOptionText } from '../holder-profiles/profiles.js';
import { styles } from './complaint-form.styles.js';

const STEPS = Object.keys(FORM_STEPS) as FormStep[];

interface HolderDraft {
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

function emptyDraft(): FormDraft {
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

type Contact = FormDraft['contact'];
type AccountContact = Omit<Contact, 'company'> & { company?: string | null };

/** The account's contact as the form holds it. */
function formContact(contact: AccountContact): Contact {
  return { ...contact, company: contact.company ?? '' };
}

/** The same contact (the fields a person sees). */
function sameContact(a: Contact, b: Contact | undefined): boolean {
  return (
    !!b && a.name === b.name && a.email === b.email && a.phone === b.phone && (a.company ?? '') === (b.company ?? '')
  );
}

function newKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `k-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** The key an issue is shown under: one per control. */
function fieldKey(i: Issue): string {
  const [head] = i.path;
  if (head === 'productLinks' || head === 'evidence' || head === 'declaration') return String(head);
  if (head === 'holder' && (i.path[1] === 'identificationAttachments' || i.path[1] === 'powerOfAttorney'))
    return `holder.${i.path[1]}`;
  return i.path.filter((p) => typeof p === 'string').join('.');
}

const errId = (key: string) => `err-${key.replace(/\./g, '-')}`;

/**
 * @tagname ipr-complaint-form
 * The complaint form of the help page in three steps: 1) type, products, description,
 * complainant contact (pre-filled from the account), disclosure consent, IPR holder;
 * 2) evidence; 3) review, declaration and submit, then a receipt with the number.
 * The draft is kept (IndexedDB) across reloads; a failed submit keeps it and retries with
 * the same idempotency key, so a retry never files a second complaint.
 *
 * @fires ipr-complaint-submitted - The complaint was created (detail: `{ complaint, number, idempotencyKey }`).
 * @fires ipr-complaint-submit-failed - Submitting failed; the draft is kept (detail: `{ issues, status, idempotencyKey }`).
 * @fires ipr-draft-restored - A saved draft was restored (detail: `{ draft, step, updatedAt }`).
 * @fires ipr-step-change - The step changed (detail: `{ step, previous }`).
 * @fires ipr-restriction-failed - Bubbles up from the pickers when a file or link is refused.
 * @fires ipr-profile-saved - The holder details were saved as a profile (detail: `{ profile, created: true }`).
 * @csspart steps - The step indicator.
 * @csspart heading - The step heading (receives focus on step change).
 * @csspart nav - The back / next / submit buttons.
 * @csspart receipt - The receipt after submitting.
 * @csspart error - Inline error messages.
 * @cssprop --ipr-color-primary - Accent color (buttons, current step).
 * @cssprop --ipr-color-danger - Error color.
 * @cssprop --ipr-color-background - Background.
 * @cssprop --ipr-color-surface - Raised surfaces.
 * @cssprop --ipr-color-text - Text color.
 * @cssprop --ipr-color-muted - Secondary text.
 * @cssprop --ipr-color-border - Borders.
 * @cssprop --ipr-radius - Corner radius.
 * @cssprop --ipr-font-family - Font.
 * @cssprop --ipr-spacing - Base spacing.
 */
export class IprComplaintForm extends IprApiElement {
  static override styles = styles;

  /** Where large attachments may be emailed (shown on the evidence step). */
  @property({ attribute: 'large-attachment-email' }) largeAttachmentEmail?: string;
  /**
   * The key the draft is saved under, per account: the draft is stored as `<draft-key>:<account id>`
   * once the API has said whose token this is, so two people on one browser never see each other's
   * draft (and a new token for another account shows that account's). Use different keys for
   * different drafts of one account (e.g. one per brand). Changing it shows that key's draft, or an
   * empty form when it has none.
   */
  @property({ attribute: 'draft-key' }) draftKey = 'ipr-complaint-draft';
  /** Where drafts are kept: `auto` (IndexedDB when available), `indexeddb` or `memory`. */
  @property({ attribute: 'draft-storage' }) draftStorage: 'auto' | 'indexeddb' | 'memory' = 'auto';

  /** The current step. */
  @property({ reflect: true }) step: FormStep = 'basics';

  /** The clock for the saved holders' power-of-attorney states (defaults to the current time). */
  @property({ attribute: false }) now?: Date;

  /** The draft as entered (settable by the host to pre-fill). */
  @property({ attribute: false }) draft: FormDraft = emptyDraft();

  @state() private touched = new Set<string>();
  @state() private attempted = new Set<FormStep>();
  @state() private serverIssues: Issue[] = [];
  @state() private submitting = false;
  @state() private submitError?: ApiError;
  @state() private complaint?: Complaint;
  @state() private restored = false;
  @state() private profileSaving = false;
  @state() private profileIssues: Issue[] = [];
  @state() private profileError?: ApiError;
  @state() private profileMessage = '';
  private known = new Map<string, EvidenceDescriptor>();
  private products: Product[] = [];
  private idempotencyKey = newKey();
  private store?: DraftStore;
  private storeKey?: string;
  private ready?: Promise<void>;
  private saveTimer?: ReturnType<typeof setTimeout>;
  private contactFromDraft = false;
  /** The account the API says the token belongs to (null: it could not say; undefined: not asked yet). */
  private account?: string | null;
  /** The account contact last put into the form as its default (replaced while untouched). */
  private contactDefault?: Contact;

  /**
   * Resolves once the saved draft (if any) has been loaded into the form, after pending property
   * changes (a new `draft-key` set just before is waited for).
   */
  get draftReady(): Promise<void> {
    return this.updateComplete
      .then(() => this.accountTask.taskComplete)
      .catch(() => undefined)
      .then(() => this.ready);
  }

  /**
   * The key the draft is stored under (`<draft-key>:<account id>`; undefined until the API has said
   * whose token this is), for a host that reads or clears drafts with `@ipr/client`'s `createDraftStore`.
   */
  get draftStoreKey(): string | undefined {
    return this.account ? `${this.draftKey}:${this.account}` : undefined;
  }

  /** The idempotency key the next submit uses (kept with the draft). */
  get submissionKey(): string {
    return this.idempotencyKey;
  }

  private accountTask = new Task(this, {
    task: async ([api]: [IprComplaintForm['api']], { signal }) =>
      api ? unwrap(api.account.get({ signal })) : undefined,
    args: () => [this.api] as [IprComplaintForm['api']],
    onComplete: (account) => {
      this.account = account ? account.id : undefined;
      // (The task's value is still the last account's while this runs: the contact goes along.)
      this.syncStore(account?.contact);
      if (!account || this.contactFromDraft) return;
      // The contact defaults to the account's and follows it (another token: another account)
      // until the person edits it.
      const c = this.draft.contact;
      if ((c.name || c.email || c.phone) && !sameContact(c, this.contactDefault)) return;
      this.contactDefault = formContact(account.contact);
      this.draft = { ...this.draft, contact: { ...this.contactDefault } };
    },
    // Whose draft is unknown from the start: kept in memory only (never under a key another account
    // could read). A token that stops working mid-form (expired) keeps the account's draft open.
    onError: () => {
      if (this.account !== undefined) return;
      this.account = null;
      this.syncStore();
    },
  });

  /** The caller's saved holder profiles (none when the client has no `holderProfiles`). */
  private profilesTask = new Task(this, {
    task: async ([api]: [IprComplaintForm['api']], { signal }) => {
      const profiles = holderProfilesOf(api);
      return profiles ? (await unwrap(profiles.list({ signal }))).items : [];
    },
    args: () => [this.api] as [IprComplaintForm['api']],
  });

  /** Loads the saved holder profiles again (e.g. after the host's `<ipr-holder-profiles>` changed them). */
  async refreshHolderProfiles(): Promise<void> {
    await this.profilesTask.run();
  }

  /** Fills the holder fields from a saved profile and records its id (the server then uses the stored holder). */
  async useProfile(id: string): Promise<void> {
    const profile = (this.profilesTask.value ?? []).find((p) => p.id === id);
    if (!profile) {
      this.update_({ holder: { ...this.draft.holder, profileId: null } });
      return;
    }
    const h = profile.holder;
    this.profileMessage = '';
    this.profileIssues = [];
    this.profileError = undefined;
    this.update_({
      holder: {
        name: h.name,
        identificationType: h.identificationType,
        identificationNumber: h.identificationNumber,
        identificationAttachments: [...h.identificationAttachments],
        powerOfAttorney: [...h.powerOfAttorney],
        powerOfAttorneyExpiresAt: h.powerOfAttorneyExpiresAt ?? null,
        profileId: profile.id,
      },
    });
    await this.learnEvidence([...h.identificationAttachments, ...h.powerOfAttorney]);
  }

  /** Descriptors for evidence ids the form does not know yet (a profile keeps only the ids). */
  private async learnEvidence(ids: string[]) {
    const api = this.api;
    if (!api || ids.every((id) => this.known.has(id))) return;
    const result = await api.evidence.list();
    if (result.error) return;
    for (const d of result.data.items) if (ids.includes(d.id)) this.known.set(d.id, d);
    this.requestUpdate();
  }

  /** Saves the holder details as a profile ("Save these details as a profile"); problems are shown in place. */
  async saveHolderProfile(): Promise<HolderProfile | undefined> {
    const profiles = holderProfilesOf(this.api);
    if (!profiles || this.profileSaving) return undefined;
    this.profileMessage = '';
    this.profileError = undefined;
    const h = this.draft.holder;
    const holder = { ...h, powerOfAttorneyExpiresAt: h.powerOfAttorneyExpiresAt || null };
    delete holder.profileId;
    const checked = validateHolderProfile({ label: h.name.trim(), holder }, { now: this.now ?? new Date() });
    if (!checked.ok) {
      this.profileIssues = checked.issues;
      // The fields say what is wrong, too (the same holder rule).
      const keys = checked.issues.map((i) => fieldKey(i));
      this.touched = new Set([...this.touched, ...keys]);
      return undefined;
    }
    this.profileIssues = [];
    this.profileSaving = true;
    const result = await profiles.create(checked.value);
    this.profileSaving = false;
    if (result.error) {
      this.profileError = result.error;
      return undefined;
    }
    const profile = result.data;
    this.profileMessage = this.t.profileSavedAs(profile.label || profile.holder.name);
    this.update_({ holder: { ...this.draft.holder, profileId: profile.id } });
    void this.profilesTask.run();
    this.emit(new IprProfileSavedEvent({ profile, created: true }));
    return profile;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.syncStore();
  }

  /** The store this form's draft belongs in: its key and the account's id (memory when the account is unknown). */
  private get wantedStore(): { key: string; storage: IprComplaintForm['draftStorage'] } | undefined {
    if (this.account === undefined) return undefined;
    return this.account === null
      ? { key: `${this.draftKey}:?`, storage: 'memory' }
      : { key: this.draftStoreKey!, storage: this.draftStorage };
  }

  /** Opens the wanted store when it is not the open one (`contact`: the account's, for an emptied form). */
  private syncStore(contact = this.accountTask.value?.contact) {
    const wanted = this.wantedStore;
    if (this.isConnected && wanted && `${wanted.storage}/${wanted.key}` !== this.storeKey)
      this.openStore(wanted, contact);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = undefined;
      void this.saveNow();
    }
  }

  private openStore(
    wanted: { key: string; storage: IprComplaintForm['draftStorage'] },
    contact: AccountContact | undefined,
  ) {
    const switching = this.storeKey !== undefined;
    // A change not yet saved belongs to the draft being left: save it there, not under the new key.
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = undefined;
      void this.saveNow();
    }
    // Another key (another account, another brand): the form starts empty; the restore below
    // fills it when that key has a draft.
    if (switching) this.clearState(contact);
    this.storeKey = `${wanted.storage}/${wanted.key}`;
    try {
      this.store = createDraftStore({ key: wanted.key, storage: wanted.storage });
    } catch {
      this.store = undefined;
    }
    this.ready = this.restore();
  }

  private async restore() {
    const saved = await this.store?.load().catch(() => null);
    if (!saved) return;
    const base = emptyDraft();
    const d = saved.draft as Partial<FormDraft> & { holder?: Partial<HolderDraft> | null };
    this.draft = {
      ...base,
      ...d,
      contact: { ...base.contact, ...(d.contact ?? {}) },
      holder: { ...base.holder, ...(d.holder ?? {}) },
      declaration: { ...base.declaration, ...(d.declaration ?? {}), version: DECLARATION_VERSION },
      productLinks: Array.isArray(d.productLinks) ? d.productLinks : [],
      evidence: Array.isArray(d.evidence) ? d.evidence : [],
    } as FormDraft;
    this.contactFromDraft = !!(d.contact && (d.contact.name || d.contact.email));
    for (const e of saved.evidence ?? []) this.known.set(e.id, e);
    this.idempotencyKey = saved.idempotencyKey || this.idempotencyKey;
    this.step = STEPS.includes(saved.step) ? saved.step : 'basics';
    this.restored = true;
    this.emit(new IprDraftRestoredEvent({ draft: saved.draft, step: this.step, updatedAt: saved.updatedAt }));
    void this.resolveNames();
  }

  /** Names for links restored from a draft (the draft keeps only the links). */
  private async resolveNames() {
    const api = this.api;
    if (!api || this.draft.productLinks.length === 0) return;
    const result = await api.products.resolveLinks(this.draft.productLinks);
    if (result.error) return;
    this.products = result.data.items.flatMap((r) => (r.product ? [r.product] : []));
    const picker = this.renderRoot.querySelector<IprProductPicker>('ipr-product-picker');
    if (picker) picker.products = this.products;
    this.requestUpdate();
  }

  private scheduleSave() {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.saveNow();
    }, 250);
  }

  /** Saves the draft now (normally debounced after each change). */
  async saveNow(): Promise<void> {
    if (!this.store || this.complaint) return;
    const ids = new Set([
      ...this.draft.evidence.map((e) => e.id),
      ...this.draft.holder.identificationAttachments,
      ...this.draft.holder.powerOfAttorney,
    ]);
    await this.store
      .save({
        draft: this.draft as unknown as Partial<ComplaintDraftInput>,
        evidence: [...ids].flatMap((id) => (this.known.has(id) ? [this.known.get(id)!] : [])),
        step: this.step,
        idempotencyKey: this.idempotencyKey,
        updatedAt: new Date().toISOString(),
      })
      .catch((error) => console.warn('[ipr] the draft could not be saved', error));
  }

  private update_(patch: Partial<FormDraft>) {
    this.draft = { ...this.draft, ...patch };
    this.serverIssues = [];
    // A duplicate refusal is about the type and products: once they change it no longer applies.
    if (this.submitError?.code === 'complaint.duplicate' && ('productLinks' in patch || 'type' in patch))
      this.submitError = undefined;
    this.scheduleSave();
  }

  private touch(key: string) {
    if (this.touched.has(key)) return;
    this.touched = new Set(this.touched).add(key);
  }

  /** What is sent: the holder only when the complainant is not the holder. */
  private get payload(): Record<string, unknown> {
    const d = this.draft;
    const contact = { ...d.contact };
    if (!contact.company) delete contact.company;
    const holder: Record<string, unknown> | null = d.isIprHolder
      ? null
      : {
          ...d.holder,
          powerOfAttorneyExpiresAt: d.holder.powerOfAttorneyExpiresAt || null,
        };
    if (holder && !holder.profileId) delete holder.profileId;
    return { ...d, contact, holder };
  }

  /** Every issue of the draft against the rules (and the server's last answer). */
  get issues(): Issue[] {
    const result = validateComplaintDraft(this.payload, { evidence: this.known, requireDeclaration: true });
    const own = result.ok ? [] : result.issues;
    return [...own, ...this.serverIssues];
  }

  private visibleIssues(key: string, all = this.issues): Issue[] {
    return all.filter((i) => fieldKey(i) === key && (this.touched.has(key) || this.attempted.has(stepOf(i))));
  }

  private async goTo(step: FormStep) {
    const previous = this.step;
    if (step === previous) return;
    this.step = step;
    this.scheduleSave();
    this.emit(new IprStepChangeEvent({ step, previous }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#step-heading')?.focus();
  }

  private async next() {
    const step = this.step;
    this.attempted = new Set(this.attempted).add(step);
    const issues = issuesForStep(this.issues, step);
    if (issues.length) {
      await this.updateComplete;
      this.focusIssue(issues[0]!);
      return;
    }
    const index = STEPS.indexOf(step);
    if (index < STEPS.length - 1) await this.goTo(STEPS[index + 1]!);
    else await this.submit();
  }

  private focusIssue(i: Issue) {
    const key = fieldKey(i);
    const target = this.renderRoot.querySelector<HTMLElement>(`[data-key="${key}"]`);
    if (!target) return;
    const root = target.shadowRoot;
    const inner = root ? (root.querySelector<HTMLElement>('#q') ?? root.querySelector<HTMLElement>('#add')) : null;
    (inner ?? target).focus();
  }

  /** Submits the draft (step 3). A retry after a failure reuses the idempotency key. */
  async submit(): Promise<Complaint | undefined> {
    const api = this.api;
    if (!api || this.submitting) return undefined;
    this.attempted = new Set([...this.attempted, ...STEPS]);
    const issues = this.issues;
    if (issues.length) {
      const first = stepOf(issues[0]!);
      if (first !== this.step) await this.goTo(first);
      return undefined;
    }
    this.submitting = true;
    this.submitError = undefined;
    const evidence = [...this.known.values()];
    const result = await api.complaints.create(this.payload, { idempotencyKey: this.idempotencyKey, evidence });
    this.submitting = false;
    if (result.error) {
      this.submitError = result.error;
      this.serverIssues = (result.error.issues ?? []).filter((i) => i.path.length > 0);
      await this.saveNow();
      this.emit(
        new IprComplaintSubmitFailedEvent({
          issues: result.error.issues ?? [],
          status: result.error.status,
          idempotencyKey: this.idempotencyKey,
        }),
      );
      const first = this.serverIssues[0];
      if (first && stepOf(first) !== this.step) await this.goTo(stepOf(first));
      return undefined;
    }
    this.complaint = result.data;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    await this.store?.clear().catch(() => undefined);
    this.emit(
      new IprComplaintSubmittedEvent({
        complaint: result.data,
        number: result.data.number,
        idempotencyKey: this.idempotencyKey,
      }),
    );
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#receipt-heading')?.focus();
    return result.data;
  }

  /** Clears the form for a new complaint (and the saved draft). */
  async reset(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    await this.store?.clear().catch(() => undefined);
    this.clearState(this.accountTask.value?.contact);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#step-heading')?.focus();
  }

  /** An empty form for a new complaint (the contact from the account); the saved draft is not touched. */
  private clearState(contact: AccountContact | undefined) {
    this.contactDefault = contact ? formContact(contact) : undefined;
    this.contactFromDraft = false;
    this.draft = { ...emptyDraft(), ...(this.contactDefault ? { contact: { ...this.contactDefault } } : {}) };
    this.known = new Map();
    this.products = [];
    this.touched = new Set();
    this.attempted = new Set();
    this.serverIssues = [];
    this.submitError = undefined;
    this.complaint = undefined;
    this.restored = false;
    this.profileIssues = [];
    this.profileError = undefined;
    this.profileMessage = '';
    this.idempotencyKey = newKey();
    this.step = 'basics';
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('draftKey') || changed.has('draftStorage')) this.syncStore();
  }

  // ---- rendering helpers -------------------------------------------------------------

  private errors(key: string, all: Issue[]): TemplateResult {
    const shown = this.visibleIssues(key, all);
    return html`<div id=${errId(key)} class="error" part="error">${shown.map((i) => html`<p>${this.issueText(i)}</p>`)}</div>`;
  }

  private textField(
    key: string,
    label: string,
    value: string,
    set: (v: string) => void,
    all: Issue[],
    opts: { type?: string; multiline?: boolean; required?: boolean; hint?: string; autocomplete?: string } = {},
  ) {
    const id = `f-${key.replace(/\./g, '-')}`;
    const invalid = this.visibleIssues(key, all).length > 0;
    const described = opts.hint ? `${errId(key)} ${id}-hint` : errId(key);
    const onInput = (e: Event) => set((e.target as HTMLInputElement).value);
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${opts.hint ? html`<p id="${id}-hint" class="hint">${opts.hint}</p>` : nothing}
      ${
        opts.multiline
          ? html`<textarea id=${id} data-key=${key} rows="5" maxlength=${LIMITS.maxDescriptionLength} .value=${value} ?required=${opts.required ?? true}
            aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${described} @input=${onInput} @blur=${() => this.touch(key)}></textarea>`
          : html`<input id=${id} data-key=${key} type=${opts.type ?? 'text'} .value=${value ?? ''} ?required=${opts.required ?? true} autocomplete=${opts.autocomplete ?? 'off'}
            aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${described} @input=${onInput} @blur=${() => this.touch(key)} />`
      }
      ${this.errors(key, all)}
    </div>`;
  }

  private renderBasics(all: Issue[]) {
    const t = this.t;
    const d = this.draft;
    const loc = this.shownLocale;
    const typeInvalid = this.visibleIssues('type', all).length > 0;
    const setContact = (k: keyof FormDraft['contact']) => (v: string) =>
      this.update_({ contact: { ...this.draft.contact, [k]: v } });
    // Edited details are no longer the saved profile's (the server would use the stored ones).
    const setHolder = (patch: Partial<HolderDraft>) =>
      this.update_({ holder: { ...this.draft.holder, ...patch, profileId: null } });
    const linkIssues = this.visibleIssues('productLinks', all);
    return html`
      <div class="field">
        <label for="f-type">${t.type}</label>
        <select id="f-type" data-key="type" required aria-invalid=${typeInvalid ? 'true' : 'false'} aria-describedby=${errId('type')}
          @change=${(e: Event) => {
            this.update_({ type: ((e.target as HTMLSelectElement).value || undefined) as FormDraft['type'] });
            this.touch('type');
          }}
          @blur=${() => this.touch('type')}>
          <option value="" ?selected=${!d.type}>${t.chooseType}</option>
          ${COMPLAINT_TYPES.map((type) => html`<option value=${type} ?selected=${d.type === type}>${COMPLAINT_TYPE_LABELS[type][loc]}</option>`)}
        </select>
        ${this.errors('type', all)}
      </div>
      <fieldset>
        <legend>${t.products}</legend>
        <ipr-product-picker data-key="productLinks" .client=${this.api} locale=${this.shownLocale} theme=${this.theme ?? nothing}
          .value=${d.productLinks} .products=${this.products} .issues=${linkIssues}
          @change=${(e: Event) => {
            const picker = e.currentTarget as IprProductPicker;
            this.products = [...this.products, ...picker.products.filter((p) => !this.products.includes(p))];
            this.update_({ productLinks: picker.value });
            this.touch('productLinks');
          }}></ipr-product-picker>
      </fieldset>
      ${this.textField('description', t.description, d.description, (v) => this.update_({ description: v }), all, { multiline: true, hint: t.descriptionHint })}
      <fieldset>
        <legend>${t.contact}</legend>
        <p class="hint">${t.contactHint}</p>
        <div class="grid">
          ${this.textField('contact.name', t.contactName, d.contact.name, setContact('name'), all, { autocomplete: 'name' })}
          ${this.textField('contact.email', t.contactEmail, d.contact.email, setContact('email'), all, { type: 'email', autocomplete: 'email' })}
          ${this.textField('contact.phone', t.contactPhone, d.contact.phone, setContact('phone'), all, { type: 'tel', autocomplete: 'tel' })}
          ${this.textField('contact.company', t.contactCompany, d.contact.company ?? '', setContact('company'), all, { required: false, autocomplete: 'organization' })}
        </div>
        <label class="check"><input id="f-disclose" type="checkbox" .checked=${d.discloseContactToSupplier}
          @change=${(e: Event) => this.update_({ discloseContactToSupplier: (e.target as HTMLInputElement).checked })} />${t.disclose}</label>
        <label class="check"><input id="f-holder" type="checkbox" .checked=${d.isIprHolder}
          @change=${(e: Event) => this.update_({ isIprHolder: (e.target as HTMLInputElement).checked })} />${t.isHolder}</label>
      </fieldset>
      ${
        d.isIprHolder
          ? nothing
          : html`<fieldset class="holder">
        <legend>${t.holder}</legend>
        ${this.renderProfileSelect()}
        ${this.textField('holder.name', t.holderName, d.holder.name, (v) => setHolder({ name: v }), all)}
        <div class="grid">
          <div class="field">
            <label for="f-holder-identificationType">${t.idType}</label>
            <select id="f-holder-identificationType" data-key="holder.identificationType" required
              aria-invalid=${this.visibleIssues('holder.identificationType', all).length ? 'true' : 'false'} aria-describedby=${errId('holder.identificationType')}
              @change=${(e: Event) => {
                setHolder({
                  identificationType: ((e.target as HTMLSelectElement).value ||
                    undefined) as HolderDraft['identificationType'],
                });
                this.touch('holder.identificationType');
              }}
              @blur=${() => this.touch('holder.identificationType')}>
              <option value="" ?selected=${!d.holder.identificationType}>${t.choose}</option>
              ${IDENTIFICATION_TYPES.map((k) => html`<option value=${k} ?selected=${d.holder.identificationType === k}>${t.idTypes[k]}</option>`)}
            </select>
            ${this.errors('holder.identificationType', all)}
          </div>
          ${this.textField('holder.identificationNumber', t.idNumber, d.holder.identificationNumber, (v) => setHolder({ identificationNumber: v }), all)}
        </div>
        ${this.holderPicker('holder.identificationAttachments', t.idAttachments, d.holder.identificationAttachments, all)}
        ${this.holderPicker('holder.powerOfAttorney', t.powerOfAttorney, d.holder.powerOfAttorney, all)}
        ${this.textField('holder.powerOfAttorneyExpiresAt', t.poaExpires, d.holder.powerOfAttorneyExpiresAt ?? '', (v) => setHolder({ powerOfAttorneyExpiresAt: v || null }), all, { type: 'date', required: false })}
        ${this.renderProfileSave()}
      </fieldset>`
      }
    `;
  }

  private holderPicker(
    key: 'holder.identificationAttachments' | 'holder.powerOfAttorney',
    label: string,
    ids: string[],
    all: Issue[],
  ) {
    const field = key === 'holder.powerOfAttorney' ? 'powerOfAttorney' : 'identificationAttachments';
    return html`<ipr-evidence-picker data-key=${key} name=${field} label=${label} .client=${this.api} locale=${this.shownLocale} theme=${this.theme ?? nothing}
      .descriptors=${ids.flatMap((id) => (this.known.has(id) ? [this.known.get(id)!] : []))}
      .value=${ids.map((id) => ({ id }))} .issues=${this.visibleIssues(key, all)}
      @change=${(e: Event) => this.pickerChanged(e, (refs) => this.update_({ holder: { ...this.draft.holder, [field]: refs.map((r) => r.id), profileId: null } }), key)}></ipr-evidence-picker>`;
  }

  /** "Use a saved holder": profiles whose power of attorney has expired are listed but cannot be chosen. */
  private renderProfileSelect() {
    if (!holderProfilesOf(this.api)) return nothing;
    const t = this.t;
    const profiles = this.profilesTask.value ?? [];
    const chosen = this.draft.holder.profileId ?? '';
    return html`<div class="field">
      <label for="f-holder-profile">${t.savedHolder}</label>
      <select id="f-holder-profile" ?disabled=${profiles.length === 0 && !this.profilesTask.value}
        @change=${(e: Event) => void this.useProfile((e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!chosen}>${t.savedHolderNone}</option>
        ${profiles.map((p) => {
          const poa = poaOf(p, this.now);
          return html`<option value=${p.id} data-state=${poa.state} ?disabled=${poa.state === 'expired'} ?selected=${chosen === p.id}>${profileOptionText(p, poa, t)}</option>`;
        })}
      </select>
    </div>`;
  }

  /** "Save these details as a profile" (not offered again for details that are a saved profile's). */
  private renderProfileSave() {
    if (!holderProfilesOf(this.api)) return nothing;
    const t = this.t;
    const problems = this.profileError
      ? [this.errorText(this.profileError)]
      : this.profileIssues.map((i) => this.issueText(i));
    return html`<div class="profile-save">
      <button type="button" class="save-profile" ?disabled=${this.profileSaving || !!this.draft.holder.profileId} aria-describedby="profile-save-error"
        @click=${() => void this.saveHolderProfile()}>${this.profileSaving ? t.savingProfile : t.saveHolderProfile}</button>
      <div id="profile-save-error" class="error" part="error" role="alert">${problems.map((m) => html`<p>${m}</p>`)}</div>
      <p class="hint profile-saved" role="status">${this.profileMessage}</p>
    </div>`;
  }

  private pickerChanged(e: Event, apply: (refs: EvidenceRef[]) => void, key: string) {
    const picker = e.currentTarget as IprEvidencePicker;
    for (const d of picker.descriptors) this.known.set(d.id, d);
    apply(picker.value);
    this.touch(key);
  }

  private renderEvidence(all: Issue[]) {
    const t = this.t;
    const d = this.draft;
    const email = this.largeAttachmentEmail;
    return html`
      ${d.type === 'picture_embezzlement' ? html`<p class="notice">${t.originalRule}</p>` : nothing}
      <ipr-evidence-picker data-key="evidence" name="evidence" .client=${this.api} locale=${this.shownLocale} theme=${this.theme ?? nothing}
        allow-original ?require-original=${d.type === 'picture_embezzlement'} required
        .descriptors=${d.evidence.flatMap((r) => (this.known.has(r.id) ? [this.known.get(r.id)!] : []))}
        .value=${d.evidence} .issues=${this.visibleIssues('evidence', all)}
        @change=${(e: Event) => this.pickerChanged(e, (refs) => this.update_({ evidence: refs }), 'evidence')}></ipr-evidence-picker>
      ${email ? html`<p class="hint large">${t.largeAttachments} <a href=${`mailto:${email}`}>${email}</a></p>` : nothing}
    `;
  }

  private renderReview(all: Issue[]) {
    const t = this.t;
    const d = this.draft;
    const loc = this.shownLocale;
    const names = new Map(this.products.map((p) => [p.url, p.name]));
    const decl = (
      k: 'goodFaith' | 'accurate' | 'authorised',
    ) => html`<label class="check"><input type="checkbox" id="f-decl-${k}"
      data-key=${k === 'goodFaith' ? 'declaration' : nothing} .checked=${d.declaration[k]} aria-describedby=${errId('declaration')}
      @change=${(e: Event) => {
        this.update_({ declaration: { ...this.draft.declaration, [k]: (e.target as HTMLInputElement).checked } });
      }} />${t.declarations[k]}</label>`;
    const evidenceName = (id: string) => this.known.get(id)?.name ?? id;
    return html`
      <dl class="review">
        <dt>${t.type}</dt><dd>${d.type ? COMPLAINT_TYPE_LABELS[d.type][loc] : t.none}</dd>
        <dt>${t.products}</dt><dd>${t.counter(d.productLinks.length, LIMITS.maxProductLinks)}
          <ul>${d.productLinks.slice(0, 20).map((url) => html`<li>${names.get(url) ?? url}</li>`)}${d.productLinks.length > 20 ? html`<li>…</li>` : nothing}</ul></dd>
        <dt>${t.description}</dt><dd>${d.description}</dd>
        <dt>${t.contact}</dt><dd>${[d.contact.name, d.contact.email, d.contact.phone, d.contact.company].filter(Boolean).join(' · ')}</dd>
        <dt>${t.disclose}</dt><dd>${d.discloseContactToSupplier ? t.yes : t.no}</dd>
        <dt>${t.isHolder}</dt><dd>${d.isIprHolder ? t.yes : `${t.no} — ${d.holder.name}`}</dd>
        <dt>${t.evidence}</dt><dd><ul>${d.evidence.map((r) => html`<li>${evidenceName(r.id)}${r.original ? ` (${t.original})` : ''}</li>`)}</ul></dd>
      </dl>
      <div class="row">${STEPS.slice(0, 2).map((s) => html`<button type="button" class="link" @click=${() => this.goTo(s)}>${t.edit}: ${t.steps[s]}</button>`)}</div>
      <fieldset>
        <legend>${t.declaration(DECLARATION_VERSION)}</legend>
        ${decl('goodFaith')}${decl('accurate')}${decl('authorised')}
        ${this.errors('declaration', all)}
      </fieldset>
    `;
  }

  /**
   * The error summary after a refused submit, under the step heading of whichever step the
   * form went to. An identical open complaint (409 `complaint.duplicate`, shown on step 1 with
   * the products) is named by its number: retrying would not help.
   */
  private renderSubmitError(error: ApiError) {
    const t = this.t;
    const duplicate =
      error.code === 'complaint.duplicate'
        ? (error.issues?.find((i) => i.code === 'complaint.duplicate') ?? error.issues?.[0])
        : undefined;
    const first = duplicate ?? error.issues?.[0];
    return html`<div class="notice danger submit-error" role="alert" part="error" data-code=${error.code}>
      <p>${duplicate ? t.duplicateComplaint : t.submitFailed}</p>
      <p>${first ? this.issueText(first) : error.message}</p>
    </div>`;
  }

  private renderReceipt(c: Complaint) {
    const t = this.t;
    return html`<div class="receipt" part="receipt">
      <h2 id="receipt-heading" tabindex="-1">${t.receiptTitle}</h2>
      <p>${t.receiptNumber}</p>
      <p class="number">${c.receipt?.number ?? c.number}</p>
      <p>${t.receiptProducts(c.products.length)} · ${t.receiptEvidence(c.evidence.length)}</p>
      <p>${t.receiptText}</p>
      <button type="button" @click=${() => void this.reset()}>${t.newComplaint}</button>
    </div>`;
  }

  /** What the live region says once "Next" was tried: how many problems the step still has. */
  private summary(all: Issue[]): string {
    const open = this.attempted.has(this.step) ? issuesForStep(all, this.step).length : 0;
    return open ? this.t.problems(open) : '';
  }

  protected override render() {
    const t = this.t;
    if (this.complaint) return this.renderReceipt(this.complaint);
    if (!this.api) return this.renderNoClient();
    const all = this.issues;
    const index = STEPS.indexOf(this.step);
    const last = index === STEPS.length - 1;
    return html`
      ${
        this.restored
          ? html`<div class="notice row" role="status"><span>${t.draftRestored}</span>
        <button type="button" class="link" @click=${() => void this.reset()}>${t.startOver}</button></div>`
          : nothing
      }
      <nav aria-label=${t.progressLabel}><ol class="steps" part="steps">
        ${STEPS.map((s, i) => html`<li aria-current=${s === this.step ? 'step' : nothing}>${i + 1}. ${t.steps[s]}</li>`)}
      </ol></nav>
      <form novalidate @submit=${(e: Event) => {
        e.preventDefault();
        void this.next();
      }}>
        <h2 id="step-heading" tabindex="-1" part="heading"><span class="sr-only">${t.stepOf(index + 1, STEPS.length)}: </span>${t.steps[this.step]}</h2>
        ${this.submitError ? this.renderSubmitError(this.submitError) : nothing}
        ${this.step === 'basics' ? this.renderBasics(all) : this.step === 'evidence' ? this.renderEvidence(all) : this.renderReview(all)}
        <p class="summary" role="alert">${this.summary(all)}</p>
        <div class="nav" part="nav">
          ${index > 0 ? html`<button type="button" class="back" @click=${() => this.goTo(STEPS[index - 1]!)}>${t.back}</button>` : html`<span></span>`}
          <button type="submit" class="primary next" ?disabled=${this.submitting}>${last ? (this.submitting ? t.submitting : this.submitError ? t.retry : t.submit) : t.next}</button>
        </div>
      </form>
    `;
  }
}
