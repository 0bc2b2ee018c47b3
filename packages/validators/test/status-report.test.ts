// The bulk status report's rows and cells, and the schemas of holder profiles, live events and the report.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  ComplaintEventSchema,
  HolderProfileSchema,
  LOCALES,
  NAMED_SCHEMAS,
  STATUS_REPORT_COLUMNS,
  StatusReportRowSchema,
  parseWith,
  powerOfAttorneyState,
  statusReportCells,
  statusReportHeaders,
  type Issue,
  type StatusReportRow,
} from '@ipr/validators';
import { link, NOW, validDraft } from './fixtures.js';

const _pathCodes = (issues: Issue[]) => issues.map((i) => `${i.path.join('.')}:${i.code}`).sort();
const HOLDER = validDraft().holder!;
const _day = (iso: string) => new Date(`${iso}T12:00:00Z`);
/** The date `n` days after `from` (YYYY-MM-DD). */
const _plus = (from: string, n: number) =>
  new Date(Date.parse(`${from}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('status report', () => {
  const row: StatusReportRow = {
    number: 'IPR-2026-000001',
    type: 'picture_embezzlement',
    status: 'supplier_responded',
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-02T00:00:00.000Z',
    productUrl: link('p1'),
    productName: 'LED desk lamp',
    productStatus: 'declared_non_infringing',
    supplierResponse: 'not_infringing',
  };

  test('one cell per column, in order, with labels of the locale', () => {
    assert.deepEqual(STATUS_REPORT_COLUMNS.map((c) => c.key).sort(), Object.keys(StatusReportRowSchema.shape).sort());
    const en = statusReportCells(row, 'en');
    const zh = statusReportCells(row, 'zh-CN');
    assert.equal(en.length, STATUS_REPORT_COLUMNS.length);
    const at = (key: string) => STATUS_REPORT_COLUMNS.findIndex((c) => c.key === key);
    assert.equal(en[at('type')], 'Picture Embezzlement');
    assert.equal(zh[at('type')], '图片盗用');
    assert.equal(en[at('status')], 'Supplier responded');
    assert.equal(zh[at('productStatus')], '已声明不侵权');
    assert.equal(en[at('number')], row.number);
    assert.equal(en[at('createdAt')], row.createdAt);
    assert.equal(statusReportCells({ ...row, supplierResponse: null }, 'en')[at('supplierResponse')], '');
    assert.deepEqual(
      statusReportHeaders('zh-CN'),
      STATUS_REPORT_COLUMNS.map((c) => c['zh-CN']),
    );
  });

  test('every cell is neutralised: formulas from names or links cannot run', () => {
    for (const evil of ['=HYPERLINK("http://x","y")', '+1+1', '-2', '@SUM(A1)', '\t=1', '\r=1']) {
      const cells = statusReportCells({ ...row, productName: evil, productUrl: evil, number: evil }, 'en');
      for (const cell of cells) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, JSON.stringify(cell));
      assert.ok(cells.includes(`'${evil}`));
    }
  });

  test('property: no cell of any row starts a formula', () => {
    const text = fc.string({ maxLength: 20 });
    fc.assert(
      fc.property(text, text, text, (number, name, url) => {
        for (const locale of LOCALES) {
          for (const cell of statusReportCells({ ...row, number, productName: name, productUrl: url }, locale)) {
            assert.equal(typeof cell, 'string');
            assert.doesNotMatch(cell, /^[=+\-@\t\r]/);
          }
        }
      }),
    );
  });
});

describe('schemas of holder profiles, live events and the status report', () => {
  test('NAMED_SCHEMAS lists the new component schemas', () => {
    for (const name of [
      'HolderProfileInput',
      'HolderProfile',
      'PowerOfAttorneyState',
      'ComplaintEvent',
      'StatusReportRow',
    ]) {
      assert.ok(name in NAMED_SCHEMAS, name);
    }
  });

  test('a profile and an event as the API answers them parse; a bad state or seq does not', () => {
    const profile = {
      id: 'hp_1',
      label: 'Aurora',
      holder: HOLDER,
      powerOfAttorney: powerOfAttorneyState(HOLDER.powerOfAttorneyExpiresAt, NOW),
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    };
    assert.equal(parseWith(HolderProfileSchema, profile).ok, true);
    assert.equal(
      parseWith(HolderProfileSchema, {
        ...profile,
        powerOfAttorney: { state: 'soon', expiresAt: null, daysLeft: null },
      }).ok,
      false,
    );
    const event = {
      id: 'cmp_1',
      number: 'IPR-2026-000001',
      status: 'awaiting_supplier',
      action: 'forward_to_supplier',
      updatedAt: NOW.toISOString(),
      seq: 12,
    };
    assert.equal(parseWith(ComplaintEventSchema, event).ok, true);
    assert.equal(parseWith(ComplaintEventSchema, { ...event, action: 'create' }).ok, true);
    assert.equal(parseWith(ComplaintEventSchema, { ...event, seq: 0 }).ok, false);
    assert.equal(parseWith(ComplaintEventSchema, { ...event, action: 'delete' }).ok, false);
  });
});
