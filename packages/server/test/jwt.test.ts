// Signed JWTs from a marketplace's identity provider: what is accepted and every way a token is
// refused (expired, wrong audience or issuer, unknown kid, `alg: none`, HS256 keyed with the public
// key, a tampered payload), and key rotation through a JWKS served over HTTP.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { exportJWK, exportSPKI, generateKeyPair, type JWK, SignJWT } from 'jose';
import { createJwtVerifier, looksLikeJwt } from '../src/auth/jwt.js';

const ISSUER = 'https://id.market.example/';
const AUDIENCE = 'ipr-complaints';
type Alg = 'RS256' | 'ES256' | 'EdDSA';

async function keyPair(alg: Alg, kid: string) {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  return { publicKey, privateKey, jwk, kid, alg };
}
type Key = Awaited<ReturnType<typeof keyPair>>;

function sign(
  key: Key,
  claims: Record<string, unknown> = {},
  opts: { exp?: string | number; iss?: string; aud?: string } = {},
) {
  return new SignJWT({
    sub: 'member-42',
    ipr_role: 'complainant',
    name: 'Lin Mei',
    email: 'lin@example.com',
    ...claims,
  })
    .setProtectedHeader({ alg: key.alg, kid: key.kid })
    .setIssuer(opts.iss ?? ISSUER)
    .setAudience(opts.aud ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(opts.exp ?? '10m')
    .sign(key.privateKey);
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

let rsa: Key;
let ec: Key;
let ed: Key;
let jwksServer: Server;
let jwksUrl: string;
let served: JWK[] = [];
let jwksFetches = 0;

before(async () => {
  [rsa, ec, ed] = await Promise.all([keyPair('RS256', 'rsa-1'), keyPair('ES256', 'ec-1'), keyPair('EdDSA', 'ed-1')]);
  served = [rsa.jwk, ec.jwk, ed.jwk];
  jwksServer = createServer((_req, res) => {
    jwksFetches++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: served }));
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/.well-known/jwks.json`;
});
after(() => jwksServer.close());

const local = () => createJwtVerifier({ issuer: ISSUER, audience: AUDIENCE, jwks: { keys: served } });

describe('JWT verification', () => {
  test('a token signed with RS256, ES256 or EdDSA maps its claims to an account', async () => {
    const verifier = local();
    for (const key of [rsa, ec, ed]) {
      const result = await verifier.verify(await sign(key, { org_name: 'Aurora Lighting Co., Ltd.' }));
      assert.ok(result.ok, `${key.alg}: ${result.ok ? '' : result.reason}`);
      assert.equal(result.identity.id, 'member-42');
      assert.equal(result.identity.role, 'complainant');
      assert.equal(result.identity.displayName, 'Aurora Lighting Co., Ltd.');
      assert.deepEqual(result.identity.contact, {
        name: 'Lin Mei',
        email: 'lin@example.com',
        phone: '',
        company: 'Aurora Lighting Co., Ltd.',
      });
      assert.ok(result.identity.expiresAt > Date.now());
    }
  });

  test('claim names and role values are configurable', async () => {
    const verifier = createJwtVerifier({
      issuer: ISSUER,
      audience: [AUDIENCE, 'other'],
      jwks: { keys: served },
      claims: { accountId: 'member_id', role: 'groups' },
      roleMap: { 'ipr-reviewers': 'platform' },
    });
    const result = await verifier.verify(await sign(rsa, { member_id: 'm-7', groups: ['staff', 'ipr-reviewers'] }));
    assert.ok(result.ok);
    assert.equal(result.identity.id, 'm-7');
    assert.equal(result.identity.role, 'platform');
  });

  test('refused: expired, wrong audience, wrong issuer', async () => {
    const verifier = local();
    const expired = await sign(rsa, {}, { exp: Math.floor(Date.now() / 1000) - 3600 });
    assert.deepEqual(await verifier.verify(expired), { ok: false, reason: 'expired' });
    assert.deepEqual(await verifier.verify(await sign(rsa, {}, { aud: 'someone-else' })), {
      ok: false,
      reason: 'claim_invalid',
    });
    assert.deepEqual(await verifier.verify(await sign(rsa, {}, { iss: 'https://evil.example/' })), {
      ok: false,
      reason: 'claim_invalid',
    });
  });

  test('refused: a role that is not ours, a missing subject, an account id with odd characters', async () => {
    const verifier = local();
    assert.deepEqual(await verifier.verify(await sign(rsa, { ipr_role: 'admin' })), {
      ok: false,
      reason: 'identity_claims_invalid',
    });
    assert.deepEqual(await verifier.verify(await sign(rsa, { sub: undefined })), {
      ok: false,
      reason: 'claim_invalid',
    });
    assert.deepEqual(await verifier.verify(await sign(rsa, { sub: 'a b/../c' })), {
      ok: false,
      reason: 'identity_claims_invalid',
    });
  });

  test('refused: unknown kid', async () => {
    const stranger = await keyPair('RS256', 'not-published');
    assert.deepEqual(await local().verify(await sign(stranger)), { ok: false, reason: 'key_unknown' });
  });

  test('refused: a published kid over a signature made with another key; a tampered payload', async () => {
    const impostor = await keyPair('RS256', 'rsa-1');
    assert.deepEqual(await local().verify(await sign(impostor)), { ok: false, reason: 'signature_invalid' });
    const [header, , signature] = (await sign(rsa)).split('.');
    const forged = [
      header,
      b64({ sub: 'member-42', ipr_role: 'platform', iss: ISSUER, aud: AUDIENCE, exp: 2e9 }),
      signature,
    ].join('.');
    assert.deepEqual(await local().verify(forged), { ok: false, reason: 'signature_invalid' });
  });

  test('refused: alg none, and HS256 keyed with the public key', async () => {
    const claims = {
      sub: 'member-42',
      ipr_role: 'platform',
      iss: ISSUER,
      aud: AUDIENCE,
      exp: Math.floor(Date.now() / 1000) + 600,
    };
    const none = `${b64({ alg: 'none', kid: 'rsa-1' })}.${b64(claims)}.`;
    const noneResult = await local().verify(none);
    assert.equal(noneResult.ok, false);
    // The classic confusion: the attacker signs HS256 with the PEM of the public key as the secret.
    const pem = await exportSPKI(rsa.publicKey);
    const hs = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', kid: 'rsa-1' })
      .sign(new TextEncoder().encode(pem));
    assert.deepEqual(await local().verify(hs), { ok: false, reason: 'algorithm_not_allowed' });
    assert.throws(() =>
      createJwtVerifier({
        issuer: ISSUER,
        audience: AUDIENCE,
        jwks: { keys: served },
        algorithms: ['HS256' as 'RS256'],
      }),
    );
  });

  test('refused without asking anyone: not a JWT at all', async () => {
    assert.equal(looksLikeJwt('demo-token-complainant-a'), false);
    assert.deepEqual(await local().verify('demo-token'), { ok: false, reason: 'malformed' });
    assert.deepEqual(await local().verify('a.b'), { ok: false, reason: 'malformed' });
  });

  test('key rotation through the JWKS address: a new kid is fetched; a retired key stops working', async () => {
    const verifier = createJwtVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUrl, jwksCooldownMs: 0 });
    const before = jwksFetches;
    assert.ok((await verifier.verify(await sign(rsa))).ok);
    assert.ok((await verifier.verify(await sign(ec))).ok);
    assert.equal(jwksFetches - before, 1, 'one fetch serves every published key');

    // The provider publishes a new key and retires rsa-1.
    const next = await keyPair('RS256', 'rsa-2');
    served = [next.jwk, ec.jwk, ed.jwk];
    const fresh = await verifier.verify(await sign(next));
    assert.ok(fresh.ok, fresh.ok ? '' : fresh.reason);
    assert.equal(jwksFetches - before, 2, 'the unknown kid made it fetch again');
    assert.deepEqual(await verifier.verify(await sign(rsa)), { ok: false, reason: 'key_unknown' });
  });

  test('a JWKS address that does not answer refuses the token (no crash)', async () => {
    const verifier = createJwtVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUrl: 'http://127.0.0.1:9/jwks.json' });
    assert.deepEqual(await verifier.verify(await sign(rsa)), { ok: false, reason: 'jwks_unavailable' });
  });
});
