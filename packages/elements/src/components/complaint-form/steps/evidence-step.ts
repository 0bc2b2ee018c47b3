// Step 2, "Evidence": the files that prove the right and the infringement (an original picture
// for Picture Embezzlement), and where larger attachments may be emailed.
import { html, nothing, type TemplateResult } from 'lit';
import { evidenceChanged } from './fields.js';
import type { StepContext } from './step-context.js';

export function evidenceStep(ctx: StepContext): TemplateResult {
  const { t, draft: d } = ctx;
  const email = ctx.largeAttachmentEmail;
  return html`
      ${d.type === 'picture_embezzlement' ? html`<p class="notice">${t.originalRule}</p>` : nothing}
      <ipr-evidence-picker data-key="evidence" name="evidence" .client=${ctx.api} locale=${ctx.locale} theme=${ctx.theme ?? nothing}
        allow-original ?require-original=${d.type === 'picture_embezzlement'} required
        .descriptors=${ctx.known.descriptors(d.evidence.map((r) => r.id))}
        .value=${d.evidence} .issues=${ctx.shown('evidence')}
        @change=${evidenceChanged(ctx, 'evidence', (refs) => ctx.change({ evidence: refs }))}></ipr-evidence-picker>
      ${email ? html`<p class="hint large">${t.largeAttachments} <a href=${`mailto:${email}`}>${email}</a></p>` : nothing}
    `;
}
