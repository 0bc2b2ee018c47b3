import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import {
  allowedActions,
  COMPLAINT_TYPES,
  COMPLAINT_TYPE_LABELS,
  STATUSES,
  type Action,
  type Complaint,
  type ComplaintSort,
  type ComplaintSummary,
  type ComplaintType,
  type Role,
  type Status,
} from '@ipr/validators';
import { IprComplaintActionsElement } from '../../base/complaint-actions.js';
import { RowWindow } from '../../base/row-window.js';
import { downloadBlob } from '../../base/download.js';
import { IprComplaintOpenEvent, IprComplaintUpdatedEvent, IprExportEvent } from '../../events/index.js';
import { dateFormatter, formatDate } from '../../i18n/index.js';
import { unwrap, type ApiError, type ComplaintEvent } from '../../api.js';
import { styles } from './complaint-list.styles.js';

/** Rendered rows above and below the visible ones. */
const OVERSCAN = 6;
const PAGE = 100;
/** Live events that bring new complaints are gathered this long before the first page is fetched again. */
const LIVE_RELOAD_DELAY = 200;
type ExportFormat = 'xlsx' | 'csv';
/** What the list task depends on: the client and the filters. */
type ListArgs = [IprComplaintList['api'], Status | '', ComplaintType | '', string, ComplaintSort | ''];

/** The option of `options` a select's value names, or '' (all). */
function choice<T extends string>(options: readonly T[], value: string): T | '' {
  return options.find((o) => o === value) ?? '';
}

/**
 * "My complaints": number, type, status, product count and dates, with filters by status and
 * type, search by number, and the actions each status allows. Rows are windowed: only the
 * visible ones are in the DOM, so 10,000 complaints scroll smoothly; further pages load as
 * the end comes into view.
 *
 * While `live` (the default), status changes made elsewhere update their rows in place and new
 * complaints matching the filters appear without a reload.
 *
 * `sort="match"` (the platform's arbitration console): Picture Embezzlement complaints by their
 * strongest picture match, smallest distance first, with each row's match band shown. "Export" downloads the status report
 * (.xlsx or .csv) for the current filters.
 *
 * @tagname ipr-complaint-list
 * @fires ipr-complaint-open - A complaint number was chosen (detail: `{ id, number }`; cancelable).
 * @fires ipr-complaint-updated - A shown complaint changed or a new one appeared (detail: `{ id, status, action }`).
 * @fires ipr-export - The status report was exported (detail: `{ format, rows, truncated }`).
 * @fires ipr-complaint-action - An action succeeded (detail: `{ action, complaint, reason }`).
 * @fires ipr-complaint-cancelled - A complaint was cancelled (detail: `{ complaint, reason }`).
 * @csspart filters - The filter bar.
 * @csspart table - The table of complaints.
 * @csspart dialog - The confirmation dialog of actions.
 * @csspart error - Error messages.
 * @csspart live - The live indicator (connected / reconnecting).
 * @csspart export - The export buttons and their status.
 * @cssprop --ipr-list-height - Height of the scrolling table (default 28rem).
 * @cssprop --ipr-color-primary - Accent color.
 */
export class IprComplaintList extends IprComplaintActionsElement {
  static override styles = styles;

  /** Only complaints with this status ('' for all). */
  @property({ reflect: true }) status: Status | '' = '';
  /** Only complaints of this type ('' for all). */
  @property({ reflect: true }) type: ComplaintType | '' = '';
  /** A complaint number (or part of it) to search for. */
  @property({ reflect: true }) q = '';
  /**
   * The order: '' or `newest` (newest first), or `match` (platform only): Picture Embezzlement
   * complaints by their strongest picture match, each row showing its band.
   */
  @property({ reflect: true }) sort: ComplaintSort | '' = '';
  /** The caller's role when known (otherwise read from the account). */
  @property({ attribute: 'viewer-role' }) viewerRole?: Role;

  /** The loaded complaints (settable by a host that has them already). */
  @property({ attribute: false }) items: ComplaintSummary[] = [];
  /** The total number of complaints matching the filters. */
  @property({ type: Number }) total = 0;

  @state() private loadingMore = false;
  private nextCursor: string | null = null;
  private searchTimer?: ReturnType<typeof setTimeout>;
  /** Only the rows in view are rendered (the row height is measured; CSS decides it through --ipr-* tokens). */
  private rows = new RowWindow(this, {
    viewport: '.viewport',
    row: 'tr.data',
    rowHeight: 44,
    viewportHeight: 448,
    overscan: OVERSCAN,
  });
  @state() private exporting?: ExportFormat;
  @state() private exportError?: ApiError;
  @state() private exportResult?: { rows: number; truncated: boolean };
  private liveReloadTimer?: ReturnType<typeof setTimeout>;
  /** New complaints announced live, waiting for the first page to be fetched again. */
  private arriving = new Map<string, ComplaintEvent>();

  private accountTask = new Task(this, {
    task: async ([api, role]: [IprComplaintList['api'], Role | undefined], { signal }) =>
      role ? role : api ? (await unwrap(api.account.get({ signal }))).role : undefined,
    args: () => [this.api, this.viewerRole] as [IprComplaintList['api'], Role | undefined],
  });

  private listTask = new Task(this, {
    task: async ([api, status, type, q, sort]: ListArgs, { signal }) => {
      if (!api) return undefined;
      const page = await unwrap(
        api.complaints.list(
          {
            status: status || undefined,
            type: type || undefined,
            q: q || undefined,
            sort: sort || undefined,
            limit: PAGE,
          },
          { signal },
        ),
      );
      this.items = page.items;
      this.total = page.total;
      this.nextCursor = page.nextCursor;
      this.rows.reset();
      return page.total;
    },
    args: (): ListArgs => [this.api, this.status, this.type, this.q, this.sort],
  });

  /** Reloads the list with the current filters. */
  refresh() {
    return this.listTask.run();
  }

  /** The filters as query parameters (empty ones left out). */
  private get filters() {
    return {
      status: this.status || undefined,
      type: this.type || undefined,
      q: this.q || undefined,
      sort: this.sort || undefined,
    };
  }

  private async loadMore() {
    const api = this.api;
    if (!api || !this.nextCursor || this.loadingMore) return;
    this.loadingMore = true;
    const cursor = this.nextCursor;
    const result = await api.complaints.list({ ...this.filters, cursor, limit: PAGE });
    this.loadingMore = false;
    if (result.error || cursor !== this.nextCursor) return;
    const known = new Set(this.items.map((s) => s.id));
    this.items = [...this.items, ...result.data.items.filter((s) => !known.has(s.id))];
    this.total = result.data.total;
    this.nextCursor = result.data.nextCursor;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The page's first date formatter costs ~13 ms of ICU set-up: made while the first page of
    // complaints loads (when the browser is idle), not in the task that shows the rows.
    const warm = () => this.isConnected && dateFormatter(this.shownLocale, 'date');
    if (typeof requestIdleCallback === 'function') requestIdleCallback(warm, { timeout: 1000 });
    else setTimeout(warm, 50);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.liveReloadTimer) clearTimeout(this.liveReloadTimer);
    this.liveReloadTimer = undefined;
    this.arriving.clear();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Fetch the next page when the end of what is loaded comes into view: after this update, as
    // loadMore sets state (an update asked for inside this one would be scheduled twice).
    if (this.nextCursor && this.rows.lastVisible + OVERSCAN * 2 >= this.items.length && !this.loadingMore)
      queueMicrotask(() => void this.loadMore());
  }

  protected override actionDone(complaint: Complaint, _action: Action): void {
    this.items = this.items.map((s) =>
      s.id === complaint.id
        ? { ...s, status: complaint.status, updatedAt: complaint.updatedAt, productCount: complaint.products.length }
        : s,
    );
  }

  protected override liveEvent(e: ComplaintEvent): void {
    const shown = this.items.find((s) => s.id === e.id);
    if (shown) {
      if (shown.status !== e.status || shown.updatedAt !== e.updatedAt) {
        this.items = this.items.map((s) => (s.id === e.id ? { ...s, status: e.status, updatedAt: e.updatedAt } : s));
      }
      this.emit(new IprComplaintUpdatedEvent({ id: e.id, status: e.status, action: e.action }));
      return;
    }
    // Not shown: fetch the first page again when it could match the filters (the type is not in
    // the event, so the server decides that one).
    if (!this.api || (this.status && this.status !== e.status)) return;
    if (this.q && !e.number.toLowerCase().includes(this.q.trim().toLowerCase())) return;
    this.arriving.set(e.id, e);
    if (!this.liveReloadTimer) this.liveReloadTimer = setTimeout(() => void this.liveReload(), LIVE_RELOAD_DELAY);
  }

  protected override liveResumed(): void {
    if (!this.liveReloadTimer) this.liveReloadTimer = setTimeout(() => void this.liveReload(true), LIVE_RELOAD_DELAY);
  }

  /** Merges the first page into what is loaded (scroll position and later pages stay). */
  private async liveReload(resumed = false) {
    this.liveReloadTimer = undefined;
    const api = this.api;
    const filters = [this.status, this.type, this.q, this.sort].join('\u0000');
    const arriving = [...this.arriving.values()];
    this.arriving.clear();
    if (!api || (!arriving.length && !resumed)) return;
    // Sorted by match, a new complaint's place is the server's to say: load the list again.
    if (this.sort === 'match') {
      await this.listTask.run();
      return;
    }
    const result = await api.complaints.list({ ...this.filters, limit: PAGE });
    // The filters changed meanwhile: the list task has loaded (or is loading) the right page.
    if (result.error || filters !== [this.status, this.type, this.q, this.sort].join('\u0000')) return;
    const fresh = new Map(result.data.items.map((s) => [s.id, s]));
    const known = new Set(this.items.map((s) => s.id));
    const merged = [
      ...result.data.items.filter((s) => !known.has(s.id)),
      ...this.items.map((s) => fresh.get(s.id) ?? s),
    ];
    merged.sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1));
    this.items = merged;
    this.total = result.data.total;
    if (!this.nextCursor && !known.size) this.nextCursor = result.data.nextCursor;
    for (const e of arriving) {
      if (fresh.has(e.id)) this.emit(new IprComplaintUpdatedEvent({ id: e.id, status: e.status, action: e.action }));
    }
  }

  /** Downloads the status report of the current filters (`client.complaints.exportStatus`). */
  async export(format: ExportFormat): Promise<void> {
    const api = this.api;
    if (!api?.complaints.exportStatus || this.exporting) return;
    this.exporting = format;
    this.exportError = undefined;
    this.exportResult = undefined;
    try {
      const result = await api.complaints.exportStatus({
        format,
        locale: this.shownLocale,
        ...this.filters,
      });
      if (result.error) {
        this.exportError = result.error;
        return;
      }
      const { blob, fileName, rows, truncated } = result.data;
      downloadBlob(blob, fileName, this.renderRoot);
      this.exportResult = { rows, truncated };
      this.emit(new IprExportEvent({ format, rows, truncated }));
    } catch (error) {
      this.exportError = {
        code: 'network.error',
        message: error instanceof Error ? error.message : String(error),
        status: 0,
        issues: [],
      };
    } finally {
      this.exporting = undefined;
    }
  }

  private renderExport() {
    const t = this.t;
    if (!this.api?.complaints.exportStatus) return nothing;
    const busy = !!this.exporting;
    return html`<div class="export" part="export">
      <div class="row" role="group" aria-labelledby="export-label" aria-busy=${busy ? 'true' : 'false'}>
        <span id="export-label" class="export-label">${t.export}</span>
        ${(['xlsx', 'csv'] as const).map(
          (f) => html`<button type="button" class="export-button" data-format=${f}
          aria-disabled=${busy ? 'true' : 'false'} @click=${() => void this.export(f)}>${t.exportAs(`.${f}`)}</button>`,
        )}
      </div>
      <p class="export-status" role="status">${
        busy
          ? t.exporting
          : this.exportResult
            ? (
                this.exportResult.truncated
                  ? t.exportTruncated(this.exportResult.rows)
                  : t.exported(this.exportResult.rows)
              )
            : ''
      }</p>
      ${this.exportError ? html`<p class="error export-error" role="alert" part="error">${t.exportFailed}${this.exportError.issues?.[0] ? ` ${this.issueText(this.exportError.issues[0])}` : ''}</p>` : nothing}
    </div>`;
  }

  private open(s: ComplaintSummary) {
    this.emit(new IprComplaintOpenEvent({ id: s.id, number: s.number }));
  }

  /** The window of rows to render: [start, end) over `items`. */
  get visibleRange(): [number, number] {
    return this.rows.range(this.items.length);
  }

  /** The band of a complaint's strongest picture match (the list sorted by match carries it). */
  private renderMatch(s: ComplaintSummary) {
    const match = s.match;
    if (!match) return nothing;
    const t = this.t;
    const title = match.distance === null ? undefined : t.pictureDistance(match.distance);
    return html` <span class="match" data-band=${match.band} title=${title ?? nothing}>${t.pictureBands[match.band] ?? match.band}</span>`;
  }

  private renderTable() {
    const t = this.t;
    const loc = this.shownLocale;
    const role = this.accountTask.value;
    const [start, end] = this.visibleRange;
    const rows = this.items.slice(start, end);
    return html`
      <div class="count-row"><p class="count" role="status">${t.shownOf(this.items.length, this.total)}</p>${this.renderLiveIndicator()}</div>
      <div class="viewport" tabindex="0" role="region" aria-label=${t.myComplaints} @scroll=${this.rows.onScroll}>
        <table part="table" role="table" aria-rowcount=${this.items.length + 1}>
          <colgroup><col class="number" /><col class="type" /><col class="status" /><col class="products" /><col class="date" /><col class="date" /><col class="actions" /></colgroup>
          <thead role="rowgroup"><tr role="row" aria-rowindex="1">
            <th scope="col" role="columnheader">${t.number}</th><th scope="col" role="columnheader">${t.type}</th><th scope="col" role="columnheader">${t.status}</th><th scope="col" role="columnheader">${t.productCount}</th>
            <th scope="col" role="columnheader">${t.created}</th><th scope="col" role="columnheader">${t.updated}</th><th scope="col" role="columnheader">${t.actions}</th>
          </tr></thead>
          <tbody role="rowgroup">
            ${this.rows.spacer(start, 7)}
            ${rows.map(
              (s, i) => html`<tr class="data" role="row" data-id=${s.id} aria-rowindex=${start + i + 2}>
              <td class="number" role="cell"><button type="button" class="link number" @click=${() => this.open(s)}>${s.number}</button>${this.renderMatch(s)}</td>
              <td class="type" role="cell">${COMPLAINT_TYPE_LABELS[s.type]?.[loc] ?? s.type}</td>
              <td class="status" role="cell"><span class="badge" data-status=${s.status}>${t.statuses[s.status] ?? s.status}</span></td>
              <td class="products" role="cell" data-label=${t.productCount}>${s.productCount}</td>
              <td class="created" role="cell" data-label=${t.created}>${formatDate(s.createdAt, loc)}</td>
              <td class="updated" role="cell" data-label=${t.updated}>${formatDate(s.updatedAt, loc)}</td>
              <td class="actions" role="cell"><div class="actions">${role ? this.renderActionButtons(s, allowedActions(s.status, role)) : nothing}</div></td>
            </tr>`,
            )}
            ${this.rows.spacer(this.items.length - end, 7)}
          </tbody>
        </table>
      </div>
      ${this.items.length === 0 ? html`<p class="empty" role="status">${t.noComplaints}</p>` : nothing}
      ${this.nextCursor ? html`<button type="button" ?disabled=${this.loadingMore} @click=${() => void this.loadMore()}>${t.loadMore}</button>` : nothing}
    `;
  }

  protected override render() {
    const t = this.t;
    const loc = this.shownLocale;
    return html`
      <div class="filters" part="filters" role="search">
        <div>
          <label for="status">${t.status}</label>
          <select id="status" @change=${(e: Event) => (this.status = choice(STATUSES, (e.target as HTMLSelectElement).value))}>
            <option value="" ?selected=${!this.status}>${t.all}</option>
            ${STATUSES.map((s: Status) => html`<option value=${s} ?selected=${this.status === s}>${t.statuses[s]}</option>`)}
          </select>
        </div>
        <div>
          <label for="type">${t.type}</label>
          <select id="type" @change=${(e: Event) => (this.type = choice(COMPLAINT_TYPES, (e.target as HTMLSelectElement).value))}>
            <option value="" ?selected=${!this.type}>${t.all}</option>
            ${COMPLAINT_TYPES.map((c: ComplaintType) => html`<option value=${c} ?selected=${this.type === c}>${COMPLAINT_TYPE_LABELS[c][loc]}</option>`)}
          </select>
        </div>
        <div>
          <label for="q">${t.searchNumber}</label>
          <input id="q" type="search" .value=${this.q} placeholder="IPR-2026-000123" @input=${(e: Event) => {
            const value = (e.target as HTMLInputElement).value.trim();
            if (this.searchTimer) clearTimeout(this.searchTimer);
            this.searchTimer = setTimeout(() => (this.q = value), 250);
          }} />
        </div>
        ${this.renderExport()}
      </div>
      ${
        this.api
          ? this.listTask.render({
              initial: () => this.renderTable(),
              pending: () => (this.items.length ? this.renderTable() : this.renderLoading()),
              error: (error) => this.renderError(error, () => void this.listTask.run()),
              complete: () => this.renderTable(),
            })
          : this.items.length
            ? this.renderTable()
            : this.renderNoClient()
      }
      ${this.renderActionError()}
      ${this.renderActionDialog()}
    `;
  }
}
