// The template's constants, apart from its code: the client's entry exports them without
// loading the spreadsheet pipeline.
import type { Locale } from '@ipr/validators';

/** The link column's header per locale; both are recognised by `isLinkHeader` on import. */
export const TEMPLATE_HEADERS: Record<Locale, string> = { en: 'Product link', 'zh-CN': '产品链接' };
export const TEMPLATE_FILE_NAME = 'ipr-product-links-template.xlsx';
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
