import { html, nothing, type PropertyValues } from 'lit';
import { property, state, query } from 'lit/decorators.js';
import { Task } from '@lit/task';
import {
  extensionOf,
  formatBytes,
  issue,
  LIMITS,
  safeDisplayName,
  type EvidenceDescriptor,
  type EvidenceRef,
  type Issue,
} from '@ipr/validators';
import { IprFormControl } from '../../base/form-control.js';
import { IprRestrictionFailedEvent } from '../../events/index.js';
import { unwrap } from '../../api.js';
import { styles } from './evidence-picker.styles.js';

interface Upload {
  key: number;
  name: string;
  size: number;
  loaded: number;
  status: 'uploading' | 'failed';
  issues: Issue[];
  abort: AbortController;
  preview?: string;
}

let uploadKeys = 0;

/** Marks an image kept as original in the state the browser keeps for restoring the form. */
const ORIGINAL_MARK = '#original';

/**
 * Evidence files: reuse saved evidence or add new files (file dialog or drag and drop) with
 * per-file progress, cancel, remove, image previews and a clear refusal per file.
 *
 * Inside a host `<form>` it is a form control (ElementInternals): it submits one entry per
 * evidence id under `name` (default `evidence`); `required` makes an empty picker invalid
 * (`validity.valueMissing`), `require-original` one without an original image (`customError`);
 * `form.reset()` empties it, a disabled `<fieldset>` disables it, `reportValidity()` focuses its
 * "Choose files" button, `setCustomValidity()` adds a host's own error, and the browser restores it
 * on history navigation (original marks included).
 *
 * @tagname ipr-evidence-picker
 * @fires change - The selected evidence changed (read `value` and `descriptors`).
 * @fires ipr-restriction-failed - A file was refused (detail: `{ source: 'evidence', file, issues }`).
 * @csspart saved - The saved evidence section.
 * @csspart drop - The drop zone with the add button.
 * @csspart selected - The list of selected evidence.
 * @csspart error - Inline error messages.
 * @cssprop --ipr-color-primary - Accent color (drop zone while dragging).
 * @cssprop --ipr-radius - Corner radius.
 */
export class IprEvidencePicker extends IprFormControl {
  static override styles = styles;

  /** The field name in a host form: one entry per evidence id is submitted under it. */
  @property({ reflect: true }) override name = 'evidence';
  /** At least one image must be marked as original (Picture Embezzlement). */
  @property({ type: Boolean, attribute: 'require-original', reflect: true }) requireOriginal = false;
  /** Show the "Original picture" mark on images. */
  @property({ type: Boolean, attribute: 'allow-original' }) allowOriginal = false;
  /** The visible label of the picker. */
  @property() label?: string;

  /** The selected evidence: ids with the original mark. */
  @property({ attribute: false }) value: EvidenceRef[] = [];

  @state() private uploads: Upload[] = [];
  @state() private over = false;
  @state() private known = new Map<string, EvidenceDescriptor>();
  private previews = new Map<string, string>();

  @query('#add') private addButton?: HTMLButtonElement;
  @query('#files') private fileInput?: HTMLInputElement;

  /** Descriptors of the selected evidence (those known from the saved list, uploads or `descriptors =`). */
  get descriptors(): EvidenceDescriptor[] {
    return this.value.flatMap((ref) => (this.known.has(ref.id) ? [this.known.get(ref.id)!] : []));
  }
  set descriptors(list: EvidenceDescriptor[]) {
    if (!(list ?? []).some((d) => this.known.get(d.id) !== d)) return;
    const known = new Map(this.known);
    for (const d of list ?? []) known.set(d.id, d);
    this.known = known;
  }

  private savedTask = new Task(this, {
    task: async ([api]: [ReturnType<() => IprEvidencePicker['api']>], { signal }) => {
      if (!api) return undefined;
      const page = await unwrap(api.evidence.list({ signal }));
      this.descriptors = page.items;
      return page.items;
    },
    args: () => [this.api] as [IprEvidencePicker['api']],
  });

  /** Own validity issues (the rules of @ipr/validators, messages by code). */
  protected get formIssues(): Issue[] {
    if (this.required && this.value.length === 0) return [issue('evidence.required', [this.name])];
    if (
      this.requireOriginal &&
      this.value.length > 0 &&
      !this.value.some((r) => r.original && this.known.get(r.id)?.kind === 'image')
    ) {
      return [issue('picture.original_required', [this.name])];
    }
    return [];
  }

  protected get formEntries(): string[] {
    return this.value.map((ref) => ref.id);
  }

  /** Restoring keeps the original marks too. */
  protected override get formStateEntries(): string[] {
    return this.value.map((ref) => (ref.original ? ref.id + ORIGINAL_MARK : ref.id));
  }

  protected get validationAnchor(): HTMLElement | undefined {
    return this.addButton ?? undefined;
  }

  protected override formStateChanged(changed: PropertyValues): boolean {
    return (
      super.formStateChanged(changed) || changed.has('value') || changed.has('requireOriginal') || changed.has('known')
    );
  }

  protected resetFormValue(): void {
    for (const u of this.uploads) u.abort.abort();
    this.uploads = [];
    this.value = [];
  }

  protected restoreFormEntries(entries: string[]): void {
    this.value = entries.map((entry) =>
      entry.endsWith(ORIGINAL_MARK) ? { id: entry.slice(0, -ORIGINAL_MARK.length), original: true } : { id: entry },
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const u of this.uploads) u.abort.abort();
    for (const url of this.previews.values()) URL.revokeObjectURL(url);
    this.previews.clear();
  }

  private setValue(next: EvidenceRef[]) {
    this.value = next;
    this.touched = true;
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  private toggleSaved(d: EvidenceDescriptor, on: boolean) {
    if (on && !this.value.some((r) => r.id === d.id)) this.setValue([...this.value, { id: d.id }]);
    if (!on) this.setValue(this.value.filter((r) => r.id !== d.id));
  }

  /** Takes one piece of evidence out of the selection (its preview is released; focus goes back to "Add files"). */
  removeEvidence(id: string) {
    const url = this.previews.get(id);
    if (url) URL.revokeObjectURL(url);
    this.previews.delete(id);
    this.setValue(this.value.filter((r) => r.id !== id));
    void this.updateComplete.then(() => this.addButton?.focus());
  }

  private setOriginal(id: string, original: boolean) {
    this.setValue(this.value.map((r) => (r.id === id ? { ...r, original } : r)));
  }

  /** Uploads files (the same path as the dialog and drag and drop). Resolves when all are done. */
  async addFiles(files: Iterable<File>): Promise<void> {
    const api = this.api;
    if (!api || this.disabled) return;
    this.touched = true;
    await Promise.all([...files].map((file) => this.uploadOne(api, file)));
  }

  private async uploadOne(api: NonNullable<IprEvidencePicker['api']>, file: File) {
    const name = safeDisplayName(file.name);
    const image = (LIMITS.imageExtensions as readonly string[]).includes(extensionOf(name));
    const upload: Upload = {
      key: ++uploadKeys,
      name,
      size: file.size,
      loaded: 0,
      status: 'uploading',
      issues: [],
      abort: new AbortController(),
      preview: image && file.size <= LIMITS.maxEvidenceBytes ? URL.createObjectURL(file) : undefined,
    };
    this.uploads = [...this.uploads, upload];
    const patch = (p: Partial<Upload>) => {
      Object.assign(upload, p);
      this.uploads = [...this.uploads];
    };
    const result = await api.evidence.upload(file, {
      name,
      signal: upload.abort.signal,
      onProgress: (p) => patch({ loaded: p.loaded }),
    });
    if (result.error) {
      if (upload.preview) URL.revokeObjectURL(upload.preview);
      if (result.error.code === 'request.aborted') {
        this.uploads = this.uploads.filter((u) => u !== upload);
        return;
      }
      const issues = result.error.issues?.length ? result.error.issues : [issue(result.error.code, [], { file: name })];
      patch({ status: 'failed', issues, preview: undefined });
      this.emit(new IprRestrictionFailedEvent({ source: 'evidence', file: name, issues }));
      return;
    }
    const d = result.data;
    this.descriptors = [d];
    if (upload.preview) this.previews.set(d.id, upload.preview);
    this.uploads = this.uploads.filter((u) => u !== upload);
    this.setValue([...this.value, { id: d.id }]);
    this.savedTask.value?.unshift(d);
  }

  private cancelUpload(u: Upload) {
    u.abort.abort();
    this.uploads = this.uploads.filter((x) => x !== u);
    void this.updateComplete.then(() => this.addButton?.focus());
  }

  private onDrop(e: DragEvent) {
    e.preventDefault();
    this.over = false;
    const files = e.dataTransfer?.files;
    if (files?.length) void this.addFiles(files);
  }

  private onFiles(e: Event) {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length) void this.addFiles(files);
  }

  private renderSaved() {
    const t = this.t;
    return html`<details part="saved">
      <summary>${t.savedEvidence}</summary>
      ${this.savedTask.render({
        initial: () => (this.api ? this.renderLoading() : this.renderNoClient()),
        pending: () => this.renderLoading(),
        error: (error) => this.renderError(error, () => void this.savedTask.run()),
        complete: (items) =>
          !items || items.length === 0
            ? html`<p class="hint">${t.noSavedEvidence}</p>`
            : html`<ul class="plain saved">
          ${items.map(
            (d) => html`<li><label class="check">
            <input type="checkbox" .checked=${this.value.some((r) => r.id === d.id)} ?disabled=${this.disabled}
              @change=${(e: Event) => this.toggleSaved(d, (e.target as HTMLInputElement).checked)} />
            <span>${d.name} <span class="meta">${formatBytes(d.size, this.shownLocale)}</span></span>
          </label></li>`,
          )}
        </ul>`,
      })}
    </details>`;
  }

  protected override render() {
    const t = this.t;
    const errors = this.shownErrors;
    const label = this.label ?? t.evidence;
    return html`
      <div role="group" aria-labelledby="label">
        <p id="label" class="label"><strong>${label}</strong></p>
        ${this.renderSaved()}
        <div class="drop ${this.over ? 'over' : ''}" part="drop"
          @dragover=${(e: DragEvent) => {
            e.preventDefault();
            this.over = true;
          }}
          @dragleave=${() => (this.over = false)} @drop=${this.onDrop}>
          <button id="add" type="button" ?disabled=${this.disabled || !this.api} aria-describedby="rules error"
            aria-invalid=${errors.length ? 'true' : 'false'} @click=${() => this.fileInput?.click()}>${t.chooseFiles}</button>
          <span class="hint">${t.dropHint}</span>
          <input id="files" type="file" multiple hidden @change=${this.onFiles}
            accept=${LIMITS.evidenceExtensions.map((e) => '.' + e).join(',')} />
          <p id="rules" class="hint">${t.evidenceRules(formatBytes(LIMITS.maxEvidenceBytes, this.shownLocale), LIMITS.evidenceExtensions.join(', '))}</p>
        </div>
        <ul class="plain" part="selected" aria-label=${t.selected}>
          ${this.uploads.map(
            (u) => html`<li class="item ${u.status}" data-upload=${u.key}>
            ${u.preview ? html`<img src=${u.preview} alt=${t.previewOf(u.name)} />` : nothing}
            <span class="text"><span class="name">${u.name}</span> <span class="meta">${formatBytes(u.size, this.shownLocale)}</span>
              ${u.status === 'failed' ? html`<span class="error" role="alert">${u.issues.map((i) => this.issueText(i)).join(' ')}</span>` : nothing}</span>
            ${
              u.status === 'uploading'
                ? html`<progress max=${Math.max(1, u.size)} .value=${u.loaded} aria-label=${t.uploading(u.name)}></progress>
                <button type="button" aria-label=${t.cancelUpload(u.name)} @click=${() => this.cancelUpload(u)}>${t.cancel}</button>`
                : html`<button type="button" @click=${() => this.cancelUpload(u)}>${t.dismiss}</button>`
            }
          </li>`,
          )}
          ${this.value.map((ref) => {
            const d = this.known.get(ref.id);
            const name = d?.name ?? ref.id;
            const preview = this.previews.get(ref.id);
            return html`<li class="item" data-id=${ref.id}>
              ${preview ? html`<img src=${preview} alt=${t.previewOf(name)} />` : nothing}
              <span class="text"><span class="name">${name}</span> ${d ? html`<span class="meta">${formatBytes(d.size, this.shownLocale)}</span>` : nothing}</span>
              ${
                this.allowOriginal && d?.kind === 'image'
                  ? html`<label class="check"><input type="checkbox" class="original" .checked=${!!ref.original}
                ?disabled=${this.disabled} @change=${(e: Event) => this.setOriginal(ref.id, (e.target as HTMLInputElement).checked)} />${t.original}</label>`
                  : nothing
              }
              <button type="button" class="remove" aria-label=${t.removeNamed(name)} ?disabled=${this.disabled} @click=${() => this.removeEvidence(ref.id)}>${t.remove}</button>
            </li>`;
          })}
        </ul>
        ${this.value.length === 0 && this.uploads.length === 0 ? html`<p class="hint">${t.noEvidence}</p>` : nothing}
        <div id="error" class="error" part="error" aria-live="polite">${errors.map((m) => html`<p>${m}</p>`)}</div>
      </div>
    `;
  }
}
