import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task } from '@lit/task';
import {
  formatBytes,
  issue,
  LIMITS,
  normalizeProductLink,
  validateProductLinks,
  type Issue,
  type Product,
} from '@ipr/validators';
import { downloadTemplate, importLinks, preloadImport, type ImportResult } from '@ipr/client';
import { IprFormControl } from '../../base/form-control.js';
import { RowWindow } from '../../base/row-window.js';
import { IprRestrictionFailedEvent } from '../../events/index.js';
import { unwrap } from '../../api.js';
import { styles } from './product-picker.styles.js';

interface Entry {
  url: string;
  product?: Product;
}

/** The caller's open complaint that already lists a product. */
export interface OpenComplaintRef {
  id: string;
  number: string;
}

/**
 * Infringing product links: search by link or name and add results, or import an Excel
 * sheet (template download, upload with progress, per-row results, add the valid rows).
 * Its `value` is the list of product links; `change` fires when it changes.
 *
 * Each added product that is already in one of the caller's open complaints is marked
 * ("Already in your open complaint IPR-…"), with a note above the list: a warning, not a block
 * (the server refuses only an identical complaint).
 *
 * The added list and the import result are windowed: with 800 products about 14 items are in the
 * DOM (each item one line of name and one of link, cut with an ellipsis, whole in `title`), with
 * `aria-setsize`/`aria-posinset` so assistive tech still hears 800; every Remove button is reached
 * by Tab, and removing one moves focus to the next product's button.
 *
 * Inside a host `<form>` it is a form control (ElementInternals): it submits one entry per product
 * link under `name` (default `productLinks`); `required` makes an empty picker invalid
 * (`validity.valueMissing`) and more than 800 links are `validity.tooLong`; `form.reset()` empties
 * it, a disabled `<fieldset>` disables it, `reportValidity()` focuses its search box,
 * `setCustomValidity()` adds a host's own error, and the browser restores it on history navigation.
 *
 * @tagname ipr-product-picker
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
export class IprProductPicker extends IprFormControl {
  static override styles = styles;

  /** The field name in a host form: one entry per product link is submitted under it. */
  @property({ reflect: true }) override name = 'productLinks';

  @state() private entries: Entry[] = [];
  @state() private query = '';
  @state() private showResults = false;
  @state() private importProgress?: { phase: 'read' | 'parse' | 'validate' | 'resolve'; done: number; total: number };
  @state() private importResult?: ImportResult;
  @state() private importName = '';
  @state() private problemsOnly = false;
  private importAbort?: AbortController;
  /** By link: the open complaint listing it, `null` when none, absent while unchecked. */
  @state() private openByUrl = new Map<string, OpenComplaintRef | null>();
  private checking?: Promise<void>;
  /** The import result's rows are windowed: 800 rows cost a screenful of DOM. */
  private importRows = new RowWindow(this, {
    viewport: '.rows',
    row: '.rows tr[data-row]',
    rowHeight: 30,
    viewportHeight: 288,
  });
  /** So are the added products: 800 of them cost a screenful too. */
  private addedRows = new RowWindow(this, {
    viewport: '.added-list',
    row: '.added-list > li[data-url]',
    rowHeight: 56,
    viewportHeight: 320,
  });
  /** The picker's own issues for one `entries` array (render runs on every scrolled frame). */
  private ownIssuesFor?: { entries: Entry[]; issues: Issue[] };

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
    if (changed.has('entries') || changed.has('client') || changed.has('contextClient') || changed.has('apiBase'))
      this.checkOpenComplaints();
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
          if (!next.has(url))
            next.set(url, item.openComplaint ? { id: item.openComplaint.id, number: item.openComplaint.number } : null);
          if (item.product) found.set(url, item.product);
        }
        this.openByUrl = next;
        // The same answer names links that came without a product (set as `value`, restored drafts).
        if (this.entries.some((e) => !e.product && found.has(e.url))) {
          this.entries = this.entries.map((e) =>
            e.product || !found.has(e.url) ? e : { ...e, product: found.get(e.url) },
          );
        }
      }
    };
    this.checking = run().finally(() => {
      this.checking = undefined;
      // Links added while the answer was on its way.
      if (this.entries.some((e) => !this.openByUrl.has(e.url)))
        void this.updateComplete.then(() => this.checkOpenComplaints());
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

  /** The whole-list issues of the links (none, too many); an empty list is an issue only when `required`. */
  protected get formIssues(): Issue[] {
    if (this.ownIssuesFor?.entries !== this.entries) {
      const result = validateProductLinks(this.value);
      this.ownIssuesFor = {
        entries: this.entries,
        issues: result.ok ? [] : result.issues.filter((i) => i.path.length === 1),
      };
    }
    const issues = this.ownIssuesFor.issues;
    return this.required ? issues : issues.filter((i) => i.code !== 'links.required');
  }

  protected get formEntries(): string[] {
    return this.value;
  }

  protected get validationAnchor(): HTMLElement | null {
    return this.renderRoot?.querySelector<HTMLElement>('#q') ?? null;
  }

  protected override formStateChanged(changed: PropertyValues): boolean {
    return super.formStateChanged(changed) || changed.has('entries');
  }

  /** A form reset empties the list and puts the search and the import away. */
  protected resetFormValue(): void {
    this.entries = [];
    this.importAbort?.abort();
    this.importAbort = undefined;
    this.importProgress = undefined;
    this.importResult = undefined;
    this.searchTask.abort();
    this.showResults = false;
    this.query = '';
  }

  protected restoreFormEntries(entries: string[]): void {
    this.value = entries;
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
    const seen = new Set(this.entries.map((e) => e.url));
    for (const item of items) {
      const url = typeof item === 'string' ? item : item.url;
      if (seen.has(url)) continue;
      seen.add(url);
      fresh.push({ url, product: typeof item === 'string' ? undefined : item });
    }
    const room = LIMITS.maxProductLinks - this.entries.length;
    if (fresh.length > room) {
      this.emit(
        new IprRestrictionFailedEvent({
          source: 'links',
          issues: [
            issue('links.too_many', ['productLinks'], {
              limit: LIMITS.maxProductLinks,
              count: this.entries.length + fresh.length,
            }),
          ],
        }),
      );
    }
    const taken = fresh.slice(0, Math.max(0, room));
    if (taken.length) {
      this.entries = [...this.entries, ...taken];
      this.changed();
    }
    return taken.length;
  }

  /** Takes one product link out of the list (focus moves to a neighbour when it was on the removed row). */
  removeLink(url: string) {
    const index = this.entries.findIndex((e) => e.url === url);
    if (index < 0) return;
    // Focus moves only when it was on the removed product's button (a keyboard or clicking user);
    // a host removing a link through the API leaves the focus where it is.
    const focused = (this.renderRoot as ShadowRoot).activeElement?.closest<HTMLElement>('.added-list > li');
    const hadFocus = focused?.dataset.url === url;
    this.entries = this.entries.filter((e) => e.url !== url);
    this.changed();
    if (!hadFocus) return;
    // Keep the keyboard user in the list: the next product's remove button (the previous one for
    // the last product; both are in the rendered window), or the search box once the list is empty.
    void this.updateComplete.then(() => {
      const n = this.entries.length;
      const next = this.renderRoot.querySelector<HTMLButtonElement>(
        `.added-list > li[aria-posinset="${Math.min(index, n - 1) + 1}"] button.remove`,
      );
      (next ?? this.renderRoot.querySelector<HTMLElement>(n ? '.added-list' : '#q'))?.focus();
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
    const abort = new AbortController();
    this.importAbort = abort;
    this.importName = (file as File).name ?? '';
    this.importResult = undefined;
    this.importProgress = { phase: 'read', done: 0, total: 1 };
    let result: ImportResult;
    try {
      result = await importLinks(file, {
        client: this.api,
        signal: abort.signal,
        onProgress: (p) => (this.importProgress = p),
      });
    } finally {
      if (this.importAbort === abort) this.importProgress = undefined;
    }
    if (this.importAbort !== abort) return result;
    this.importResult = result;
    this.problemsOnly = false;
    this.importRows.reset();
    if (!result.ok)
      this.emit(new IprRestrictionFailedEvent({ source: 'sheet', file: this.importName, issues: result.issues }));
    else if (result.invalid.length) {
      this.emit(
        new IprRestrictionFailedEvent({
          source: 'sheet',
          file: this.importName,
          issues: result.invalid.flatMap((r) => (r.issue ? [r.issue] : [])),
        }),
      );
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
    return html`<div id=${id} class="error" part="error" aria-live="polite">${this.shownErrors.map((m) => html`<p>${m}</p>`)}</div>`;
  }

  private renderResults() {
    const t = this.t;
    return this.searchTask.render({
      pending: () => this.renderLoading(),
      error: (error) => this.renderError(error, () => void this.searchTask.run()),
      complete: (page) => html`<div class="results" part="results">
        <h3 id="results-h">${t.searchResults}</h3>
        ${
          page.items.length === 0
            ? html`<p role="status">${t.noResults}</p>`
            : html`<ul class="plain" aria-labelledby="results-h">
          ${page.items.map(
            (p) => html`<li class="item">
            <span class="text"><span class="name">${p.name}</span><br /><span class="url">${p.url} · ${p.supplierName}</span></span>
            <button type="button" class="add" aria-label=${this.has(p.url) ? `${t.alreadyAdded}: ${p.name}` : t.addNamed(p.name)} ?disabled=${this.disabled || this.has(p.url) || this.entries.length >= LIMITS.maxProductLinks}
              @click=${() => this.add([p])}>${this.has(p.url) ? t.alreadyAdded : t.add}</button>
          </li>`,
          )}
        </ul>`
        }
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
    const shown = r?.ok ? (this.problemsOnly ? r.invalid : r.rows) : [];
    const [start, end] = this.importRows.range(shown.length);
    // Opening the section (or reaching for its upload button) gets the parser worker ready.
    const preload = () => void preloadImport().catch(() => {});
    return html`<details part="import" ?open=${!!p || !!r} @toggle=${(e: Event) => {
      if ((e.target as HTMLDetailsElement).open) preload();
    }}>
      <summary>${t.excel}</summary>
      <p class="hint">${t.excelRules(formatBytes(LIMITS.maxSheetBytes, this.shownLocale), LIMITS.maxProductLinks)}</p>
      <div class="row">
        <button type="button" @click=${() => downloadTemplate().catch((error) => console.warn('[ipr] the template could not be created', error))}>${t.downloadTemplate}</button>
        <button type="button" class="upload" ?disabled=${this.disabled} @pointerenter=${preload} @focus=${preload} @click=${() => this.renderRoot.querySelector<HTMLInputElement>('#sheet')?.click()}>${t.uploadSheet}</button>
        <input id="sheet" type="file" hidden accept=".xlsx,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel" @change=${this.onSheet} />
      </div>
      ${
        p
          ? html`<div role="status">
        <span>${t.importPhases[p.phase]} ${this.importName}</span>
        <progress max=${Math.max(1, p.total)} .value=${p.done} aria-label=${t.importPhases[p.phase]}></progress>
      </div>`
          : nothing
      }
      ${r && !r.ok ? html`<div class="error" role="alert" part="error">${r.issues.map((i) => html`<p>${this.issueText(i)}</p>`)}</div>` : nothing}
      ${
        r?.ok
          ? html`<div class="import-result">
        <p role="status">${t.importSummary(r.summary.valid, r.summary.invalid)}</p>
        ${
          r.invalid.length
            ? html`<label class="filter"><input type="checkbox" .checked=${this.problemsOnly}
          @change=${(e: Event) => {
            this.problemsOnly = (e.target as HTMLInputElement).checked;
            this.importRows.reset();
          }} /> ${t.problemsOnly}</label>`
            : nothing
        }
        <div class="rows" tabindex="0" role="region" aria-label=${t.result} @scroll=${this.importRows.onScroll}>
          <table aria-rowcount=${shown.length + 1}>
            <colgroup><col class="n" /><col /><col /></colgroup>
            <thead><tr aria-rowindex="1"><th scope="col">${t.row}</th><th scope="col">${t.link}</th><th scope="col">${t.result}</th></tr></thead>
            <tbody>
              ${this.importRows.spacer(start, 3)}
              ${shown.slice(start, end).map((row, i) => {
                const bad = row.status !== 'ok';
                const text = row.issue
                  ? this.issueText(row.issue)
                  : row.status === 'not_found'
                    ? this.issueText(issue('links.not_found', []))
                    : (row.product?.name ?? t.rowOk);
                return html`<tr data-row=${row.row} aria-rowindex=${start + i + 2}><td>${row.row}</td><td title=${row.input}>${row.input}</td><td class=${bad ? 'bad' : ''} title=${text}>${text}</td></tr>`;
              })}
              ${this.importRows.spacer(shown.length - end, 3)}
            </tbody>
          </table>
        </div>
        <button type="button" class="primary" ?disabled=${this.disabled || r.valid.length === 0} @click=${this.addValidRows}>${t.addValid(r.valid.length)}</button>
      </div>`
          : nothing
      }
    </details>`;
  }

  private openText(complaint: OpenComplaintRef): string {
    return this.issueText(issue('links.already_in_open_complaint', [], { number: complaint.number }));
  }

  /** "Already in your open complaint IPR-…" on one line: the sentence may be cut, the number never is. */
  private renderWarning(complaint: OpenComplaintRef) {
    const text = this.openText(complaint);
    const at = text.indexOf(complaint.number);
    const cut = at < 0 ? text : text.slice(0, at);
    const kept = at < 0 ? '' : text.slice(at);
    return html`<span class="warning" part="warning" title=${text}><span class="cut">${cut}</span>${kept ? html`<span class="kept">${kept}</span>` : nothing}</span>`;
  }

  /** One added product: two lines of one height (cut with an ellipsis, whole in `title`), so the list can be windowed. */
  private renderEntry(e: Entry, index: number, size: number) {
    const t = this.t;
    const open = this.openByUrl.get(e.url);
    const name = e.product?.name;
    const url = html`<span class="url" title=${e.url}>${e.url}</span>`;
    return html`<li class="item ${open ? 'in-open' : ''}" data-url=${e.url} aria-setsize=${size} aria-posinset=${index + 1}>
      <span class="text">${name === undefined ? url : html`<span class="name" title=${name}>${name}</span>`}<span class="sub">${open ? this.renderWarning(open) : nothing}${name === undefined ? nothing : url}</span></span>
      <button type="button" class="remove" aria-label=${t.removeNamed(name ?? e.url)} ?disabled=${this.disabled} @click=${() => this.removeLink(e.url)}>${t.remove}</button>
    </li>`;
  }

  protected override render() {
    const t = this.t;
    const n = this.entries.length;
    const inOpen = this.openComplaints.length;
    const max = LIMITS.maxProductLinks;
    const invalid = this.shownErrors.length > 0;
    // Windowed, with aria-setsize/aria-posinset on each item so assistive tech still hears 800. Keyed
    // by link: a focused remove button stays with its product while the window moves.
    const [start, end] = this.addedRows.range(n);
    const shown = this.entries.slice(start, end);
    // `value` may repeat a link (an error the picker shows): keys must still be unique.
    const seen = new Set<string>();
    const keys = shown.map((e, i) => {
      if (seen.has(e.url)) return `${start + i}:${e.url}`;
      seen.add(e.url);
      return e.url;
    });
    return html`
      <div class="head">
        <span class="counter ${n >= max ? 'full' : ''}" part="counter" role="status" aria-label=${t.counterLabel(n, max)}>${t.counter(n, max)}</span>
      </div>
      <form class="search" part="search" role="search" @submit=${this.onSearch}>
        <div class="grow">
          <label for="q">${t.searchLabel}</label>
          <input id="q" type="search" .value=${this.query} autocomplete="off" aria-describedby="links-error" ?disabled=${this.disabled}
            aria-invalid=${invalid ? 'true' : 'false'} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} />
        </div>
        <button type="submit" ?disabled=${this.disabled || !this.api}>${t.searchButton}</button>
      </form>
      ${this.showResults ? this.renderResults() : nothing}
      ${this.renderImport()}
      <div class="added" part="added">
        <h3 id="added-h">${t.addedProducts}</h3>
        <p class="duplicates" part="duplicates" role="status">${inOpen ? t.inOpenComplaints(inOpen) : nothing}</p>
        ${
          n === 0
            ? html`<p class="hint">${t.noProducts}</p>`
            : html`<ul class="plain added-list" tabindex="0" aria-labelledby="added-h" @scroll=${this.addedRows.onScroll}>
          ${this.addedRows.spacer(start)}
          ${repeat(
            shown,
            (_, i) => keys[i],
            (e, i) => this.renderEntry(e, start + i, n),
          )}
          ${this.addedRows.spacer(n - end)}
        </ul>`
        }
      </div>
      ${this.renderIssues('links-error')}
    `;
  }
}
