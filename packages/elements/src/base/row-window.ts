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
 * height (set by CSS); it is measured from the first rendered row. Used by the complaint list and
 * the product picker (its import result and its added products), so 10,000 complaints or 800
 * products cost a screenful.
 */
export class RowWindow implements ReactiveController {
  private scrollPos = 0;
  private viewportHeight: number;
  private measured = 0;
  private frame = 0;
  private observed?: Element;
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

  hostUpdated(): void {
    const viewport = this.host.renderRoot.querySelector<HTMLElement>(this.options.viewport);
    if (viewport !== this.observed) {
      this.resizeObserver?.disconnect();
      this.observed = viewport ?? undefined;
      // A new scrolling element (the list was empty, the table was closed) starts where it is, not
      // where the last one was left.
      const scrollPos = viewport?.scrollTop ?? 0;
      if (scrollPos !== this.scrollPos) {
        this.scrollPos = scrollPos;
        this.host.requestUpdate();
      }
      if (viewport && 'ResizeObserver' in globalThis) {
        this.resizeObserver = new ResizeObserver(() => {
          if (viewport.clientHeight && viewport.clientHeight !== this.viewportHeight) {
            this.viewportHeight = viewport.clientHeight;
            this.host.requestUpdate();
          }
        });
        this.resizeObserver.observe(viewport);
      }
    }
    if (!this.measured) {
      const height = this.host.renderRoot.querySelector(this.options.row)?.getBoundingClientRect().height ?? 0;
      if (height > 0) {
        this.measured = height;
        if (Math.abs(height - this.options.rowHeight) > 0.5) this.host.requestUpdate();
      }
    }
  }

  hostDisconnected(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.observed = undefined;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }
}
