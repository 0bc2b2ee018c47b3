// The load run as a test: LOAD_CLIENTS (200) clients creating and listing for LOAD_SECONDS (30)
// against the real server in its own process. Asserted: every answer 2xx, every acknowledged
// create stored exactly once (unique keys, one complaint each), the API's totals grew by exactly
// the acknowledged creates. Latencies are printed, not asserted (the machine is shared).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runLoad } from './load.mjs';

test('load: no errors, no lost or doubled complaints under concurrent creates and lists', {
  timeout: 600_000,
}, async () => {
  const lines = [];
  const r = await runLoad({
    log: (line) => {
      lines.push(line);
      console.log(`# ${line}`);
    },
  });
  assert.deepEqual(r.errorSamples, [], 'every answer was 2xx');
  assert.equal(r.errors, 0);
  assert.ok(r.creates.acknowledged > 0, 'some creates were made');
  assert.equal(r.creates.uniqueKeys, r.creates.acknowledged, 'each key acknowledged once');
  assert.equal(r.creates.storedInDatabase, r.creates.acknowledged, 'complaints in the database = acknowledged creates');
  assert.equal(r.creates.idempotencyRecords, r.creates.acknowledged, 'one idempotency record per key');
  assert.equal(r.creates.distinctComplaints, r.creates.acknowledged, 'one complaint per key');
  assert.equal(r.creates.keyIdMismatches, 0, 'each key points at the complaint its client was given');
  assert.equal(r.creates.withoutProducts, 0, 'no complaint without its products');
  for (const d of r.apiTotals)
    assert.equal(d.listedMore, d.acknowledged, `${d.account}: the list total grew by the acknowledged creates`);
  assert.ok(r.latencyMs.list.count > 0);
  assert.equal(r.ok, true);
});
