import { html, nothing, svg } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { COMPLAINT_TYPE_LABELS, COMPLAINT_TYPES } from '@ipr/validators';
import { IprApiElement } from '../../base/api-element.js';
import { downloadBlob } from '../../base/download.js';
import { type TransparencyReport, unwrap } from '../../api.js';
import { partnerMessages } from '../../i18n/partner-en.js';
import { styles } from './transparency-report.styles.js';

type Report = TransparencyReport;

const STEPS = ['toForward', 'toSupplierResponse', 'toClose'] as const;
const OUTCOMES = [
  'productsRemoved',
  'productsDeclaredNonInfringing',
  'arbitratedFor',
  'arbitratedAgainst',
  'cancelled',
  'open',
] as const;

/**
 * The platform's notice-and-action figures (EU DSA Art. 15 and 24) for a period: notices by type
 * and by month (a plain SVG bar chart with a table beside it), median and p90 hours from
 * submission to forward, to the supplier's response and to close, outcomes; and the CSV download.
 *
 * @tagname ipr-transparency-report
 * @csspart period - The period form (from, to).
 * @csspart chart - The notices-per-month chart (SVG).
 * @csspart error - Error messages.
 * @cssprop --ipr-color-primary - The bars of the chart.
 */
export class IprTransparencyReport extends IprApiElement {
  static override styles = styles;

  /** This element's strings in the shown locale (English where the locale leaves them out). */
  private get strings() {
    return partnerMessages(this.t).transparency;
  }

  /** The start of the period (YYYY-MM-DD), inclusive; default: the first day of the month a year ago. */
  @property() from?: string;
  /** The end of the period (YYYY-MM-DD), exclusive; default: now. */
  @property() to?: string;

  @state() private downloading = false;

  private reportTask = new Task(this, {
    task: async (
      [api, from, to]: [IprTransparencyReport['api'], string | undefined, string | undefined],
      { signal },
    ) => {
      if (!api?.transparency) return undefined;
      return unwrap(api.transparency.report({ ...(from ? { from } : {}), ...(to ? { to } : {}) }, { signal }));
    },
    args: () =>
      [this.api, this.from, this.to] as [IprTransparencyReport['api'], string | undefined, string | undefined],
  });

  /** The figures as last loaded. */
  get report() {
    return this.reportTask.value;
  }

  private apply(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    this.from = (form.elements.namedItem('from') as HTMLInputElement).value || undefined;
    this.to = (form.elements.namedItem('to') as HTMLInputElement).value || undefined;
  }

  private async download() {
    const api = this.api?.transparency;
    if (!api || this.downloading) return;
    this.downloading = true;
    const r = await api.csv({ ...(this.from ? { from: this.from } : {}), ...(this.to ? { to: this.to } : {}) });
    this.downloading = false;
    const report = this.report;
    if (r.data && report)
      downloadBlob(r.data, `transparency-${report.from.slice(0, 10)}-${report.to.slice(0, 10)}.csv`, this.renderRoot);
  }

  override render() {
    if (!this.api) return this.renderNoClient();
    const t = this.strings;
    return html`<h2>${t.title}</h2>
      <form class="period" part="period" @submit=${this.apply}>
        <label>${t.from} <input name="from" type="date" .value=${this.from ?? ''} /></label>
        <label>${t.to} <input name="to" type="date" .value=${this.to ?? ''} /></label>
        <button type="submit">${t.show}</button>
        <button type="button" class="csv" ?disabled=${this.downloading || !this.report} @click=${this.download}>${t.csv}</button>
      </form>
      ${this.reportTask.render({
        pending: () => this.renderLoading(),
        error: (error) => this.renderError(error, () => void this.reportTask.run()),
        complete: (report) => (report ? this.renderReport(report) : nothing),
      })}`;
  }

  private renderReport(r: Report) {
    const t = this.strings;
    const loc = this.shownLocale;
    const fmt = (n: number | null) => (n === null ? '–' : n.toLocaleString(loc));
    return html`<h3>${t.notices}</h3>
      <p class="total" data-total=${r.notices.total}>${fmt(r.notices.total)}</p>
      <h3>${t.byType}</h3>
      <table class="by-type">
        <tbody>
          ${COMPLAINT_TYPES.map(
            (type) =>
              html`<tr><th scope="row">${COMPLAINT_TYPE_LABELS[type][loc]}</th><td class="n">${fmt(r.notices.byType[type] ?? 0)}</td></tr>`,
          )}
        </tbody>
      </table>
      <h3>${t.byMonth}</h3>
      ${this.renderChart(r.notices.byMonth)}
      <table class="by-month">
        <tbody>
          ${r.notices.byMonth.map((m) => html`<tr><th scope="row">${m.month}</th><td class="n">${fmt(m.total)}</td></tr>`)}
        </tbody>
      </table>
      <h3>${t.durations}</h3>
      <table class="durations">
        <thead><tr><th scope="col">${t.step}</th><th scope="col">${t.count}</th><th scope="col">${t.median}</th><th scope="col">${t.p90}</th></tr></thead>
        <tbody>
          ${STEPS.map((step) => {
            const d = r.durations[step];
            return html`<tr data-step=${step}><th scope="row">${t.steps[step]}</th><td class="n">${fmt(d.count)}</td>
              <td class="n">${fmt(d.medianHours)}</td><td class="n">${fmt(d.p90Hours)}</td></tr>`;
          })}
        </tbody>
      </table>
      <h3>${t.outcomes}</h3>
      <table class="outcomes">
        <tbody>
          ${OUTCOMES.map((k) => html`<tr><th scope="row">${t.outcomeLabels[k]}</th><td class="n">${fmt(r.outcomes[k])}</td></tr>`)}
        </tbody>
      </table>`;
  }

  /** Bars per month, plain SVG (no chart library: a dozen bars need none); the table below is the accessible form. */
  private renderChart(months: Report['notices']['byMonth']) {
    if (!months.length) return nothing;
    const width = 480;
    const height = 160;
    const max = Math.max(1, ...months.map((m) => m.total));
    const slot = width / months.length;
    const bar = Math.max(2, slot * 0.7);
    return html`<svg class="chart" part="chart" viewBox="0 0 ${width} ${height + 16}" role="img"
      aria-label=${this.strings.chart(months.length)}>
      ${months.map((m, i) => {
        const h = Math.round((m.total / max) * (height - 12));
        const x = i * slot + (slot - bar) / 2;
        return svg`<g><rect x=${x} y=${height - h} width=${bar} height=${h}><title>${m.month}: ${m.total}</title></rect>
          <text x=${x + bar / 2} y=${height + 12} text-anchor="middle">${m.month.slice(2)}</text></g>`;
      })}
    </svg>`;
  }
}
