// Writing an .xlsx (the status export) with SheetJS: the same function runs in the sheet worker
// and, where there are no Workers, on the calling thread.

export interface SheetWriteRequest {
  /** Rows of text cells; the first is the header row. Cells must already be neutralised. */
  table: string[][];
  sheetName: string;
  /** Column widths in characters. */
  widths?: number[];
  /** An autofilter over the whole table. */
  autofilter?: boolean;
}

export async function writeXlsx(request: SheetWriteRequest): Promise<ArrayBuffer> {
  const XLSX = await import('xlsx');
  const sheet = XLSX.utils.aoa_to_sheet(request.table);
  if (request.widths) sheet['!cols'] = request.widths.map((wch) => ({ wch }));
  if (request.autofilter && sheet['!ref']) sheet['!autofilter'] = { ref: sheet['!ref'] };
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, request.sheetName);
  return XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
}
