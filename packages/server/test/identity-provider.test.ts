// The marketplace's own identity provider: bearer JWTs verified against its JWKS, accounts created
// on first sight from the claims, the same authorization as every other caller; the demo's opaque
// tokens keep working beside them. And a production start: no demo data, and never with it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { createJwtVerifier } from '../src/auth/jwt.js';
import { jwtOptionsFromEnv, startOptionsFromEnv } from '../src/config.js';
import { createApp, createMemoryFileStore, createPgliteDb, migrate, seed } from '../src/index.js';
import { pgliteTemplate, startServer } from '../src/node.js';
import { draftA, link, newKey, TOKENS } from './helpers.js';

const ISSUER = 'https://id.market.example/';
const AUDIENCE = 'ipr-complaints';

let privateKey: CryptoKey;
let jwk: JWK;
let app: ReturnType<typeof createApp>;
let db: Awaited<ReturnType<typeof createPgliteDb>>;

async function token(claims: Record<string, unknown>, exp: string | number = '10m') {
  return new SignJWT({ name: 'Member', email: 'member@example.com', ...claims })
    .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setExpirationTime(exp)
    .sign(privateKey);
}

async function call(
  method: string,
  path: string,
  bearer: string | null,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const h: Record<string, string> = { ...headers };
  if (bearer) h.authorization = `Bearer ${bearer}`;
  if (body !== undefined) h['content-type'] = 'application/json';
  const res = await app.fetch(
    new Request(`http://api.test${path}`, {
      method,
      headers: h,
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, data: type.includes('json') ? await res.json() : null };
}

before(async () => {
  const pair = await generateKeyPair('ES256', { extractable: true });
  privateKey = pair.privateKey;
  jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  db = await createPgliteDb({ loadDataDir: await pgliteTemplate() });
  const files = createMemoryFileStore();
  await migrate(db);
  await seed(db, files, { catalogueSize: 200 });
  app = createApp({
    db,
    files,
    jwt: createJwtVerifier({ issuer: ISSUER, audience: AUDIENCE, jwks: { keys: [jwk] } }),
    onError: (e) => {
      throw e;
    },
  });
});
after(() => db.close());

describe('bearer JWTs of the marketplace identity provider', () => {
  test('a member is an account on first sight, from the claims', async () => {
    const bearer = await token({
      sub: 'member-1001',
      ipr_role: 'complainant',
      name: 'Wang Fang',
      org_name: 'Fang Studio',
    });
    const me = await call('GET', '/v1/account', bearer);
    assert.equal(me.status, 200);
    assert.deepEqual(me.data, {
      id: 'member-1001',
      role: 'complainant',
      displayName: 'Fang Studio',
      contact: { name: 'Wang Fang', email: 'member@example.com', phone: '', company: 'Fang Studio' },
    });
    const { rows } = await db.query<{ n: number }>("select count(*)::int as n from accounts where id = 'member-1001'");
    assert.equal(rows[0]?.n, 1);
  });

  test("the provider's claims win on the next token (role and name follow it)", async () => {
    await call('GET', '/v1/account', await token({ sub: 'member-2002', ipr_role: 'complainant', name: 'Old' }));
    const renamed = await call(
      'GET',
      '/v1/account',
      await token({ sub: 'member-2002', ipr_role: 'complainant', name: 'New' }),
    );
    assert.equal(renamed.data.displayName, 'New');
  });

  test('a JWT complainant files a complaint and sees only its own; another member sees none of it', async () => {
    const mine = await token({ sub: 'member-3003', ipr_role: 'complainant' });
    const other = await token({ sub: 'member-3004', ipr_role: 'complainant' });
    const form = new FormData();
    form.set('file', new Blob(['Registration certificate no. 123456, class 11.']), 'certificate.txt');
    const uploaded = await app.fetch(
      new Request('http://api.test/v1/evidence', {
        method: 'POST',
        headers: { authorization: `Bearer ${mine}` },
        body: form,
      }),
    );
    assert.equal(uploaded.status, 201);
    const evidence = (await uploaded.json()) as { id: string };
    const draft = draftA({ productLinks: [link(51)], evidence: [{ id: evidence.id }] });
    const made = await call('POST', '/v1/complaints', mine, draft, { 'idempotency-key': newKey() });
    assert.equal(made.status, 201, JSON.stringify(made.data));
    assert.equal((await call('GET', `/v1/complaints/${made.data.id}`, mine)).status, 200);
    assert.equal((await call('GET', `/v1/complaints/${made.data.id}`, other)).status, 404);
    const list = await call('GET', '/v1/complaints', other);
    assert.equal(list.data.total, 0);
    // The demo's opaque platform token still works beside JWTs, and sees it.
    const platform = await call('GET', `/v1/complaints/${made.data.id}`, TOKENS.platform);
    assert.equal(platform.status, 200);
  });

  test('a role claim decides what a caller may do: a JWT supplier cannot file, a JWT platform can forward', async () => {
    const supplier = await token({ sub: 'acc_supplier_a', ipr_role: 'supplier' });
    const refused = await call('POST', '/v1/complaints', supplier, draftA({ productLinks: [link(53)] }), {
      'idempotency-key': newKey(),
    });
    assert.equal(refused.status, 403);
    assert.equal(refused.data.code, 'auth.forbidden');
    const reviewer = await token({ sub: 'reviewer-1', ipr_role: 'platform' });
    const list = await call('GET', '/v1/complaints?status=submitted', reviewer);
    assert.equal(list.status, 200);
    const first = list.data.items[0];
    assert.ok(first, 'a submitted seeded complaint');
    assert.equal((await call('POST', `/v1/complaints/${first.id}/forward`, reviewer)).status, 200);
  });

  test('refused tokens are 401 with a Bearer challenge, whatever the reason', async () => {
    const expired = await token({ sub: 'member-4004', ipr_role: 'complainant' }, Math.floor(Date.now() / 1000) - 120);
    const [header, , signature] = (await token({ sub: 'member-4004', ipr_role: 'complainant' })).split('.');
    const tampered = [
      header,
      Buffer.from(
        JSON.stringify({ sub: 'member-4004', ipr_role: 'platform', iss: ISSUER, aud: AUDIENCE, exp: 2e9 }),
      ).toString('base64url'),
      signature,
    ].join('.');
    const noRole = await token({ sub: 'member-4005' });
    for (const bearer of [expired, tampered, noRole]) {
      const res = await app.fetch(
        new Request('http://api.test/v1/account', { headers: { authorization: `Bearer ${bearer}` } }),
      );
      assert.equal(res.status, 401);
      assert.equal(res.headers.get('www-authenticate'), 'Bearer');
    }
    const { rows } = await db.query<{ n: number }>(
      "select count(*)::int as n from accounts where id like 'member-400%'",
    );
    assert.equal(rows[0]?.n, 0, 'no account made from a refused token');
  });
});

describe('configuration from the environment', () => {
  test('JWT_* variables make the verifier options; mistakes fail the start', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ipr-jwks-'));
    try {
      writeFileSync(join(dir, 'jwks.json'), JSON.stringify({ keys: [jwk] }));
      assert.equal(jwtOptionsFromEnv({}), undefined);
      const options = jwtOptionsFromEnv({
        JWT_ISSUER: ISSUER,
        JWT_AUDIENCE: 'a, b',
        JWT_JWKS_FILE: join(dir, 'jwks.json'),
        JWT_ALGORITHMS: 'ES256',
        JWT_CLAIM_ROLE: 'groups',
        JWT_ROLE_MAP: '{"ipr-reviewers":"platform"}',
      });
      assert.deepEqual(options, {
        issuer: ISSUER,
        audience: ['a', 'b'],
        jwks: { keys: [jwk] },
        algorithms: ['ES256'],
        claims: { role: 'groups' },
        roleMap: { 'ipr-reviewers': 'platform' },
      });
      assert.throws(() => jwtOptionsFromEnv({ JWT_ISSUER: ISSUER, JWT_JWKS_URL: 'https://x' }), /JWT_AUDIENCE/);
      assert.throws(() => jwtOptionsFromEnv({ JWT_ISSUER: ISSUER, JWT_AUDIENCE: 'a' }), /exactly one/);
      assert.throws(
        () =>
          jwtOptionsFromEnv({
            JWT_ISSUER: ISSUER,
            JWT_AUDIENCE: 'a',
            JWT_JWKS_URL: 'https://x',
            JWT_ALGORITHMS: 'HS256',
          }),
        /HS256/,
      );
      assert.throws(
        () =>
          jwtOptionsFromEnv({
            JWT_ISSUER: ISSUER,
            JWT_AUDIENCE: 'a',
            JWT_JWKS_URL: 'https://x',
            JWT_ROLE_MAP: '{"x":"admin"}',
          }),
        /admin/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the demo data only when DEMO=1; NODE_ENV=production marks a production start', () => {
    assert.equal(startOptionsFromEnv({}).seed, false);
    assert.equal(startOptionsFromEnv({ DEMO: '1' }).seed, true);
    assert.equal(startOptionsFromEnv({}).production, false);
    assert.equal(startOptionsFromEnv({ NODE_ENV: 'production' }).production, true);
  });

  test('DATABASE_POOL_MAX sizes the PostgreSQL pool; unset, the default applies', () => {
    assert.equal(startOptionsFromEnv({ DATABASE_POOL_MAX: '24' }).databasePoolMax, 24);
    assert.equal('databasePoolMax' in startOptionsFromEnv({}), false);
  });
});

/** Production needs the key that seals webhook secrets (test/webhook-secrets.test.ts). */
const SECRETS_KEY = Buffer.alloc(32, 3).toString('base64');

describe('a production start', () => {
  test('starts without demo data; a demo token is no credential there; a JWT member is', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ipr-prod-'));
    const server = await startServer({
      port: 0,
      dataDir,
      production: true,
      webhookSecretsKey: SECRETS_KEY,
      jwt: { issuer: ISSUER, audience: AUDIENCE, jwks: { keys: [jwk] } },
    });
    try {
      const demo = await fetch(`${server.url}/v1/account`, { headers: { authorization: `Bearer ${TOKENS.platform}` } });
      assert.equal(demo.status, 401);
      const member = await fetch(`${server.url}/v1/account`, {
        headers: { authorization: `Bearer ${await token({ sub: 'member-5005', ipr_role: 'complainant' })}` },
      });
      assert.equal(member.status, 200);
      const { rows } = await server.db.query<{ n: number }>('select count(*)::int as n from products');
      assert.equal(rows[0]?.n, 0, 'no demo catalogue');
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('refuses to start on a database holding the demo accounts, and refuses to seed them', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ipr-prod-'));
    try {
      const demo = await startServer({ port: 0, dataDir, seed: true, catalogueSize: 20 });
      await demo.close();
      await assert.rejects(
        startServer({ port: 0, dataDir, production: true, webhookSecretsKey: SECRETS_KEY }),
        /demo accounts with public tokens/,
      );
      await assert.rejects(
        startServer({ port: 0, dataDir, production: true, seed: true, webhookSecretsKey: SECRETS_KEY }),
        /Refusing to seed/,
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
