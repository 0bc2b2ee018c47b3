import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type NoticeRecord, percentile, transparencyCsv, transparencyReport } from '../src/index.js';

const h = (n: number) => new Date(Date.UTC(2026, 0, 10) + n * 3_600_000).toISOString();
const record = (over: Partial<NoticeRecord>): NoticeRecord => ({
  type: 'trademark_infringement',
  submittedAt: h(0),
  forwardedAt: null,
  respondedAt: null,
  closedAt: null,
  productsRemoved: 0,
  productsDeclaredNonInfringing: 0,
  arbitration: null,
  cancelled: false,
  ...over,
});

describe('percentile', () => {
  test('interpolates between closest ranks, as percentile_cont', () => {
    assert.equal(percentile([1, 2, 3, 10], 0.5), 2.5);
    assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9), 9.1);
    assert.equal(percentile([7], 0.9), 7);
    assert.equal(percentile([], 0.5), null);
  });
});

describe('transparencyReport', () => {
  // Forwarded after 1, 2, 3 and 10 hours; responded 24 and 48 hours after submission; closed after 72.
  const records: NoticeRecord[] = [
    record({ forwardedAt: h(1), respondedAt: h(24), closedAt: h(72), productsRemoved: 2 }),
    record({
      type: 'copyright_infringement',
      forwardedAt: h(2),
      respondedAt: h(48),
      productsDeclaredNonInfringing: 1,
      arbitration: 'rejected',
      closedAt: h(100),
    }),
    record({ type: 'copyright_infringement', submittedAt: h(24 * 30), forwardedAt: h(24 * 30 + 3) }),
    record({ forwardedAt: h(10), arbitration: 'partially_upheld', closedAt: h(50) }),
    record({ type: 'patent_infringement', cancelled: true, closedAt: h(5) }),
    // outside the period
    record({ submittedAt: '2025-12-31T23:59:59.999Z', forwardedAt: h(1) }),
  ];
  const report = transparencyReport(records, new Date('2026-01-01T00:00:00Z'), new Date('2026-03-01T00:00:00Z'));

  test('notices by type and by month, within the period only', () => {
    assert.equal(report.notices.total, 5);
    assert.equal(report.notices.byType.trademark_infringement, 2);
    assert.equal(report.notices.byType.copyright_infringement, 2);
    assert.equal(report.notices.byType.patent_infringement, 1);
    assert.equal(report.notices.byType.picture_embezzlement, 0);
    assert.deepEqual(
      report.notices.byMonth.map((m) => [m.month, m.total, m.byType.copyright_infringement]),
      [
        ['2026-01', 4, 1],
        ['2026-02', 1, 1],
      ],
    );
  });

  test('median and p90 of each step, over the complaints that reached it', () => {
    assert.deepEqual(report.durations.toForward, { count: 4, medianHours: 2.5, p90Hours: 7.9 });
    assert.deepEqual(report.durations.toSupplierResponse, { count: 2, medianHours: 36, p90Hours: 45.6 });
    assert.deepEqual(report.durations.toClose, { count: 4, medianHours: 61, p90Hours: 91.6 });
  });

  test('outcomes', () => {
    assert.deepEqual(report.outcomes, {
      productsRemoved: 2,
      productsDeclaredNonInfringing: 1,
      arbitratedFor: 1,
      arbitratedAgainst: 1,
      cancelled: 1,
      open: 1,
    });
  });

  test('CSV: one figure a row, empty cells for steps nobody reached', () => {
    const csv = transparencyCsv(report);
    const lines = csv.trimEnd().split('\r\n');
    assert.equal(lines[0], 'section,key,value');
    assert.ok(lines.includes('notices,total,5'));
    assert.ok(lines.includes('notices_by_month,2026-02 copyright_infringement,1'));
    assert.ok(lines.includes('median_hours,to_forward,2.5'));
    assert.ok(lines.includes('outcomes,arbitratedAgainst,1'));
    const empty = transparencyCsv(transparencyReport([], new Date(0), new Date(1)));
    assert.ok(empty.includes('median_hours,to_close,\r\n'));
  });
});
