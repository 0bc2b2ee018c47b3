// Webhook signing secrets at rest: with WEBHOOK_SECRETS_KEY the database holds them sealed
// (AES-256-GCM, bound to the endpoint) while deliveries still verify with the secret the partner was
// shown; secrets stored plain before the key was set are sealed at the next start, and those of an
// earlier key (WEBHOOK_SECRETS_KEY_PREVIOUS) sealed anew; a start without a key that opens them
// refuses the database, and production refuses to start without a key.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { createSecretBox, DEMO_TOKENS, plainSecrets } from '../src/index.js';
import { startOptionsFromEnv } from '../src/config.js';
import { type RunningServer, startServer } from '../src/node.js';
import { draftA, link, newKey, receiver } from './helpers.js';

const KEY = Buffer.alloc(32, 7).toString('base64');
const OTHER_KEY = Buffer.alloc(32, 9).toString('base64');

describe('the secret box', () => {
  test('seals and opens, bound to its endpoint; another key, another endpoint or an altered value do not open', async () => {
    const box = await createSecretBox(KEY);
    const sealed = await box.seal('whsec_abc', 'wh_1');
    assert.match(sealed, /^aes256gcm:/);
    assert.ok(!sealed.includes('abc'));
    assert.notEqual(await box.seal('whsec_abc', 'wh_1'), sealed, 'a fresh nonce each time');
    assert.equal(await box.open(sealed, 'wh_1'), 'whsec_abc');
    await assert.rejects(box.open(sealed, 'wh_2'), /does not open/);
    await assert.rejects((await createSecretBox(OTHER_KEY)).open(sealed, 'wh_1'), /sealed by a key not given/);
    // A key change: the new key opens nothing of the old one's, unless given it as a previous key.
    const changed = await createSecretBox(OTHER_KEY, [KEY]);
    assert.equal(await changed.open(sealed, 'wh_1'), 'whsec_abc');
    assert.equal(changed.current(sealed), false);
    assert.equal(changed.current(await changed.seal('whsec_abc', 'wh_1')), true);
    assert.equal(box.current(sealed), true);
    const altered = sealed.slice(0, -4) + (sealed.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    await assert.rejects(box.open(altered, 'wh_1'), /does not open/);
    // A value stored before the key was set is read as it is.
    assert.equal(await box.open('whsec_plain', 'wh_1'), 'whsec_plain');
    // Without a key: stored as they are; a sealed one cannot be read.
    assert.equal(await createSecretBox(), plainSecrets);
    assert.equal(await plainSecrets.seal('whsec_x', 'wh_1'), 'whsec_x');
    await assert.rejects(plainSecrets.open(sealed, 'wh_1'), /WEBHOOK_SECRETS_KEY is not set/);
  });

  test('a key that is not 32 bytes of base64 fails the start, as does production without one', async () => {
    for (const bad of ['short', Buffer.alloc(16).toString('base64'), '!!!not base64!!!'])
      await assert.rejects(createSecretBox(bad), /32 random bytes in base64/);
    await assert.rejects(createSecretBox(KEY, ['short']), /32 random bytes in base64/);
    await assert.rejects(createSecretBox(undefined, [KEY]), /needs WEBHOOK_SECRETS_KEY/);
    assert.deepEqual(
      startOptionsFromEnv({ WEBHOOK_SECRETS_KEY: KEY, WEBHOOK_SECRETS_KEY_PREVIOUS: `${OTHER_KEY}, ${KEY}` })
        .webhookSecretsPreviousKeys,
      [OTHER_KEY, KEY],
    );
    assert.equal(startOptionsFromEnv({ WEBHOOK_SECRETS_KEY: KEY }).webhookSecretsKey, KEY);
    assert.equal(startOptionsFromEnv({}).webhookSecretsKey, undefined);
    const dataDir = mkdtempSync(join(tmpdir(), 'ipr-secrets-'));
    try {
      await assert.rejects(startServer({ port: 0, dataDir, production: true }), /without WEBHOOK_SECRETS_KEY/);
      const server = await startServer({ port: 0, dataDir, production: true, webhookSecretsKey: KEY });
      await server.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('secrets at rest in a running server', () => {
  test('stored sealed, delivered signed; plain ones sealed at the next start with a key; a key change seals them anew; a start without a key that opens them is refused', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ipr-secrets-'));
    const r = await receiver();
    const base = {
      port: 0,
      dataDir,
      seed: true,
      catalogueSize: 300,
      limits: false as const,
      webhooks: { allowPrivateAddresses: true, pollMs: 50 },
    };
    const auth = { authorization: `Bearer ${DEMO_TOKENS.acc_complainant_a}`, 'content-type': 'application/json' };
    const call = async (server: RunningServer, path: string, body?: unknown) => {
      const res = await fetch(`${server.url}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { ...auth, 'idempotency-key': newKey() },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, data: await res.json() };
    };
    const stored = async (server: RunningServer, id: string) =>
      (
        await server.db.query<{ secret: string; previous_secret: string | null }>(
          'select secret, previous_secret from webhook_endpoints where id = $1',
          [id],
        )
      ).rows[0]!;
    let product = 261;
    /** A create, until its delivery arrived; the delivery verified by each secret given. */
    const deliveredAndVerified = async (server: RunningServer, ...secrets: string[]) => {
      const before = r.got.length;
      const made = await call(server, '/v1/complaints', draftA({ productLinks: [link(product++)] }));
      assert.equal(made.status, 201, JSON.stringify(made.data));
      const end = Date.now() + 10_000;
      while (r.got.length === before && Date.now() < end) await new Promise((res) => setTimeout(res, 25));
      const got = r.got.at(-1)!;
      assert.ok(r.got.length > before, 'delivered');
      for (const secret of secrets)
        assert.ok(new Webhook(secret).verify(got.body, got.headers as Record<string, string>));
    };
    let rotatedSecret = '';
    try {
      // No key: stored as shown (a demo, or a deployment before the key).
      const plain = await startServer(base);
      const early = await call(plain, '/v1/webhooks', { url: r.url, events: ['complaint.submitted'] });
      assert.equal(early.status, 201);
      assert.equal((await stored(plain, early.data.id)).secret, early.data.secret);
      await plain.close();

      // With the key: the earlier secret is sealed at start, new and rotated ones are stored sealed.
      const sealed = await startServer({ ...base, webhookSecretsKey: KEY });
      try {
        assert.match((await stored(sealed, early.data.id)).secret, /^aes256gcm:/);
        await deliveredAndVerified(sealed, early.data.secret);
        const rotated = await call(sealed, `/v1/webhooks/${early.data.id}/rotate-secret`, {});
        assert.equal(rotated.status, 200);
        rotatedSecret = rotated.data.secret;
        const row = await stored(sealed, early.data.id);
        assert.match(row.secret, /^aes256gcm:/);
        assert.match(row.previous_secret ?? '', /^aes256gcm:/);
        assert.ok(!JSON.stringify(row).includes(rotated.data.secret.slice(6)));
        assert.ok(!JSON.stringify(row).includes(early.data.secret.slice(6)));
        // During the overlap both the new and the previous secret verify the delivery.
        await deliveredAndVerified(sealed, rotated.data.secret, early.data.secret);
      } finally {
        await sealed.close();
      }

      // Without the key, a database holding sealed secrets is refused (deliveries could not be signed).
      await assert.rejects(startServer(base), /sealed, but WEBHOOK_SECRETS_KEY is not set/);
      // Another key alone cannot open them: refused too.
      await assert.rejects(startServer({ ...base, webhookSecretsKey: OTHER_KEY }), /sealed by a key not given/);

      // A key change: the new key, the old one as previous; start-up seals both secrets anew.
      const changed = await startServer({ ...base, webhookSecretsKey: OTHER_KEY, webhookSecretsPreviousKeys: [KEY] });
      let resealed: { secret: string; previous_secret: string | null };
      try {
        resealed = await stored(changed, early.data.id);
        await deliveredAndVerified(changed, rotatedSecret, early.data.secret);
      } finally {
        await changed.close();
      }
      // From then on the new key alone opens everything.
      const after = await startServer({ ...base, webhookSecretsKey: OTHER_KEY });
      try {
        assert.deepEqual(await stored(after, early.data.id), resealed, 'nothing left to seal anew');
        await deliveredAndVerified(after, rotatedSecret);
      } finally {
        await after.close();
      }
    } finally {
      await r.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
