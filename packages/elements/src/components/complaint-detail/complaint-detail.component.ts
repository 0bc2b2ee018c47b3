import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { COMPLAINT_TYPE_LABELS, formatBytes, type Action, type Complaint } from '@ipr/validators';
import { IprComplaintActionsElement } from '../../base/complaint-actions.js';
import { formatDate } from '../../i18n/index.js';
import { unwrap } from '../../api.js';
import { styles } from './complaint-detail.styles.js';

/**
 * @tagname ipr-complaint-detail
 * One complaint: status, description, contact, per-product status (after "Check now"),
 * evidence, the arbitration notice, the history of transitions, and the actions the caller
 * may take now.
 *
 * @fires ipr-complaint-action - An action succeeded (detail: `{ action, complaint, reason }`).
 * @fires ipr-complaint-cancelled - The complaint was cancelled (detail: `{ complaint, reason }`).
 * @csspart header - Number and status.
 * @csspart products - The per-product table.
 * @csspart history - The history list.
 * @csspart arbitration - The arbitration notice.
 * @csspart actions - The action buttons.
 * @csspart dialog - The confirmation dialog.
 * @csspart error - Error messages.
 * @cssprop --ipr-color-primary - Accent color.
 */
export class IprComplaintDetail extends IprComplaintActionsElement {
  static override styles = styles;

  /** The id of the complaint to show. */
  @property({ attribute: 'complaint-id', reflect: true }) complaintId = '';

  /** The complaint shown (after loading, or after an action). */
  @state() complaint?: Complaint;

  private task = new Task(this, {
    task: async ([api, id]: [IprComplaintDetail['api'], string], { signal }) => {
      if (!api || !id) return undefined;
      const complaint = await unwrap(api.complaints.get(id, { signal }));
      this.complaint = complaint;
      return complaint;
    },
    args: () => [this.api, this.complaintId] as [IprComplaintDetail['api'], string],
  });

  /** Reloads the complaint. */
  refresh() {
    return this.task.run();
  }

  protected override actionDone(complaint: Complaint, _action: Action): void {
    this.complaint = complaint;
  }

  private renderComplaint(c: Complaint) {
    const t = this.t;
    const loc = this.shownLocale;
    const a = c.arbitration;
    return html`
      <header part="header">
        <h2>${c.number}</h2>
        <span class="badge status" data-status=${c.status} role="status">${t.statuses[c.status] ?? c.status}</span>
      </header>
      <dl>
        <dt>${t.type}</dt><dd>${COMPLAINT_TYPE_LABELS[c.type]?.[loc] ?? c.type}</dd>
        <dt>${t.created}</dt><dd>${formatDate(c.createdAt, loc, true)}</dd>
        <dt>${t.updated}</dt><dd>${formatDate(c.updatedAt, loc, true)}</dd>
        <dt>${t.description}</dt><dd class="description">${c.description}</dd>
        <dt>${t.contact}</dt><dd>${c.contact ? [c.contact.name, c.contact.email, c.contact.phone, c.contact.company].filter(Boolean).join(' · ') : t.contactHidden}</dd>
        ${c.holder ? html`<dt>${t.holder}</dt><dd>${c.holder.name}</dd>` : nothing}
      </dl>
      ${a ? html`<section class="notice" part="arbitration" aria-labelledby="arb-h">
        <h3 id="arb-h">${t.arbitration}</h3>
        <p>${t.reason}: ${a.reason} <span class="meta">(${t.requested} ${formatDate(a.requestedAt, loc, true)})</span></p>
        ${a.decision ? html`<p><strong>${t.decision}: ${t.decisions[a.decision] ?? a.decision}</strong></p>
          <p class="notice-text">${a.notice}</p>
          <p class="meta">${formatDate(a.decidedAt, loc, true)}</p>` : html`<p>${t.arbitrationPending}</p>`}
      </section>` : nothing}
      <h3 id="products-h">${t.products}</h3>
      <table part="products" aria-labelledby="products-h">
        <thead><tr><th scope="col">${t.products}</th><th scope="col">${t.supplier}</th><th scope="col">${t.status}</th><th scope="col">${t.checkedAt}</th></tr></thead>
        <tbody>${c.products.map((p) => html`<tr data-product=${p.productId}>
          <td><span class="name">${p.name}</span><br /><span class="meta">${p.url}</span></td>
          <td>${p.supplierName}${p.supplierStatement ? html`<br /><span class="meta">${p.supplierStatement}</span>` : nothing}</td>
          <td><span class="badge product-status" data-status=${p.status}>${t.productStatuses[p.status] ?? p.status}</span></td>
          <td>${formatDate(p.checkedAt, loc, true)}</td>
        </tr>`)}</tbody>
      </table>
      <h3>${t.evidence}</h3>
      <ul>${c.evidence.map((e) => html`<li>${e.name} <span class="meta">${formatBytes(e.size, loc)}${e.original ? ` · ${t.original}` : ''}</span></li>`)}</ul>
      <h3 id="history-h">${t.history}</h3>
      <ol class="history" part="history" aria-labelledby="history-h">
        ${c.history.map((h) => html`<li data-action=${h.action}>
          <strong>${t.actionLabels[h.action] ?? h.action}</strong> → ${t.statuses[h.to] ?? h.to}
          <span class="meta">${formatDate(h.at, loc, true)} · ${t.by(h.actor.name)}</span>
          ${h.reason ? html`<br /><span class="reason">${h.reason}</span>` : nothing}
        </li>`)}
      </ol>
      <div class="actions" part="actions">${this.renderActionButtons(c, c.allowedActions)}</div>
      ${this.renderActionError()}
    `;
  }

  protected override render() {
    if (!this.api) return this.renderNoClient();
    return html`
      ${this.task.render({
        initial: () => nothing,
        pending: () => (this.complaint?.id === this.complaintId ? this.renderComplaint(this.complaint) : this.renderLoading()),
        error: (error) => this.renderError(error, () => void this.task.run()),
        complete: () => (this.complaint ? this.renderComplaint(this.complaint) : nothing),
      })}
      ${this.renderActionDialog()}
    `;
  }
}
