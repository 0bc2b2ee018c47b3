import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

export interface RowWindowOptions {
  /** The scrolling element, found in the host's render root. */
  viewport: string;
  /** A rendered data row, measured once to learn the row height (CSS decides it). */
  row: string;
  /** Row height until one is measured, in px. */
  rowHeight: number;
  /** Viewport height until one is measured, in px. */
  viewportHeight: number;
  /** Rows rendered above and below the visible ones. */
  overscan?: number;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode };

/**
 * Windowed rows for a scrolling table or list: only the rows in view (plus an overscan) are
 * rendered, with one spacer above and one below standing in for the rest. Rows must have one
 * height (set by CSS); it is measured from a rendered row. Used by the complaint list and the
 * product picker (its import result and its added products), so 10,000 complaints or 800
 * products cost a screenful.
 *
 * Sizes come from a ResizeObserver on the viewport and on a rendered row, never from measuring
 * inside the host's update: a new measure asks for an update of its own (asking from
 * `hostUpdated` would schedule an update inside the one just finished). So the row height
 * follows the layout, e.g. when a container query switches a list between table rows and
 * cards, and the first row in view stays the first row in view.
 */
export class RowWindow implements ReactiveController {
  private scrollPos = 0;
  private viewportHeight: number;
  private measured = 0;
  private frame = 0;
  private viewport?: HTMLElement;
  private row?: Element;
  private resizeObserver?: ResizeObserver;
  private readonly overscan: number;

  constructor(
    private readonly host: Host,
    private readonly options: RowWindowOptions,
  ) {
    this.viewportHeight = options.viewportHeight;
    this.overscan = options.overscan ?? 6;
    host.addController(this);
  }

  /** The height of one row in px. */
  get rowHeight(): number {
    return this.measured || this.options.rowHeight;
  }

  /** The index just past the last row in view. */
  get lastVisible(): number {
    return Math.ceil((this.scrollPos + this.viewportHeight) / this.rowHeight);
  }

  /** The rows to render, [start, end) of `count`. */
  range(count: number): [number, number] {
    const row = this.rowHeight;
    const start = Math.min(count, Math.max(0, Math.floor(this.scrollPos / row) - this.overscan));
    const end = Math.min(count, Math.ceil((this.scrollPos + this.viewportHeight) / row) + this.overscan);
    return [start, Math.max(start, end)];
  }

  /**
   * The spacer standing in for `rows` rows (nothing for none): a table row spanning `columns`
   * cells in a table body, a list item in a list.
   */
  spacer(rows: number, columns?: number): TemplateResult | typeof nothing {
    if (rows <= 0) return nothing;
    const height = `height:${rows * this.rowHeight}px`;
    return columns === undefined
      ? html`<li class="spacer" aria-hidden="true" style=${height}></li>`
      : html`<tr class="spacer" aria-hidden="true"><td colspan=${columns} style=${height}></td></tr>`;
  }

  /** Bind as the viewport's `@scroll` listener. */
  readonly onScroll = (e: Event) => {
    const el = e.currentTarget as HTMLElement;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.scrollPos = el.scrollTop;
      this.viewportHeight = el.clientHeight || this.viewportHeight;
      this.host.requestUpdate();
    });
  };

  /** Back to the first row (new content). */
  reset(): void {
    this.scrollPos = 0;
    const viewport = this.host.renderRoot.querySelector<HTMLElement>(this.options.viewport);
    if (viewport) viewport.scrollTop = 0;
  }

  hostConnected(): void {
    this.observe();
  }

  hostUpdated(): void {
    this.observe();
  }

  hostDisconnected(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.viewport = undefined;
    this.row = undefined;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** Observes the current viewport and a current row (new ones after a render replaced them). Never asks for an update. */
  private observe(): void {
    if (!('ResizeObserver' in globalThis)) return;
    const viewport = this.host.renderRoot.querySelector<HTMLElement>(this.options.viewport) ?? undefined;
    const row = this.host.renderRoot.querySelector(this.options.row) ?? undefined;
    if (viewport === this.viewport && row === this.row) return;
    this.resizeObserver ??= new ResizeObserver((entries) => this.resized(entries));
    if (viewport !== this.viewport) {
      if (this.viewport) this.resizeObserver.unobserve(this.viewport);
      if (viewport) this.resizeObserver.observe(viewport);
      this.viewport = viewport;
    }
    if (row !== this.row) {
      if (this.row) this.resizeObserver.unobserve(this.row);
      if (row) this.resizeObserver.observe(row);
      this.row = row;
    }
  }

  /** A ResizeObserver's report (also the first one of each newly observed element), after layout. */
  private resized(entries: ResizeObserverEntry[]): void {
    let changed = false;
    let keepRow: number | undefined;
    for (const { target } of entries) {
      if (target === this.viewport) {
        const viewport = this.viewport;
        // A new scrolling element (the list was empty, the table was closed) starts where it is,
        // not where the last one was left.
        if (viewport.scrollTop !== this.scrollPos) {
          this.scrollPos = viewport.scrollTop;
          changed = true;
        }
        if (viewport.clientHeight && viewport.clientHeight !== this.viewportHeight) {
          this.viewportHeight = viewport.clientHeight;
          changed = true;
        }
      } else if (target === this.row && target.isConnected) {
        const height = target.getBoundingClientRect().height;
        if (height > 0 && Math.abs(height - this.rowHeight) > 0.5) {
          // The layout changed the row height (table rows ↔ cards): keep the first row in view.
          if (this.measured && this.scrollPos > 0) keepRow = this.scrollPos / this.measured;
          this.measured = height;
          changed = true;
        } else if (height > 0) this.measured = height;
      }
    }
    if (!changed) return;
    if (keepRow !== undefined) this.scrollPos = keepRow * this.measured;
    this.host.requestUpdate();
    if (keepRow !== undefined) {
      const viewport = this.viewport;
      const scrollPos = this.scrollPos;
      // Once the spacers have their new heights, the scroll position can be set.
      void this.host.updateComplete.then(() => {
        if (viewport?.isConnected) viewport.scrollTop = scrollPos;
      });
    }
  }
}
