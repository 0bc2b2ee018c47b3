// Notice-and-action figures a platform publishes (EU DSA Art. 15 and 24): notices by type and by
// month, how long each step took (median and p90), and what came of them. Pure: the server reads
// one record per complaint and hands it here, so the figures and their CSV have one definition.
import * as z from 'zod/mini';
import { neutralizeCell } from './files.js';
import type { ArbitrationDecision } from './lifecycle.js';
import { COMPLAINT_TYPES, type ComplaintType } from './limits.js';

type When = string | Date;

/** One complaint's timeline as the history records it. */
export interface NoticeRecord {
  type: ComplaintType;
  submittedAt: When;
  /** First forward to the supplier. */
  forwardedAt: When | null;
  /** When every product had a supplier's answer (the status became supplier_responded). */
  respondedAt: When | null;
  /** When it reached a final status (closed, arbitrated or cancelled). */
  closedAt: When | null;
  /** Products taken down, and declared non-infringing, by the supplier. */
  productsRemoved: number;
  productsDeclaredNonInfringing: number;
  arbitration: ArbitrationDecision | null;
  cancelled: boolean;
}

const durationSchema = z.object({
  /** Complaints that reached the step. */
  count: z.number(),
  medianHours: z.nullable(z.number()),
  p90Hours: z.nullable(z.number()),
});
const byType = z.record(z.enum(COMPLAINT_TYPES), z.number());

export const TransparencyReportSchema = /*#__PURE__*/ z.object({
  /** The period: complaints submitted from `from` (inclusive) to `to` (exclusive). */
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  notices: z.object({
    total: z.number(),
    byType,
    /** Calendar months (UTC), oldest first, each with its count per type. */
    byMonth: z.array(z.object({ month: z.string(), total: z.number(), byType })),
  }),
  durations: z.object({ toForward: durationSchema, toSupplierResponse: durationSchema, toClose: durationSchema }),
  outcomes: z.object({
    productsRemoved: z.number(),
    productsDeclaredNonInfringing: z.number(),
    /** Arbitration decided for the complainant (upheld, partially upheld) or against (rejected). */
    arbitratedFor: z.number(),
    arbitratedAgainst: z.number(),
    cancelled: z.number(),
    /** Not yet in a final status. */
    open: z.number(),
  }),
});
export type TransparencyReport = z.output<typeof TransparencyReportSchema>;
export type DurationFigures = TransparencyReport['durations']['toForward'];

/**
 * The p-th percentile (0..1) of sorted numbers by linear interpolation between closest ranks (as
 * PostgreSQL's `percentile_cont`): the median of [1, 2, 3, 10] is 2.5. Null for no numbers.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (!sorted.length) return null;
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

const ms = (w: When) => (w instanceof Date ? w.getTime() : Date.parse(w));
const hours = (n: number | null) => (n === null ? null : Math.round((n / 3_600_000) * 100) / 100);

function durations(records: NoticeRecord[], end: (r: NoticeRecord) => When | null): DurationFigures {
  const spans = records
    .map((r) => {
      const e = end(r);
      return e === null ? null : ms(e) - ms(r.submittedAt);
    })
    .filter((d): d is number => d !== null && d >= 0)
    .sort((a, b) => a - b);
  return { count: spans.length, medianHours: hours(percentile(spans, 0.5)), p90Hours: hours(percentile(spans, 0.9)) };
}

const zeroByType = () => Object.fromEntries(COMPLAINT_TYPES.map((t) => [t, 0])) as Record<ComplaintType, number>;

/** The figures of the complaints submitted in [from, to). */
export function transparencyReport(records: readonly NoticeRecord[], from: Date, to: Date): TransparencyReport {
  const inPeriod = records.filter((r) => ms(r.submittedAt) >= from.getTime() && ms(r.submittedAt) < to.getTime());
  const total = zeroByType();
  const months = new Map<string, Record<ComplaintType, number>>();
  for (const r of inPeriod) {
    total[r.type]++;
    const month = new Date(ms(r.submittedAt)).toISOString().slice(0, 7);
    if (!months.has(month)) months.set(month, zeroByType());
    months.get(month)![r.type]++;
  }
  const sum = (f: (r: NoticeRecord) => number) => inPeriod.reduce((n, r) => n + f(r), 0);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    notices: {
      total: inPeriod.length,
      byType: total,
      byMonth: [...months.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([month, counts]) => ({ month, total: Object.values(counts).reduce((a, b) => a + b, 0), byType: counts })),
    },
    durations: {
      toForward: durations(inPeriod, (r) => r.forwardedAt),
      toSupplierResponse: durations(inPeriod, (r) => r.respondedAt),
      toClose: durations(inPeriod, (r) => r.closedAt),
    },
    outcomes: {
      productsRemoved: sum((r) => r.productsRemoved),
      productsDeclaredNonInfringing: sum((r) => r.productsDeclaredNonInfringing),
      arbitratedFor: sum((r) => (r.arbitration === 'upheld' || r.arbitration === 'partially_upheld' ? 1 : 0)),
      arbitratedAgainst: sum((r) => (r.arbitration === 'rejected' ? 1 : 0)),
      cancelled: sum((r) => (r.cancelled ? 1 : 0)),
      open: sum((r) => (r.closedAt === null ? 1 : 0)),
    },
  };
}

/**
 * The figures as CSV (RFC 4180, CRLF), one figure a row: `section,key,value`, e.g.
 * `notices_by_month,2026-03 trademark_infringement,4` or `median_hours,to_close,52.5` (empty when
 * no complaint reached the step). Every text cell is neutralised against spreadsheet formulas.
 */
export function transparencyCsv(report: TransparencyReport): string {
  const rows: [string, string, number | string | null][] = [
    ['period', 'from', report.from],
    ['period', 'to', report.to],
    ['notices', 'total', report.notices.total],
  ];
  for (const [type, n] of Object.entries(report.notices.byType)) rows.push(['notices_by_type', type, n]);
  for (const m of report.notices.byMonth) {
    rows.push(['notices_by_month', m.month, m.total]);
    for (const [type, n] of Object.entries(m.byType)) rows.push(['notices_by_month', `${m.month} ${type}`, n]);
  }
  const steps = [
    ['to_forward', report.durations.toForward],
    ['to_supplier_response', report.durations.toSupplierResponse],
    ['to_close', report.durations.toClose],
  ] as const;
  for (const [step, d] of steps) {
    rows.push(['count', step, d.count]);
    rows.push(['median_hours', step, d.medianHours]);
    rows.push(['p90_hours', step, d.p90Hours]);
  }
  for (const [key, n] of Object.entries(report.outcomes)) rows.push(['outcomes', key, n]);
  const cell = (v: unknown) => {
    const text = String(neutralizeCell(v) ?? '');
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return ['section,key,value', ...rows.map((r) => r.map(cell).join(','))].join('\r\n') + '\r\n';
}
