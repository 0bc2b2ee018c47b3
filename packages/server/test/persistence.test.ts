// Nothing is in memory only: close the data folder, reopen it, everything is still there.
// Also one test over a real socket with startServer, and CORS for configured origins only.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgliteDb, migrate, seed } from '../src/index.js';
import { createDiskFileStore, startServer } from '../src/node.js';
import { draftA, form, link, makeApi, newKey, pngFile } from './helpers.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'ipr-server-'));
  dirs.push(d);
  return d;
};
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

test('complaints, history and evidence files survive a restart; seeding again adds nothing', async () => {
  const dir = tempDir();
  const open = async () => {
    const db = await createPgliteDb({ dataDir: join(dir, 'pglite') });
    const files = createDiskFileStore(join(dir, 'evidence'));
    await migrate(db);
    const report = await seed(db, files, { catalogueSize: 600 });
    return { api: makeApi(db, files), report };
  };
  const first = await open();
  assert.equal(first.report.productsAdded, 600);
  assert.equal(first.report.complaintsAdded, 10);
  const up = await first.api.post('/v1/evidence', 'a', form(pngFile('kept.png')));
  assert.equal(up.status, 201);
  const made = await first.api.post(
    '/v1/complaints',
    'a',
    draftA({ productLinks: [link(501)], evidence: [{ id: up.data.id, original: true }] }),
    { 'idempotency-key': 'persist-1' },
  );
  assert.equal(made.status, 201);
  await first.api.post(`/v1/complaints/${made.data.id}/forward`, 'platform');
  const before = (await first.api.get(`/v1/complaints/${made.data.id}`, 'a')).data;
  await first.api.close();
  // No temporary file is left behind by the atomic writes.
  assert.ok(readdirSync(join(dir, 'evidence')).every((f) => !f.startsWith('.tmp-')));

  const second = await open();
  assert.deepEqual([second.report.productsAdded, second.report.complaintsAdded], [0, 0]);
  assert.deepEqual((await second.api.get(`/v1/complaints/${made.data.id}`, 'a')).data, before);
  const file = await second.api.get(`/v1/evidence/${up.data.id}/content`, 'a');
  assert.equal(file.status, 200);
  assert.equal(file.data.length, up.data.size);
  assert.equal((await second.api.get('/v1/evidence/ev_seed_a_original/content', 'a')).status, 200);
  const replay = await second.api.post(
    '/v1/complaints',
    'a',
    draftA({ productLinks: [link(501)], evidence: [{ id: up.data.id, original: true }] }),
    { 'idempotency-key': 'persist-1' },
  );
  assert.deepEqual([replay.status, replay.data.id], [200, made.data.id]);
  const next = await second.api.post('/v1/complaints', 'a', draftA({ productLinks: [link(503)] }), {
    'idempotency-key': newKey(),
  });
  assert.ok(next.data.number > made.data.number, 'the number sequence continues');
  await second.api.close();
});

test('startServer serves over a real socket, with CORS only for configured origins', async () => {
  const server = await startServer({
    port: 0,
    dataDir: join(tempDir(), 'nested', 'data'),
    seed: true,
    catalogueSize: 300,
    corsOrigins: ['https://partner.example'],
  });
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${server.url}/v1/health`);
    assert.deepEqual(await health.json(), { ok: true });
    const account = await fetch(`${server.url}/v1/account`, {
      headers: { authorization: 'Bearer demo-complainant-b', origin: 'https://partner.example' },
    });
    assert.equal(account.status, 200);
    assert.equal(account.headers.get('access-control-allow-origin'), 'https://partner.example');
    assert.equal((await account.json()).id, 'acc_complainant_b');
    const preflight = await fetch(`${server.url}/v1/complaints`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://partner.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, idempotency-key',
      },
    });
    assert.ok(preflight.status === 204 || preflight.status === 200);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/i);
    const stranger = await fetch(`${server.url}/v1/health`, { headers: { origin: 'https://evil.example' } });
    assert.equal(stranger.headers.get('access-control-allow-origin'), null);

    const body = new FormData();
    body.append('file', pngFile('socket.png'));
    const up = await fetch(`${server.url}/v1/evidence`, {
      method: 'POST',
      headers: { authorization: 'Bearer demo-complainant-a' },
      body,
    });
    assert.equal(up.status, 201);
    const big = new FormData();
    big.append('file', pngFile('big.png', 6 * 1024 * 1024));
    const refused = await fetch(`${server.url}/v1/evidence`, {
      method: 'POST',
      headers: { authorization: 'Bearer demo-complainant-a' },
      body: big,
    });
    assert.equal(refused.status, 413);
    assert.equal((await refused.json()).code, 'evidence.too_large');
  } finally {
    await server.close();
  }
});

test('start-up sweeps what interrupted uploads leave: unreferenced files and .tmp-* older than the limit, never a stored file', async () => {
  const dataDir = tempDir();
  const first = await startServer({ port: 0, dataDir, seed: true, catalogueSize: 300 });
  assert.equal(first.sweptFiles, 0);
  const kept = await fetch(`${first.url}/v1/evidence`, {
    method: 'POST',
    headers: { authorization: 'Bearer demo-complainant-a' },
    body: form(pngFile('kept.png')),
  });
  assert.equal(kept.status, 201);
  const keptId = (await kept.json()).id;
  await first.close();
  const evidence = join(dataDir, 'evidence');
  // What a kill leaves: a file renamed into place whose row never committed, and a half-written temp file.
  writeFileSync(join(evidence, 'f0123456789abcdef0123456789abcdef'), 'orphan');
  writeFileSync(join(evidence, '.tmp-f0123456789abcdef0123456789abcdef-a1b2c3'), 'half');
  const before = readdirSync(evidence).length;

  // Fresh leftovers are kept by default (another process may be finishing that upload).
  const second = await startServer({ port: 0, dataDir, seed: false });
  assert.equal(second.sweptFiles, 0);
  await second.close();
  assert.equal(readdirSync(evidence).length, before);

  const third = await startServer({ port: 0, dataDir, seed: false, sweepFilesOlderThanMs: 0 });
  assert.equal(third.sweptFiles, 2);
  const left = readdirSync(evidence);
  assert.ok(
    !left.includes('f0123456789abcdef0123456789abcdef') && !left.some((f) => f.startsWith('.tmp-')),
    left.join(' '),
  );
  assert.equal(left.length, before - 2);
  const file = await fetch(`${third.url}/v1/evidence/${keptId}/content`, {
    headers: { authorization: 'Bearer demo-complainant-a' },
  });
  assert.equal(file.status, 200, 'the stored upload is still served');
  assert.equal(
    (
      await fetch(`${third.url}/v1/evidence/ev_seed_a_original/content`, {
        headers: { authorization: 'Bearer demo-complainant-a' },
      })
    ).status,
    200,
  );
  await third.close();
});

test('close() ends even when a client stopped half-way through sending a request', async () => {
  const { connect } = await import('node:net');
  const server = await startServer({ port: 0, dataDir: tempDir(), seed: true, catalogueSize: 60, closeGraceMs: 200 });
  const socket = connect(server.port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  // Headers promise 1,000 bytes of body; 10 arrive, then nothing.
  socket.write(
    'POST /v1/evidence HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer demo-complainant-a\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 1000\r\n\r\n--b\r\nabcd',
  );
  await new Promise((r) => setTimeout(r, 100));
  const started = Date.now();
  await server.close();
  assert.ok(Date.now() - started < 5000, `close() took ${Date.now() - started} ms`);
  socket.destroy();
});
