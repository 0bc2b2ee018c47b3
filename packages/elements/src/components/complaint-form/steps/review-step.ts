// Step 3, "Review and submit": what will be filed, links back to the earlier steps, and the
// declaration the complainant must confirm.
import { html, nothing, type TemplateResult } from 'lit';
import { COMPLAINT_TYPE_LABELS, DECLARATION_VERSION, issue, LIMITS } from '@ipr/validators';
import { errId, STEPS } from '../form-model.js';
import { errors } from './fields.js';
import type { StepContext } from './step-context.js';

type Declaration = 'goodFaith' | 'accurate' | 'authorised';

export function reviewStep(ctx: StepContext): TemplateResult {
  const { t, draft: d, locale: loc } = ctx;
  const names = new Map(ctx.known.products.map((p) => [p.url, p.name]));
  const decl = (k: Declaration) => html`<label class="check"><input type="checkbox" id="f-decl-${k}"
      data-key=${k === 'goodFaith' ? 'declaration' : nothing} .checked=${d.declaration[k]} aria-describedby=${errId('declaration')}
      @change=${(e: Event) => {
        const checked = (e.target as HTMLInputElement).checked;
        ctx.change((now) => ({ declaration: { ...now.declaration, [k]: checked } }));
      }} />${t.declarations[k]}</label>`;
  const evidenceName = (id: string) => ctx.known.evidence.get(id)?.name ?? id;
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
      ${
        ctx.unmatchedPictures?.length
          ? html`<div class="notice picture-warning" part="picture-warning" role="status">
        <p>${ctx.issueText(issue('picture.no_match', []))}</p>
        <ul>${ctx.unmatchedPictures.map((p) => html`<li data-url=${p.url}>${p.name}</li>`)}</ul>
      </div>`
          : nothing
      }
      <div class="row">${STEPS.slice(0, 2).map((s) => html`<button type="button" class="link" @click=${() => ctx.goTo(s)}>${t.edit}: ${t.steps[s]}</button>`)}</div>
      <fieldset>
        <legend>${t.declaration(DECLARATION_VERSION)}</legend>
        ${decl('goodFaith')}${decl('accurate')}${decl('authorised')}
        ${errors(ctx, 'declaration')}
      </fieldset>
    `;
}
