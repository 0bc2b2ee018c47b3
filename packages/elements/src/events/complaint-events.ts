import type { Action, Complaint, ComplaintDraftInput, FormStep, Issue } from '@ipr/validators';

const init = { bubbles: true, composed: true } as const;

export interface IprComplaintSubmittedDetail {
  complaint: Complaint;
  /** The complaint number of the receipt, e.g. `IPR-2026-000123`. */
  number: string;
  idempotencyKey: string;
}
/** A complaint was created (the receipt is shown). */
export class IprComplaintSubmittedEvent extends CustomEvent<IprComplaintSubmittedDetail> {
  static readonly eventName = 'ipr-complaint-submitted';
  constructor(detail: IprComplaintSubmittedDetail) {
    super(IprComplaintSubmittedEvent.eventName, { ...init, detail });
  }
}

export interface IprComplaintSubmitFailedDetail {
  issues: Issue[];
  status: number;
  idempotencyKey: string;
}
/** Submitting failed; the draft is kept and the same submission can be retried. */
export class IprComplaintSubmitFailedEvent extends CustomEvent<IprComplaintSubmitFailedDetail> {
  static readonly eventName = 'ipr-complaint-submit-failed';
  constructor(detail: IprComplaintSubmitFailedDetail) {
    super(IprComplaintSubmitFailedEvent.eventName, { ...init, detail });
  }
}

export interface IprComplaintCancelledDetail {
  complaint: Complaint;
  reason: string | null;
}
/** A complaint was cancelled from the list or the detail view. */
export class IprComplaintCancelledEvent extends CustomEvent<IprComplaintCancelledDetail> {
  static readonly eventName = 'ipr-complaint-cancelled';
  constructor(detail: IprComplaintCancelledDetail) {
    super(IprComplaintCancelledEvent.eventName, { ...init, detail });
  }
}

export interface IprComplaintActionDetail {
  action: Action;
  complaint: Complaint;
  reason: string | null;
}
/** Any lifecycle action succeeded (cancel, check now, confirm & close, arbitration, ...). */
export class IprComplaintActionEvent extends CustomEvent<IprComplaintActionDetail> {
  static readonly eventName = 'ipr-complaint-action';
  constructor(detail: IprComplaintActionDetail) {
    super(IprComplaintActionEvent.eventName, { ...init, detail });
  }
}

export interface IprComplaintOpenDetail {
  id: string;
  number: string;
}
/** The user chose a complaint number in the list (the host may show `<ipr-complaint-detail>`). Cancelable. */
export class IprComplaintOpenEvent extends CustomEvent<IprComplaintOpenDetail> {
  static readonly eventName = 'ipr-complaint-open';
  constructor(detail: IprComplaintOpenDetail) {
    super(IprComplaintOpenEvent.eventName, { ...init, cancelable: true, detail });
  }
}

export interface IprDraftRestoredDetail {
  draft: Partial<ComplaintDraftInput>;
  step: FormStep;
  updatedAt: string;
}
/** A saved draft was restored into the form. */
export class IprDraftRestoredEvent extends CustomEvent<IprDraftRestoredDetail> {
  static readonly eventName = 'ipr-draft-restored';
  constructor(detail: IprDraftRestoredDetail) {
    super(IprDraftRestoredEvent.eventName, { ...init, detail });
  }
}

export interface IprStepChangeDetail {
  step: FormStep;
  previous: FormStep;
}
/** The form moved to another step. */
export class IprStepChangeEvent extends CustomEvent<IprStepChangeDetail> {
  static readonly eventName = 'ipr-step-change';
  constructor(detail: IprStepChangeDetail) {
    super(IprStepChangeEvent.eventName, { ...init, detail });
  }
}
