import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { IDENTIFICATION_TYPES, LIMITS, validateHolderProfile, type HolderProfile, type Issue } from '@ipr/validators';
import { IprApiElement } from '../../base/api-element.js';
import { IprProfileDeletedEvent, IprProfileSavedEvent } from '../../events/index.js';
import { unwrap, type ApiError } from '../../api.js';
import type { IprEvidencePicker } from '../evidence-picker/evidence-picker.component.js';
import { holderProfilesOf, poaOf, poaText } from './profiles.js';
import { styles } from './holder-profiles.styles.js';

interface Editing {
  /** The profile being edited; undefined for a new one. */
  id?: string;
  label: string;
  name: string;
  identificationType: string;
  identificationNumber: string;
  identificationAttachments: string[];
  powerOfAttorney: string[];
  powerOfAttorneyExpiresAt: string;
}

const blank = (): Editing => ({
  label: '',
  name: '',
  identificationType: '',
  identificationNumber: '',
  identificationAttachments: [],
  powerOfAttorney: [],
  powerOfAttorneyExpiresAt: '',
});

/** The key an issue is shown under: one per control (`label`, `holder.name`, ...). */
const keyOf = (i: Issue) =>
  i.path
    .filter((p) => typeof p === 'string')
    .slice(0, 2)
    .join('.');
const errId = (key: string) => `err-${key.replace(/\./g, '-')}`;

/**
 * The complainant's saved IPR holders: each with a badge for its power of attorney (valid,
 * expiring within 30 days, expired, or no expiry date), computed at `now` with the rule of
 *
 * @tagname ipr-holder-profiles
 * @ipr/validators; add, edit, and delete after a confirmation. Everything works with the keyboard
 * (native buttons, a modal confirmation that returns focus).
 *
 * @fires ipr-profile-saved - A profile was created or updated (detail: `{ profile, created }`).
 * @fires ipr-profile-deleted - A profile was deleted (detail: `{ id, profile }`).
 * @csspart list - The list of profiles.
 * @csspart badge - The power-of-attorney badge of a profile.
 * @csspart editor - The add / edit form.
 * @csspart dialog - The delete confirmation.
 * @csspart error - Error messages.
 * @cssprop --ipr-color-success - Badge of a valid power of attorney.
 * @cssprop --ipr-color-warning - Badge of a power of attorney about to expire.
 * @cssprop --ipr-color-danger - Badge of an expired power of attorney.
 */
export class IprHolderProfiles extends IprApiElement {
  static override styles = styles;

  /** The clock for power-of-attorney states (defaults to the current time). */
  @property({ attribute: false }) now?: Date;

  @state() private editing?: Editing;
  @state() private editIssues: Issue[] = [];
  @state() private attempted = false;
  @state() private touched = new Set<string>();
  @state() private saveError?: ApiError;
  @state() private busy = false;
  @state() private pendingDelete?: { profile: HolderProfile; trigger?: HTMLElement | null };
  @state() private deleteError?: ApiError;
  @state() private message = '';
  private editTrigger?: HTMLElement | null;

  private listTask = new Task(this, {
    task: async ([api]: [IprHolderProfiles['api']], { signal }) => {
      const profiles = holderProfilesOf(api);
      if (!profiles) return undefined;
      return (await unwrap(profiles.list({ signal }))).items;
    },
    args: () => [this.api] as [IprHolderProfiles['api']],
  });

  /** The profiles as last loaded (empty while loading). */
  get profiles(): HolderProfile[] {
    return this.listTask.value ?? [];
  }

  /** Loads the list again. */
  async refresh(): Promise<void> {
    await this.listTask.run();
  }

  /** Opens the editor for a new profile, or for `profile`. */
  async edit(profile?: HolderProfile, trigger?: HTMLElement | null): Promise<void> {
    this.editTrigger = trigger ?? null;
    const h = profile?.holder;
    this.editing =
      profile && h
        ? {
            id: profile.id,
            label: profile.label ?? '',
            name: h.name,
            identificationType: h.identificationType ?? '',
            identificationNumber: h.identificationNumber,
            identificationAttachments: [...h.identificationAttachments],
            powerOfAttorney: [...h.powerOfAttorney],
            powerOfAttorneyExpiresAt: h.powerOfAttorneyExpiresAt ?? '',
          }
        : blank();
    this.editIssues = [];
    this.attempted = false;
    this.touched = new Set();
    this.saveError = undefined;
    this.message = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#p-label')?.focus();
  }

  private closeEditor() {
    this.editing = undefined;
    const trigger = this.editTrigger;
    void this.updateComplete.then(() =>
      (trigger?.isConnected ? trigger : this.renderRoot.querySelector<HTMLElement>('button.new'))?.focus(),
    );
  }

  private get input() {
    const e = this.editing!;
    return {
      ...(e.label.trim() ? { label: e.label.trim() } : {}),
      holder: {
        name: e.name,
        identificationType: e.identificationType || undefined,
        identificationNumber: e.identificationNumber,
        identificationAttachments: e.identificationAttachments,
        powerOfAttorney: e.powerOfAttorney,
        powerOfAttorneyExpiresAt: e.powerOfAttorneyExpiresAt || null,
      },
    };
  }

  private patch(p: Partial<Editing>) {
    this.editing = { ...this.editing!, ...p };
    this.saveError = undefined;
    const checked = validateHolderProfile(this.input, { now: this.now ?? new Date() });
    this.editIssues = checked.ok ? [] : checked.issues;
  }

  private touch(key: string) {
    if (!this.touched.has(key)) this.touched = new Set(this.touched).add(key);
  }

  /** Saves the editor: validated first (the same rule as the server), then created or updated. */
  async save(): Promise<HolderProfile | undefined> {
    const api = holderProfilesOf(this.api);
    const e = this.editing;
    if (!api || !e || this.busy) return undefined;
    this.attempted = true;
    const checked = validateHolderProfile(this.input, { now: this.now ?? new Date() });
    if (!checked.ok) {
      this.editIssues = checked.issues;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`[data-key="${keyOf(checked.issues[0]!)}"]`)?.focus();
      return undefined;
    }
    this.busy = true;
    const result = e.id ? await api.update(e.id, checked.value) : await api.create(checked.value);
    this.busy = false;
    if (result.error) {
      this.saveError = result.error;
      this.editIssues = (result.error.issues ?? []).filter((i) => i.path.length > 0);
      return undefined;
    }
    const profile = result.data;
    this.emit(new IprProfileSavedEvent({ profile, created: !e.id }));
    this.editTrigger = null;
    this.editing = undefined;
    this.message = this.t.profileSaved(profile.label || profile.holder.name);
    await this.refresh();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`li[data-id="${profile.id}"] button.edit`)?.focus();
    return profile;
  }

  private askDelete(profile: HolderProfile, trigger: HTMLElement | null) {
    this.pendingDelete = { profile, trigger };
    this.deleteError = undefined;
    void this.updateComplete.then(() => {
      const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog.confirm');
      if (dialog && !dialog.open) dialog.showModal();
      dialog?.querySelector<HTMLElement>('button.dismiss')?.focus();
    });
  }

  private closeDelete(focus?: HTMLElement | null) {
    const trigger = this.pendingDelete?.trigger;
    this.renderRoot.querySelector<HTMLDialogElement>('dialog.confirm')?.close();
    this.pendingDelete = undefined;
    const target = focus ?? (trigger?.isConnected ? trigger : null);
    target?.focus();
  }

  /** Deletes the profile awaiting confirmation. */
  async confirmDelete(): Promise<void> {
    const api = holderProfilesOf(this.api);
    const pending = this.pendingDelete;
    if (!api || !pending || this.busy) return;
    this.busy = true;
    const result = await api.remove(pending.profile.id);
    this.busy = false;
    if (result.error) {
      this.deleteError = result.error;
      return;
    }
    const { profile } = pending;
    const index = this.profiles.findIndex((p) => p.id === profile.id);
    this.message = this.t.profileDeleted(profile.label || profile.holder.name);
    this.emit(new IprProfileDeletedEvent({ id: profile.id, profile }));
    this.renderRoot.querySelector<HTMLDialogElement>('dialog.confirm')?.close();
    this.pendingDelete = undefined;
    await this.refresh();
    await this.updateComplete;
    // Keep the keyboard user in the list: the next profile's delete button, or "Add a holder".
    const buttons = this.renderRoot.querySelectorAll<HTMLButtonElement>('li.profile button.delete');
    (buttons[Math.min(index, buttons.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>('button.new'))?.focus();
  }

  // ---- rendering ---------------------------------------------------------------------

  private shown(key: string): Issue[] {
    return this.attempted || this.touched.has(key) ? this.editIssues.filter((i) => keyOf(i) === key) : [];
  }

  private errors(key: string): TemplateResult {
    return html`<div id=${errId(key)} class="error" part="error">${this.shown(key).map((i) => html`<p>${this.issueText(i)}</p>`)}</div>`;
  }

  private field(
    key: string,
    label: string,
    value: string,
    set: (v: string) => void,
    opts: { type?: string; required?: boolean; max?: number } = {},
  ) {
    const id = `p-${key.split('.').pop()}`;
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input id=${id} data-key=${key} type=${opts.type ?? 'text'} .value=${value} ?required=${opts.required ?? true} maxlength=${opts.max ?? nothing}
        aria-invalid=${this.shown(key).length ? 'true' : 'false'} aria-describedby=${errId(key)}
        @input=${(e: Event) => set((e.target as HTMLInputElement).value)} @blur=${() => this.touch(key)} />
      ${this.errors(key)}
    </div>`;
  }

  private files(key: 'identificationAttachments' | 'powerOfAttorney', label: string, ids: string[]) {
    const full = `holder.${key}`;
    return html`<ipr-evidence-picker data-key=${full} name=${key} label=${label} .client=${this.api} locale=${this.shownLocale} theme=${this.theme ?? nothing}
      .value=${ids.map((id) => ({ id }))} .issues=${this.shown(full)}
      @change=${(e: Event) => {
        this.patch({ [key]: (e.currentTarget as IprEvidencePicker).value.map((r) => r.id) });
        this.touch(full);
      }}></ipr-evidence-picker>`;
  }

  private renderEditor(e: Editing) {
    const t = this.t;
    return html`<form class="editor" part="editor" novalidate aria-labelledby="editor-h"
      @submit=${(ev: Event) => {
        ev.preventDefault();
        void this.save();
      }}
      @keydown=${(ev: KeyboardEvent) => {
        if (ev.key === 'Escape' && !this.busy) {
          ev.stopPropagation();
          this.closeEditor();
        }
      }}>
      <h3 id="editor-h">${e.id ? t.editHolderProfile : t.newHolderProfile}</h3>
      ${this.field('label', t.profileLabel, e.label, (v) => this.patch({ label: v }), { required: false, max: LIMITS.maxProfileLabelLength })}
      ${this.field('holder.name', t.holderName, e.name, (v) => this.patch({ name: v }))}
      <div class="grid">
        <div class="field">
          <label for="p-identificationType">${t.idType}</label>
          <select id="p-identificationType" data-key="holder.identificationType" required
            aria-invalid=${this.shown('holder.identificationType').length ? 'true' : 'false'} aria-describedby=${errId('holder.identificationType')}
            @change=${(ev: Event) => {
              this.patch({ identificationType: (ev.target as HTMLSelectElement).value });
              this.touch('holder.identificationType');
            }}>
            <option value="" ?selected=${!e.identificationType}>${t.choose}</option>
            ${IDENTIFICATION_TYPES.map((k) => html`<option value=${k} ?selected=${e.identificationType === k}>${t.idTypes[k]}</option>`)}
          </select>
          ${this.errors('holder.identificationType')}
        </div>
        ${this.field('holder.identificationNumber', t.idNumber, e.identificationNumber, (v) => this.patch({ identificationNumber: v }))}
      </div>
      ${this.files('identificationAttachments', t.idAttachments, e.identificationAttachments)}
      ${this.files('powerOfAttorney', t.powerOfAttorney, e.powerOfAttorney)}
      ${this.field('holder.powerOfAttorneyExpiresAt', t.poaExpires, e.powerOfAttorneyExpiresAt, (v) => this.patch({ powerOfAttorneyExpiresAt: v }), { type: 'date', required: false })}
      ${this.saveError ? html`<p class="error save-error" role="alert" part="error">${this.errorText(this.saveError)}</p>` : nothing}
      <div class="row">
        <button type="submit" class="primary save" ?disabled=${this.busy}>${this.busy ? t.savingProfile : t.save}</button>
        <button type="button" class="dismiss" @click=${() => this.closeEditor()}>${t.cancel}</button>
      </div>
    </form>`;
  }

  private renderProfile(p: HolderProfile) {
    const t = this.t;
    const loc = this.shownLocale;
    const poa = poaOf(p, this.now);
    const name = p.label || p.holder.name;
    const idType = p.holder.identificationType ? t.idTypes[p.holder.identificationType] : '';
    return html`<li class="profile" data-id=${p.id} data-state=${poa.state}>
      <span class="text"><span class="label">${name}</span><br />
        <span class="sub">${[name !== p.holder.name ? p.holder.name : '', idType, p.holder.identificationNumber].filter(Boolean).join(' · ')}</span></span>
      <span class="badge" part="badge" data-state=${poa.state}><span class="sr-only">${t.poaState}: </span>${poaText(poa, t, loc)}</span>
      <span class="buttons">
        <button type="button" class="edit" aria-label=${t.editNamed(name)} @click=${(ev: Event) => void this.edit(p, ev.currentTarget as HTMLElement)}>${t.edit}</button>
        <button type="button" class="delete" aria-label=${t.deleteNamed(name)} @click=${(ev: Event) => this.askDelete(p, ev.currentTarget as HTMLElement)}>${t.deleteProfile}</button>
      </span>
    </li>`;
  }

  private renderDialog() {
    const t = this.t;
    const p = this.pendingDelete?.profile;
    return html`<dialog class="confirm" part="dialog" aria-labelledby="confirm-h"
      @cancel=${(ev: Event) => {
        ev.preventDefault();
        if (!this.busy) this.closeDelete();
      }}>
      ${
        p
          ? html`<form method="dialog" @submit=${(ev: Event) => {
              ev.preventDefault();
              void this.confirmDelete();
            }}>
        <h3 id="confirm-h">${t.confirmDeleteProfile(p.label || p.holder.name)}</h3>
        <p>${t.deleteProfileHint}</p>
        ${this.deleteError ? html`<p class="error" role="alert">${this.errorText(this.deleteError)}</p>` : nothing}
        <div class="row">
          <button type="submit" class="primary confirm-delete" ?disabled=${this.busy}>${t.deleteProfile}</button>
          <button type="button" class="dismiss" @click=${() => this.closeDelete()}>${t.cancel}</button>
        </div>
      </form>`
          : nothing
      }
    </dialog>`;
  }

  protected override render() {
    const t = this.t;
    if (!this.api) return this.renderNoClient();
    return html`
      <div class="head">
        <h2 id="profiles-h">${t.holderProfiles}</h2>
        <button type="button" class="new" ?disabled=${!!this.editing && !this.editing.id}
          @click=${(ev: Event) => void this.edit(undefined, ev.currentTarget as HTMLElement)}>${t.newHolderProfile}</button>
      </div>
      <p class="status" role="status">${this.message}</p>
      ${this.editing ? this.renderEditor(this.editing) : nothing}
      ${this.listTask.render({
        pending: () => (this.listTask.value ? this.renderList(this.listTask.value) : this.renderLoading()),
        error: (error) => this.renderError(error, () => void this.listTask.run()),
        complete: (items) => (items ? this.renderList(items) : this.renderNoClient()),
      })}
      ${this.renderDialog()}
    `;
  }

  private renderList(items: HolderProfile[]) {
    if (items.length === 0) return html`<p class="hint">${this.t.noHolderProfiles}</p>`;
    return html`<ul class="plain profiles" part="list" aria-labelledby="profiles-h">${items.map((p) => this.renderProfile(p))}</ul>`;
  }
}
