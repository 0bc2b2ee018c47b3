// Live complaint events (`client.events.subscribe`) against the REAL reference API: in-process on
// PGlite, and once over a real socket with startServer (on PostgreSQL when TEST_DATABASE_URL is set).
// The stream's parser and reconnect logic are tested on a server of their own in events.test.ts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DECLARATION_VERSION, type ComplaintEvent, type Product } from '@ipr/validators';
import { createIprClient, unwrap, type CreatedIprClient, type LiveState } from '../src/index.js';
import { clientOn, startApi, TOKENS, type TestApi } from './support/api.js';
import { fileComplaint, png } from './support/complaints.js';

let api: TestApi;
before(async () => {
  api = await startApi();
});
after(async () => {
  await api?.close();
});

const client = clientOn(() => api);

let used = 0;
/** Listed products no earlier test used (an equal open complaint would be a 409 duplicate). */
async function freshProducts(n: number): Promise<Product[]> {
  const page = unwrap(await client().products.search({ q: 'lamp', pageSize: 50 }));
  const items = page.items.filter((p) => p.listed).slice(used, used + n);
  used += n;
  assert.equal(items.length, n, 'enough seeded products');
  return items;
}

/** Collects events of one subscription; `until` waits for a predicate on them. */
function follow(c: CreatedIprClient, after?: number) {
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
    const created = await fileComplaint(client(), [p1!.url, p2!.url]);
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
