import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { issue, LIMITS, normalizeProductLink, validateProductLinks, type Issue, type Product } from '@ipr/validators';
import type { ImportResult } from '@ipr/client';
import { IprFormControl } from '../../base/form-control.js';
import { RowWindow } from '../../base/row-window.js';
import { IprRestrictionFailedEvent } from '../../events/index.js';
import { unwrap } from '../../api.js';
import { type OpenComplaintRef, OpenComplaints } from './open-complaints.js';
import { SheetImport } from './sheet-import.js';
import { addedList, importSection, type PickerView, searchResults } from './product-picker.templates.js';
import { styles } from './product-picker.styles.js';

export type { OpenComplaintRef } from './open-complaints.js';

interface Entry {
  url: string;
  product?: Product;
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
  private readonly open = new OpenComplaints(this, {
    links: () => this.entries.map((e) => e.url),
    onProducts: (found) => {
      if (this.entries.some((e) => !e.product && found.has(e.url)))
        this.entries = this.entries.map((e) =>
          e.product || !found.has(e.url) ? e : { ...e, product: found.get(e.url) },
        );
    },
  });
  private readonly sheet = new SheetImport(this);
  /** The added products are windowed: 800 of them cost a screenful of DOM. */
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
    this.entries = next.map((url) => ({ url, product: known.get(url) }));
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
      const complaint = this.open.get(e.url);
      return complaint ? [{ url: e.url, complaint }] : [];
    });
  }

  /** Resolves once every added link has been checked against the caller's open complaints. */
  get openComplaintsChecked(): Promise<void> {
    return this.open.checked;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('entries') || changed.has('client') || changed.has('contextClient') || changed.has('apiBase'))
      this.open.check();
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
    this.sheet.reset();
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
      const count = this.entries.length + fresh.length;
      this.emit(
        new IprRestrictionFailedEvent({
          source: 'links',
          issues: [issue('links.too_many', ['productLinks'], { limit: LIMITS.maxProductLinks, count })],
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
  importFile(file: File | Blob): Promise<ImportResult> {
    return this.sheet.run(file);
  }

  private addValidRows() {
    const rows = this.sheet.take();
    // The import already asked about open complaints: no second round trip for these rows.
    this.open.remember(rows.flatMap((r) => (r.url ? [[r.url, r.openComplaint ?? null] as const] : [])));
    this.add(rows.map((r) => r.product ?? r.url ?? r.input));
  }

  /** "Finish" of the help page: close the results and go back to the search box. */
  private finish() {
    this.searchTask.abort();
    this.showResults = false;
    this.query = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#q')?.focus());
  }

  private get view(): PickerView {
    return { t: this.t, locale: this.shownLocale, disabled: this.disabled, issueText: (i) => this.issueText(i) };
  }

  private renderResults(view: PickerView) {
    const full = this.entries.length >= LIMITS.maxProductLinks;
    return this.searchTask.render({
      pending: () => this.renderLoading(),
      error: (error) => this.renderError(error, () => void this.searchTask.run()),
      complete: (page) =>
        searchResults(view, page.items, {
          state: (p) => ({ added: this.has(p.url), full }),
          add: (p) => this.add([p]),
          finish: () => this.finish(),
        }),
    });
  }

  protected override render() {
    const t = this.t;
    const view = this.view;
    const n = this.entries.length;
    const inOpen = this.openComplaints.length;
    const max = LIMITS.maxProductLinks;
    const invalid = this.shownErrors.length > 0;
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
      ${this.showResults ? this.renderResults(view) : nothing}
      ${importSection(view, this.sheet, {
        pick: () => this.renderRoot.querySelector<HTMLInputElement>('#sheet')?.click(),
        onFile: (e) => void this.onSheet(e),
        addValid: () => this.addValidRows(),
      })}
      <div class="added" part="added">
        <h3 id="added-h">${t.addedProducts}</h3>
        <p class="duplicates" part="duplicates" role="status">${inOpen ? t.inOpenComplaints(inOpen) : nothing}</p>
        ${
          n === 0
            ? html`<p class="hint">${t.noProducts}</p>`
            : addedList(view, this.entries, this.addedRows, {
                open: (url) => this.open.get(url),
                remove: (url) => this.removeLink(url),
              })
        }
      </div>
      <div id="links-error" class="error" part="error" aria-live="polite">${this.shownErrors.map((m) => html`<p>${m}</p>`)}</div>
    `;
  }
}
