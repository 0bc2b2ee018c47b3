// The product picker's sections as functions of what they show and the actions their controls
// call; they hold no state of their own (the element and its controllers do).
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { formatBytes, issue, LIMITS, type Issue, type Product } from '@ipr/validators';
import { downloadTemplate, preloadImport } from '@ipr/client';
import type { Locale, Messages } from '../../i18n/index.js';
import type { RowWindow } from '../../base/row-window.js';
import type { OpenComplaintRef } from './open-complaints.js';
import type { SheetImport } from './sheet-import.js';

export interface PickerView {
  readonly t: Messages;
  readonly locale: Locale;
  readonly disabled: boolean;
  issueText(issue: Issue): string;
}

/** One search hit with its Add button (disabled once added or when the list is full). */
export function resultItem(
  view: PickerView,
  p: Product,
  state: { added: boolean; full: boolean },
  add: () => void,
): TemplateResult {
  const t = view.t;
  return html`<li class="item">
    <span class="text"><span class="name">${p.name}</span><br /><span class="url">${p.url} · ${p.supplierName}</span></span>
    <button type="button" class="add" aria-label=${state.added ? `${t.alreadyAdded}: ${p.name}` : t.addNamed(p.name)} ?disabled=${view.disabled || state.added || state.full}
      @click=${add}>${state.added ? t.alreadyAdded : t.add}</button>
  </li>`;
}

/** The search hits (or "no results") and the Finish button that puts them away. */
export function searchResults(
  view: PickerView,
  items: readonly Product[],
  actions: { state(p: Product): { added: boolean; full: boolean }; add(p: Product): void; finish(): void },
): TemplateResult {
  const t = view.t;
  return html`<div class="results" part="results">
    <h3 id="results-h">${t.searchResults}</h3>
    ${
      items.length === 0
        ? html`<p role="status">${t.noResults}</p>`
        : html`<ul class="plain" aria-labelledby="results-h">
      ${items.map((p) => resultItem(view, p, actions.state(p), () => actions.add(p)))}
    </ul>`
    }
    <button type="button" @click=${actions.finish}>${t.finish}</button>
  </div>`;
}

/** "Already in your open complaint IPR-…" on one line: the sentence may be cut, the number never is. */
export function openWarning(view: PickerView, complaint: OpenComplaintRef): TemplateResult {
  const text = view.issueText(issue('links.already_in_open_complaint', [], { number: complaint.number }));
  const at = text.indexOf(complaint.number);
  const cut = at < 0 ? text : text.slice(0, at);
  const kept = at < 0 ? '' : text.slice(at);
  return html`<span class="warning" part="warning" title=${text}><span class="cut">${cut}</span>${kept ? html`<span class="kept">${kept}</span>` : nothing}</span>`;
}

/** One added product: two lines of one height (cut with an ellipsis, whole in `title`), so the list can be windowed. */
export function addedEntry(
  view: PickerView,
  entry: { url: string; product?: Product },
  open: OpenComplaintRef | null | undefined,
  position: { index: number; size: number },
  remove: () => void,
): TemplateResult {
  const t = view.t;
  const name = entry.product?.name;
  const url = html`<span class="url" title=${entry.url}>${entry.url}</span>`;
  return html`<li class="item ${open ? 'in-open' : ''}" data-url=${entry.url} aria-setsize=${position.size} aria-posinset=${position.index + 1}>
    <span class="text">${name === undefined ? url : html`<span class="name" title=${name}>${name}</span>`}<span class="sub">${open ? openWarning(view, open) : nothing}${name === undefined ? nothing : url}</span></span>
    <button type="button" class="remove" aria-label=${t.removeNamed(name ?? entry.url)} ?disabled=${view.disabled} @click=${remove}>${t.remove}</button>
  </li>`;
}

/**
 * The added products, windowed, with aria-setsize/aria-posinset on each item so assistive tech
 * still hears 800. Keyed by link: a focused remove button stays with its product while the window
 * moves.
 */
export function addedList(
  view: PickerView,
  entries: ReadonlyArray<{ url: string; product?: Product }>,
  rows: RowWindow,
  actions: { open(url: string): OpenComplaintRef | null | undefined; remove(url: string): void },
): TemplateResult {
  const n = entries.length;
  const [start, end] = rows.range(n);
  const shown = entries.slice(start, end);
  // `value` may repeat a link (an error the picker shows): keys must still be unique.
  const seen = new Set<string>();
  const keys = shown.map((e, i) => {
    if (seen.has(e.url)) return `${start + i}:${e.url}`;
    seen.add(e.url);
    return e.url;
  });
  return html`<ul class="plain added-list" tabindex="0" aria-labelledby="added-h" @scroll=${rows.onScroll}>
    ${rows.spacer(start)}
    ${repeat(
      shown,
      (_, i) => keys[i],
      (e, i) => addedEntry(view, e, actions.open(e.url), { index: start + i, size: n }, () => actions.remove(e.url)),
    )}
    ${rows.spacer(n - end)}
  </ul>`;
}

/** The Excel section: rules, template download, upload, progress, and the windowed per-row result. */
export function importSection(
  view: PickerView,
  sheet: SheetImport,
  actions: { pick(): void; onFile(e: Event): void; addValid(): void },
): TemplateResult {
  const t = view.t;
  const p = sheet.progress;
  const r = sheet.result;
  const shown = sheet.shown;
  const [start, end] = sheet.rows.range(shown.length);
  // Opening the section (or reaching for its upload button) gets the parser worker ready.
  const preload = () => void preloadImport().catch(() => {});
  return html`<details part="import" ?open=${!!p || !!r} @toggle=${(e: Event) => {
    if ((e.target as HTMLDetailsElement).open) preload();
  }}>
    <summary>${t.excel}</summary>
    <p class="hint">${t.excelRules(formatBytes(LIMITS.maxSheetBytes, view.locale), LIMITS.maxProductLinks)}</p>
    <div class="row">
      <button type="button" @click=${() => downloadTemplate().catch((error) => console.warn('[ipr] the template could not be created', error))}>${t.downloadTemplate}</button>
      <button type="button" class="upload" ?disabled=${view.disabled} @pointerenter=${preload} @focus=${preload} @click=${actions.pick}>${t.uploadSheet}</button>
      <input id="sheet" type="file" hidden accept=".xlsx,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel" @change=${actions.onFile} />
    </div>
    ${
      p
        ? html`<div role="status">
      <span>${t.importPhases[p.phase]} ${sheet.name}</span>
      <progress max=${Math.max(1, p.total)} .value=${p.done} aria-label=${t.importPhases[p.phase]}></progress>
    </div>`
        : nothing
    }
    ${r && !r.ok ? html`<div class="error" role="alert" part="error">${r.issues.map((i) => html`<p>${view.issueText(i)}</p>`)}</div>` : nothing}
    ${
      r?.ok
        ? html`<div class="import-result">
      <p role="status">${t.importSummary(r.summary.valid, r.summary.invalid)}</p>
      ${
        r.invalid.length
          ? html`<label class="filter"><input type="checkbox" .checked=${sheet.problemsOnly}
        @change=${(e: Event) => sheet.setProblemsOnly((e.target as HTMLInputElement).checked)} /> ${t.problemsOnly}</label>`
          : nothing
      }
      <div class="rows" tabindex="0" role="region" aria-label=${t.result} @scroll=${sheet.rows.onScroll}>
        <table aria-rowcount=${shown.length + 1}>
          <colgroup><col class="n" /><col /><col /></colgroup>
          <thead><tr aria-rowindex="1"><th scope="col">${t.row}</th><th scope="col">${t.link}</th><th scope="col">${t.result}</th></tr></thead>
          <tbody>
            ${sheet.rows.spacer(start, 3)}
            ${shown.slice(start, end).map((row, i) => {
              const bad = row.status !== 'ok';
              const text = row.issue
                ? view.issueText(row.issue)
                : row.status === 'not_found'
                  ? view.issueText(issue('links.not_found', []))
                  : (row.product?.name ?? t.rowOk);
              return html`<tr data-row=${row.row} aria-rowindex=${start + i + 2}><td>${row.row}</td><td title=${row.input}>${row.input}</td><td class=${bad ? 'bad' : ''} title=${text}>${text}</td></tr>`;
            })}
            ${sheet.rows.spacer(shown.length - end, 3)}
          </tbody>
        </table>
      </div>
      <button type="button" class="primary" ?disabled=${view.disabled || r.valid.length === 0} @click=${actions.addValid}>${t.addValid(r.valid.length)}</button>
    </div>`
        : nothing
    }
  </details>`;
}
