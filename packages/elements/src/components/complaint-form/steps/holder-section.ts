// The IPR holder's part of step 1 (shown when the complainant is not the holder): a saved holder
// to use, the holder's details and attachments, and "Save these details as a profile".
import { html, nothing, type TemplateResult } from 'lit';
import { IDENTIFICATION_TYPES } from '@ipr/validators';
import { isApiError } from '../../../api.js';
import { poaOf, profileOptionText } from '../../holder-profiles/profiles.js';
import { errId, type HolderDraft } from '../form-model.js';
import { errors, evidenceChanged, textField } from './fields.js';
import type { StepContext } from './step-context.js';

export function holderSection(ctx: StepContext): TemplateResult {
  const { t, draft: d } = ctx;
  // Edited details are no longer the saved profile's (the server would use the stored ones).
  const setHolder = (patch: Partial<HolderDraft>) =>
    ctx.change((now) => ({ holder: { ...now.holder, ...patch, profileId: null } }));
  return html`<fieldset class="holder">
        <legend>${t.holder}</legend>
        ${profileSelect(ctx)}
        ${textField(ctx, 'holder.name', t.holderName, d.holder.name, (v) => setHolder({ name: v }))}
        <div class="grid">
          <div class="field">
            <label for="f-holder-identificationType">${t.idType}</label>
            <select id="f-holder-identificationType" data-key="holder.identificationType" required
              aria-invalid=${ctx.shown('holder.identificationType').length ? 'true' : 'false'} aria-describedby=${errId('holder.identificationType')}
              @change=${(e: Event) => {
                setHolder({
                  identificationType: ((e.target as HTMLSelectElement).value ||
                    undefined) as HolderDraft['identificationType'],
                });
                ctx.touch('holder.identificationType');
              }}
              @blur=${() => ctx.touch('holder.identificationType')}>
              <option value="" ?selected=${!d.holder.identificationType}>${t.choose}</option>
              ${IDENTIFICATION_TYPES.map((k) => html`<option value=${k} ?selected=${d.holder.identificationType === k}>${t.idTypes[k]}</option>`)}
            </select>
            ${errors(ctx, 'holder.identificationType')}
          </div>
          ${textField(ctx, 'holder.identificationNumber', t.idNumber, d.holder.identificationNumber, (v) => setHolder({ identificationNumber: v }))}
        </div>
        ${attachmentsPicker(ctx, 'holder.identificationAttachments', t.idAttachments, d.holder.identificationAttachments)}
        ${attachmentsPicker(ctx, 'holder.powerOfAttorney', t.powerOfAttorney, d.holder.powerOfAttorney)}
        ${textField(ctx, 'holder.powerOfAttorneyExpiresAt', t.poaExpires, d.holder.powerOfAttorneyExpiresAt ?? '', (v) => setHolder({ powerOfAttorneyExpiresAt: v || null }), { type: 'date', required: false })}
        ${profileSave(ctx)}
      </fieldset>`;
}

/** The holder's identification documents or power of attorney (evidence ids in the draft). */
function attachmentsPicker(
  ctx: StepContext,
  key: 'holder.identificationAttachments' | 'holder.powerOfAttorney',
  label: string,
  ids: string[],
): TemplateResult {
  const field = key === 'holder.powerOfAttorney' ? 'powerOfAttorney' : 'identificationAttachments';
  return html`<ipr-evidence-picker data-key=${key} name=${field} label=${label} .client=${ctx.api} locale=${ctx.locale} theme=${ctx.theme ?? nothing}
      .descriptors=${ctx.known.descriptors(ids)}
      .value=${ids.map((id) => ({ id }))} .issues=${ctx.shown(key)}
      @change=${evidenceChanged(ctx, key, (refs) =>
        ctx.change((now) => ({ holder: { ...now.holder, [field]: refs.map((r) => r.id), profileId: null } })),
      )}></ipr-evidence-picker>`;
}

/**
 * "Use a saved holder": profiles whose power of attorney has expired are listed but cannot be
 * chosen. A list that could not be loaded says so, with a retry.
 */
function profileSelect(ctx: StepContext) {
  const { t, profiles: p } = ctx;
  if (!p.offered) return nothing;
  const profiles = p.list ?? [];
  const chosen = ctx.draft.holder.profileId ?? '';
  const failed = p.loadError;
  return html`<div class="field">
      <label for="f-holder-profile">${t.savedHolder}</label>
      <select id="f-holder-profile" ?disabled=${profiles.length === 0 && !p.list} aria-describedby=${failed ? 'profiles-error' : nothing}
        @change=${(e: Event) => void p.use((e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!chosen}>${t.savedHolderNone}</option>
        ${profiles.map((profile) => {
          const poa = poaOf(profile, ctx.now);
          return html`<option value=${profile.id} data-state=${poa.state} ?disabled=${poa.state === 'expired'} ?selected=${chosen === profile.id}>${profileOptionText(profile, poa, t)}</option>`;
        })}
      </select>
      ${
        failed
          ? html`<div id="profiles-error" class="error profiles-error" part="error">
        <p>${isApiError(failed) ? ctx.errorText(failed) : t.loadFailed}</p>
        <button type="button" class="link" @click=${() => void p.refresh()}>${t.retry}</button>
      </div>`
          : nothing
      }
    </div>`;
}

/** "Save these details as a profile" (not offered again for details that are a saved profile's). */
function profileSave(ctx: StepContext) {
  const { t, profiles: p } = ctx;
  if (!p.offered) return nothing;
  const problems = p.error ? [ctx.errorText(p.error)] : p.issues.map((i) => ctx.issueText(i));
  const saved = p.saved ? t.profileSavedAs(p.saved.label || p.saved.holder.name) : '';
  return html`<div class="profile-save">
      <button type="button" class="save-profile" ?disabled=${p.saving || !!ctx.draft.holder.profileId} aria-describedby="profile-save-error"
        @click=${() => void p.save()}>${p.saving ? t.savingProfile : t.saveHolderProfile}</button>
      <div id="profile-save-error" class="error" part="error" role="alert">${problems.map((m) => html`<p>${m}</p>`)}</div>
      <p class="hint profile-saved" role="status">${saved}</p>
    </div>`;
}
