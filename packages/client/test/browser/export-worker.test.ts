import { expect } from '@open-wc/testing';
import * as XLSX from 'xlsx';
import { statusReportHeaders } from '@ipr/validators';
import { createIprClient, unwrap } from '../../src/index.js';
import { spyOnWorkers } from './worker-spy.js';

// The status export's .xlsx is written in the sheet worker (SheetJS would block the page on a
// large report), and the file it hands back is the report, whole.
describe('client.complaints.exportStatus writes the .xlsx off the main thread', () => {
  it('uses the sheet worker and answers a workbook with every row of the report', async () => {
    const { made, restore } = spyOnWorkers();
    try {
      const platform = createIprClient({ baseUrl: location.origin, token: 'demo-platform' });
      const report = unwrap(await platform.complaints.statusReport({}));
      expect(report.rows.length).to.be.greaterThan(0);
      const file = unwrap(await platform.complaints.exportStatus({ format: 'xlsx' }));
      expect(
        made.filter((u) => /sheet\.worker/.test(u)),
        'a sheet worker wrote it',
      ).to.have.length(1);
      const book = XLSX.read(new Uint8Array(await file.blob.arrayBuffer()), { type: 'array' });
      const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1, raw: false });
      expect(rows[0]).to.deep.equal(statusReportHeaders('en'));
      expect(rows.length - 1).to.equal(report.rows.length);
      expect(file.rows).to.equal(report.rows.length);
      // A second export reuses the warm worker.
      unwrap(await platform.complaints.exportStatus({ format: 'xlsx', locale: 'zh-CN' }));
      expect(made.filter((u) => /sheet\.worker/.test(u))).to.have.length(1);
    } finally {
      restore();
    }
  });
});
