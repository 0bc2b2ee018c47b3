// The bulk status export as a file: the rows of `GET /v1/complaints/status-report` laid out by
// the validators' STATUS_REPORT_COLUMNS / statusReportCells (labels of the locale; every cell
// through neutralizeCell, so a product name like `=HYPERLINK(…)` stays text). Loaded on first
// export; SheetJS and papaparse load only for their own format.
import {
  issue,
  resolveLocale,
  statusOfIssues,
  statusReportCells,
  statusReportHeaders,
  type Locale,
  type StatusReportRow,
} from '@ipr/validators';
import type { StatusExport, StatusExportQuery, StatusReport, StatusReportQuery } from './types.js';
import { errorFromIssues, errorOf, type ApiResult, type CallOptions } from './errors.js';
import { XLSX_MEDIA_TYPE } from './import/constants.js';

export type StatusExportFormat = 'xlsx' | 'csv';
export const CSV_MEDIA_TYPE = 'text/csv;charset=utf-8';

/** `ipr-complaint-status-YYYY-MM-DD.xlsx` (the UTC day of `now`). */
export function statusExportFileName(format: StatusExportFormat, now: Date = new Date()): string {
  return `ipr-complaint-status-${now.toISOString().slice(0, 10)}.${format}`;
}

const SHEET_NAME: Record<Locale, string> = { en: 'Complaint status', 'zh-CN': '投诉状态' };
/** Column widths (characters) in STATUS_REPORT_COLUMNS order. */
const WIDTHS = [18, 24, 20, 26, 26, 48, 40, 22, 26];

export async function buildStatusExport(
  rows: StatusReportRow[],
  options: { format: StatusExportFormat; locale: Locale; now?: Date },
): Promise<{ blob: Blob; fileName: string }> {
  const { format, locale } = options;
  const table = [statusReportHeaders(locale), ...rows.map((row) => statusReportCells(row, locale))];
  const fileName = statusExportFileName(format, options.now);
  if (format === 'csv') {
    // The CommonJS build arrives as a default export in some bundles, as the namespace in others.
    const mod: { default?: typeof import('papaparse') } & typeof import('papaparse') = await import('papaparse');
    const Papa = mod.default ?? mod;
    const text = Papa.unparse(table, { newline: '\r\n', header: false });
    // The BOM makes Excel read the file as UTF-8 (Chinese names and labels stay readable).
    return { blob: new Blob(['\uFEFF' + text], { type: CSV_MEDIA_TYPE }), fileName };
  }
  // Written in the sheet worker in browsers (the page stays responsive on a 50,000-row report).
  const { writeXlsxOffThread } = await import('./import/index.js');
  const bytes = await writeXlsxOffThread({
    table,
    sheetName: SHEET_NAME[locale] ?? SHEET_NAME.en,
    widths: WIDTHS,
    autofilter: true,
  });
  return { blob: new Blob([bytes], { type: XLSX_MEDIA_TYPE }), fileName };
}

/** `client.complaints.exportStatus`: the report from the server, then the file. */
export async function exportStatus(
  report: (query: StatusReportQuery, opts: CallOptions) => Promise<ApiResult<StatusReport>>,
  query: StatusExportQuery,
  opts: CallOptions,
  clientLocale: Locale,
): Promise<ApiResult<StatusExport>> {
  const format = query?.format;
  if (format !== 'xlsx' && format !== 'csv') {
    const issues = [issue('field.invalid_choice', ['format'])];
    return { error: errorFromIssues(issues, statusOfIssues(issues), clientLocale) };
  }
  const answer = await report(query, opts);
  if (answer.error) return answer;
  const file = await buildStatusExport(answer.data.rows, {
    format,
    locale: query.locale ? resolveLocale(query.locale) : clientLocale,
  });
  if (opts.signal?.aborted) return { error: errorOf('request.aborted', 0, clientLocale) };
  return {
    data: { ...file, rows: answer.data.rows.length, truncated: answer.data.truncated },
    response: answer.response,
  };
}
