// Step 1, "Basic information and products": the complaint type, the infringing products, the
// description, the complainant's contact and consent, and whether they are the IPR holder (when
// not, the holder section follows).
import { html, nothing, type TemplateResult } from 'lit';
import { COMPLAINT_TYPE_LABELS, COMPLAINT_TYPES } from '@ipr/validators';
import type { IprProductPicker } from '../../product-picker/product-picker.component.js';
import { errId, type FormDraft } from '../form-model.js';
import { errors, textField } from './fields.js';
import { holderSection } from './holder-section.js';
import type { StepContext } from './step-context.js';

export function basicsStep(ctx: StepContext): TemplateResult {
  const { t, draft: d, locale: loc } = ctx;
  const typeInvalid = ctx.shown('type').length > 0;
  const setContact = (k: keyof FormDraft['contact']) => (v: string) =>
    ctx.change((now) => ({ contact: { ...now.contact, [k]: v } }));
  return html`
      <div class="field">
        <label for="f-type">${t.type}</label>
        <select id="f-type" data-key="type" required aria-invalid=${typeInvalid ? 'true' : 'false'} aria-describedby=${errId('type')}
          @change=${(e: Event) => {
            ctx.change({ type: ((e.target as HTMLSelectElement).value || undefined) as FormDraft['type'] });
            ctx.touch('type');
          }}
          @blur=${() => ctx.touch('type')}>
          <option value="" ?selected=${!d.type}>${t.chooseType}</option>
          ${COMPLAINT_TYPES.map((type) => html`<option value=${type} ?selected=${d.type === type}>${COMPLAINT_TYPE_LABELS[type][loc]}</option>`)}
        </select>
        ${errors(ctx, 'type')}
      </div>
      <fieldset>
        <legend>${t.products}</legend>
        <ipr-product-picker data-key="productLinks" .client=${ctx.api} locale=${loc} theme=${ctx.theme ?? nothing}
          .value=${d.productLinks} .products=${ctx.known.products} .issues=${ctx.shown('productLinks')}
          @change=${(e: Event) => {
            const picker = e.currentTarget as IprProductPicker;
            ctx.known.addProducts(picker.products);
            ctx.change({ productLinks: picker.value });
            ctx.touch('productLinks');
          }}></ipr-product-picker>
      </fieldset>
      ${textField(ctx, 'description', t.description, d.description, (v) => ctx.change({ description: v }), { multiline: true, hint: t.descriptionHint })}
      <fieldset>
        <legend>${t.contact}</legend>
        <p class="hint">${t.contactHint}</p>
        <div class="grid">
          ${textField(ctx, 'contact.name', t.contactName, d.contact.name, setContact('name'), { autocomplete: 'name' })}
          ${textField(ctx, 'contact.email', t.contactEmail, d.contact.email, setContact('email'), { type: 'email', autocomplete: 'email' })}
          ${textField(ctx, 'contact.phone', t.contactPhone, d.contact.phone, setContact('phone'), { type: 'tel', autocomplete: 'tel' })}
          ${textField(ctx, 'contact.company', t.contactCompany, d.contact.company ?? '', setContact('company'), { required: false, autocomplete: 'organization' })}
        </div>
        <label class="check"><input id="f-disclose" type="checkbox" .checked=${d.discloseContactToSupplier}
          @change=${(e: Event) => ctx.change({ discloseContactToSupplier: (e.target as HTMLInputElement).checked })} />${t.disclose}</label>
        <label class="check"><input id="f-holder" type="checkbox" .checked=${d.isIprHolder}
          @change=${(e: Event) => ctx.change({ isIprHolder: (e.target as HTMLInputElement).checked })} />${t.isHolder}</label>
      </fieldset>
      ${d.isIprHolder ? nothing : holderSection(ctx)}
    `;
}
