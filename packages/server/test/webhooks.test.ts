// Webhooks end to end: a receiver on loopback verifies every delivery with the `standardwebhooks`
// package (the reference implementation partners use) and with our own `verifyWebhook`; a receiver
// failing 3 times then succeeding; dead-letter and redelivery; order per complaint; the SSRF rule;
// a replay refused by its timestamp; deliveries pending across a server restart.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { verifyWebhook, type WebhookPayload } from '@ipr/validators';
import { Webhook } from 'standardwebhooks';
import { createWebhookWorker, DEMO_TOKENS, type WebhookWorker } from '../src/index.js';
import { nodeWebhookSender, startServer } from '../src/node.js';
import { type Api, draftA, link, newKey, type Received, receiver, seededApi } from './helpers.js';

let api: Api;
let worker: WebhookWorker;
before(async () => {
  api = await seededApi({ webhooks: { allowPrivateAddresses: true } });
  worker = createWebhookWorker({
    db: api.db,
    send: nodeWebhookSender({ allowPrivate: true }),
    retryScheduleMs: [20, 20, 20, 20],
    onError: (e) => {
      throw e;
    },
  });
});
after(async () => {
  await worker.stop();
  await api.close();
});

let productNo = 701;
async function submit(): Promise<{ id: string; number: string }> {
  const links = [link(productNo), link(productNo + 2)];
  productNo += 4;
  const res = await api.post('/v1/complaints', 'a', draftA({ productLinks: links }), { 'idempotency-key': newKey() });
  assert.equal(res.status, 201, JSON.stringify(res.data));
  return res.data;
}

async function register(url: string, events?: string[]) {
  const res = await api.post('/v1/webhooks', 'a', { url, description: 'CRM sync', ...(events ? { events } : {}) });
  assert.equal(res.status, 201, JSON.stringify(res.data));
  return res.data as { id: string; secret: string; events: string[] };
}

/** Runs the worker until `done` holds (deliveries due after a back-off need a few passes). */
async function drain(done: () => boolean | Promise<boolean>, ms = 5000) {
  const end = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > end) throw new Error('the deliveries did not settle');
    await worker.runOnce();
    await new Promise((r) => setTimeout(r, 15));
  }
}

const deliveries = async (endpoint: string) => (await api.get(`/v1/webhooks/${endpoint}/deliveries`, 'a')).data.items;

describe('registration', () => {
  test('the secret is shown once; the list never has it', async () => {
    const r = await receiver();
    const created = await register(r.url);
    assert.match(created.secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
    assert.equal(created.events.length, 8, 'no events named: every type');
    const list = await api.get('/v1/webhooks', 'a');
    assert.equal(list.status, 200);
    const mine = list.data.items.find((e: any) => e.id === created.id);
    assert.ok(mine);
    assert.equal('secret' in mine, false);
    assert.ok(!JSON.stringify(list.data).includes(created.secret));
    assert.equal((await api.call('DELETE', `/v1/webhooks/${created.id}`, 'a')).status, 204);
    await r.close();
  });

  test('private and plain-http URLs are refused unless the app allows them', async () => {
    const strict = await seededApi();
    for (const [url, code] of [
      ['http://127.0.0.1:9/hook', 'webhook.url_not_https'],
      ['https://127.0.0.1/hook', 'webhook.url_private'],
      ['https://169.254.169.254/latest', 'webhook.url_private'],
      ['https://localhost/hook', 'webhook.url_private'],
      ['not a url', 'webhook.url_invalid'],
    ]) {
      const res = await strict.post('/v1/webhooks', 'a', { url });
      assert.equal(res.status, 422, url);
      assert.equal(res.data.code, code, url);
      assert.deepEqual(res.data.issues[0].path, ['url']);
    }
    assert.equal((await strict.post('/v1/webhooks', 'a', { url: 'https://partner.example/hook' })).status, 201);
    const unknownEvent = await strict.post('/v1/webhooks', 'a', {
      url: 'https://partner.example/hook',
      events: ['complaint.deleted'],
    });
    assert.equal(unknownEvent.status, 422);
    await strict.close();
  });

  test('at most 10 endpoints per account', async () => {
    const strict = await seededApi();
    for (let i = 0; i < 10; i++)
      assert.equal((await strict.post('/v1/webhooks', 'b', { url: `https://partner.example/${i}` })).status, 201);
    const over = await strict.post('/v1/webhooks', 'b', { url: 'https://partner.example/11' });
    assert.equal(over.status, 422);
    assert.equal(over.data.code, 'webhook.endpoint_limit');
    await strict.close();
  });

  test('the Node sender refuses a private address at connect time, whatever the URL said', async () => {
    const r = await receiver();
    const send = nodeWebhookSender();
    const direct = await send({ url: r.url, headers: {}, body: '{}', timeoutMs: 1000 });
    assert.equal(direct.status, null);
    assert.match(direct.error!, /private/);
    // A name (no literal IP) that resolves to loopback: refused by the lookup.
    const named = await send({
      url: r.url.replace('127.0.0.1', 'localhost'),
      headers: {},
      body: '{}',
      timeoutMs: 1000,
    });
    assert.equal(named.status, null);
    assert.match(named.error!, /private/);
    assert.equal(r.got.length, 0, 'nothing reached the receiver');
    await r.close();
  });
});

describe('delivery', () => {
  test('signed per Standard Webhooks: the standardwebhooks package and verifyWebhook accept it; events in order', async () => {
    const r = await receiver();
    const endpoint = await register(r.url);
    const c = await submit();
    assert.equal((await api.post(`/v1/complaints/${c.id}/forward`, 'platform')).status, 200);
    await drain(() => r.got.filter((g) => g.body.includes(c.id)).length >= 2);
    const mine = r.got.filter((g) => g.body.includes(c.id));
    const reference = new Webhook(endpoint.secret);
    const types: string[] = [];
    for (const g of mine) {
      const headers = {
        'webhook-id': String(g.headers['webhook-id']),
        'webhook-timestamp': String(g.headers['webhook-timestamp']),
        'webhook-signature': String(g.headers['webhook-signature']),
      };
      const payload = reference.verify(g.body, headers) as WebhookPayload;
      const ours = await verifyWebhook<WebhookPayload>(g.body, g.headers as Record<string, string>, endpoint.secret);
      assert.equal(ours.ok, true);
      if (ours.ok) assert.deepEqual(ours.payload, payload);
      assert.equal(payload.data.id, c.id);
      assert.equal(payload.data.number, c.number);
      types.push(payload.type);
      // Tampering is caught by both.
      assert.throws(() => reference.verify(g.body.replace(c.number, 'IPR-0000-000000'), headers));
      const tampered = await verifyWebhook(g.body.replace(c.number, 'IPR-0000-000000'), headers, endpoint.secret);
      assert.deepEqual(tampered, { ok: false, reason: 'bad_signature' });
    }
    assert.deepEqual(types, ['complaint.submitted', 'complaint.forwarded']);
    const seqs = mine.map((g) => (JSON.parse(g.body) as WebhookPayload).data.seq);
    assert.ok(seqs[0]! < seqs[1]!);
    // The payload is thin: no contact, no holder, no description.
    assert.ok(!mine.some((g) => g.body.includes('lin.mei') || g.body.includes('trademark')));
    const log = await deliveries(endpoint.id);
    assert.ok(log.every((d: any) => d.state === 'delivered' && d.attempts === 1 && d.lastAttempts[0].status === 204));
    await api.call('DELETE', `/v1/webhooks/${endpoint.id}`, 'a');
    await r.close();
  });

  test('a replay of a received delivery is refused by its timestamp', async () => {
    const r = await receiver();
    const endpoint = await register(r.url, ['complaint.submitted']);
    const c = await submit();
    await drain(() => r.got.some((g) => g.body.includes(c.id)));
    const g = r.got.find((x) => x.body.includes(c.id))!;
    const headers = g.headers as Record<string, string>;
    const later = () => new Date(Date.now() + 6 * 60_000);
    assert.deepEqual(await verifyWebhook(g.body, headers, endpoint.secret, { now: later }), {
      ok: false,
      reason: 'timestamp_too_old',
    });
    // The reference implementation agrees: a timestamp over 5 minutes old is refused.
    const stale = String(Math.floor(Date.now() / 1000) - 6 * 60);
    const reference = new Webhook(endpoint.secret);
    assert.throws(() => reference.verify(g.body, { ...headers, 'webhook-timestamp': stale }), /too old/i);
    await api.call('DELETE', `/v1/webhooks/${endpoint.id}`, 'a');
    await r.close();
  });

  test('a receiver failing 3 times then succeeding gets it on the 4th attempt, with the same webhook-id', async () => {
    const r = await receiver((n) => (n <= 3 ? 500 : 200));
    const endpoint = await register(r.url, ['complaint.submitted']);
    const c = await submit();
    await drain(async () => (await deliveries(endpoint.id))[0]?.state === 'delivered');
    assert.equal(r.got.length, 4);
    assert.equal(new Set(r.got.map((g) => g.headers['webhook-id'])).size, 1, 'one id on every attempt');
    const [d] = await deliveries(endpoint.id);
    assert.equal(d.complaintId, c.id);
    assert.equal(d.attempts, 4);
    assert.deepEqual(
      d.lastAttempts.map((a: any) => a.status),
      [200, 500, 500, 500],
    );
    assert.equal(d.lastAttempts[1].error, 'HTTP 500');
    assert.equal(d.nextAttemptAt, null);
    await api.call('DELETE', `/v1/webhooks/${endpoint.id}`, 'a');
    await r.close();
  });

  test('dead-lettered after the last attempt; redelivered by hand with the same id', async () => {
    let up = false;
    const r = await receiver(() => (up ? 200 : 503));
    const endpoint = await register(r.url, ['complaint.submitted']);
    await submit();
    await drain(async () => (await deliveries(endpoint.id))[0]?.state === 'dead');
    let [d] = await deliveries(endpoint.id);
    assert.equal(d.attempts, 5, 'the first attempt and one per step of the schedule');
    assert.equal(r.got.length, 5);
    const listed = (await api.get('/v1/webhooks', 'a')).data.items.find((e: any) => e.id === endpoint.id);
    assert.deepEqual([listed.pending, listed.dead], [0, 1]);

    up = true;
    const again = await api.post(`/v1/webhooks/${endpoint.id}/deliveries/${d.id}/redeliver`, 'a');
    assert.equal(again.status, 202);
    await drain(async () => (await deliveries(endpoint.id))[0]?.state === 'delivered');
    [d] = await deliveries(endpoint.id);
    assert.equal(r.got.at(-1)!.headers['webhook-id'], d.id);
    // Another account cannot see or redeliver it.
    assert.equal((await api.get(`/v1/webhooks/${endpoint.id}/deliveries`, 'b')).status, 404);
    assert.equal((await api.post(`/v1/webhooks/${endpoint.id}/deliveries/${d.id}/redeliver`, 'b')).status, 404);
    await api.call('DELETE', `/v1/webhooks/${endpoint.id}`, 'a');
    await r.close();
  });

  test("a complaint's next event waits while an earlier one is retrying", async () => {
    let up = false;
    const r = await receiver(() => (up ? 200 : 500));
    const endpoint = await register(r.url);
    const c = await submit();
    await api.post(`/v1/complaints/${c.id}/forward`, 'platform');
    await worker.runOnce();
    await worker.runOnce();
    assert.ok(r.got.length >= 1);
    assert.ok(
      r.got.every((g) => (JSON.parse(g.body) as WebhookPayload).type === 'complaint.submitted'),
      'the forward was not sent before the submission arrived',
    );
    up = true;
    await drain(async () => (await deliveries(endpoint.id)).every((d: any) => d.state === 'delivered'));
    const okTypes = r.got.slice(-2).map((g) => (JSON.parse(g.body) as WebhookPayload).type);
    assert.deepEqual(okTypes, ['complaint.submitted', 'complaint.forwarded']);
    await api.call('DELETE', `/v1/webhooks/${endpoint.id}`, 'a');
    await r.close();
  });
});

describe('endpoint control', () => {
  test('disabled: queued nothing, its pending delivery waits; enabled again: sent at once', async () => {
    const r = await receiver();
    const endpoint = await register(r.url);
    const first = await submit();
    const off = await api.call('PATCH', `/v1/webhooks/${endpoint.id}`, 'a', { enabled: false });
    assert.equal(off.status, 200, JSON.stringify(off.data));
    assert.equal(off.data.enabled, false);
    assert.equal(off.data.pending, 1);
    await worker.runOnce();
    await worker.runOnce();
    assert.equal(r.got.length, 0, 'nothing sent while disabled');
    const second = await submit();
    const on = await api.call('PATCH', `/v1/webhooks/${endpoint.id}`, 'a', { enabled: true });
    assert.equal(on.data.enabled, true);
    await drain(() => r.got.length >= 1);
    await worker.runOnce();
    const sent = r.got.map((g) => (JSON.parse(g.body) as WebhookPayload).data.id);
    assert.deepEqual(sent, [first.id], 'the pending one went; the one made while disabled was never queued');
    assert.ok(!(await deliveries(endpoint.id)).some((d: any) => d.complaintId === second.id));
    // Another account's endpoint is not there for them; a body that is not a boolean is refused.
    assert.equal((await api.call('PATCH', `/v1/webhooks/${endpoint.id}`, 'b', { enabled: false })).status, 404);
    const bad = await api.call('PATCH', `/v1/webhooks/${endpoint.id}`, 'a', { enabled: 'no' });
    assert.equal(bad.status, 422);
    await api.call('DELETE', `/v1/webhooks/${endpoint.id}`, 'a');
    await r.close();
  });

  test('a rotated secret: deliveries signed by both secrets for the overlap, then by the new one only', async () => {
    const r = await receiver();
    const endpoint = await register(r.url);
    const rotated = await api.post(`/v1/webhooks/${endpoint.id}/rotate-secret`, 'a');
    assert.equal(rotated.status, 200, JSON.stringify(rotated.data));
    const fresh: string = rotated.data.secret;
    assert.match(fresh, /^whsec_/);
    assert.notEqual(fresh, endpoint.secret);
    const overlapMs = Date.parse(rotated.data.previousSecretExpiresAt) - Date.now();
    assert.ok(Math.abs(overlapMs - 24 * 3_600_000) < 60_000, `overlap ${overlapMs} ms`);
    const signed = async () => {
      const c = await submit();
      await drain(() => r.got.some((g) => g.body.includes(c.id)));
      return r.got.find((g) => g.body.includes(c.id))!;
    };
    const during = await signed();
    assert.equal(String(during.headers['webhook-signature']).split(' ').length, 2);
    for (const secret of [fresh, endpoint.secret]) {
      assert.equal((await verifyWebhook(during.body, during.headers as Record<string, string>, secret)).ok, true);
      new Webhook(secret).verify(during.body, {
        'webhook-id': String(during.headers['webhook-id']),
        'webhook-timestamp': String(during.headers['webhook-timestamp']),
        'webhook-signature': String(during.headers['webhook-signature']),
      });
    }
    // The overlap over (as 24 hours later): the old secret no longer signs.
    await api.db.query(
      `update webhook_endpoints set previous_secret_until = now() - interval '1 minute' where id = $1`,
      [endpoint.id],
    );
    const after = await signed();
    assert.equal(String(after.headers['webhook-signature']).split(' ').length, 1);
    assert.equal((await verifyWebhook(after.body, after.headers as Record<string, string>, fresh)).ok, true);
    assert.deepEqual(await verifyWebhook(after.body, after.headers as Record<string, string>, endpoint.secret), {
      ok: false,
      reason: 'bad_signature',
    });
    const listed = (await api.get('/v1/webhooks', 'a')).data.items.find((e: any) => e.id === endpoint.id);
    assert.equal(listed.previousSecretExpiresAt, null);
    assert.ok(
      !JSON.stringify(listed).includes(fresh.slice(6)) && !JSON.stringify(listed).includes(endpoint.secret.slice(6)),
    );
    assert.equal((await api.post(`/v1/webhooks/${endpoint.id}/rotate-secret`, 'b')).status, 404);
    await api.call('DELETE', `/v1/webhooks/${endpoint.id}`, 'a');
    await r.close();
  });
});

test('a delivery retrying when the server stops is delivered after the restart, with the same id', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ipr-webhooks-'));
  let up = false;
  const r = await receiver(() => (up ? 200 : 503));
  const options = {
    port: 0,
    dataDir,
    seed: true,
    catalogueSize: 300,
    limits: false as const,
    webhooks: { allowPrivateAddresses: true, pollMs: 50, retryScheduleMs: [300, 300] },
  };
  const waitFor = async (done: () => boolean) => {
    const end = Date.now() + 10_000;
    while (!done() && Date.now() < end) await new Promise((res) => setTimeout(res, 25));
    assert.ok(done(), 'in time');
  };
  try {
    const first = await startServer(options);
    const auth = { authorization: `Bearer ${DEMO_TOKENS.acc_complainant_a}`, 'content-type': 'application/json' };
    const endpoint = await (
      await fetch(`${first.url}/v1/webhooks`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ url: r.url, events: ['complaint.submitted'] }),
      })
    ).json();
    const made = await fetch(`${first.url}/v1/complaints`, {
      method: 'POST',
      headers: { ...auth, 'idempotency-key': newKey() },
      body: JSON.stringify(draftA({ productLinks: [link(251)] })),
    });
    assert.equal(made.status, 201);
    // The first attempt fails (503); the server stops before the retry is due.
    await waitFor(() => r.got.length === 1);
    await first.close();
    up = true;

    const second = await startServer(options);
    try {
      await waitFor(() => r.got.length === 2);
      const [failed, delivered] = r.got as [Received, Received];
      assert.equal(delivered.headers['webhook-id'], failed.headers['webhook-id'], 'the same delivery');
      assert.ok(new Webhook(endpoint.secret).verify(delivered.body, delivered.headers as Record<string, string>));
      const log = await (await fetch(`${second.url}/v1/webhooks/${endpoint.id}/deliveries`, { headers: auth })).json();
      assert.deepEqual(
        log.items[0].lastAttempts.map((a: { status: number }) => a.status),
        [200, 503],
      );
    } finally {
      await second.close();
    }
  } finally {
    await r.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
