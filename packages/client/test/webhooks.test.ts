// Webhooks and transparency through the client against the REAL reference API (in-process), and
// `verifyWebhook` of `@ipr/client/webhooks` against messages signed by the `standardwebhooks`
// package (the reference implementation): valid, tampered, replayed, a rotated secret.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { verifyWebhook } from '@ipr/client/webhooks';
import { Webhook } from 'standardwebhooks';
import { unwrap } from '../src/index.js';
import { clientOn, countRequests, startApi, type TestApi, TOKENS } from './support/api.js';
import { fileComplaint } from './support/complaints.js';

let api: TestApi;
before(async () => {
  api = await startApi();
});
after(async () => {
  await api?.close();
});
const client = clientOn(() => api);

describe('client.webhooks', () => {
  test('register (the secret once), list, a delivery queued by a new complaint, redeliver, remove', async () => {
    const c = client();
    const created = unwrap(
      await c.webhooks.create({ url: 'https://partner.example/hooks/ipr', events: ['complaint.submitted'] }),
    );
    assert.match(created.secret, /^whsec_/);
    const listed = unwrap(await c.webhooks.list());
    assert.ok(listed.items.some((e) => e.id === created.id));
    assert.ok(!JSON.stringify(listed).includes(created.secret));

    const complaint = await fileComplaint(c, ['https://market.example/product/p000411']);
    const log = unwrap(await c.webhooks.deliveries(created.id));
    assert.equal(log.items.length, 1);
    const [d] = log.items;
    assert.equal(d!.state, 'pending');
    assert.equal(d!.complaintId, complaint.id);
    assert.equal(JSON.parse(d!.payload).data.number, complaint.number);

    const again = await c.webhooks.redeliver(created.id, d!.id);
    assert.equal(again.error, undefined);
    assert.equal(again.response?.status, 202);
    const other = await client(TOKENS.complainantB).webhooks.redeliver(created.id, d!.id);
    assert.equal(other.error?.code, 'resource.not_found');

    assert.equal((await c.webhooks.remove(created.id)).data, null);
    assert.equal((await c.webhooks.deliveries(created.id)).error?.code, 'resource.not_found');
  });

  test('disable and enable an endpoint; rotate its secret (the new one shown once, the old one signing for the overlap)', async () => {
    const c = client();
    const created = unwrap(await c.webhooks.create({ url: 'https://partner.example/hooks/control' }));
    assert.equal(created.enabled, true);
    const off = unwrap(await c.webhooks.setEnabled(created.id, false));
    assert.equal(off.enabled, false);
    assert.equal(unwrap(await c.webhooks.list()).items.find((e) => e.id === created.id)?.enabled, false);
    assert.equal(unwrap(await c.webhooks.setEnabled(created.id, true)).enabled, true);
    const rotated = unwrap(await c.webhooks.rotateSecret(created.id));
    assert.match(rotated.secret, /^whsec_/);
    assert.notEqual(rotated.secret, created.secret);
    assert.ok(rotated.previousSecretExpiresAt && Date.parse(rotated.previousSecretExpiresAt) > Date.now());
    const listed = unwrap(await c.webhooks.list());
    assert.ok(!JSON.stringify(listed).includes(rotated.secret), 'the new secret is shown only once too');
    const other = client(TOKENS.complainantB);
    assert.equal((await other.webhooks.rotateSecret(created.id)).error?.code, 'resource.not_found');
    assert.equal((await other.webhooks.setEnabled(created.id, false)).error?.code, 'resource.not_found');
    await c.webhooks.remove(created.id);
  });

  test('a bad URL or event is refused before the network, with the codes the server uses', async () => {
    const c = client();
    for (const [input, code] of [
      [{ url: 'ftp://partner.example/' }, 'webhook.url_not_https'],
      [{ url: 'not a url' }, 'webhook.url_invalid'],
      [{ url: 'https://partner.example/', events: ['complaint.deleted'] }, 'field.invalid_choice'],
    ] as const) {
      const { value, requests } = await countRequests(api, () => c.webhooks.create(input));
      assert.equal(requests, 0);
      assert.equal(value.error?.code, code, JSON.stringify(value.error));
      assert.equal(value.error?.status, 422);
    }
    // The private-host rule is the server's (its configuration decides): answered, not pre-empted.
    const { value, requests } = await countRequests(api, () => c.webhooks.create({ url: 'https://10.0.0.8/hook' }));
    assert.equal(requests, 1);
    assert.equal(value.error?.code, 'webhook.url_private');
  });
});

describe('client.transparency', () => {
  test('the platform reads the figures as JSON and as a CSV blob; others are refused', async () => {
    const platform = client(TOKENS.platform);
    const report = unwrap(await platform.transparency.report({ from: '2000-01-01' }));
    assert.ok(report.notices.total > 0, 'the seeded complaints count');
    assert.equal(
      report.notices.total,
      Object.values(report.notices.byType).reduce((a, b) => a + b, 0),
    );
    const csv = unwrap(await platform.transparency.csv({ from: '2000-01-01' }));
    const text = await csv.text();
    assert.ok(text.startsWith('section,key,value\r\n'));
    assert.ok(text.includes(`notices,total,${report.notices.total}\r\n`));
    assert.equal((await client().transparency.report()).error?.code, 'auth.forbidden');
    const { value, requests } = await countRequests(api, () =>
      platform.transparency.report({ from: '2026-02-01', to: '2026-01-01' }),
    );
    assert.equal(requests, 0);
    assert.equal(value.error?.code, 'field.invalid_date');
  });
});

describe('verifyWebhook (@ipr/client/webhooks)', () => {
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const reference = new Webhook(secret);
  const payload = JSON.stringify({ type: 'complaint.forwarded', data: { id: 'c_1', number: 'IPR-2026-000001' } });
  const signed = (at: Date, id = 'msg_1') => ({
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': reference.sign(id, at, payload),
  });

  test('accepts what the reference implementation signs; a Headers object or a Node header record', async () => {
    const headers = signed(new Date());
    const ok = await verifyWebhook(payload, headers, secret);
    assert.deepEqual(ok, {
      ok: true,
      id: 'msg_1',
      timestamp: Number(headers['webhook-timestamp']),
      payload: JSON.parse(payload),
    });
    assert.equal((await verifyWebhook(payload, new Headers(headers), secret)).ok, true);
    const nodeStyle = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), [v]]));
    assert.equal((await verifyWebhook(payload, nodeStyle, secret)).ok, true);
  });

  test('refuses a tampered body, a wrong secret, a replay outside the tolerance, missing headers', async () => {
    const headers = signed(new Date());
    assert.deepEqual(await verifyWebhook(payload.replace('c_1', 'c_2'), headers, secret), {
      ok: false,
      reason: 'bad_signature',
    });
    assert.deepEqual(await verifyWebhook(payload, headers, 'whsec_b3RoZXItc2VjcmV0LW90aGVyLXNlY3JldA=='), {
      ok: false,
      reason: 'bad_signature',
    });
    const old = signed(new Date(Date.now() - 6 * 60_000));
    assert.deepEqual(await verifyWebhook(payload, old, secret), { ok: false, reason: 'timestamp_too_old' });
    assert.throws(() => reference.verify(payload, old), 'the reference agrees');
    const future = signed(new Date(Date.now() + 6 * 60_000));
    assert.deepEqual(await verifyWebhook(payload, future, secret), { ok: false, reason: 'timestamp_too_new' });
    // A wider tolerance admits the old one.
    assert.equal((await verifyWebhook(payload, old, secret, { toleranceSeconds: 600 })).ok, true);
    assert.deepEqual(await verifyWebhook(payload, { 'webhook-id': 'msg_1' }, secret), {
      ok: false,
      reason: 'missing_headers',
    });
  });

  test('during a secret rotation, any of several signatures matches', async () => {
    const headers = signed(new Date());
    const rotated = { ...headers, 'webhook-signature': `v1,bm90LXRoaXMtb25l ${headers['webhook-signature']}` };
    assert.equal((await verifyWebhook(payload, rotated, secret)).ok, true);
  });
});
