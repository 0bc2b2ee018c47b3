// The bulk status report: one row per visible product, the list's visibility and filters, a
// supplier's own products only, and the row limit.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { statusReport } from '../../src/store/index.js';
import { type Api, draftA, link } from '../helpers.js';
import { create, problem, seededApp } from './support.js';

/** The suite, against any database: `open` makes a seeded API. */
export function statusReportSuite(open: () => Promise<Api>) {
  const api = seededApp(open);
  const { call } = api;

  describe('status report', () => {
    const keyOf = (r: any) => `${r.number} ${r.productUrl}`;

    test("one row per visible product, with the list's visibility and filters", async () => {
      // A submitted trademark complaint of A's for the filters to find (the seed has none).
      assert.equal((await create(call, 'a', draftA({ productLinks: [link(1491)] }))).status, 201);
      for (const who of ['a', 'b', 'platform'] as const) {
        const report = await call('GET', '/v1/complaints/status-report', who);
        assert.equal(report.status, 200);
        assert.equal(report.data.truncated, false);
        const list = await call('GET', '/v1/complaints?limit=100', who);
        const expected = list.data.items.reduce((n: number, c: any) => n + c.productCount, 0);
        assert.equal(report.data.rows.length, expected, who);
        assert.deepEqual(
          new Set(report.data.rows.map((r: any) => r.number)),
          new Set(list.data.items.map((c: any) => c.number)),
          who,
        );
      }
      const submitted = await call(
        'GET',
        '/v1/complaints/status-report?status=submitted&type=trademark_infringement',
        'a',
      );
      assert.ok(submitted.data.rows.length > 0);
      assert.ok(submitted.data.rows.every((r: any) => r.status === 'submitted' && r.type === 'trademark_infringement'));
      const one = (await call('GET', '/v1/complaints?limit=1', 'a')).data.items[0];
      const byNumber = await call('GET', `/v1/complaints/status-report?q=${one.number}`, 'a');
      assert.deepEqual([...new Set(byNumber.data.rows.map((r: any) => r.number))], [one.number]);
      problem(await call('GET', '/v1/complaints/status-report?status=lost', 'a'), 422, 'field.invalid_choice');
      problem(await call('GET', '/v1/complaints/status-report', null), 401, 'auth.unauthorized');
    });

    test('a supplier gets only its own products of the complaints listing them, with their answers', async () => {
      // A complaint against both suppliers (odd products: A, even: B); A answers its product.
      const made = await create(call, 'a', draftA({ productLinks: [link(1501), link(1502)] }));
      await call('POST', `/v1/complaints/${made.data.id}/forward`, 'platform');
      await call('POST', `/v1/complaints/${made.data.id}/respond`, 'supA', {
        products: [{ productId: 'p001501', response: 'not_infringing', statement: 'Our own design.' }],
      });
      for (const [who, own, other] of [
        ['supA', link(1501), link(1502)],
        ['supB', link(1502), link(1501)],
      ] as const) {
        const rows = (await call('GET', '/v1/complaints/status-report', who)).data.rows;
        const mine = rows.filter((r: any) => r.number === made.data.number);
        assert.deepEqual(
          mine.map((r: any) => r.productUrl),
          [own],
          who,
        );
        assert.ok(!rows.some((r: any) => r.productUrl === other && r.number === made.data.number), who);
        // Every row is one the supplier sees in the complaint's detail.
        const seen = new Set<string>();
        for (const number of new Set(rows.map((r: any) => r.number))) {
          const id = (await call('GET', `/v1/complaints?q=${number}`, who)).data.items[0].id;
          for (const p of (await call('GET', `/v1/complaints/${id}`, who)).data.products)
            seen.add(`${number} ${p.url}`);
        }
        assert.deepEqual(new Set(rows.map(keyOf)), seen, who);
      }
      const forA = (await call('GET', '/v1/complaints/status-report', 'supA')).data.rows.find(
        (r: any) => r.productUrl === link(1501) && r.number === made.data.number,
      );
      assert.equal(forA.supplierResponse, 'not_infringing');
      const forB = (await call('GET', '/v1/complaints/status-report', 'supB')).data.rows.find(
        (r: any) => r.productUrl === link(1502) && r.number === made.data.number,
      );
      assert.equal(forB.supplierResponse, null);
    });

    test('truncated when there are more rows than the limit', async () => {
      const platform = {
        id: 'acc_platform',
        role: 'platform' as const,
        displayName: 'x',
        contact: { name: 'x', email: 'x@x.example', phone: '12345' },
      };
      const all = await statusReport(api.db, platform, {});
      const cut = await statusReport(api.db, platform, {}, 3);
      assert.equal(cut.truncated, true);
      assert.deepEqual(cut.rows, all.rows.slice(0, 3));
      assert.equal((await statusReport(api.db, platform, {}, all.rows.length)).truncated, false);
    });
  });
}
