import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import {
  COMPLAINT_TYPE_LABELS,
  SUPPLIER_RESPONSES,
  SUPPLIER_RESPONSE_LABELS,
  formatBytes,
  receiptText,
  validateSupplierResponse,
  type Action,
  type Complaint,
  type Issue,
  type Receipt,
  type SupplierResponse,
} from '@ipr/validators';
import { IprComplaintActionsElement } from '../../base/complaint-actions.js';
import { downloadBlob } from '../../base/download.js';
import { IprComplaintActionEvent, IprComplaintUpdatedEvent } from '../../events/index.js';
import { formatDate } from '../../i18n/index.js';
import { unwrap, type ApiError, type ComplaintEvent } from '../../api.js';
import { styles } from './complaint-detail.styles.js';
import { pictureMatchesSection, pictureMatchesTask } from './picture-matches.js';

/**
 * One complaint: status, description, contact, per-product status (after "Check now"),
 * evidence, the arbitration notice, the history of transitions, and the actions the caller
 * may take now. A supplier answers for its products there (removed, or not infringing with a
 * statement). The complainant also sees the receipt (number, time, declaration version,
 * products, evidence with SHA-256) with "Print receipt" and "Download receipt".
 *
 * While `live` (the default), the complaint is fetched again when it changes elsewhere.
 *
 * @tagname ipr-complaint-detail
 * @fires ipr-complaint-updated - The complaint changed elsewhere (detail: `{ id, status, action }`).
 * @fires ipr-complaint-action - An action succeeded (detail: `{ action, complaint, reason }`).
 * @fires ipr-complaint-cancelled - The complaint was cancelled (detail: `{ complaint, reason }`).
 * @csspart header - Number and status.
 * @csspart products - The per-product table.
 * @csspart history - The history list.
 * @csspart arbitration - The arbitration notice.
 * @csspart actions - The action buttons.
 * @csspart dialog - The confirmation dialog.
 * @csspart error - Error messages.
 * @csspart live - The live indicator (connected / reconnecting).
 * @csspart receipt - The receipt (the only part printed by "Print receipt").
 * @csspart respond - The supplier's per-product answer form.
 * @csspart pictures - The picture matches of a Picture Embezzlement complaint.
 * @cssprop --ipr-color-primary - Accent color.
 */
export class IprComplaintDetail extends IprComplaintActionsElement {
  static override styles = styles;

  /** The id of the complaint to show. */
  @property({ attribute: 'complaint-id', reflect: true }) complaintId = '';

  /** The complaint shown (after loading, or after an action). */
  @state() complaint?: Complaint;

  /** The supplier's answers being written, by product id. */
  @state() private answers = new Map<string, { response: SupplierResponse | ''; statement: string }>();
  @state() private respondIssues: { productId?: string; issue: Issue }[] = [];
  @state() private respondError?: ApiError;
  @state() private responding = false;
  @state() private respondMessage = '';

  private task = new Task(this, {
    task: async ([api, id]: [IprComplaintDetail['api'], string], { signal }) => {
      if (!api || !id) return undefined;
      const complaint = await unwrap(api.complaints.get(id, { signal }));
      this.complaint = complaint;
      return complaint;
    },
    args: () => [this.api, this.complaintId] as [IprComplaintDetail['api'], string],
  });

  private pictures = pictureMatchesTask(this, () => [this.api, this.complaint?.id, this.complaint?.type]);

  /** Reloads the complaint. */
  refresh() {
    return this.task.run();
  }

  protected override actionDone(complaint: Complaint, _action: Action): void {
    this.complaint = complaint;
  }

  protected override liveEvent(e: ComplaintEvent): void {
    if (!this.complaintId || e.id !== this.complaintId) return;
    const shown = this.complaint?.id === e.id ? this.complaint : undefined;
    // Our own action already shows this state; anything else is fetched again.
    if (!shown || shown.status !== e.status || shown.updatedAt !== e.updatedAt) void this.task.run();
    this.emit(new IprComplaintUpdatedEvent({ id: e.id, status: e.status, action: e.action }));
  }

  protected override liveResumed(): void {
    if (this.complaintId) void this.task.run();
  }

  /** Saves the receipt as a text file (the words come from `receiptText` of @ipr/validators). */
  downloadReceipt(): void {
    const receipt = this.complaint?.receipt;
    if (!receipt) return;
    const blob = new Blob([receiptText(receipt, this.shownLocale)], { type: 'text/plain;charset=utf-8' });
    downloadBlob(blob, `${receipt.number}-receipt.txt`, this.renderRoot);
  }

  /** Prints the receipt alone (a print stylesheet hides the rest of the element). */
  printReceipt(): void {
    this.setAttribute('printing-receipt', '');
    const done = () => {
      this.removeAttribute('printing-receipt');
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
    try {
      window.print();
    } finally {
      // window.print blocks until the dialog closes in most browsers; afterprint covers the rest.
      setTimeout(done, 0);
    }
  }

  private renderReceipt(r: Receipt) {
    const t = this.t;
    const loc = this.shownLocale;
    return html`<section class="receipt" part="receipt" aria-labelledby="receipt-h">
      <h3 id="receipt-h">${t.receipt}</h3>
      <dl>
        <dt>${t.receiptNumber}</dt><dd class="receipt-number">${r.number}</dd>
        <dt>${t.receiptSubmittedAt}</dt><dd><time datetime=${r.submittedAt}>${formatDate(r.submittedAt, loc, true)}</time></dd>
        <dt>${t.receiptDeclarationVersion}</dt><dd class="receipt-declaration">${r.declarationVersion}</dd>
      </dl>
      <h4>${t.products}</h4>
      <ul class="receipt-products">${r.products.map((p) => html`<li data-product=${p.productId}>${p.url}</li>`)}</ul>
      <h4>${t.evidence}</h4>
      <ul class="receipt-evidence">${r.evidence.map(
        (e) => html`<li data-evidence=${e.id}><span class="name">${e.name}</span><br />
        <span class="meta">${t.receiptEvidenceHash}: <code class="sha256">${e.sha256}</code></span></li>`,
      )}</ul>
      <div class="row no-print">
        <button type="button" class="print-receipt" @click=${() => this.printReceipt()}>${t.printReceipt}</button>
        <button type="button" class="download-receipt" @click=${() => this.downloadReceipt()}>${t.downloadReceipt}</button>
      </div>
    </section>`;
  }

  private answerFor(p: Complaint['products'][number]) {
    return (
      this.answers.get(p.productId) ?? {
        response: (p.supplierResponse ?? '') as SupplierResponse | '',
        statement: p.supplierStatement ?? '',
      }
    );
  }

  private setAnswer(
    p: Complaint['products'][number],
    patch: Partial<{ response: SupplierResponse | ''; statement: string }>,
  ) {
    const next = new Map(this.answers);
    next.set(p.productId, { ...this.answerFor(p), ...patch });
    this.answers = next;
    this.respondIssues = this.respondIssues.filter((i) => i.productId !== p.productId);
    this.respondMessage = '';
  }

  /** Sends the supplier's answers (checked by the validators' rule first). */
  async sendResponse(c: Complaint) {
    const api = this.api;
    if (!api || this.responding) return;
    const chosen = c.products.flatMap((p) => {
      const a = this.answerFor(p);
      return a.response
        ? [
            {
              productId: p.productId,
              response: a.response,
              ...(a.statement.trim() ? { statement: a.statement.trim() } : {}),
            },
          ]
        : [];
    });
    const checked = validateSupplierResponse({ products: chosen });
    if (!checked.ok) {
      this.respondIssues = checked.issues.map((issue) => ({
        productId: typeof issue.path[1] === 'number' ? chosen[issue.path[1]]?.productId : undefined,
        issue,
      }));
      return;
    }
    this.responding = true;
    this.respondError = undefined;
    const result = await api.complaints.act(c.id, 'respond', checked.value);
    this.responding = false;
    if (result.error) {
      this.respondError = result.error;
      return;
    }
    this.answers = new Map();
    this.respondIssues = [];
    this.respondMessage = this.t.responseSent;
    this.complaint = result.data;
    this.emit(new IprComplaintActionEvent({ action: 'respond', complaint: result.data, reason: null }));
  }

  private renderRespond(c: Complaint) {
    if (!c.allowedActions.includes('respond'))
      return this.respondMessage ? html`<p class="ok" role="status">${this.respondMessage}</p>` : nothing;
    const t = this.t;
    const loc = this.shownLocale;
    const formLevel = this.respondIssues.filter((i) => !i.productId);
    return html`<form class="respond" part="respond" aria-labelledby="respond-h" novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        void this.sendResponse(c);
      }}>
      <h3 id="respond-h">${t.yourResponse}</h3>
      ${c.products.map((p, i) => {
        const a = this.answerFor(p);
        const problems = this.respondIssues.filter((x) => x.productId === p.productId);
        const id = `respond-${i}`;
        return html`<fieldset class="answer" data-product=${p.productId}>
          <legend>${p.name}</legend>
          <label for="${id}-response">${t.responseLabel}</label>
          <select id="${id}-response" class="response"
            @change=${(e: Event) => this.setAnswer(p, { response: (e.target as HTMLSelectElement).value as SupplierResponse | '' })}>
            <option value="" ?selected=${!a.response}>${t.choose}</option>
            ${SUPPLIER_RESPONSES.map((r) => html`<option value=${r} ?selected=${a.response === r}>${SUPPLIER_RESPONSE_LABELS[r][loc]}</option>`)}
          </select>
          <label for="${id}-statement">${t.statementLabel}</label>
          <textarea id="${id}-statement" class="statement" rows="2" .value=${a.statement} ?required=${a.response === 'not_infringing'}
            aria-invalid=${problems.length ? 'true' : 'false'} aria-describedby="${id}-error"
            @input=${(e: Event) => this.setAnswer(p, { statement: (e.target as HTMLTextAreaElement).value })}></textarea>
          <div id="${id}-error" class="error" part="error" aria-live="polite">${problems.map((x) => html`<p>${this.issueText(x.issue)}</p>`)}</div>
        </fieldset>`;
      })}
      ${formLevel.length ? html`<p class="error" role="alert">${formLevel.map((x) => this.issueText(x.issue)).join(' ')}</p>` : nothing}
      ${this.respondError ? html`<p class="error" role="alert">${this.errorText(this.respondError)}</p>` : nothing}
      <button type="submit" class="primary send-response" ?disabled=${this.responding}>${t.sendResponse}</button>
    </form>`;
  }

  private renderComplaint(c: Complaint) {
    const t = this.t;
    const loc = this.shownLocale;
    const a = c.arbitration;
    return html`<div class="view">
      <header part="header">
        <h2>${c.number}</h2>
        <span class="badge status" data-status=${c.status} role="status">${t.statuses[c.status] ?? c.status}</span>
        ${this.renderLiveIndicator()}
      </header>
      <dl>
        <dt>${t.type}</dt><dd>${COMPLAINT_TYPE_LABELS[c.type]?.[loc] ?? c.type}</dd>
        <dt>${t.created}</dt><dd>${formatDate(c.createdAt, loc, true)}</dd>
        <dt>${t.updated}</dt><dd>${formatDate(c.updatedAt, loc, true)}</dd>
        <dt>${t.description}</dt><dd class="description">${c.description}</dd>
        <dt>${t.contact}</dt><dd>${c.contact ? [c.contact.name, c.contact.email, c.contact.phone, c.contact.company].filter(Boolean).join(' · ') : t.contactHidden}</dd>
        ${c.holder ? html`<dt>${t.holder}</dt><dd>${c.holder.name}</dd>` : nothing}
      </dl>
      ${
        a
          ? html`<section class="notice" part="arbitration" aria-labelledby="arb-h">
        <h3 id="arb-h">${t.arbitration}</h3>
        <p>${t.reason}: ${a.reason} <span class="meta">(${t.requested} ${formatDate(a.requestedAt, loc, true)})</span></p>
        ${
          a.decision
            ? html`<p><strong>${t.decision}: ${t.decisions[a.decision] ?? a.decision}</strong></p>
          <p class="notice-text">${a.notice}</p>
          <p class="meta">${formatDate(a.decidedAt, loc, true)}</p>`
            : html`<p>${t.arbitrationPending}</p>`
        }
      </section>`
          : nothing
      }
      <h3 id="products-h">${t.products}</h3>
      <table part="products" role="table" aria-labelledby="products-h">
        <thead role="rowgroup"><tr role="row"><th scope="col" role="columnheader">${t.products}</th><th scope="col" role="columnheader">${t.supplier}</th><th scope="col" role="columnheader">${t.status}</th><th scope="col" role="columnheader">${t.checkedAt}</th></tr></thead>
        <tbody role="rowgroup">${c.products.map(
          (p) => html`<tr role="row" data-product=${p.productId}>
          <td role="cell" class="product"><span class="name">${p.name}</span><br /><span class="meta">${p.url}</span></td>
          <td role="cell" data-label=${t.supplier}>${p.supplierName}${p.supplierStatement ? html`<br /><span class="meta">${p.supplierStatement}</span>` : nothing}</td>
          <td role="cell" data-label=${t.status}><span class="badge product-status" data-status=${p.status}>${t.productStatuses[p.status] ?? p.status}</span></td>
          <td role="cell" data-label=${t.checkedAt}>${p.checkedAt ? formatDate(p.checkedAt, loc, true) : nothing}</td>
        </tr>`,
        )}</tbody>
      </table>
      <h3>${t.evidence}</h3>
      <ul>${c.evidence.map((e) => html`<li>${e.name} <span class="meta">${formatBytes(e.size, loc)}${e.original ? ` · ${t.original}` : ''}</span></li>`)}</ul>
      ${this.renderPictures()}
      <h3 id="history-h">${t.history}</h3>
      <ol class="history" part="history" aria-labelledby="history-h">
        ${c.history.map(
          (h) => html`<li data-action=${h.action}>
          <strong>${t.actionLabels[h.action] ?? h.action}</strong> → ${t.statuses[h.to] ?? h.to}
          <span class="meta">${formatDate(h.at, loc, true)} · ${t.by(h.actor.name)}</span>
          ${h.reason ? html`<br /><span class="reason">${h.reason}</span>` : nothing}
        </li>`,
        )}
      </ol>
      ${this.renderRespond(c)}
      <div class="actions" part="actions">${this.renderActionButtons(c, c.allowedActions)}</div>
      ${this.renderActionError()}
      ${c.receipt ? this.renderReceipt(c.receipt) : nothing}
    </div>`;
  }

  /** The picture matches of a Picture Embezzlement complaint (nothing while loading or when unavailable). */
  private renderPictures() {
    const api = this.api;
    const matches = this.pictures.value;
    return api && matches ? pictureMatchesSection(this.t, api, matches, (i) => this.issueText(i)) : nothing;
  }

  protected override render() {
    if (!this.api) return this.renderNoClient();
    return html`
      ${this.task.render({
        initial: () => nothing,
        pending: () =>
          this.complaint?.id === this.complaintId ? this.renderComplaint(this.complaint) : this.renderLoading(),
        error: (error) => this.renderError(error, () => void this.task.run()),
        complete: () => (this.complaint ? this.renderComplaint(this.complaint) : nothing),
      })}
      ${this.renderActionDialog()}
    `;
  }
}
