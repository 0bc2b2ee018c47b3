// What the form shows after a submit: the error summary of a refusal (under the step heading) and
// the receipt of a filed complaint.
import { html, type TemplateResult } from 'lit';
import type { Complaint } from '@ipr/validators';
import type { ApiError } from '../../../api.js';
import type { StepContext } from './step-context.js';

/**
 * The error summary after a refused submit, under the step heading of whichever step the form
 * went to. An identical open complaint (409 `complaint.duplicate`, shown on step 1 with the
 * products) is named by its number: retrying would not help.
 */
export function submitError(ctx: Pick<StepContext, 't' | 'issueText'>, error: ApiError): TemplateResult {
  const { t } = ctx;
  const duplicate =
    error.code === 'complaint.duplicate'
      ? (error.issues?.find((i) => i.code === 'complaint.duplicate') ?? error.issues?.[0])
      : undefined;
  const first = duplicate ?? error.issues?.[0];
  return html`<div class="notice danger submit-error" role="alert" part="error" data-code=${error.code}>
      <p>${duplicate ? t.duplicateComplaint : t.submitFailed}</p>
      <p>${first ? ctx.issueText(first) : error.message}</p>
    </div>`;
}

/** The receipt: the complaint's number, what was filed, and a way to start a new complaint. */
export function receipt(ctx: Pick<StepContext, 't'>, c: Complaint, startOver: () => void): TemplateResult {
  const { t } = ctx;
  return html`<div class="receipt" part="receipt">
      <h2 id="receipt-heading" tabindex="-1">${t.receiptTitle}</h2>
      <p>${t.receiptNumber}</p>
      <p class="number">${c.receipt?.number ?? c.number}</p>
      <p>${t.receiptProducts(c.products.length)} · ${t.receiptEvidence(c.evidence.length)}</p>
      <p>${t.receiptText}</p>
      <button type="button" @click=${startOver}>${t.newComplaint}</button>
    </div>`;
}
