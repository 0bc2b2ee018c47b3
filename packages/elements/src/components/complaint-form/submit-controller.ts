import { type Complaint, type FormStep, type Issue, stepOf } from '@ipr/validators';
import type { ApiError } from '../../api.js';
import { IprComplaintSubmitFailedEvent, IprComplaintSubmittedEvent } from '../../events/index.js';
import type { DraftController } from './draft-controller.js';
import type { FormHost } from './form-host.js';
import { type FormDraft, newKey, STEPS } from './form-model.js';
import type { IssuesController } from './issues-controller.js';
import type { KnownItems } from './known-items.js';

export interface SubmitOptions {
  issues: IssuesController;
  drafts: DraftController;
  known: KnownItems;
  /** Every issue of the draft now. */
  allIssues(): Issue[];
  /** What is sent. */
  payload(): Record<string, unknown>;
  /** The step shown. */
  step(): FormStep;
  goTo(step: FormStep): Promise<void>;
}

/**
 * Filing the complaint: one idempotency key per draft (kept with it), so a retry after a failure
 * never files a second complaint. A refusal keeps the draft, shows the server's issues at their
 * fields and goes to the step of the first; success clears the saved draft and shows the receipt.
 */
export class SubmitController {
  /** The complaint is being sent. */
  submitting = false;
  /** The last refusal (until the next attempt, or the type or products change for a duplicate). */
  error?: ApiError;
  /** The filed complaint (the receipt is shown). */
  complaint?: Complaint;
  /** The idempotency key the next submit uses. */
  key = newKey();

  constructor(
    private readonly host: FormHost,
    private readonly options: SubmitOptions,
  ) {}

  async submit(): Promise<Complaint | undefined> {
    const api = this.host.api;
    const { issues, drafts, known } = this.options;
    if (!api || this.submitting) return undefined;
    issues.attempt(...STEPS);
    const open = this.options.allIssues();
    if (open.length) {
      const first = stepOf(open[0]!);
      if (first !== this.options.step()) await this.options.goTo(first);
      return undefined;
    }
    this.submitting = true;
    this.error = undefined;
    this.host.requestUpdate();
    const evidence = [...known.evidence.values()];
    const result = await api.complaints.create(this.options.payload(), { idempotencyKey: this.key, evidence });
    this.submitting = false;
    this.host.requestUpdate();
    if (result.error) {
      this.error = result.error;
      issues.refused(result.error.issues ?? []);
      await drafts.saveNow();
      this.host.emit(
        new IprComplaintSubmitFailedEvent({
          issues: result.error.issues ?? [],
          status: result.error.status,
          idempotencyKey: this.key,
        }),
      );
      const first = issues.serverIssues[0];
      if (first && stepOf(first) !== this.options.step()) await this.options.goTo(stepOf(first));
      return undefined;
    }
    this.complaint = result.data;
    this.host.requestUpdate();
    await drafts.clear();
    this.host.emit(
      new IprComplaintSubmittedEvent({ complaint: result.data, number: result.data.number, idempotencyKey: this.key }),
    );
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('#receipt-heading')?.focus();
    return result.data;
  }

  /** The draft changed: a duplicate refusal is about the type and products, and no longer applies once they change. */
  changed(patch: Partial<FormDraft>): void {
    if (this.error?.code === 'complaint.duplicate' && ('productLinks' in patch || 'type' in patch))
      this.error = undefined;
  }

  /** A new complaint: no outcome, a new key. */
  startOver(): void {
    this.error = undefined;
    this.complaint = undefined;
    this.key = newKey();
    this.host.requestUpdate();
  }
}
