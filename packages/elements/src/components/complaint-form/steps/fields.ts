// The form's controls that every step uses: a labelled text field with its errors, the error list
// of a control (linked by aria-describedby), and the change handler of an evidence picker.
import { html, nothing, type TemplateResult } from 'lit';
import { type EvidenceRef, LIMITS } from '@ipr/validators';
import type { IprEvidencePicker } from '../../evidence-picker/evidence-picker.component.js';
import { errId } from '../form-model.js';
import type { StepContext } from './step-context.js';

/** The problems shown at a control, in the element its `aria-describedby` names. */
export function errors(ctx: StepContext, key: string): TemplateResult {
  const shown = ctx.shown(key);
  return html`<div id=${errId(key)} class="error" part="error">${shown.map((i) => html`<p>${ctx.issueText(i)}</p>`)}</div>`;
}

export interface TextFieldOptions {
  type?: string;
  multiline?: boolean;
  required?: boolean;
  hint?: string;
  autocomplete?: string;
}

export function textField(
  ctx: StepContext,
  key: string,
  label: string,
  value: string,
  set: (v: string) => void,
  opts: TextFieldOptions = {},
): TemplateResult {
  const id = `f-${key.replace(/\./g, '-')}`;
  const invalid = ctx.shown(key).length > 0;
  const described = opts.hint ? `${errId(key)} ${id}-hint` : errId(key);
  const onInput = (e: Event) => set((e.target as HTMLInputElement).value);
  return html`<div class="field">
      <label for=${id}>${label}</label>
      ${opts.hint ? html`<p id="${id}-hint" class="hint">${opts.hint}</p>` : nothing}
      ${
        opts.multiline
          ? html`<textarea id=${id} data-key=${key} rows="5" maxlength=${LIMITS.maxDescriptionLength} .value=${value} ?required=${opts.required ?? true}
            aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${described} @input=${onInput} @blur=${() => ctx.touch(key)}></textarea>`
          : html`<input id=${id} data-key=${key} type=${opts.type ?? 'text'} .value=${value ?? ''} ?required=${opts.required ?? true} autocomplete=${opts.autocomplete ?? 'off'}
            aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${described} @input=${onInput} @blur=${() => ctx.touch(key)} />`
      }
      ${errors(ctx, key)}
    </div>`;
}

/** An evidence picker's `change`: its descriptors become known, its value goes into the draft. */
export function evidenceChanged(ctx: StepContext, key: string, apply: (refs: EvidenceRef[]) => void) {
  return (e: Event) => {
    const picker = e.currentTarget as IprEvidencePicker;
    ctx.known.remember(picker.descriptors);
    apply(picker.value);
    ctx.touch(key);
  };
}
