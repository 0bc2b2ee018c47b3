import { neutralizeCell } from './files.js';
import { COMPLAINT_TYPE_LABELS } from './limits.js';
import type { PRODUCT_STATUSES, STATUSES, SUPPLIER_RESPONSES } from './lifecycle.js';
import type { Locale } from './messages/format.js';
import type { StatusReportRow } from './schemas.js';

type Labels<K extends string> = Record<K, Record<Locale, string>>;

export const STATUS_LABELS: Labels<(typeof STATUSES)[number]> = {
  submitted: { en: 'Submitted', 'zh-CN': '已提交' },
  awaiting_supplier: { en: 'Awaiting supplier', 'zh-CN': '等待供应商处理' },
  supplier_responded: { en: 'Supplier responded', 'zh-CN': '供应商已处理' },
  in_arbitration: { en: 'In arbitration', 'zh-CN': '平台仲裁中' },
  arbitrated: { en: 'Arbitrated', 'zh-CN': '已仲裁' },
  closed: { en: 'Closed', 'zh-CN': '已关闭' },
  cancelled: { en: 'Cancelled', 'zh-CN': '已撤销' },
};

export const PRODUCT_STATUS_LABELS: Labels<(typeof PRODUCT_STATUSES)[number]> = {
  pending: { en: 'Pending', 'zh-CN': '待处理' },
  removed: { en: 'Removed', 'zh-CN': '已下架' },
  still_online: { en: 'Still online', 'zh-CN': '仍在线' },
  declared_non_infringing: { en: 'Declared non-infringing', 'zh-CN': '已声明不侵权' },
};

export const SUPPLIER_RESPONSE_LABELS: Labels<(typeof SUPPLIER_RESPONSES)[number]> = {
  removed: { en: 'Removed the listing', 'zh-CN': '已下架' },
  not_infringing: { en: 'Declared not infringing', 'zh-CN': '声明不侵权' },
};

/** The columns of the bulk status export, in order, with their headers. */
export const STATUS_REPORT_COLUMNS: readonly { key: keyof StatusReportRow; en: string; 'zh-CN': string }[] = [
  { key: 'number', en: 'Complaint number', 'zh-CN': '投诉单号' },
  { key: 'type', en: 'Complaint type', 'zh-CN': '投诉类型' },
  { key: 'status', en: 'Complaint status', 'zh-CN': '投诉状态' },
  { key: 'createdAt', en: 'Submitted at', 'zh-CN': '提交时间' },
  { key: 'updatedAt', en: 'Updated at', 'zh-CN': '更新时间' },
  { key: 'productUrl', en: 'Product link', 'zh-CN': '产品链接' },
  { key: 'productName', en: 'Product name', 'zh-CN': '产品名称' },
  { key: 'productStatus', en: 'Product status', 'zh-CN': '产品状态' },
  { key: 'supplierResponse', en: 'Supplier response', 'zh-CN': '供应商回复' },
];

/** The header row of the export in a locale. */
export function statusReportHeaders(locale: Locale = 'en'): string[] {
  return STATUS_REPORT_COLUMNS.map((c) => c[locale] ?? c.en);
}

const label = <K extends string>(labels: Labels<K>, key: string | null, locale: Locale): string =>
  key === null ? '' : Object.hasOwn(labels, key) ? (labels[key as K][locale] ?? labels[key as K].en) : key;

/**
 * One report row as the cells of a spreadsheet line, in `STATUS_REPORT_COLUMNS` order: codes
 * become labels of the locale, dates stay ISO 8601, and every cell passes `neutralizeCell`
 * (a product name like `=HYPERLINK(…)` cannot run as a formula).
 */
export function statusReportCells(row: StatusReportRow, locale: Locale = 'en'): string[] {
  const values: Record<keyof StatusReportRow, string> = {
    number: row.number,
    type: Object.hasOwn(COMPLAINT_TYPE_LABELS, row.type)
      ? (COMPLAINT_TYPE_LABELS[row.type][locale] ?? row.type)
      : String(row.type),
    status: label(STATUS_LABELS, row.status, locale),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    productUrl: row.productUrl,
    productName: row.productName,
    productStatus: label(PRODUCT_STATUS_LABELS, row.productStatus, locale),
    supplierResponse: label(SUPPLIER_RESPONSE_LABELS, row.supplierResponse ?? null, locale),
  };
  return STATUS_REPORT_COLUMNS.map((c) => {
    const cell = neutralizeCell(values[c.key] ?? '');
    return cell === null ? '' : String(cell);
  });
}
