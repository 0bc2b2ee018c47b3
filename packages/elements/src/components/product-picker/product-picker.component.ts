import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { formatBytes, issue, LIMITS, normalizeProductLink, validateProductLinks, type Issue, type Product } from '@ipr/validators';
import { downloadTemplate, importLinks, preloadImport, type ImportResult } from '@ipr/client';
import { IprApiElement } from '../../base/api-element.js';
import { RowWindow } from '../../base/row-window.js';
import { IprRestrictionFailedEvent } from '../../events/index.js';
import { unwrap } from '../../api.js';
import { styles } from './product-picker.styles.js';

interface Entry { url: string; product?: Product }

/** The caller's open complaint that already lists a product. */
export interface OpenComplaintRef { id: string; number: string }

/**
 * @tagname ipr-product-picker
 * Infringing product links: search by link or name and add results, or import an Excel
 * sheet (template download, upload with progress, per-row results, add the valid rows).
 * Its `value` is the list of product links; `change` fires when it changes.
 *
 * Each added product that is already in one of the caller's open complaints is marked
 * ("Already in your open complaint IPR-…"), with a note above the list: a warning, not a block
 * (the server refuses only an identical complaint).
 *
 * @fires change - The list of added products changed (read `value`).
 * @fires ipr-restriction-failed - A sheet or links were refused (detail: `{ source, file?, issues }`).
 * @csspart search - The search form.
 * @csspart results - The search results.
 * @csspart added - The list of added products.
 * @csspart counter - The "N / 800" counter.
 * @csspart duplicates - The note counting added products already in an open complaint.
 * @csspart warning - The per-product "already in your open complaint" mark.
 * @csspart import - The Excel section.
 * @csspart error - Inline error messages.
 * @cssprop --ipr-color-primary - Accent color.
 * @cssprop --ipr-color-warning - Warning color (products already in an open complaint).
 */
export class IprProductPicker extends IprApiElement {
  static override styles = styles;

  /** Issues to show (set by `<ipr-complaint-form>`); when unset the picker checks its own links. */
  @property({ attribute: false }) issues?: Issue[];

  /** Shows the picker's own errors before the user has interacted (e.g. after "Next"). */
  @property({ type: Boolean, attribute: 'show-errors' }) showErrors = false;

  @state() private entries: Entry[] = [];
  @state() private query = '';
  @state() private showResults = false;
  @state() private touched = false;
  @state() private importProgress?: { phase: 'read' | 'parse' | 'validate' | 'resolve'; done: number; total: number };
  @state() private importResult?: ImportResult;
  @state() private importName = '';
  @state() private problemsOnly = false;
  private importAbort?: AbortController;
  /** By link: the open complaint listing it, `null` when none, absent while unchecked. */
  @state() private openByUrl = new Map<string, OpenComplaintRef | null>();
  private checking?: Promise<void>;
  /** The import result's rows are windowed: 800 rows cost a screenful of DOM. */
  private importRows = new RowWindow(this, { viewport: '.rows', row: '.rows tr[data-row]', rowHeight: 30, viewportHeight: 288 });

  /** The added product links, canonical. */
  get value(): string[] {
    return this.entries.map((e) => e.url);
  }
  set value(links: string[]) {
    const next = Array.isArray(links) ? links : [];
    if (next.length === this.entries.length && next.every((url, i) => this.entries[i]!.url === url)) return;
    const known = new Map(this.entries.map((e) => [e.url, e.product]));
    this.entries = (Array.isArray(links) ? links : []).map((url) => ({ url, product: known.get(url) }));
  }

  /** The products added, where known (links restored from a draft may have none). */
  get products(): Product[] {
    return this.entries.flatMap((e) => (e.product ? [e.product] : []));
  }
  set products(list: Product[]) {
    if (!this.entries.some((e) => !e.product)) return;
    const byUrl = new Map(list.map((p) => [p.url, p]));
    this.entries = this.entries.map((e) => ({ ...e, product: e.product ?? byUrl.get(e.url) }));
  }

  /** Added products already in one of the caller's open complaints (as far as checked). */
  get openComplaints(): Array<{ url: string; complaint: OpenComplaintRef }> {
    return this.entries.flatMap((e) => {
      const complaint = this.openByUrl.get(e.url);
      return complaint ? [{ url: e.url, complaint }] : [];
    });
  }

  /** Resolves once every added link has been checked against the caller's open complaints. */
  get openComplaintsChecked(): Promise<void> {
    return this.checking ?? Promise.resolve();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('entries') || changed.has('client') || changed.has('contextClient') || changed.has('apiBase')) this.checkOpenComplaints();
  }

  /** Asks the API (in batches of the link limit) which added links are in an open complaint. */
  private checkOpenComplaints() {
    if (this.checking) return;
    const api = this.api;
    const unchecked = this.entries.filter((e) => !this.openByUrl.has(e.url)).map((e) => e.url);
    if (!api || unchecked.length === 0) return;
    const run = async () => {
      for (let i = 0; i < unchecked.length; i += LIMITS.maxProductLinks) {
        const batch = unchecked.slice(i, i + LIMITS.maxProductLinks);
        const result = await api.products.resolveLinks(batch).catch(() => undefined);
        // Unknown for now (offline, refused): left unchecked, so the next change asks again.
        if (!result || result.error) return;
        const next = new Map(this.openByUrl);
        const found = new Map<string, Product>();
        for (const item of result.data.items) {
          const url = item.url ?? batch[item.index];
          if (!url) continue;
          if (!next.has(url)) next.set(url, item.openComplaint ? { id: item.openComplaint.id, number: item.openComplaint.number } : null);
          if (item.product) found.set(url, item.product);
        }
        this.openByUrl = next;
        // The same answer names links that came without a product (set as `value`, restored drafts).
        if (this.entries.some((e) => !e.product && found.has(e.url))) {
          this.entries = this.entries.map((e) => (e.product || !found.has(e.url) ? e : { ...e, product: found.get(e.url) }));
        }
      }
    };
    this.checking = run().finally(() => {
      this.checking = undefined;
      // Links added while the answer was on its way.
      if (this.entries.some((e) => !this.openByUrl.has(e.url))) void this.updateComplete.then(() => this.checkOpenComplaints());
    });
  }

  private searchTask = new Task(this, {
    autoRun: false,
    task: async ([query]: [string], { signal }) => {
      const api = this.api;
      if (!api) throw new Error('no client');
      const asLink = normalizeProductLink(query);
      const params = asLink.status === 'ok' || /^[a-z]+:\/\//i.test(query) ? { link: query } : { q: query };
      return unwrap(api.products.search({ ...params, pageSize: 20 }, { signal }));
    },
  });

  private get ownIssues(): Issue[] {
    const result = validateProductLinks(this.value);
    return result.ok ? [] : result.issues.filter((i) => i.path.length === 1);
  }

  private get shownIssues(): Issue[] {
    if (this.issues) return this.issues;
    return this.touched || this.showErrors ? this.ownIssues : [];
  }

  private changed() {
    this.touched = true;
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  private has(url: string) {
    return this.entries.some((e) => e.url === url);
  }

  /** Adds products (or links); refuses what would go over the limit. Returns how many were added. */
  add(items: Array<Product | string>): number {
    const fresh: Entry[] = [];
    for (const item of items) {
      const url = typeof item === 'string' ? item : item.url;
      if (this.has(url) || fresh.some((e) => e.url === url)) continue;
      fresh.push({ url, product: typeof item === 'string' ? undefined : item });
    }
    const room = LIMITS.maxProductLinks - this.entries.length;
    if (fresh.length > room) {
      this.emit(new IprRestrictionFailedEvent({
        source: 'links',
        issues: [issue('links.too_many', ['productLinks'], { limit: LIMITS.maxProductLinks, count: this.entries.length + fresh.length })],
      }));
    }
    const taken = fresh.slice(0, Math.max(0, room));
    if (taken.length) {
      this.entries = [...this.entries, ...taken];
      this.changed();
    }
    return taken.length;
  }

  removeLink(url: string) {
    const index = this.entries.findIndex((e) => e.url === url);
    if (index < 0) return;
    this.entries = this.entries.filter((e) => e.url !== url);
    this.changed();
    // Keep the keyboard user in the list: focus the next remove button, or the search box.
    void this.updateComplete.then(() => {
      const buttons = this.renderRoot.querySelectorAll<HTMLButtonElement>('.added button.remove');
      (buttons[Math.min(index, buttons.length - 1)] ?? this.renderRoot.querySelector<HTMLInputElement>('#q'))?.focus();
    });
  }

  private onSearch(e: Event) {
    e.preventDefault();
    const query = this.query.trim();
    if (!query) return;
    this.showResults = true;
    void this.searchTask.run([query]);
  }

  private async onSheet(e: Event) {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    await this.importFile(file);
  }

  /** Imports an Excel sheet of links (the same path as the upload control). */
  async importFile(file: File | Blob): Promise<ImportResult> {
    this.importAbort?.abort();
    const abort = (this.importAbort = new AbortController());
    this.importName = (file as File).name ?? '';
    this.importResult = undefined;
    this.importProgress = { phase: 'read', done: 0, total: 1 };
    let result: ImportResult;
    try {
      result = await importLinks(file, { client: this.api as never, signal: abort.signal, onProgress: (p) => (this.importProgress = p) });
    } finally {
      if (this.importAbort === abort) this.importProgress = undefined;
    }
    if (this.importAbort !== abort) return result;
    this.importResult = result;
    this.problemsOnly = false;
    this.importRows.reset();
    if (!result.ok) this.emit(new IprRestrictionFailedEvent({ source: 'sheet', file: this.importName, issues: result.issues }));
    else if (result.invalid.length) {
      this.emit(new IprRestrictionFailedEvent({ source: 'sheet', file: this.importName, issues: result.invalid.flatMap((r) => (r.issue ? [r.issue] : [])) }));
    }
    return result;
  }

  private addValidRows() {
    if (!this.importResult?.ok) return;
    // The import already asked about open complaints: no second round trip for these rows.
    const known = new Map(this.openByUrl);
    for (const r of this.importResult.valid) if (r.url && !known.has(r.url)) known.set(r.url, r.openComplaint ?? null);
    this.openByUrl = known;
    this.add(this.importResult.valid.map((r) => r.product ?? r.url ?? r.input));
    this.importResult = undefined;
  }

  private renderIssues(id: string) {
    const issues = this.shownIssues;
    return html`<div id=${id} class="error" part="error" aria-live="polite">${issues.map((i) => html`<p>${this.issueText(i)}</p>`)}</div>`;
  }

  private renderResults() {
    const t = this.t;
    return this.searchTask.render({
      pending: () => this.renderLoading(),
      error: (error) => this.renderError(error, () => void this.searchTask.run()),
      complete: (page) => html`<div class="results" part="results">
        <h3 id="results-h">${t.searchResults}</h3>
        ${page.items.length === 0 ? html`<p role="status">${t.noResults}</p>` : html`<ul class="plain" aria-labelledby="results-h">
          ${page.items.map((p) => html`<li class="item">
            <span class="text"><span class="name">${p.name}</span><br /><span class="url">${p.url} · ${p.supplierName}</span></span>
            <button type="button" class="add" aria-label=${this.has(p.url) ? `${t.alreadyAdded}: ${p.name}` : t.addNamed(p.name)} ?disabled=${this.has(p.url) || this.entries.length >= LIMITS.maxProductLinks}
              @click=${() => this.add([p])}>${this.has(p.url) ? t.alreadyAdded : t.add}</button>
          </li>`)}
        </ul>`}
        <button type="button" @click=${this.finish}>${t.finish}</button>
      </div>`,
    });
  }

  /** "Finish" of the help page: close the results and go back to the search box. */
  private finish() {
    this.searchTask.abort();
    this.showResults = false;
    this.query = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#q')?.focus());
  }

  private renderImport() {
    const t = this.t;
    const p = this.importProgress;
    const r = this.importResult;
    const shown = r && r.ok ? (this.problemsOnly ? r.invalid : r.rows) : [];
    const [start, end] = this.importRows.range(shown.length);
    // Opening the section (or reaching for its upload button) gets the parser worker ready.
    const preload = () => void preloadImport().catch(() => {});
    return html`<details part="import" ?open=${!!p || !!r} @toggle=${(e: Event) => { if ((e.target as HTMLDetailsElement).open) preload(); }}>
      <summary>${t.excel}</summary>
      <p class="hint">${t.excelRules(formatBytes(LIMITS.maxSheetBytes, this.shownLocale), LIMITS.maxProductLinks)}</p>
      <div class="row">
        <button type="button" @click=${() => downloadTemplate().catch((error) => console.warn('[ipr] the template could not be created', error))}>${t.downloadTemplate}</button>
        <button type="button" @pointerenter=${preload} @focus=${preload} @click=${() => this.renderRoot.querySelector<HTMLInputElement>('#sheet')?.click()}>${t.uploadSheet}</button>
        <input id="sheet" type="file" hidden accept=".xlsx,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel" @change=${this.onSheet} />
      </div>
      ${p ? html`<div role="status">
        <span>${t.importPhases[p.phase]} ${this.importName}</span>
        <progress max=${Math.max(1, p.total)} .value=${p.done} aria-label=${t.importPhases[p.phase]}></progress>
      </div>` : nothing}
      ${r && !r.ok ? html`<div class="error" role="alert" part="error">${r.issues.map((i) => html`<p>${this.issueText(i)}</p>`)}</div>` : nothing}
      ${r && r.ok ? html`<div class="import-result">
        <p role="status">${t.importSummary(r.summary.valid, r.summary.invalid)}</p>
        ${r.invalid.length ? html`<label class="filter"><input type="checkbox" .checked=${this.problemsOnly}
          @change=${(e: Event) => { this.problemsOnly = (e.target as HTMLInputElement).checked; this.importRows.reset(); }} /> ${t.problemsOnly}</label>` : nothing}
        <div class="rows" tabindex="0" role="region" aria-label=${t.result} @scroll=${this.importRows.onScroll}>
          <table aria-rowcount=${shown.length + 1}>
            <colgroup><col class="n" /><col /><col /></colgroup>
            <thead><tr aria-rowindex="1"><th scope="col">${t.row}</th><th scope="col">${t.link}</th><th scope="col">${t.result}</th></tr></thead>
            <tbody>
              ${this.importRows.spacer(start, 3)}
              ${shown.slice(start, end).map((row, i) => {
                const bad = row.status !== 'ok';
                const text = row.issue ? this.issueText(row.issue) : row.status === 'not_found' ? this.issueText(issue('links.not_found', [])) : row.product?.name ?? t.rowOk;
                return html`<tr data-row=${row.row} aria-rowindex=${start + i + 2}><td>${row.row}</td><td title=${row.input}>${row.input}</td><td class=${bad ? 'bad' : ''} title=${text}>${text}</td></tr>`;
              })}
              ${this.importRows.spacer(shown.length - end, 3)}
            </tbody>
          </table>
        </div>
        <button type="button" class="primary" ?disabled=${r.valid.length === 0} @click=${this.addValidRows}>${t.addValid(r.valid.length)}</button>
      </div>` : nothing}
    </details>`;
  }

  private openText(complaint: OpenComplaintRef): string {
    return this.issueText(issue('links.already_in_open_complaint', [], { number: complaint.number }));
  }

  protected override render() {
    const t = this.t;
    const n = this.entries.length;
    const inOpen = this.openComplaints.length;
    const max = LIMITS.maxProductLinks;
    const invalid = this.shownIssues.length > 0;
    return html`
      <div class="head">
        <span class="counter ${n >= max ? 'full' : ''}" part="counter" role="status" aria-label=${t.counterLabel(n, max)}>${t.counter(n, max)}</span>
      </div>
      <form class="search" part="search" role="search" @submit=${this.onSearch}>
        <div class="grow">
          <label for="q">${t.searchLabel}</label>
          <input id="q" type="search" .value=${this.query} autocomplete="off" aria-describedby="links-error"
            aria-invalid=${invalid ? 'true' : 'false'} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} />
        </div>
        <button type="submit" ?disabled=${!this.api}>${t.searchButton}</button>
      </form>
      ${this.showResults ? this.renderResults() : nothing}
      ${this.renderImport()}
      <div class="added" part="added">
        <h3 id="added-h">${t.addedProducts}</h3>
        <p class="duplicates" part="duplicates" role="status">${inOpen ? t.inOpenComplaints(inOpen) : nothing}</p>
        ${n === 0 ? html`<p class="hint">${t.noProducts}</p>` : html`<ul class="plain added-list" aria-labelledby="added-h">
          ${this.entries.map((e) => {
            const open = this.openByUrl.get(e.url);
            return html`<li class="item ${open ? 'in-open' : ''}" data-url=${e.url}>
              <span class="text">${e.product ? html`<span class="name">${e.product.name}</span><br />` : nothing}<span class="url">${e.url}</span>
                ${open ? html`<br /><span class="warning" part="warning">${this.openText(open)}</span>` : nothing}</span>
              <button type="button" class="remove" aria-label=${t.removeNamed(e.product?.name ?? e.url)} @click=${() => this.removeLink(e.url)}>${t.remove}</button>
            </li>`;
          })}
        </ul>`}
      </div>
      ${this.renderIssues('links-error')}
    `;
  }
}
