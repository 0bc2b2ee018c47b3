// Evidence uploads are streamed: the file part reaches the file store while the body is still
// arriving, a chunk at a time, never the whole body at once; the body is refused past its limit
// while it streams. Per account: a storage quota (422 evidence.quota_exceeded with `{ limit }`),
// a cap on uploads in flight (429 request.rate_limited with Retry-After), and the saved-evidence
// list a page at a time (`limit`, `nextCursor`; the first 100 by default). On PGlite, and on
// PostgreSQL when TEST_DATABASE_URL is set (where the quota holds across concurrent uploads).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LIMITS } from '@ipr/validators';
import { createApp, createMemoryFileStore, migrate, seed, type Db, type FileStore } from '../src/index.js';
import { createPgDb } from '../src/node.js';
import { seededApi, TOKENS } from './helpers.js';

const BOUNDARY = 'ipr-upload-boundary';
const KiB = 1024;
const enc = new TextEncoder();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
function png(size: number, seedByte = 1): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size).fill(seedByte);
  bytes.set(PNG_HEAD);
  return bytes;
}

const partHead = (name: string) =>
  enc.encode(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`,
  );
const closing = enc.encode(`\r\n--${BOUNDARY}--\r\n`);

/** A file store that records every write (size, and whether the body had ended by then). */
function recordingStore(inner: FileStore, bodyEnded: () => boolean) {
  const writes: { bytes: number; afterBodyEnded: boolean }[] = [];
  const store: FileStore = {
    put: async (key, bytes) => {
      writes.push({ bytes: bytes.length, afterBodyEnded: bodyEnded() });
      return inner.put(key, bytes);
    },
    get: (key) => inner.get(key),
    open: (key) => inner.open(key),
    delete: (key) => inner.delete(key),
    begin: async (key) => {
      const upload = await inner.begin(key);
      return {
        ...upload,
        write: async (chunk) => {
          writes.push({ bytes: chunk.length, afterBodyEnded: bodyEnded() });
          return upload.write(chunk);
        },
      };
    },
  };
  return { store, writes };
}

const upload = (app: { fetch: (r: Request) => Response | Promise<Response> }, body: BodyInit, who = TOKENS.a) =>
  app.fetch(
    new Request('http://api.test/v1/evidence', {
      method: 'POST',
      headers: { authorization: `Bearer ${who}`, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      body,
      duplex: 'half',
    } as RequestInit),
  );

const multipart = (name: string, bytes: Uint8Array) => {
  const all = new Uint8Array(partHead(name).length + bytes.length + closing.length);
  all.set(partHead(name));
  all.set(bytes, partHead(name).length);
  all.set(closing, partHead(name).length + bytes.length);
  return all;
};

describe('uploads stream to the file store', () => {
  test('the file reaches the store while the body is still arriving, 64 KiB at a time, never whole', async () => {
    const api = await seededApi();
    let ended = false;
    const { store, writes } = recordingStore(api.files, () => ended);
    const app = createApp({ db: api.db, files: store });
    const file = png(3 * 1024 * KiB, 7);
    const chunk = 64 * KiB;
    let sent = 0;
    let waitedForStore = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(partHead('streamed.png'));
      },
      async pull(controller) {
        if (sent >= file.length) {
          controller.enqueue(closing);
          ended = true;
          controller.close();
          return;
        }
        // Half-way, the sender waits (up to 3 s) for the store to have seen bytes: a server that
        // buffers the body before storing it sees nothing until the end.
        if (sent === 1536 * KiB) {
          const started = Date.now();
          while (!writes.length && Date.now() - started < 3000) await sleep(10);
          waitedForStore = Date.now() - started;
        }
        controller.enqueue(file.subarray(sent, sent + chunk));
        sent += chunk;
      },
    });
    const res = await upload(app, body);
    assert.equal(res.status, 201, await res.clone().text());
    const stored = await res.json();
    assert.equal(stored.size, file.length);
    assert.ok(writes.length > 0);
    assert.ok(
      writes.some((w) => !w.afterBodyEnded),
      `the store was written before the body ended (waited ${waitedForStore} ms, writes: ${writes.length})`,
    );
    const largest = Math.max(...writes.map((w) => w.bytes));
    assert.ok(largest <= 128 * KiB, `the largest single write was ${largest} bytes, not the whole file`);
    // What was stored is what was sent.
    const got = await api.get(`/v1/evidence/${stored.id}/content`, 'a');
    assert.equal(got.data.length, file.length);
    assert.deepEqual(got.data.subarray(0, 16), file.subarray(0, 16));
    await api.close();
  });

  test('a chunked body past the limit is refused while it streams: 413, nothing stored, reading stops', async () => {
    const api = await seededApi();
    const { store, writes } = recordingStore(api.files, () => false);
    const app = createApp({ db: api.db, files: store });
    let pulled = 0;
    const total = 12 * 1024 * KiB;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(partHead('huge.png'));
      },
      pull(controller) {
        if (pulled >= total) return controller.close();
        controller.enqueue(pulled === 0 ? png(64 * KiB) : new Uint8Array(64 * KiB));
        pulled += 64 * KiB;
      },
    });
    const before = (await api.db.query<{ n: number }>('select count(*)::int as n from evidence')).rows[0]!.n;
    const res = await upload(app, body);
    assert.equal(res.status, 413);
    const problem = await res.json();
    assert.equal(problem.code, 'evidence.too_large');
    assert.equal(problem.issues[0].params.limit, LIMITS.maxEvidenceBytes);
    assert.ok(pulled <= LIMITS.maxEvidenceBytes + 256 * KiB, `read ${pulled} bytes of a ${total}-byte body`);
    assert.ok(writes.length > 0, 'it was streaming to the store');
    const afterCount = (await api.db.query<{ n: number }>('select count(*)::int as n from evidence')).rows[0]!.n;
    assert.equal(afterCount, before);
    await api.close();
  });

  test('parts in any order, a `name` field, quoted and RFC 5987 file names, a preamble', async () => {
    const api = await seededApi();
    const file = png(2048);
    const parts = [
      'preamble to ignore\r\n',
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="note"\r\n\r\nignored\r\n`,
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="x.bin"; filename*=UTF-8''%E8%AF%81%E6%8D%AE.png\r\nContent-Type: image/png\r\n\r\n`,
    ];
    const head = enc.encode(parts.join(''));
    const tail = enc.encode(
      `\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="name"\r\n\r\n  \r\n--${BOUNDARY}--`,
    );
    const body = new Uint8Array(head.length + file.length + tail.length);
    body.set(head);
    body.set(file, head.length);
    body.set(tail, head.length + file.length);
    const res = await upload(api.app, body);
    assert.equal(res.status, 201, await res.clone().text());
    const stored = await res.json();
    assert.equal(stored.name, '证据.png', 'the RFC 5987 name wins; a blank `name` field is ignored');
    assert.equal(stored.size, 2048);

    const named = new FormData();
    named.append('name', 'given "name".png');
    named.append('file', new File([file], 'ignored.png'));
    const viaForm = await api.post('/v1/evidence', 'a', named);
    assert.equal(viaForm.status, 201);
    assert.equal(viaForm.data.name, 'given "name".png', 'a `name` field before the file names it');

    for (const broken of [
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n\x89PNG`,
      `--${BOUNDARY}\r\nno-colon-here\r\n\r\nx\r\n--${BOUNDARY}--`,
      `not multipart at all`,
    ]) {
      const bad = await upload(api.app, broken);
      assert.equal(bad.status, 400, broken);
      assert.equal((await bad.json()).code, 'request.invalid_json');
    }
    await api.close();
  });
});

/** The same app with limits, over one database and its files. */
const limitedApp = (db: Db, files: FileStore, limits: Parameters<typeof createApp>[0]['limits']) =>
  createApp({
    db,
    files,
    limits,
    onError: (e) => {
      throw e;
    },
  });

async function usedBytes(db: Db, account: string) {
  const { rows } = await db.query<{ n: string }>(
    'select coalesce(sum(size), 0)::bigint as n from evidence where account_id = $1',
    [account],
  );
  return Number(rows[0]!.n);
}

function quotaSuite(open: () => Promise<{ db: Db; files: FileStore; close: () => Promise<void> }>) {
  let db: Db;
  let files: FileStore;
  let close: () => Promise<void>;
  before(async () => {
    ({ db, files, close } = await open());
  });
  after(async () => {
    await close();
  });

  test('the storage quota: refused with 422 evidence.quota_exceeded { limit }, concurrent uploads cannot overshoot', async () => {
    const used = await usedBytes(db, 'acc_complainant_a');
    const quota = used + 100 * KiB;
    const app = limitedApp(db, files, { evidenceQuotaBytes: quota });
    const first = await upload(app, multipart('first.png', png(60 * KiB, 2)));
    assert.equal(first.status, 201);
    const second = await upload(app, multipart('second.png', png(60 * KiB, 3)));
    assert.equal(second.status, 422);
    const problem = await second.json();
    assert.equal(problem.code, 'evidence.quota_exceeded');
    assert.deepEqual(problem.issues[0].path, ['file']);
    assert.equal(problem.issues[0].params.limit, quota);

    // Room for one more 30 KiB file; eight at once: exactly one fits.
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => upload(app, multipart(`race-${i}.png`, png(30 * KiB, 10 + i)))),
    );
    const statuses = answers.map((r) => r.status).sort();
    assert.equal(statuses.filter((s) => s === 201).length, 1, `statuses ${statuses.join(',')}`);
    assert.ok(statuses.every((s) => s === 201 || s === 422));
    assert.ok((await usedBytes(db, 'acc_complainant_a')) <= quota, 'the quota holds');
    // Another account is not affected.
    assert.equal((await upload(app, multipart('b.png', png(60 * KiB, 4)), TOKENS.b)).status, 201);
  });

  test('uploads in flight per account: the 4th at once gets 429 with Retry-After; the others go through', async () => {
    const app = limitedApp(db, files, { uploadsInFlight: 3 });
    const gates: (() => void)[] = [];
    const slowBody = (i: number) => {
      const bytes = multipart(`slow-${i}.png`, png(8 * KiB, 20 + i));
      let step = 0;
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (step === 0) controller.enqueue(bytes.subarray(0, 4 * KiB));
          else if (step === 1) {
            await new Promise<void>((resolve) => gates.push(resolve));
            controller.enqueue(bytes.subarray(4 * KiB));
          } else controller.close();
          step++;
        },
      });
    };
    const slow = [0, 1, 2].map((i) => upload(app, slowBody(i)));
    while (gates.length < 3) await sleep(5);
    const refused = await upload(app, multipart('fourth.png', png(8 * KiB, 30)));
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('retry-after')) >= 1);
    const problem = await refused.json();
    assert.equal(problem.code, 'request.rate_limited');
    assert.ok(problem.issues[0].params.retryAfter >= 1);
    // Another account has its own places.
    assert.equal((await upload(app, multipart('other.png', png(8 * KiB, 31)), TOKENS.b)).status, 201);
    for (const open of gates) open();
    assert.deepEqual(
      (await Promise.all(slow)).map((r) => r.status),
      [201, 201, 201],
    );
    // Places are given back, also by refused and aborted uploads.
    assert.equal((await upload(app, multipart('bad.exe', png(8 * KiB)))).status, 422);
    const answers = await Promise.all(
      [0, 1, 2].map((i) => upload(app, multipart(`again-${i}.png`, png(8 * KiB, 40 + i)))),
    );
    assert.deepEqual(
      answers.map((r) => r.status),
      [201, 201, 201],
    );
  });

  test('GET /v1/evidence a page at a time: limit and nextCursor, newest first, the first 100 by default', async () => {
    const app = limitedApp(db, files, {});
    const get = async (query: string) => {
      const res = await app.fetch(
        new Request(`http://api.test/v1/evidence${query}`, { headers: { authorization: `Bearer ${TOKENS.a}` } }),
      );
      return { status: res.status, data: await res.json() };
    };
    const all = await get('');
    assert.equal(all.status, 200);
    assert.ok(all.data.items.length > 5 && all.data.items.length <= 100);
    assert.equal(all.data.nextCursor, null, 'fewer than 100: one page');
    const seen: string[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const page = await get(`?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      assert.equal(page.status, 200);
      assert.ok(page.data.items.length <= 2);
      seen.push(...page.data.items.map((e: { id: string }) => e.id));
      cursor = page.data.nextCursor;
      pages++;
    }
    assert.deepEqual(
      seen,
      all.data.items.map((e: { id: string }) => e.id),
      'the pages, in order, are the list',
    );
    assert.equal(pages, Math.ceil(all.data.items.length / 2));
    assert.equal((await get('?limit=101')).status, 422);
    assert.equal((await get('?cursor=not-a-cursor')).status, 422);

    // More than 100: the default page stops at 100 and says where to go on.
    const { rows } = await db.query<{ n: number }>(
      "select count(*)::int as n from evidence where account_id = 'acc_complainant_a'",
    );
    for (let i = rows[0]!.n; i <= 100; i++)
      await db.query(
        `insert into evidence (id, account_id, name, size, extension, kind, media_type, sha256, storage_key, created_at)
         values ($1, 'acc_complainant_a', 'bulk.png', 1, 'png', 'image', 'image/png', $2, $3, now() - interval '1 day')`,
        [`ev_bulk_${i}`, '0'.repeat(64), `fbulk${i}`],
      );
    const first = await get('');
    assert.equal(first.data.items.length, 100);
    assert.equal(typeof first.data.nextCursor, 'string');
    const rest = await get(`?cursor=${encodeURIComponent(first.data.nextCursor)}`);
    assert.ok(rest.data.items.length >= 1);
    assert.equal(rest.data.nextCursor, null);
  });
}

describe('PGlite: quota, uploads in flight, evidence pages', () => {
  quotaSuite(async () => {
    const api = await seededApi();
    return { db: api.db, files: api.files, close: () => api.close() };
  });
});

const url = process.env.TEST_DATABASE_URL;
if (!url) {
  const reason = 'TEST_DATABASE_URL is not set: the upload limits are checked on PGlite only';
  console.log(`# ${reason}`);
  test('PostgreSQL: quota, uploads in flight, evidence pages', (t) => {
    t.skip(reason);
  });
} else {
  describe('PostgreSQL: quota, uploads in flight, evidence pages', () => {
    quotaSuite(async () => {
      const schema = `ipr_test_up_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6).toString(36)}`;
      const db = await createPgDb({ connectionString: url, schema, max: 12 });
      const files = createMemoryFileStore();
      await migrate(db);
      await seed(db, files, { catalogueSize: 200 });
      return {
        db,
        files,
        async close() {
          await db.query(`drop schema ${schema} cascade`);
          await db.close();
        },
      };
    });
  });
}
