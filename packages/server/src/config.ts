// The reference API's configuration from environment variables (`npm start -w @ipr/server`, the
// `ipr-server` bin). Node-only (a JWKS file is read from disk).
import { readFileSync } from 'node:fs';
import { ROLES, type Role } from '@ipr/validators';
import { JWT_ALGORITHMS, type JwtAlgorithm, type JwtAuthOptions } from './auth/jwt.js';
import { limitsFromEnv } from './limits.js';
import type { StartOptions } from './node.js';

type Env = Record<string, string | undefined>;

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * JWT_ISSUER and JWT_AUDIENCE (comma-separated) with JWT_JWKS_URL or JWT_JWKS_FILE turn on
 * identity-provider tokens; JWT_ALGORITHMS, JWT_CLAIM_ACCOUNT_ID / _ROLE / _NAME / _EMAIL / _PHONE /
 * _COMPANY, JWT_ROLE_MAP (JSON: provider value → role) and JWT_CLOCK_TOLERANCE (s) tune them.
 * Undefined when JWT_ISSUER is unset; throws on an incomplete or wrong configuration.
 */
export function jwtOptionsFromEnv(env: Env): JwtAuthOptions | undefined {
  if (!env.JWT_ISSUER) return undefined;
  const audience = list(env.JWT_AUDIENCE);
  if (!audience.length) throw new Error('JWT_AUDIENCE is required with JWT_ISSUER');
  if (!env.JWT_JWKS_URL === !env.JWT_JWKS_FILE) throw new Error('Set exactly one of JWT_JWKS_URL and JWT_JWKS_FILE');
  const algorithms = list(env.JWT_ALGORITHMS);
  for (const alg of algorithms)
    if (!(JWT_ALGORITHMS as readonly string[]).includes(alg))
      throw new Error(`JWT_ALGORITHMS: ${alg} is not one of ${JWT_ALGORITHMS.join(', ')}`);
  let roleMap: Record<string, Role> | undefined;
  if (env.JWT_ROLE_MAP) {
    const parsed: unknown = JSON.parse(env.JWT_ROLE_MAP);
    if (typeof parsed !== 'object' || parsed === null) throw new Error('JWT_ROLE_MAP must be a JSON object');
    roleMap = {};
    for (const [from, to] of Object.entries(parsed)) {
      if (typeof to !== 'string' || !(ROLES as readonly string[]).includes(to))
        throw new Error(`JWT_ROLE_MAP: ${from} maps to ${String(to)}, not one of ${ROLES.join(', ')}`);
      roleMap[from] = to as Role;
    }
  }
  const claims = Object.fromEntries(
    (
      [
        ['accountId', env.JWT_CLAIM_ACCOUNT_ID],
        ['role', env.JWT_CLAIM_ROLE],
        ['name', env.JWT_CLAIM_NAME],
        ['email', env.JWT_CLAIM_EMAIL],
        ['phone', env.JWT_CLAIM_PHONE],
        ['company', env.JWT_CLAIM_COMPANY],
      ] as const
    ).filter(([, v]) => v),
  );
  return {
    issuer: env.JWT_ISSUER,
    audience: audience.length === 1 ? (audience[0] as string) : audience,
    ...(env.JWT_JWKS_URL ? { jwksUrl: env.JWT_JWKS_URL } : {}),
    ...(env.JWT_JWKS_FILE ? { jwks: JSON.parse(readFileSync(env.JWT_JWKS_FILE, 'utf8')) } : {}),
    ...(algorithms.length ? { algorithms: algorithms as JwtAlgorithm[] } : {}),
    ...(Object.keys(claims).length ? { claims } : {}),
    ...(roleMap ? { roleMap } : {}),
    ...(env.JWT_CLOCK_TOLERANCE ? { clockToleranceSeconds: Number(env.JWT_CLOCK_TOLERANCE) } : {}),
  };
}

/** Everything `startServer` takes from the environment (see the server README's table). */
export function startOptionsFromEnv(env: Env): StartOptions {
  const jwt = jwtOptionsFromEnv(env);
  return {
    port: Number(env.PORT ?? 8787),
    hostname: env.HOST ?? '127.0.0.1',
    dataDir: env.DATA_DIR ?? '.data',
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    ...(env.DATABASE_POOL_MAX ? { databasePoolMax: Number(env.DATABASE_POOL_MAX) } : {}),
    corsOrigins: list(env.CORS_ORIGINS),
    ...(env.CATALOGUE_SIZE ? { catalogueSize: Number(env.CATALOGUE_SIZE) } : {}),
    ...(env.LARGE_ATTACHMENT_EMAIL ? { emailForLargeAttachments: env.LARGE_ATTACHMENT_EMAIL } : {}),
    // Demo data (accounts with public tokens) only when asked.
    seed: env.DEMO === '1' || env.DEMO === 'true',
    production: env.NODE_ENV === 'production',
    ...(jwt ? { jwt } : {}),
    // RATE_LIMITS=off, RATE_LIMIT_*, UPLOADS_IN_FLIGHT, EVIDENCE_QUOTA_BYTES (src/limits.ts).
    limits: limitsFromEnv(env),
    // WEBHOOKS_ALLOW_PRIVATE=1: endpoints on this machine or network (a local demo; refused in production).
    webhooks: { allowPrivateAddresses: env.WEBHOOKS_ALLOW_PRIVATE === '1' || env.WEBHOOKS_ALLOW_PRIVATE === 'true' },
    // Seals webhook signing secrets at rest (required in production).
    ...(env.WEBHOOK_SECRETS_KEY ? { webhookSecretsKey: env.WEBHOOK_SECRETS_KEY } : {}),
    // A key change: the old key(s), comma-separated, until start-up has sealed everything anew.
    ...(env.WEBHOOK_SECRETS_KEY_PREVIOUS ? { webhookSecretsPreviousKeys: list(env.WEBHOOK_SECRETS_KEY_PREVIOUS) } : {}),
  };
}
