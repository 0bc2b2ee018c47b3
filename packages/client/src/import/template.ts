// The Excel template of the help page: a real .xlsx with the link column's header, an example
// row and an instruction sheet in English and Chinese. Every cell goes through neutralizeCell.
import { DEFAULT_PRODUCT_LINK_RULE, LIMITS, formatBytes, neutralizeCell, type Locale } from '@ipr/validators';
import { TEMPLATE_FILE_NAME, TEMPLATE_HEADERS, XLSX_MEDIA_TYPE } from './constants.js';

export { TEMPLATE_FILE_NAME, TEMPLATE_HEADERS, XLSX_MEDIA_TYPE };

const cells = (rows: unknown[][]) => rows.map((r) => r.map(neutralizeCell));

export async function createTemplate(options: { locale?: Locale } = {}): Promise<Blob> {
  const header = TEMPLATE_HEADERS[options.locale ?? 'en'] ?? TEMPLATE_HEADERS.en;
  const XLSX = await import('xlsx');
  const example = `https://${DEFAULT_PRODUCT_LINK_RULE.canonicalHost}/product/example-123`;
  const links = XLSX.utils.aoa_to_sheet(cells([[header], [example]]));
  links['!cols'] = [{ wch: 60 }];
  const size = formatBytes(LIMITS.maxSheetBytes, 'en');
  const sizeZh = formatBytes(LIMITS.maxSheetBytes, 'zh-CN');
  const info = XLSX.utils.aoa_to_sheet(
    cells([
      ['Instructions', '填写说明'],
      [
        `Put one product link per row in the "Product link" column of the first sheet, below the header.`,
        '在第一个工作表的“产品链接”列中，每行填写一个产品链接（标题行下方）。',
      ],
      [`Replace the example row (${example}).`, `请替换示例行（${example}）。`],
      [
        `At most ${LIMITS.maxProductLinks} product links per complaint; rows past the limit are not imported.`,
        `每次投诉最多 ${LIMITS.maxProductLinks} 个产品链接；超出部分不会导入。`,
      ],
      ['Duplicate links are reported with the row of their first occurrence.', '重复的链接会标出首次出现的行。'],
      [
        `Excel files only (.${LIMITS.sheetExtensions.join(', .')}), at most ${size}.`,
        `仅支持 Excel 文件（.${LIMITS.sheetExtensions.join('、.')}），不超过 ${sizeZh}。`,
      ],
      ['Type or paste links as text; formulas are not read.', '请以文本形式输入或粘贴链接；公式不会被读取。'],
    ]),
  );
  info['!cols'] = [{ wch: 90 }, { wch: 60 }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, links, options.locale === 'zh-CN' ? '产品链接' : 'Product links');
  XLSX.utils.book_append_sheet(wb, info, 'Instructions');
  const bytes = XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return new Blob([bytes], { type: XLSX_MEDIA_TYPE });
}

/** Browser: saves the template as a file (an object URL and a temporary link). */
export async function downloadTemplate(
  fileName: string = TEMPLATE_FILE_NAME,
  options: { locale?: Locale } = {},
): Promise<void> {
  const blob = await createTemplate(options);
  if (typeof document === 'undefined' || typeof URL.createObjectURL !== 'function') {
    throw new Error('downloadTemplate needs a browser; use createTemplate() elsewhere');
  }
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
