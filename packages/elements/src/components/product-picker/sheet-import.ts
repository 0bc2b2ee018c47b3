import type { ReactiveControllerHost } from 'lit';
import { importLinks, type ImportProgress, type ImportResult, type ImportRow } from '@ipr/client';
import type { IprClient } from '../../api.js';
import { RowWindow } from '../../base/row-window.js';
import { IprRestrictionFailedEvent } from '../../events/index.js';

export interface SheetImportHost extends ReactiveControllerHost, HTMLElement {
  readonly api: IprClient | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
  emit<E extends Event>(event: E): E;
}

/**
 * One Excel import of product links at a time: its progress, its per-row result (windowed: 800
 * rows cost a screenful of DOM) and the "problems only" filter. A new import aborts the one on its
 * way; a refused sheet or refused rows are reported as `ipr-restriction-failed`. It needs no
 * lifecycle of its own (its row window is the host's controller): it asks the host to update.
 */
export class SheetImport {
  /** The phase under way, undefined when no import runs. */
  progress?: ImportProgress;
  /** The last import's result, until its rows are added or it is put away. */
  result?: ImportResult;
  /** The imported file's name. */
  name = '';
  /** Show only the rows with a problem. */
  problemsOnly = false;
  readonly rows: RowWindow;
  private abort?: AbortController;

  constructor(private readonly host: SheetImportHost) {
    this.rows = new RowWindow(host, {
      viewport: '.rows',
      row: '.rows tr[data-row]',
      rowHeight: 30,
      viewportHeight: 288,
    });
  }

  /** The rows shown: all of them, or only those with a problem. */
  get shown(): ImportRow[] {
    const r = this.result;
    return r?.ok ? (this.problemsOnly ? r.invalid : r.rows) : [];
  }

  setProblemsOnly(on: boolean): void {
    this.problemsOnly = on;
    this.rows.reset();
    this.host.requestUpdate();
  }

  /** Imports a sheet (aborting the one on its way); resolves with its result. */
  async run(file: File | Blob): Promise<ImportResult> {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.name = (file as File).name ?? '';
    this.result = undefined;
    this.setProgress({ phase: 'read', done: 0, total: 1 });
    let result: ImportResult;
    try {
      result = await importLinks(file, {
        client: this.host.api,
        signal: abort.signal,
        onProgress: (p) => this.setProgress(p),
      });
    } finally {
      if (this.abort === abort) this.setProgress(undefined);
    }
    if (this.abort !== abort) return result;
    this.result = result;
    this.problemsOnly = false;
    this.rows.reset();
    this.host.requestUpdate();
    const issues = result.ok ? result.invalid.flatMap((r) => (r.issue ? [r.issue] : [])) : result.issues;
    if (!result.ok || result.invalid.length)
      this.host.emit(new IprRestrictionFailedEvent({ source: 'sheet', file: this.name, issues }));
    return result;
  }

  /** Takes the valid rows and puts the result away. */
  take(): ImportRow[] {
    const rows = this.result?.ok ? this.result.valid : [];
    this.result = undefined;
    this.host.requestUpdate();
    return rows;
  }

  /** Aborts the import on its way and puts the result away. */
  reset(): void {
    this.abort?.abort();
    this.abort = undefined;
    this.progress = undefined;
    this.result = undefined;
    this.host.requestUpdate();
  }

  private setProgress(progress: ImportProgress | undefined) {
    this.progress = progress;
    this.host.requestUpdate();
  }
}
