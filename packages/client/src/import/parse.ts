// The one parse function of the import: the Web Worker and the in-thread path both call it.
// It turns the bytes of a workbook (or CSV) into classified rows, reading at most the rows the
// limit can use, and never throws: damage ends as `sheet.corrupt`, emptiness as `sheet.empty`.
import {
  analyzeProductLinks,
  isLinkHeader,
  issue,
  linkItemIssue,
  normalizeProductLink,
  LIMITS,
  type Issue,
  type LinkItem,
  type SheetFormat,
} from '@ipr/validators';
import type { ImportRow, ParseOutcome } from './types.js';

export interface ParseRequest {
  buffer: ArrayBuffer;
  format: SheetFormat;
  /** The (safe) file name, for messages. */
  name: string;
  /** Unique links accepted; default LIMITS.maxProductLinks. */
  limit?: number;
  /** Rows read beyond header + limit, so rows just past the limit are reported as such. */
  margin?: number;
}

interface Cell {
  value: unknown;
  formula?: string;
}
interface Grid {
  sheet: string;
  rows: { row: number; cells: Cell[] }[];
  unreadRows: number;
}

const DEFAULT_MARGIN = 200;

export async function parseSheet(req: ParseRequest): Promise<ParseOutcome> {
  const started = Date.now();
  const file = req.name;
  const limit = req.limit ?? LIMITS.maxProductLinks;
  const maxRows = 1 + limit + (req.margin ?? DEFAULT_MARGIN);
  let grid: Grid | null;
  try {
    grid = req.format === 'csv' ? await readCsv(req.buffer, maxRows) : await readWorkbook(req.buffer, maxRows);
  } catch {
    return { ok: false, issues: [issue('sheet.corrupt', [], { file })] };
  }
  if (!grid || grid.rows.length === 0) return { ok: false, issues: [issue('sheet.empty', [], { file })] };
  const column = findLinkColumn(grid);
  if (!column) return { ok: false, issues: [issue('sheet.no_link_column', [], { file })] };
  const data = grid.rows.filter((r) => r.row > column.headerRow);
  if (data.length === 0) return { ok: false, issues: [issue('sheet.empty', [], { file })] };
  const rows = classify(
    data.map((r) => ({ row: r.row, cell: r.cells[column.index] ?? { value: null } })),
    limit,
  );
  return {
    ok: true,
    rows,
    unreadRows: grid.unreadRows,
    column: { index: column.index, header: column.header, sheet: grid.sheet },
    ms: Date.now() - started,
  };
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  return String(value).trim();
}

function isBlank(cell: Cell | undefined): boolean {
  return !cell || (cellText(cell.value) === '' && !cell.formula);
}

/** Loads and compiles SheetJS ahead of the first workbook (the common case: .xlsx). */
export async function preloadParser(): Promise<void> {
  await import('xlsx');
}

/**
 * What the parts of one workbook may inflate to in all. SheetJS inflates every part whole before
 * reading a row, so a zip bomb (a 3 MB file whose sheet XML inflates to 2 GiB) would take
 * seconds and gigabytes; it is refused here instead. A full 5 MiB workbook of text stays far below.
 */
export const MAX_INFLATED_BYTES = 256 * 1024 * 1024;

class TooLarge extends Error {}

/**
 * Checks a zip's parts against the budget before SheetJS sees it: the sizes its central directory
 * declares, then (declared sizes can lie) the real inflated size of each deflated part, streamed
 * and stopped at the budget. Not a zip (an .xls), or no DecompressionStream: nothing to check here.
 */
async function checkInflatedSize(bytes: Uint8Array, budget = MAX_INFLATED_BYTES): Promise<void> {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return; // damaged: SheetJS says so
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const parts: { method: number; compressed: number; offset: number }[] = [];
  let declared = 0;
  for (let n = 0; n < count && at + 46 <= bytes.length && view.getUint32(at, true) === 0x02014b50; n++) {
    declared += view.getUint32(at + 24, true);
    parts.push({
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
      offset: view.getUint32(at + 42, true),
    });
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  if (declared > budget) throw new TooLarge();
  if (typeof DecompressionStream === 'undefined') return;
  let left = budget;
  for (const part of parts) {
    if (part.method !== 8 || part.offset + 30 > bytes.length || view.getUint32(part.offset, true) !== 0x04034b50)
      continue;
    const start = part.offset + 30 + view.getUint16(part.offset + 26, true) + view.getUint16(part.offset + 28, true);
    const data = bytes.slice(start, Math.min(bytes.length, start + part.compressed)) as Uint8Array<ArrayBuffer>;
    const reader = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        left -= value.byteLength;
        if (left < 0) {
          await reader.cancel().catch(() => {});
          throw new TooLarge();
        }
      }
    } catch (error) {
      if (error instanceof TooLarge) throw error;
      return; // a damaged stream: SheetJS reports it
    }
  }
}

async function readWorkbook(buffer: ArrayBuffer, maxRows: number): Promise<Grid | null> {
  await checkInflatedSize(new Uint8Array(buffer));
  const XLSX = await import('xlsx');
  const wb = XLSX.read(new Uint8Array(buffer), {
    type: 'array',
    sheetRows: maxRows,
    cellFormula: true,
    cellHTML: false,
    cellNF: false,
    cellStyles: false,
    cellDates: false,
    bookVBA: false,
  });
  if (!wb || !Array.isArray(wb.SheetNames) || wb.SheetNames.length === 0) throw new Error('no sheets');
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    if (!ws?.['!ref']) continue;
    const range = XLSX.utils.decode_range(ws['!ref']);
    const full = ws['!fullref'] ? XLSX.utils.decode_range(ws['!fullref']) : range;
    const rows: Grid['rows'] = [];
    for (let r = range.s.r; r <= range.e.r; r++) {
      const cells: Cell[] = [];
      let any = false;
      for (let c = 0; c <= range.e.c; c++) {
        const cell = ws[XLSX.utils.encode_cell({ r, c })] as
          | { v?: unknown; f?: string; l?: { Target?: string } }
          | undefined;
        if (!cell) {
          cells.push({ value: null });
          continue;
        }
        let value = cell.v ?? null;
        // A cell showing text ("click here") with a hyperlink: the link is what counts.
        if (cell.l?.Target && normalizeProductLink(value).status !== 'ok') value = cell.l.Target;
        const made: Cell = { value };
        if (cell.f) made.formula = cell.f;
        if (!isBlank(made)) any = true;
        cells.push(made);
      }
      if (any) rows.push({ row: r + 1, cells });
    }
    if (rows.length === 0) continue;
    return { sheet: name, rows, unreadRows: Math.max(0, full.e.r - range.e.r) };
  }
  return null;
}

function decodeText(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    // Chinese editions of Excel save CSV in GB18030.
    return new TextDecoder('gb18030').decode(bytes);
  }
}

async function readCsv(buffer: ArrayBuffer, maxRows: number): Promise<Grid | null> {
  // The CommonJS build arrives as a default export in some bundles, as the namespace in others.
  const mod: { default?: typeof import('papaparse') } & typeof import('papaparse') = await import('papaparse');
  const Papa = mod.default ?? mod;
  const text = decodeText(buffer);
  const parsed = Papa.parse<string[]>(text, { preview: maxRows, skipEmptyLines: false, header: false });
  const data = parsed.data as unknown[][];
  const rows: Grid['rows'] = [];
  data.forEach((values, i) => {
    const cells: Cell[] = values.map((v) => {
      const t = cellText(v);
      // A CSV cell starting with "=" is a formula once the file is opened in a spreadsheet program.
      return t.startsWith('=') ? { value: null, formula: t.slice(1) } : { value: t };
    });
    if (cells.some((c) => !isBlank(c))) rows.push({ row: i + 1, cells });
  });
  let totalLines = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) totalLines++;
  if (text.length > 0 && !text.endsWith('\n')) totalLines++;
  return { sheet: 'CSV', rows, unreadRows: Math.max(0, totalLines - data.length) };
}

const looksLikeUrl = (cell: Cell | undefined) => {
  if (!cell || cell.formula) return false;
  const s = normalizeProductLink(cellText(cell.value)).status;
  return s === 'ok' || s === 'not_product_link';
};

/** The link column: by header (English or Chinese) in the first rows, else the first column of link-like cells. */
function findLinkColumn(grid: Grid): { index: number; header: string | null; headerRow: number } | null {
  for (const r of grid.rows.slice(0, 10)) {
    const index = r.cells.findIndex((c) => isLinkHeader(cellText(c.value)));
    if (index >= 0) return { index, header: cellText(r.cells[index]!.value), headerRow: r.row };
  }
  const sample = grid.rows.slice(0, 50);
  const width = Math.max(0, ...sample.map((r) => r.cells.length));
  for (let c = 0; c < width; c++) {
    const filled = sample.filter((r) => !isBlank(r.cells[c]));
    const links = filled.filter((r) => looksLikeUrl(r.cells[c]));
    if (links.length === 0 || links.length * 2 < filled.length) continue;
    const first = sample[0]!;
    // A first row that is text but not a link is an unknown header: skip it.
    const firstIsHeader = !isBlank(first.cells[c]) && !looksLikeUrl(first.cells[c]);
    return {
      index: c,
      header: firstIsHeader ? cellText(first.cells[c]!.value) : null,
      headerRow: firstIsHeader ? first.row : first.row - 1,
    };
  }
  return null;
}

/** Per-row classification with the validators' rules; formulas are refused, not evaluated. */
export function classify(cells: { row: number; cell: Cell }[], limit: number = LIMITS.maxProductLinks): ImportRow[] {
  const inputs = cells.map(({ cell }) => (cell.formula ? null : cellText(cell.value)));
  const analysis = analyzeProductLinks(inputs, { limit });
  return analysis.items.map((item: LinkItem, i) => {
    const { row, cell } = cells[i]!;
    if (cell.formula) {
      const input = '=' + cell.formula;
      return { row, input, status: 'formula', issue: issue('sheet.formula_cell', [row], { row }) } satisfies ImportRow;
    }
    const duplicateOfRow = item.duplicateOf !== undefined ? cells[item.duplicateOf]!.row : undefined;
    // Row numbers in messages are the sheet's rows, not positions in the list.
    const asSheet: LinkItem = {
      ...item,
      index: row - 1,
      duplicateOf: duplicateOfRow !== undefined ? duplicateOfRow - 1 : undefined,
    };
    const found: Issue | undefined = linkItemIssue(asSheet, [row], limit);
    const out: ImportRow = { row, input: item.input, status: item.status };
    if (item.url) out.url = item.url;
    if (duplicateOfRow !== undefined) out.duplicateOfRow = duplicateOfRow;
    if (found) out.issue = found;
    return out;
  });
}
