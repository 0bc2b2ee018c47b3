// Issue 9 against the real reference API: saved holder profiles, complaints made with a profile,
// the stored declaration, duplicate refusal, the status report and the live event stream.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DECLARATION_VERSION, LIMITS, duplicateKey, type ComplaintEvent } from '@ipr/validators';
import { createApp, type AppOptions } from '../../src/index.js';
import { createEventBus, type EventBus } from '../../src/events.js';
import { statusReport } from '../../src/store/index.js';
import { draftA, link, newKey, TOKENS, type Api, type Who } from '../helpers.js';

type Call = (
  method: string,
  path: string,
  who?: Who | null,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<{ status: number; data: any; headers: Headers }>;

/** A client of `app.fetch` (the real app: routes, auth, database). */
function caller(app: { fetch: (r: Request) => Response | Promise<Response> }): Call {
  return async (method, path, who, body, headers = {}) => {
    const h: Record<string, string> = { ...headers };
    if (who) h.authorization = `Bearer ${TOKENS[who]}`;
    if (body !== undefined) h['content-type'] ??= 'application/json';
    const response = await app.fetch(
      new Request(`http://api.test${path}`, {
        method,
        headers: h,
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    const type = response.headers.get('content-type') ?? '';
    const data = type.includes('json') ? await response.json() : await response.text();
    return { status: response.status, data, headers: response.headers };
  };
}

const HOLDER = {
  name: 'Aurora Holdings Ltd.',
  identificationType: 'business_registration',
  identificationNumber: '91440300MA5F000001',
  identificationAttachments: ['ev_seed_a_certificate'],
  powerOfAttorney: ['ev_seed_a_poa'],
  powerOfAttorneyExpiresAt: null as string | null,
};
const NOW = new Date('2026-11-29T10:00:00Z');
const plusDays = (n: number, from = NOW) => new Date(from.getTime() + n * 86_400_000).toISOString().slice(0, 10);

const problem = (res: { status: number; data: any }, status: number, code: string) => {
  assert.equal(res.status, status, JSON.stringify(res.data));
  assert.equal(res.data.code, code, JSON.stringify(res.data));
};

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
export function beyondSuite(open: () => Promise<Api>) {
  let api: Api;
  let call: Call;
  /** The same database with a fixed clock (expiry checks). */
  let at: (now: Date) => Call;
  before(async () => {
    api = await open();
    call = caller(
      createApp({
        db: api.db,
        files: api.files,
        onError: (e) => {
          throw e;
        },
      }),
    );
    at = (now) =>
      caller(
        createApp({
          db: api.db,
          files: api.files,
          now: () => now,
          onError: (e) => {
            throw e;
          },
        }),
      );
  });
  after(async () => {
    await api.close();
  });

  const saveProfile = async (c: Call, who: Who, holder: Record<string, unknown>, label?: string) => {
    const res = await c('POST', '/v1/holder-profiles', who, { ...(label !== undefined ? { label } : {}), holder });
    assert.equal(res.status, 201, JSON.stringify(res.data));
    return res.data;
  };
  const create = (c: Call, who: Who, draft: unknown, key = newKey()) =>
    c('POST', '/v1/complaints', who, draft, { 'idempotency-key': key });

  describe('saved holder profiles', () => {
    test('create, list (newest first), update, delete; the power-of-attorney state is computed on read', async () => {
      const c = at(NOW);
      const first = await saveProfile(c, 'a', { ...HOLDER, powerOfAttorneyExpiresAt: plusDays(10) }, '  Aurora HK  ');
      assert.match(first.id, /^hp_/);
      assert.equal(first.label, 'Aurora HK');
      assert.deepEqual(first.powerOfAttorney, { state: 'expiring', expiresAt: plusDays(10), daysLeft: 10 });
      const second = await saveProfile(at(new Date(NOW.getTime() + 1000)), 'a', {
        ...HOLDER,
        name: 'Aurora Trading',
        profileId: 'ignored',
      });
      assert.equal(second.label, 'Aurora Trading', 'a missing label is the holder name');
      assert.equal('profileId' in second.holder, false);
      assert.equal(second.powerOfAttorney.state, 'none');

      const listed = await c('GET', '/v1/holder-profiles', 'a');
      assert.equal(listed.status, 200);
      const ids = listed.data.items.map((p: any) => p.id);
      assert.ok(ids.indexOf(second.id) < ids.indexOf(first.id), 'newest first');
      // Read later, the same stored date is in the past.
      const later = await at(new Date(NOW.getTime() + 11 * 86_400_000))('GET', '/v1/holder-profiles', 'a');
      assert.deepEqual(later.data.items.find((p: any) => p.id === first.id).powerOfAttorney, {
        state: 'expired',
        expiresAt: plusDays(10),
        daysLeft: -1,
      });

      const updated = await at(new Date(NOW.getTime() + 60_000))('PUT', `/v1/holder-profiles/${first.id}`, 'a', {
        label: 'Renamed',
        holder: { ...HOLDER, powerOfAttorneyExpiresAt: plusDays(90) },
      });
      assert.equal(updated.status, 200, JSON.stringify(updated.data));
      assert.equal(updated.data.label, 'Renamed');
      assert.equal(updated.data.powerOfAttorney.state, 'valid');
      assert.equal(updated.data.createdAt, first.createdAt);
      assert.ok(updated.data.updatedAt > first.updatedAt);

      const removed = await c('DELETE', `/v1/holder-profiles/${first.id}`, 'a');
      assert.equal(removed.status, 204);
      assert.equal(removed.data, '');
      assert.ok(!(await c('GET', '/v1/holder-profiles', 'a')).data.items.some((p: any) => p.id === first.id));
      problem(await c('DELETE', `/v1/holder-profiles/${first.id}`, 'a'), 404, 'resource.not_found');
      problem(await c('PUT', `/v1/holder-profiles/${first.id}`, 'a', { holder: HOLDER }), 404, 'resource.not_found');
    });

    test("another account's profile does not exist for the caller; suppliers and the platform have none", async () => {
      const mine = await saveProfile(call, 'a', HOLDER, 'A only');
      assert.ok(!(await call('GET', '/v1/holder-profiles', 'b')).data.items.some((p: any) => p.id === mine.id));
      problem(
        await call('PUT', `/v1/holder-profiles/${mine.id}`, 'b', {
          holder: { ...HOLDER, identificationAttachments: ['ev_seed_b_patent'], powerOfAttorney: ['ev_seed_b_patent'] },
        }),
        404,
        'resource.not_found',
      );
      problem(await call('DELETE', `/v1/holder-profiles/${mine.id}`, 'b'), 404, 'resource.not_found');
      for (const who of ['supA', 'platform'] as const) {
        problem(await call('GET', '/v1/holder-profiles', who), 403, 'auth.forbidden');
        problem(await call('POST', '/v1/holder-profiles', who, { holder: HOLDER }), 403, 'auth.forbidden');
      }
      problem(await call('GET', '/v1/holder-profiles', null), 401, 'auth.unauthorized');
      // Still there for its owner.
      assert.ok((await call('GET', '/v1/holder-profiles', 'a')).data.items.some((p: any) => p.id === mine.id));
    });

    test("refused: an expired power of attorney, documents that are not the caller's, missing parts, a long label", async () => {
      const c = at(NOW);
      const expired = await c('POST', '/v1/holder-profiles', 'a', {
        holder: { ...HOLDER, powerOfAttorneyExpiresAt: plusDays(-1) },
      });
      problem(expired, 422, 'holder.power_of_attorney_expired');
      assert.deepEqual(expired.data.issues[0].path, ['holder', 'powerOfAttorneyExpiresAt']);
      // The expiry day itself is still valid.
      assert.equal(
        (await c('POST', '/v1/holder-profiles', 'a', { holder: { ...HOLDER, powerOfAttorneyExpiresAt: plusDays(0) } }))
          .status,
        201,
      );

      const foreign = await c('POST', '/v1/holder-profiles', 'a', {
        holder: { ...HOLDER, powerOfAttorney: ['ev_seed_b_patent'] },
      });
      problem(foreign, 422, 'evidence.not_found');
      assert.deepEqual(
        foreign.data.issues.map((i: any) => i.path),
        [['holder', 'powerOfAttorney', 0]],
      );

      const missing = await c('POST', '/v1/holder-profiles', 'a', {
        label: 'x'.repeat(LIMITS.maxProfileLabelLength + 1),
        holder: { ...HOLDER, name: ' ', powerOfAttorney: [] },
      });
      assert.equal(missing.status, 422);
      assert.deepEqual(missing.data.issues.map((i: any) => `${i.path.join('.')}:${i.code}`).sort(), [
        'holder.name:holder.name_required',
        'holder.powerOfAttorney:holder.power_of_attorney_required',
        'label:field.too_long',
      ]);
      problem(
        await c('POST', '/v1/holder-profiles', 'a', 'not json', { 'content-type': 'text/plain' }),
        400,
        'request.invalid_json',
      );
    });

    test(`at most ${LIMITS.maxHolderProfiles} profiles per account; deleting one makes room`, async () => {
      const holderB = {
        ...HOLDER,
        identificationAttachments: ['ev_seed_b_patent'],
        powerOfAttorney: ['ev_seed_b_patent'],
      };
      const have = (await call('GET', '/v1/holder-profiles', 'b')).data.items.length;
      const made: string[] = [];
      for (let i = have; i < LIMITS.maxHolderProfiles; i++)
        made.push((await saveProfile(call, 'b', { ...holderB, name: `Brightstone ${i}` })).id);
      const over = await call('POST', '/v1/holder-profiles', 'b', { holder: holderB });
      problem(over, 422, 'holder.profile_limit');
      assert.equal(over.data.issues[0].params.limit, LIMITS.maxHolderProfiles);
      assert.equal((await call('GET', '/v1/holder-profiles', 'b')).data.items.length, LIMITS.maxHolderProfiles);
      // Another account is not affected.
      assert.equal((await call('POST', '/v1/holder-profiles', 'a', { holder: HOLDER })).status, 201);
      assert.equal((await call('DELETE', `/v1/holder-profiles/${made[0]}`, 'b')).status, 204);
      assert.equal((await call('POST', '/v1/holder-profiles', 'b', { holder: holderB })).status, 201);
    });
  });

  describe('complaints with a saved holder profile', () => {
    const withHolder = (n: number, holder: unknown) =>
      draftA({ productLinks: [link(n)], isIprHolder: false, holder: holder as never });

    test('the stored holder is used, whatever the draft says about it', async () => {
      const profile = await saveProfile(call, 'a', { ...HOLDER, name: 'Stored Holder Name' });
      const res = await create(
        call,
        'a',
        withHolder(1101, { ...HOLDER, name: 'Typed Name', identificationNumber: 'TYPED', profileId: profile.id }),
      );
      assert.equal(res.status, 201, JSON.stringify(res.data));
      assert.equal(res.data.holder.name, 'Stored Holder Name');
      assert.equal(res.data.holder.identificationNumber, HOLDER.identificationNumber);
      assert.equal(res.data.holder.profileId, profile.id);
      // Only the profile id is enough.
      const short = await create(call, 'a', withHolder(1103, { profileId: profile.id }));
      assert.equal(short.status, 201, JSON.stringify(short.data));
      assert.equal(short.data.holder.name, 'Stored Holder Name');
      // The holder's documents are linked to the complaint as before (the platform may download them).
      assert.equal((await call('GET', `/v1/evidence/${HOLDER.powerOfAttorney[0]}/content`, 'platform')).status, 200);
    });

    test("another account's or a deleted profile → 422 holder.profile_not_found at ['holder', 'profileId']", async () => {
      const holderB = {
        ...HOLDER,
        identificationAttachments: ['ev_seed_b_patent'],
        powerOfAttorney: ['ev_seed_b_patent'],
      };
      const theirs =
        (await call('GET', '/v1/holder-profiles', 'b')).data.items[0] ?? (await saveProfile(call, 'b', holderB));
      const res = await create(call, 'a', withHolder(1105, { ...HOLDER, profileId: theirs.id }));
      problem(res, 422, 'holder.profile_not_found');
      assert.deepEqual(res.data.issues[0].path, ['holder', 'profileId']);

      const gone = await saveProfile(call, 'a', HOLDER);
      await call('DELETE', `/v1/holder-profiles/${gone.id}`, 'a');
      problem(await create(call, 'a', withHolder(1105, { profileId: gone.id })), 422, 'holder.profile_not_found');
      problem(
        await create(call, 'a', withHolder(1105, { profileId: 'hp_' + 'x'.repeat(100) })),
        422,
        'holder.profile_not_found',
      );
      // "I am the IPR holder" ignores the holder altogether.
      assert.equal(
        (
          await create(
            call,
            'a',
            draftA({ productLinks: [link(1105)], isIprHolder: true, holder: { profileId: theirs.id } as never }),
          )
        ).status,
        201,
      );
    });

    test('the stored expiry is what counts: a profile that has expired since refuses the complaint', async () => {
      const profile = await saveProfile(at(NOW), 'a', { ...HOLDER, powerOfAttorneyExpiresAt: plusDays(2) });
      const later = at(new Date(NOW.getTime() + 3 * 86_400_000));
      // The draft claims a later date; the stored one decides.
      const res = await create(
        later,
        'a',
        withHolder(1107, { ...HOLDER, powerOfAttorneyExpiresAt: plusDays(400), profileId: profile.id }),
      );
      problem(res, 422, 'holder.power_of_attorney_expired');
      assert.equal(res.data.issues[0].params.date, plusDays(2));
      // On its last day it still works.
      assert.equal(
        (await create(at(new Date(NOW.getTime() + 2 * 86_400_000)), 'a', withHolder(1107, { profileId: profile.id })))
          .status,
        201,
      );
    });
  });

  describe('declaration and receipt', () => {
    test('the declaration is stored with who accepted it and when; the receipt names its version', async () => {
      const res = await create(at(NOW), 'a', draftA({ productLinks: [link(1111)] }));
      assert.equal(res.status, 201);
      const { rows } = await api.db.query<{ declaration: any }>('select declaration from complaints where id = $1', [
        res.data.id,
      ]);
      assert.deepEqual(rows[0]!.declaration, {
        goodFaith: true,
        accurate: true,
        authorised: true,
        version: DECLARATION_VERSION,
        acceptedBy: 'acc_complainant_a',
        acceptedAt: NOW.toISOString(),
      });
      assert.equal(res.data.receipt.declarationVersion, DECLARATION_VERSION);
      assert.equal(res.data.receipt.submittedAt, NOW.toISOString());
    });
  });

  describe('duplicate detection', () => {
    test('the same type and links as an open complaint → 409 complaint.duplicate with its number and id; a replay still answers first', async () => {
      const key = newKey();
      const first = await create(call, 'a', draftA({ productLinks: [link(1201), link(1203)] }), key);
      assert.equal(first.status, 201);
      const { rows } = await api.db.query<{ duplicate_key: string }>(
        'select duplicate_key from complaints where id = $1',
        [first.data.id],
      );
      assert.equal(
        rows[0]!.duplicate_key,
        duplicateKey({ type: 'trademark_infringement', productLinks: [link(1201), link(1203)] }),
      );

      const again = await create(
        call,
        'a',
        draftA({ productLinks: [link(1201), link(1203)], description: 'Another wording' }),
      );
      problem(again, 409, 'complaint.duplicate');
      assert.deepEqual(again.data.issues[0].params, { number: first.data.number, id: first.data.id });
      // Order and spelling of the links do not matter.
      problem(
        await create(
          call,
          'a',
          draftA({ productLinks: ['http://www.market.example/product/P001203?x=1', link(1201)] }),
        ),
        409,
        'complaint.duplicate',
      );
      // The replay of the first submission still answers 200 with the same complaint.
      const replay = await create(call, 'a', draftA({ productLinks: [link(1201), link(1203)] }), key);
      assert.deepEqual(
        [replay.status, replay.data.id, replay.headers.get('idempotent-replayed')],
        [200, first.data.id, 'true'],
      );
      // Another type, other links, or another account is no duplicate.
      assert.equal(
        (await create(call, 'a', draftA({ type: 'copyright_infringement', productLinks: [link(1201), link(1203)] })))
          .status,
        201,
      );
      assert.equal((await create(call, 'a', draftA({ productLinks: [link(1201)] }))).status, 201);
      assert.equal(
        (
          await create(
            call,
            'b',
            draftA({ productLinks: [link(1201), link(1203)], evidence: [{ id: 'ev_seed_b_patent' }] }),
          )
        ).status,
        201,
      );
    });

    test('a refused duplicate does not burn its key; a cancelled or closed complaint no longer blocks', async () => {
      const draft = draftA({ productLinks: [link(1301)] });
      const first = await create(call, 'a', draft);
      assert.equal(first.status, 201);
      const key = newKey();
      problem(await create(call, 'a', draft, key), 409, 'complaint.duplicate');
      assert.equal((await call('POST', `/v1/complaints/${first.data.id}/cancel`, 'a', {})).status, 200);
      const second = await create(call, 'a', draft, key);
      assert.equal(second.status, 201, 'the same key works once the duplicate is gone');

      // Closed: forward, respond, confirm and close.
      assert.equal((await call('POST', `/v1/complaints/${second.data.id}/forward`, 'platform')).status, 200);
      assert.equal(
        (
          await call('POST', `/v1/complaints/${second.data.id}/respond`, 'supA', {
            products: [{ productId: 'p001301', response: 'removed' }],
          })
        ).status,
        200,
      );
      problem(await create(call, 'a', draft), 409, 'complaint.duplicate');
      assert.equal((await call('POST', `/v1/complaints/${second.data.id}/confirm-close`, 'a')).status, 200);
      assert.equal((await create(call, 'a', draft)).status, 201);
    });

    test('concurrent equal submissions with different keys make one complaint', async () => {
      const draft = draftA({ productLinks: [link(1401), link(1403)] });
      const answers = await Promise.all(Array.from({ length: 6 }, () => create(call, 'a', draft)));
      assert.deepEqual(answers.map((a) => a.status).sort(), [201, 409, 409, 409, 409, 409]);
    });
  });

  describe('status report', () => {
    const keyOf = (r: any) => `${r.number} ${r.productUrl}`;

    test("one row per visible product, with the list's visibility and filters", async () => {
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
      await supA.next((e) => e.id === id && e.action === 'create', 'create (supplier A, its product)');

      assert.equal((await open('POST', `/v1/complaints/${id}/forward`, 'platform')).status, 200);
      const forwarded = await a.next((e) => e.id === id && e.action === 'forward_to_supplier', 'forward (a)');
      assert.equal(forwarded.status, 'awaiting_supplier');
      assert.ok(forwarded.seq > created.seq);
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

      // A marker visible to everyone involved: B's complaint against supplier B's product.
      const marker = await create(
        open,
        'b',
        draftA({ productLinks: [link(1602)], evidence: [{ id: 'ev_seed_b_patent' }] }),
      );
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
