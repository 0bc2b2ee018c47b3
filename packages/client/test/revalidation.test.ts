// The client's copies and revalidation, against the REAL reference API (in-process on PGlite):
// a second GET of the complaint list, a complaint or the holder profiles sends If-None-Match and
// is answered 304 from the copy (`revalidated: true`, the same data); a change on the server is
// a fresh 200; `cache: false` (client or call) sends no validator; another token never gets
// another caller's copy.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { unwrap } from '../src/index.js';
import { type AppFetch, clientOn, startApi, TOKENS, type TestApi } from './support/api.js';
import { fileComplaint } from './support/complaints.js';

let api: TestApi;
before(async () => {
  api = await startApi();
});
after(async () => {
  await api?.close();
});

/** What went over the client's fetch: the path, the If-None-Match sent and the status answered. */
interface Exchange {
  path: string;
  ifNoneMatch: string | null;
  status: number;
}

/** A client whose fetch records every exchange. */
function recorded(token: string | (() => string) = TOKENS.complainantA, extra = {}) {
  const log: Exchange[] = [];
  const fetch: AppFetch = async (input, init) => {
    const request = input instanceof Request && !init ? input : new Request(input, init);
    const response = await api.fetch(request);
    log.push({
      path: new URL(request.url).pathname,
      ifNoneMatch: request.headers.get('if-none-match'),
      status: response.status,
    });
    return response;
  };
  const client = clientOn(() => ({ ...api, fetch }))(
    typeof token === 'string' ? token : undefined,
    typeof token === 'string' ? extra : { getToken: token, ...extra },
  );
  return { client, log, last: () => log[log.length - 1]! };
}

let linkNo = 300;
const links = () => [`https://market.example/product/p${String(linkNo++).padStart(6, '0')}`];

describe('revalidation of the client’s copies', () => {
  test('the list, a complaint and the holder profiles reopen with a 304 and the kept data', async () => {
    const { client, last } = recorded();
    const complaint = await fileComplaint(client, links());
    const calls = [
      () => client.complaints.list({ limit: 50 }),
      () => client.complaints.get(complaint.id),
      () => client.holderProfiles.list(),
    ];
    for (const run of calls) {
      const first = await run();
      assert.ok(first.data, JSON.stringify(first.error));
      assert.equal(first.revalidated, undefined);
      assert.equal(last().ifNoneMatch, null, 'nothing held yet');
      const etag = first.response.headers.get('etag');
      assert.match(etag ?? '', /^"[\w-]+"$/);
      const second = await run();
      assert.ok(second.data, JSON.stringify(second.error));
      assert.equal(last().ifNoneMatch, etag, `${last().path}: sends the ETag it holds`);
      assert.equal(last().status, 304, `${last().path}: the server says the copy is current`);
      assert.equal(second.revalidated, true);
      assert.equal(second.response.status, 200);
      assert.deepEqual(second.data, first.data);
    }
  });

  test('a change on the server is a fresh answer, and the copy is replaced', async () => {
    const { client, last } = recorded();
    const before = unwrap(await client.complaints.list({ limit: 50 }));
    const made = await fileComplaint(client, links());
    const after = await client.complaints.list({ limit: 50 });
    assert.equal(last().status, 200);
    assert.equal(after.revalidated, undefined);
    assert.equal(after.data?.total, before.total + 1);
    assert.equal(after.data?.items[0]?.id, made.id);
    const detail = unwrap(await client.complaints.get(made.id));
    const cancelled = unwrap(await client.complaints.cancel(made.id, {}));
    const reopened = await client.complaints.get(made.id);
    assert.equal(last().status, 200, 'the cancelled complaint is a new answer');
    assert.equal(reopened.data?.status, cancelled.status);
    assert.notEqual(reopened.data?.status, detail.status);
    const again = await client.complaints.list({ limit: 50 });
    assert.equal(again.revalidated, undefined, 'the list shows the cancellation');
    assert.equal((await client.complaints.list({ limit: 50 })).revalidated, true, 'and then is current again');
  });

  test('cache: false sends no validator, for the whole client or one call', async () => {
    const off = recorded(TOKENS.complainantA, { cache: false });
    await off.client.complaints.list();
    const second = await off.client.complaints.list();
    assert.equal(off.last().ifNoneMatch, null);
    assert.equal(off.last().status, 200);
    assert.equal(second.revalidated, undefined);

    const on = recorded();
    await on.client.holderProfiles.list();
    const fresh = await on.client.holderProfiles.list({ cache: false });
    assert.equal(on.last().ifNoneMatch, null, 'this call asks for a fresh answer');
    assert.equal(fresh.revalidated, undefined);
    await on.client.holderProfiles.list();
    assert.equal(on.last().status, 304, 'the other calls still revalidate');
  });

  test('another token is another caller: no copy of the first one’s is sent or answered', async () => {
    let token: string = TOKENS.complainantA;
    const { client, last } = recorded(() => token);
    unwrap(await client.complaints.list());
    token = TOKENS.complainantB;
    const other = await client.complaints.list();
    assert.equal(last().ifNoneMatch, null);
    assert.equal(other.revalidated, undefined);
    assert.ok(other.data);
  });

  test('a call the client makes itself conditional (raw) is left alone', async () => {
    const { client, last } = recorded();
    const first = unwrap(await client.complaints.list());
    assert.ok(first);
    const etag = (await client.complaints.list()).response?.headers.get('etag') ?? '';
    const raw = await client.raw.GET('/v1/complaints', { params: { header: { 'If-None-Match': etag } } });
    assert.equal(last().status, 304);
    assert.equal(raw.response.status, 304, 'the 304 reaches the caller that asked for it');
  });
});
