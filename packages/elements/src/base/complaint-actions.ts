import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  ARBITRATION_DECISIONS,
  TRANSITIONS,
  validateReason,
  type Action,
  type ArbitrationDecision,
  type Complaint,
  type Issue,
} from '@ipr/validators';
import { IprApiElement } from './api-element.js';
import { LiveController } from './live-events.js';
import { IprComplaintActionEvent, IprComplaintCancelledEvent } from '../events/index.js';
import type { ApiError, ComplaintEvent } from '../api.js';

/**
 * `live` is on unless the attribute says `live="false"` (or is removed): an absent attribute
 * keeps the default (true), as Lit only converts attributes that change.
 */
const liveAttribute = {
  fromAttribute: (value: string | null) => value !== null && value.trim().toLowerCase() !== 'false',
};

/** Actions the elements offer; `respond` needs a per-product form and is left to the supplier's own UI. */
export const UI_ACTIONS: readonly Action[] = [
  'check',
  'confirm_close',
  'request_arbitration',
  'cancel',
  'forward_to_supplier',
  'issue_result',
];

interface Pending {
  id: string;
  number: string;
  action: Action;
  trigger?: HTMLElement | null;
}

/**
 * Lifecycle actions shared by the list and the detail view: irreversible actions and those
 * needing a reason go through a modal dialog (confirmation, reason field); the others run at once.
 */
export class IprComplaintActionsElement extends IprApiElement {
  @state() protected pendingAction?: Pending;
  @state() protected actionReason = '';
  @state() protected actionDecision: ArbitrationDecision = 'upheld';
  @state() protected actionIssues: Issue[] = [];
  @state() protected actionError?: ApiError;
  @state() protected actionBusy = false;

  /**
   * Follow status changes as they happen (`GET /v1/events` through the client's
   * `events.subscribe`; one stream per client is shared by the elements using it). On by
   * default; `live="false"` or removing the attribute turns it off.
   */
  @property({ converter: liveAttribute }) live = true;

  protected liveController = new LiveController(
    this,
    (e) => this.liveEvent(e),
    () => this.liveResumed(),
  );

  /** Called for every complaint event while live. */
  protected liveEvent(_e: ComplaintEvent): void {}

  /** Called when the stream is open again after a drop: catch up with what may have been missed. */
  protected liveResumed(): void {}

  /** Called with the updated complaint after an action succeeded. */
  protected actionDone(_complaint: Complaint, _action: Action): void {}

  /**
   * A small "Live / Reconnecting… / Not live" indicator (a polite status); nothing when not
   * live, and nothing before the first connection, so loading the page announces nothing.
   */
  protected renderLiveIndicator(): TemplateResult | typeof nothing {
    const s = this.liveController.state;
    if (!s || !this.liveController.wasOpen) return nothing;
    return html`<span class="live" part="live" data-state=${s} role="status"><span class="dot" aria-hidden="true"></span><span class="sr-only">${this.t.liveLabel} </span>${this.t.liveStates[s]}</span>`;
  }

  /** Issues in the shown locale; a refused transition names the status and the action by their labels. */
  protected override issueText(issue: Issue): string {
    if (issue.code === 'transition.not_allowed' && issue.params) {
      const { status, action } = issue.params as { status?: unknown; action?: unknown };
      const statusLabel = typeof status === 'string' ? this.t.statuses[status] : undefined;
      const actionLabel = typeof action === 'string' ? this.t.actionLabels[action] : undefined;
      if (statusLabel && actionLabel) return this.t.transitionNotAllowed(actionLabel, statusLabel);
    }
    return super.issueText(issue);
  }

  /** Starts an action: asks first when it is irreversible or needs a reason. */
  requestAction(id: string, number: string, action: Action, trigger?: HTMLElement | null) {
    const rule = TRANSITIONS[action];
    this.pendingAction = { id, number, action, trigger };
    this.actionReason = '';
    this.actionIssues = [];
    this.actionError = undefined;
    if (rule.irreversible || rule.reason) {
      void this.updateComplete.then(() => {
        const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog.action');
        if (dialog && !dialog.open) dialog.showModal();
        dialog?.querySelector<HTMLElement>('textarea, select, button.confirm')?.focus();
      });
    } else void this.runAction();
  }

  private chooseDecision(value: string) {
    this.actionDecision = ARBITRATION_DECISIONS.find((d) => d === value) ?? this.actionDecision;
  }

  private closeDialog() {
    const trigger = this.pendingAction?.trigger;
    this.renderRoot.querySelector<HTMLDialogElement>('dialog.action')?.close();
    this.pendingAction = undefined;
    if (trigger?.isConnected) trigger.focus();
  }

  protected async runAction() {
    const p = this.pendingAction;
    const api = this.api;
    if (!p || !api || this.actionBusy) return;
    const rule = TRANSITIONS[p.action];
    let body: { decision: ArbitrationDecision; notice: string | null } | { reason: string } | undefined;
    /** The reason (or the result's notice) the action events carry. */
    let reason: string | null = null;
    if (p.action === 'issue_result') {
      const notice = validateReason(this.actionReason, true);
      if (!notice.ok) {
        this.actionIssues = notice.issues;
        return;
      }
      body = { decision: this.actionDecision, notice: notice.value };
      reason = notice.value;
    } else if (rule.reason || p.action === 'cancel') {
      const checked = validateReason(this.actionReason, rule.reason);
      if (!checked.ok) {
        this.actionIssues = checked.issues;
        return;
      }
      if (checked.value) body = { reason: checked.value };
      reason = checked.value;
    }
    this.actionBusy = true;
    const result = await api.complaints.act(p.id, p.action, body);
    this.actionBusy = false;
    if (result.error) {
      this.actionError = result.error;
      return;
    }
    const done = p;
    this.closeDialog();
    this.actionDone(result.data, done.action);
    this.emit(new IprComplaintActionEvent({ action: done.action, complaint: result.data, reason }));
    if (done.action === 'cancel') this.emit(new IprComplaintCancelledEvent({ complaint: result.data, reason }));
  }

  protected renderActionButtons(c: { id: string; number: string }, actions: readonly Action[]): TemplateResult {
    const t = this.t;
    const offered = actions.filter((a) => UI_ACTIONS.includes(a));
    return html`${offered.map(
      (a) => html`<button type="button" class="action" data-action=${a}
      aria-label=${`${t.actionLabels[a]} ${c.number}`}
      @click=${(e: Event) => this.requestAction(c.id, c.number, a, e.currentTarget as HTMLElement)}>${t.actionLabels[a]}</button>`,
    )}`;
  }

  /** The status line for an action that ran without a dialog and failed. */
  protected renderActionError(): TemplateResult | typeof nothing {
    if (!this.actionError || this.renderRoot.querySelector('dialog.action[open]')) return nothing;
    const e = this.actionError;
    return html`<p class="error" role="alert">${this.errorText(e)}</p>`;
  }

  protected renderActionDialog(): TemplateResult {
    const t = this.t;
    const p = this.pendingAction;
    const rule = p ? TRANSITIONS[p.action] : undefined;
    const withReason = !!p && (rule!.reason || p.action === 'cancel');
    return html`<dialog class="action" part="dialog" aria-labelledby="action-title" @cancel=${(e: Event) => {
      e.preventDefault();
      if (!this.actionBusy) this.closeDialog();
    }}>
      ${
        p
          ? html`<form method="dialog" novalidate @submit=${(e: Event) => {
              e.preventDefault();
              void this.runAction();
            }}>
        <h3 id="action-title">${t.confirmAction(t.actionLabels[p.action] ?? p.action, p.number)}</h3>
        ${rule!.irreversible ? html`<p>${t.irreversible}</p>` : nothing}
        ${
          p.action === 'issue_result'
            ? html`<label for="decision">${t.decision}</label>
          <select id="decision" @change=${(e: Event) => this.chooseDecision((e.target as HTMLSelectElement).value)}>
            ${ARBITRATION_DECISIONS.map((d) => html`<option value=${d} ?selected=${this.actionDecision === d}>${t.decisions[d]}</option>`)}
          </select>`
            : nothing
        }
        ${
          withReason || p.action === 'issue_result'
            ? html`<div class="field">
          <label for="reason">${p.action === 'issue_result' ? t.notice : t.reason}</label>
          <textarea id="reason" rows="3" ?required=${rule!.reason} .value=${this.actionReason} aria-describedby="reason-error"
            aria-invalid=${this.actionIssues.length ? 'true' : 'false'}
            @input=${(e: Event) => (this.actionReason = (e.target as HTMLTextAreaElement).value)}></textarea>
          <div id="reason-error" class="error" aria-live="polite">${this.actionIssues.map((i) => html`<p>${this.issueText(i)}</p>`)}</div>
        </div>`
            : nothing
        }
        ${this.actionError ? html`<p class="error" role="alert">${this.errorText(this.actionError)}</p>` : nothing}
        <div class="row">
          <button type="submit" class="primary confirm" ?disabled=${this.actionBusy}>${t.confirm}</button>
          <button type="button" class="dismiss" @click=${() => this.closeDialog()}>${t.cancel}</button>
        </div>
      </form>`
          : nothing
      }
    </dialog>`;
  }
}
