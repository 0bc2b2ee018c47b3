import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { type Complaint, type FormStep, type HolderProfile, type Issue, issuesForStep } from '@ipr/validators';
import type { StoredDraft } from '@ipr/client';
import { IprApiElement } from '../../base/api-element.js';
import { IprDraftRestoredEvent, IprStepChangeEvent } from '../../events/index.js';
import type { IprClient } from '../../api.js';
import { AccountContactController } from './account-contact-controller.js';
import { DraftController } from './draft-controller.js';
import { draftFromStored, emptyDraft, evidenceIdsOf, type FormDraft, payloadOf, STEPS } from './form-model.js';
import { HolderProfilesController } from './holder-profiles-controller.js';
import { IssuesController } from './issues-controller.js';
import { KnownItems } from './known-items.js';
import { SubmitController } from './submit-controller.js';
import { basicsStep } from './steps/basics-step.js';
import { evidenceStep } from './steps/evidence-step.js';
import { reviewStep } from './steps/review-step.js';
import type { StepContext } from './steps/step-context.js';
import { PictureCheckController } from './picture-check-controller.js';
import { receipt, submitError } from './steps/submit-outcome.js';
import { styles } from './complaint-form.styles.js';

export type { FormDraft } from './form-model.js';

/** The template of each step. */
const STEP_VIEWS: Record<FormStep, (ctx: StepContext) => TemplateResult> = {
  basics: basicsStep,
  evidence: evidenceStep,
  review: reviewStep,
};

/**
 * The complaint form of the help page in three steps: 1) type, products, description,
 * complainant contact (pre-filled from the account), disclosure consent, IPR holder;
 * 2) evidence; 3) review, declaration and submit, then a receipt with the number.
 * The draft is kept (IndexedDB) across reloads; a failed submit keeps it and retries with
 * the same idempotency key, so a retry never files a second complaint.
 *
 * @tagname ipr-complaint-form
 * @fires ipr-complaint-submitted - The complaint was created (detail: `{ complaint, number, idempotencyKey }`).
 * @fires ipr-complaint-submit-failed - Submitting failed; the draft is kept (detail: `{ issues, status, idempotencyKey }`).
 * @fires ipr-draft-restored - A saved draft was restored (detail: `{ draft, step, updatedAt }`).
 * @fires ipr-draft-error - The draft storage failed; the form goes on (in memory when the storage cannot be opened or read) (detail: `{ operation, key, storage, cause, fallback }`; cancelable: preventDefault() stops the console warning).
 * @fires ipr-error - A look-up the form made by itself failed (account, saved holders, product or evidence names); it goes on without (detail: `{ operation, cause }`; cancelable: preventDefault() stops the console warning).
 * @fires ipr-step-change - The step changed (detail: `{ step, previous }`).
 * @fires ipr-restriction-failed - Bubbles up from the pickers when a file or link is refused.
 * @fires ipr-profile-saved - The holder details were saved as a profile (detail: `{ profile, created: true }`).
 * @csspart steps - The step indicator.
 * @csspart heading - The step heading (receives focus on step change).
 * @csspart nav - The back / next / submit buttons.
 * @csspart picture-warning - On review of a Picture Embezzlement complaint: the products matching none of the originals.
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

  /** A saved draft was restored (a notice offers to start over). */
  @state() private restored = false;

  private readonly known = new KnownItems(this);
  private readonly checks = new IssuesController(this);
  private readonly drafts: DraftController = new DraftController(this, {
    account: () => this.account.id,
    snapshot: () =>
      this.submission.complaint
        ? undefined
        : {
            draft: this.draft as unknown as StoredDraft['draft'],
            evidence: this.known.descriptors(evidenceIdsOf(this.draft)),
            step: this.step,
            idempotencyKey: this.submission.key,
            updatedAt: new Date().toISOString(),
          },
    onSwitch: () => this.startOver(),
    onRestore: (saved) => this.restore(saved),
  });
  private readonly account: AccountContactController = new AccountContactController(this, () => this.drafts.sync());
  private readonly profiles: HolderProfilesController = new HolderProfilesController(this, {
    changeHolder: (holder) => this.change({ holder }),
    touch: (keys) => this.checks.touch(...keys),
    now: () => this.now,
    known: this.known,
  });
  private readonly pictureCheck = new PictureCheckController(this, () => ({
    api: this.api,
    reviewing: this.step === 'review',
    draft: this.draft,
  }));
  private readonly submission: SubmitController = new SubmitController(this, {
    issues: this.checks,
    drafts: this.drafts,
    known: this.known,
    allIssues: () => this.issues,
    payload: () => payloadOf(this.draft),
    step: () => this.step,
    goTo: (step) => this.goTo(step),
  });

  /**
   * Resolves once the saved draft (if any) has been loaded into the form, after pending property
   * changes (a new `draft-key` set just before is waited for).
   */
  get draftReady(): Promise<void> {
    return this.updateComplete.then(() => this.account.settled).then(() => this.drafts.ready);
  }

  /**
   * The key the draft is stored under (`<draft-key>:<account id>`; undefined until the API has said
   * whose token this is), for a host that reads or clears drafts with `@ipr/client`'s `createDraftStore`.
   */
  get draftStoreKey(): string | undefined {
    return this.drafts.storeKey;
  }

  /** The idempotency key the next submit uses (kept with the draft). */
  get submissionKey(): string {
    return this.submission.key;
  }

  /** Every issue of the draft against the rules (and the server's last answer). */
  get issues(): Issue[] {
    return this.checks.all(payloadOf(this.draft), this.known.evidence);
  }

  /** Loads the saved holder profiles again (e.g. after the host's `<ipr-holder-profiles>` changed them). */
  async refreshHolderProfiles(): Promise<void> {
    await this.profiles.refresh();
  }

  /** Fills the holder fields from a saved profile and records its id (the server then uses the stored holder). */
  async useProfile(id: string): Promise<void> {
    await this.profiles.use(id);
  }

  /** Saves the holder details as a profile ("Save these details as a profile"); problems are shown in place. */
  async saveHolderProfile(): Promise<HolderProfile | undefined> {
    return this.profiles.save();
  }

  /** Saves the draft now (normally debounced after each change). */
  async saveNow(): Promise<void> {
    await this.drafts.saveNow();
  }

  /** Submits the draft (step 3). A retry after a failure reuses the idempotency key. */
  async submit(): Promise<Complaint | undefined> {
    return this.submission.submit();
  }

  /** Clears the form for a new complaint (and the saved draft). */
  async reset(): Promise<void> {
    await this.drafts.clear();
    this.startOver();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#step-heading')?.focus();
  }

  /** An edit of the person's: kept (debounced save); the server's last answer no longer applies. */
  private change(patch: Partial<FormDraft> | ((draft: FormDraft) => Partial<FormDraft>)) {
    const p = typeof patch === 'function' ? patch(this.draft) : patch;
    this.draft = { ...this.draft, ...p };
    this.checks.changed();
    this.submission.changed(p);
    this.drafts.schedule();
  }

  /** A saved draft into the form, at the step it was left on. */
  private restore(saved: StoredDraft) {
    this.draft = draftFromStored(saved.draft);
    this.account.restored(saved.draft.contact);
    this.known.remember(saved.evidence ?? []);
    this.submission.key = saved.idempotencyKey || this.submission.key;
    this.step = STEPS.includes(saved.step) ? saved.step : 'basics';
    this.restored = true;
    this.emit(new IprDraftRestoredEvent({ draft: saved.draft, step: this.step, updatedAt: saved.updatedAt }));
    void this.known.resolveProducts(this.draft.productLinks);
  }

  /** An empty form for a new complaint (the contact from the account); the saved draft is not touched. */
  private startOver() {
    const contact = this.account.startOver();
    this.draft = { ...emptyDraft(), ...(contact ? { contact } : {}) };
    this.known.clear();
    this.checks.clear();
    this.submission.startOver();
    this.profiles.clearFeedback();
    this.restored = false;
    this.step = 'basics';
  }

  private async goTo(step: FormStep) {
    const previous = this.step;
    if (step === previous) return;
    this.step = step;
    this.drafts.schedule();
    this.emit(new IprStepChangeEvent({ step, previous }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#step-heading')?.focus();
  }

  /** "Next": shows the step's problems and focuses the first, or goes on (submits on the last step). */
  private async next() {
    const step = this.step;
    this.checks.attempt(step);
    const [first] = issuesForStep(this.issues, step);
    if (first) {
      await this.updateComplete;
      this.checks.focus(first);
      return;
    }
    const index = STEPS.indexOf(step);
    if (index < STEPS.length - 1) await this.goTo(STEPS[index + 1]!);
    else await this.submit();
  }

  /** What the step templates get for this render. */
  private context(api: IprClient, issues: Issue[]): StepContext {
    return {
      t: this.t,
      locale: this.shownLocale,
      api,
      theme: this.theme,
      draft: this.draft,
      known: this.known,
      profiles: this.profiles,
      now: this.now,
      largeAttachmentEmail: this.largeAttachmentEmail,
      unmatchedPictures: this.pictureCheck.unmatched,
      shown: (key) => this.checks.shown(key, issues),
      issueText: (issue) => this.issueText(issue),
      errorText: (error) => this.errorText(error),
      change: (patch) => this.change(patch),
      touch: (key) => this.checks.touch(key),
      goTo: (step) => void this.goTo(step),
    };
  }

  protected override render() {
    const t = this.t;
    const filed = this.submission.complaint;
    if (filed) return receipt({ t }, filed, () => void this.reset());
    const api = this.api;
    if (!api) return this.renderNoClient();
    const issues = this.issues;
    const ctx = this.context(api, issues);
    const index = STEPS.indexOf(this.step);
    const last = index === STEPS.length - 1;
    const error = this.submission.error;
    const open = this.checks.openOn(this.step, issues);
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
        ${error ? submitError(ctx, error) : nothing}
        ${STEP_VIEWS[this.step](ctx)}
        <p class="summary" role="alert">${open ? t.problems(open) : ''}</p>
        <div class="nav" part="nav">
          ${index > 0 ? html`<button type="button" class="back" @click=${() => this.goTo(STEPS[index - 1]!)}>${t.back}</button>` : html`<span></span>`}
          <button type="submit" class="primary next" ?disabled=${this.submission.submitting}>${last ? (this.submission.submitting ? t.submitting : error ? t.retry : t.submit) : t.next}</button>
        </div>
      </form>
    `;
  }
}
