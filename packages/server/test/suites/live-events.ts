// Live status (`GET /v1/events`): events as they happen for the complaints each caller can see,
// resuming with Last-Event-ID or ?after=, streams that end cleanly, heartbeats and other processes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ComplaintEvent } from '@ipr/validators';
import { type AppOptions, createApp } from '../../src/index.js';
import { createEventBus, type EventBus } from '../../src/events.js';
import { type Api, draftA, link, TOKENS, type Who } from '../helpers.js';
import { type Call, caller, create, problem, seededApp } from './support.js';

/** Reads an SSE response: parsed events as they come, comments counted. */
/** Reads an SSE response: parsed events as they come, comments counted. */
function sse(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: (ComplaintEvent & { eventId: string; eventType: string })[] = [];
  const comments: string[] = [];
  /** The last `id:` field seen, as an EventSource keeps it (events and bare id frames alike). */
  let lastId: string | undefined;
  let buffer = '';
  let done = false;
  const waiters = new Set<() => void>();
  (async () => {
    try {
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) break;
        buffer += decoder.decode(chunk.value, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields: Record<string, string> = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line.slice(1).trim());
            else {
              const i = line.indexOf(':');
              fields[line.slice(0, i)] = line.slice(i + 1).replace(/^ /, '');
            }
          }
          if (fields.id !== undefined) lastId = fields.id;
          if (fields.data) events.push({ ...JSON.parse(fields.data), eventId: fields.id, eventType: fields.event });
        }
        for (const w of [...waiters]) w();
      }
    } catch {
      /* aborted */
    }
    done = true;
    for (const w of [...waiters]) w();
  })();
  const until = (ok: () => boolean, what: string, ms = 4000) =>
    new Promise<void>((resolve, reject) => {
      if (ok()) return resolve();
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`timed out waiting for ${what}; events: ${JSON.stringify(events)}`));
      }, ms);
      const check = () => {
        if (ok()) {
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        }
      };
      waiters.add(check);
    });
  return {
    events,
    comments,
    reader,
    get lastId() {
      return lastId;
    },
    get done() {
      return done;
    },
    until,
    /** The first event matching, waiting for it. */
    async next(match: (e: ComplaintEvent) => boolean, what: string, ms?: number) {
      await until(() => events.some(match), what, ms);
      return events.find(match)!;
    },
    ended: () => until(() => done, 'the end of the stream'),
  };
}

/** The suite, against any database: `open` makes a seeded API. */
export function liveEventsSuite(open: () => Promise<Api>) {
  const api = seededApp(open);

  describe('live events', () => {
    let bus: EventBus;
    let live: ReturnType<typeof createApp>;
    let open: Call;
    const streams: AbortController[] = [];
    before(() => {
      bus = createEventBus();
      const options: AppOptions = {
        db: api.db,
        files: api.files,
        events: { bus, pollMs: 60_000, heartbeatMs: 60_000 },
        onError: (e) => {
          throw e;
        },
      };
      live = createApp(options);
      open = caller(live);
    });
    after(() => {
      for (const c of streams) c.abort();
    });

    async function subscribe(
      who: Who,
      init: {
        query?: string;
        lastEventId?: string;
        app?: { fetch: (r: Request) => Response | Promise<Response> };
      } = {},
    ) {
      const controller = new AbortController();
      streams.push(controller);
      const headers: Record<string, string> = { authorization: `Bearer ${TOKENS[who]}` };
      if (init.lastEventId !== undefined) headers['last-event-id'] = init.lastEventId;
      const response = await (init.app ?? live).fetch(
        new Request(`http://api.test/v1/events${init.query ?? ''}`, { headers, signal: controller.signal }),
      );
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
      const stream = sse(response);
      await stream.until(() => stream.comments.includes('connected'), 'the connected comment');
      return { ...stream, abort: () => controller.abort() };
    }

    test('the connected frame carries the newest seq as its id, so a stream cut before any event resumes without a gap', async () => {
      const first = await subscribe('a');
      assert.match(first.lastId ?? '', /^\d+$/, 'an id with the connected comment');
      first.abort();
      // Made while no stream is open: a reconnect from that id replays it.
      const made = await create(open, 'a', draftA({ productLinks: [link(1611)] }));
      assert.equal(made.status, 201);
      const again = await subscribe('a', { lastEventId: first.lastId });
      const replayed = await again.next(
        (e) => e.id === made.data.id && e.action === 'create',
        'the create made while disconnected',
      );
      assert.ok(replayed.seq > Number(first.lastId));
      again.abort();
    });

    test('a subscriber receives create, forward and respond as they happen; a supplier only for complaints listing its products', async () => {
      const [a, b, platform, supA, supB] = await Promise.all([
        subscribe('a'),
        subscribe('b'),
        subscribe('platform'),
        subscribe('supA'),
        subscribe('supB'),
      ]);
      const made = await create(open, 'a', draftA({ productLinks: [link(1601)] }));
      assert.equal(made.status, 201);
      const id = made.data.id;
      const created = await platform.next((e) => e.id === id && e.action === 'create', 'create (platform)');
      assert.deepEqual(
        { ...created, eventId: undefined, eventType: undefined },
        {
          id,
          number: made.data.number,
          status: 'submitted',
          action: 'create',
          updatedAt: made.data.createdAt,
          seq: created.seq,
          eventId: undefined,
          eventType: undefined,
        },
      );
      assert.equal(created.eventId, String(created.seq));
      assert.equal(created.eventType, 'complaint');
      await a.next((e) => e.id === id && e.action === 'create', 'create (a)');

      assert.equal((await open('POST', `/v1/complaints/${id}/forward`, 'platform')).status, 200);
      const forwarded = await a.next((e) => e.id === id && e.action === 'forward_to_supplier', 'forward (a)');
      assert.equal(forwarded.status, 'awaiting_supplier');
      assert.ok(forwarded.seq > created.seq);
      // The supplier hears of the complaint once the platform forwards it, not before.
      await supA.next((e) => e.id === id && e.action === 'forward_to_supplier', 'forward (supplier A, its product)');
      assert.deepEqual(
        supA.events.filter((e) => e.id === id).map((e) => e.action),
        ['forward_to_supplier'],
      );
      assert.equal(
        (
          await open('POST', `/v1/complaints/${id}/respond`, 'supA', {
            products: [{ productId: 'p001601', response: 'removed' }],
          })
        ).status,
        200,
      );
      const responded = await a.next((e) => e.id === id && e.action === 'respond', 'respond (a)');
      assert.equal(responded.status, 'supplier_responded');
      await platform.next((e) => e.id === id && e.action === 'respond', 'respond (platform)');

      // A marker visible to everyone involved: B's complaint against supplier B's product, forwarded.
      const marker = await create(
        open,
        'b',
        draftA({ productLinks: [link(1602)], evidence: [{ id: 'ev_seed_b_patent' }] }),
      );
      assert.equal((await open('POST', `/v1/complaints/${marker.data.id}/forward`, 'platform')).status, 200);
      await supB.next((e) => e.id === marker.data.id, 'the marker (supplier B)');
      await b.next((e) => e.id === marker.data.id, 'the marker (b)');
      assert.ok(!supB.events.some((e) => e.id === id), 'supplier B sees nothing of a complaint without its products');
      assert.ok(!b.events.some((e) => e.id === id), "complainant B sees nothing of A's complaint");
      await platform.next((e) => e.id === marker.data.id, 'the marker (platform)');
      assert.ok(!supA.events.some((e) => e.id === marker.data.id), 'supplier A sees nothing of the marker');
      assert.ok(!a.events.some((e) => e.id === marker.data.id));
      // Events arrive in seq order, each once.
      const seqs = platform.events.map((e) => e.seq);
      assert.deepEqual(
        seqs,
        [...seqs].sort((x, y) => x - y),
      );
      assert.equal(new Set(seqs).size, seqs.length);
      for (const s of [a, b, platform, supA, supB]) s.abort();
    });

    test('Last-Event-ID (or ?after=) replays what was missed, then goes on live', async () => {
      const made = await create(open, 'a', draftA({ productLinks: [link(1701)] }));
      await open('POST', `/v1/complaints/${made.data.id}/forward`, 'platform');
      const { rows } = await api.db.query<{ seq: string }>(
        'select seq from complaint_history where complaint_id = $1 order by seq',
        [made.data.id],
      );
      const [createSeq, forwardSeq] = rows.map((r) => Number(r.seq));
      // Missed the forward: resume after the create.
      const resumed = await subscribe('a', { lastEventId: String(createSeq) });
      const replayed = await resumed.next((e) => e.id === made.data.id, 'the replayed forward');
      assert.deepEqual([replayed.action, replayed.seq], ['forward_to_supplier', forwardSeq]);
      assert.ok(!resumed.events.some((e) => e.seq <= createSeq!), 'nothing at or before Last-Event-ID');
      const viaQuery = await subscribe('a', { query: `?after=${createSeq}` });
      assert.equal((await viaQuery.next((e) => e.id === made.data.id, 'forward via ?after=')).seq, forwardSeq);
      // The header wins over the query.
      const both = await subscribe('a', { query: '?after=0', lastEventId: String(forwardSeq) });
      // Without either, only new events come (nothing old is replayed).
      const fresh = await subscribe('a');
      await open('POST', `/v1/complaints/${made.data.id}/cancel`, 'a', {});
      for (const s of [resumed, viaQuery, both, fresh])
        await s.next((e) => e.id === made.data.id && e.action === 'cancel', 'the live cancel');
      assert.ok(!both.events.some((e) => e.seq <= forwardSeq!));
      assert.deepEqual(
        fresh.events.map((e) => e.action),
        ['cancel'],
      );
      for (const s of [resumed, viaQuery, both, fresh]) s.abort();
      problem(await open('GET', '/v1/events?after=-1', 'a'), 422, 'field.too_small');
      problem(await open('GET', '/v1/events', null), 401, 'auth.unauthorized');
    });

    test('aborting the request, or cancelling the body, ends the stream and leaves no subscription behind', async () => {
      const before = bus.size;
      const one = await subscribe('platform');
      const two = await subscribe('supA');
      assert.equal(bus.size, before + 2);
      one.abort();
      await one.ended();
      await two.reader.cancel();
      await two.until(() => bus.size === before, 'the bus to be empty again');
      assert.equal(bus.size, before);
      // A stream for an already aborted request ends at once.
      const controller = new AbortController();
      controller.abort();
      const response = await live.fetch(
        new Request('http://api.test/v1/events', {
          headers: { authorization: `Bearer ${TOKENS.a}` },
          signal: controller.signal,
        }),
      );
      const text = await response.text().catch(() => '');
      assert.ok(!text.includes('event:'), text);
      assert.equal(bus.size, before);
    });

    test('concurrent submissions and actions: every event arrives, once, in seq order', async () => {
      const s = await subscribe('platform');
      const made = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          create(
            open,
            i % 2 ? 'b' : 'a',
            draftA({
              productLinks: [link(1901 + i * 2)],
              ...(i % 2 ? { evidence: [{ id: 'ev_seed_b_patent' }] } : {}),
            }),
          ),
        ),
      );
      assert.deepEqual(
        made.map((m) => m.status),
        Array(8).fill(201),
      );
      await Promise.all(made.map((m) => open('POST', `/v1/complaints/${m.data.id}/forward`, 'platform')));
      const ids = new Set(made.map((m) => m.data.id));
      const { rows } = await api.db.query<{ seq: string }>(
        'select seq from complaint_history where complaint_id = any($1::text[]) order by seq',
        [[...ids]],
      );
      await s.until(() => s.events.filter((e) => ids.has(e.id)).length >= rows.length, `${rows.length} events`);
      assert.deepEqual(
        s.events.filter((e) => ids.has(e.id)).map((e) => e.seq),
        rows.map((r) => Number(r.seq)),
      );
      s.abort();
    });

    test("a heartbeat comment keeps an idle stream alive; another process's events arrive by the re-check", async () => {
      // Two "processes": separate apps and buses on one database.
      const quiet = createApp({
        db: api.db,
        files: api.files,
        events: { bus: createEventBus(), pollMs: 100, heartbeatMs: 40 },
        onError: (e) => {
          throw e;
        },
      });
      const other = caller(
        createApp({
          db: api.db,
          files: api.files,
          onError: (e) => {
            throw e;
          },
        }),
      );
      const s = await subscribe('platform', { app: quiet });
      await s.until(() => s.comments.filter((c) => c === 'heartbeat').length >= 2, 'two heartbeats', 2000);
      const made = await create(other, 'a', draftA({ productLinks: [link(1801)] }));
      assert.equal(made.status, 201);
      await s.next((e) => e.id === made.data.id, "the other process's event", 3000);
      s.abort();
      await s.ended();
    });
  });
}
