import { expect } from '@open-wc/testing';
import * as XLSX from 'xlsx';
import { DECLARATION_VERSION, statusReportHeaders, type ComplaintEvent } from '@ipr/validators';
import { createIprClient, unwrap, type LiveState } from '../../src/index.js';

// The page is same-origin with the reference API (the wtr config proxies /v1 to it, streaming).
const client = (token: string) => createIprClient({ baseUrl: location.origin, token });

async function until(check: () => boolean, what: string, ms = 10_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function png(): File {
  const data = new Uint8Array(2048);
  data.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new File([data], 'proof.png', { type: 'image/png' });
}

/** Files a complaint as complainant A over products no other case of this page used. */
async function fileComplaint(offset: number) {
  const a = client('demo-complainant-a');
  const products = unwrap(await a.products.search({ q: 'toy', pageSize: 50 })).items.filter((p) => p.listed);
  const links = products.slice(offset, offset + 2).map((p) => p.url);
  const evidence = unwrap(await a.evidence.upload(png()));
  const account = unwrap(await a.account.get());
  return unwrap(
    await a.complaints.create(
      {
        type: 'trademark_infringement',
        productLinks: links,
        description: 'Listings with our mark.',
        contact: account.contact,
        isIprHolder: true,
        evidence: [{ id: evidence.id }],
        declaration: { goodFaith: true, accurate: true, authorised: true, version: DECLARATION_VERSION },
      },
      { evidence: [evidence] },
    ),
  );
}

describe('client.events.subscribe in Chromium (fetch stream with the bearer token)', () => {
  it('receives a create and a forward live, then replays them with `after`', async () => {
    const events: ComplaintEvent[] = [];
    const states: LiveState[] = [];
    const ac = new AbortController();
    client('demo-platform').events.subscribe((e) => events.push(e), {
      signal: ac.signal,
      onState: (s) => states.push(s),
    });
    await until(() => states.includes('open'), 'open');

    const created = await fileComplaint(0);
    await until(() => events.some((e) => e.id === created.id), 'the create event');
    unwrap(await client('demo-platform').complaints.forward(created.id));
    await until(
      () => events.some((e) => e.id === created.id && e.action === 'forward_to_supplier'),
      'the forward event',
    );
    const mine = events.filter((e) => e.id === created.id);
    expect(mine.map((e) => e.status)).to.deep.equal(['submitted', 'awaiting_supplier']);
    ac.abort();
    expect(states[states.length - 1]).to.equal('closed');

    const replayed: ComplaintEvent[] = [];
    const stop = client('demo-platform').events.subscribe((e) => replayed.push(e), { after: mine[0]!.seq - 1 });
    await until(() => replayed.filter((e) => e.id === created.id).length === 2, 'the replay');
    stop();
    expect(replayed.filter((e) => e.id === created.id)).to.deep.equal(mine);
  });

  it('an unknown token closes the stream with auth.unauthorized', async () => {
    const states: LiveState[] = [];
    const errors: string[] = [];
    client('not-a-token').events.subscribe(() => undefined, {
      onState: (s) => states.push(s),
      onError: (e) => errors.push(e.code),
    });
    await until(() => states.includes('closed'), 'closed');
    expect(errors).to.deep.equal(['auth.unauthorized']);
  });
});

describe('client.complaints.exportStatus in Chromium (parsers loaded on demand)', () => {
  it('makes a readable .xlsx and a BOM-prefixed .csv', async () => {
    const created = await fileComplaint(2);
    const c = client('demo-complainant-a');
    const xlsx = unwrap(await c.complaints.exportStatus({ format: 'xlsx', q: created.number }));
    expect(xlsx.rows).to.equal(2);
    const book = XLSX.read(new Uint8Array(await xlsx.blob.arrayBuffer()), { type: 'array' });
    const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1 });
    expect(rows[0]).to.deep.equal(statusReportHeaders('en'));
    expect(rows[1]![0]).to.equal(created.number);
    const csv = unwrap(await c.complaints.exportStatus({ format: 'csv', locale: 'zh-CN', q: created.number }));
    const bytes = new Uint8Array(await csv.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0]).to.equal(statusReportHeaders('zh-CN').join(','));
  });
});
