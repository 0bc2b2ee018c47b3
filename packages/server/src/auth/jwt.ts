// Signed JWTs from the marketplace's own identity provider (OIDC style), verified with jose:
// issuer, audience, expiry and not-before, the key chosen by `kid` from a JWKS (the provider's
// `jwks_uri`, or a local JWKS file), asymmetric algorithms only. The claims name the account, its
// role and its contact; the server creates the account the first time it sees it.
import { ROLES, type Role } from '@ipr/validators';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
} from 'jose';

/** Algorithms a token may be signed with. Symmetric ones (HS256) and `none` are never accepted. */
export const JWT_ALGORITHMS = ['RS256', 'ES256', 'EdDSA'] as const;
export type JwtAlgorithm = (typeof JWT_ALGORITHMS)[number];

export interface JwtClaimNames {
  /** The account id. Default `sub`. */
  accountId?: string;
  /** The role: one of complainant, supplier, platform (or a value `roleMap` maps to one). Default `ipr_role`. */
  role?: string;
  /** Display name and contact name. Default `name`. */
  name?: string;
  /** Default `email`. */
  email?: string;
  /** Default `phone_number`. */
  phone?: string;
  /** Default `org_name`. */
  company?: string;
}

export interface JwtAuthOptions {
  /** The `iss` every token must carry, exactly. */
  issuer: string;
  /** The `aud` a token must carry (one of them when several are given). */
  audience: string | string[];
  /** The provider's JWKS address (OIDC `jwks_uri`); keys are fetched, cached and refetched for an unknown `kid`. */
  jwksUrl?: string;
  /** A JWKS held locally (e.g. read from `JWT_JWKS_FILE`) instead of `jwksUrl`. */
  jwks?: JSONWebKeySet;
  /** Default all of `JWT_ALGORITHMS`. */
  algorithms?: JwtAlgorithm[];
  claims?: JwtClaimNames;
  /** Maps the provider's role values to ours, e.g. `{ "ipr-reviewer": "platform" }`. */
  roleMap?: Record<string, Role>;
  /** Accepted clock difference for `exp` and `nbf`. Default 30 s. */
  clockToleranceSeconds?: number;
  /** How long an unknown `kid` waits before the JWKS is fetched again. Default 30 s (jose's). */
  jwksCooldownMs?: number;
}

export type { JwtIdentity, JwtRefusal, JwtResult, JwtVerifier } from './types.js';
import type { JwtRefusal, JwtVerifier } from './types.js';

const ACCOUNT_ID = /^[A-Za-z0-9_.:@|-]{1,128}$/;

/** A compact JWS: three base64url parts. Opaque demo tokens never look like this. */
export function looksLikeJwt(token: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token);
}

export function createJwtVerifier(options: JwtAuthOptions): JwtVerifier {
  if (!options.issuer) throw new Error('JWT auth: an issuer is required');
  if (!options.audience || (Array.isArray(options.audience) && options.audience.length === 0))
    throw new Error('JWT auth: an audience is required');
  const algorithms = options.algorithms ?? [...JWT_ALGORITHMS];
  for (const alg of algorithms) {
    if (!(JWT_ALGORITHMS as readonly string[]).includes(alg))
      throw new Error(`JWT auth: algorithm ${alg} is not allowed`);
  }
  let keys: JWTVerifyGetKey;
  if (options.jwks) keys = createLocalJWKSet(options.jwks);
  else if (options.jwksUrl)
    keys = createRemoteJWKSet(new URL(options.jwksUrl), {
      ...(options.jwksCooldownMs !== undefined ? { cooldownDuration: options.jwksCooldownMs } : {}),
      timeoutDuration: 5000,
    });
  else throw new Error('JWT auth: jwksUrl or jwks is required');

  const names = {
    accountId: options.claims?.accountId ?? 'sub',
    role: options.claims?.role ?? 'ipr_role',
    name: options.claims?.name ?? 'name',
    email: options.claims?.email ?? 'email',
    phone: options.claims?.phone ?? 'phone_number',
    company: options.claims?.company ?? 'org_name',
  };

  const text = (payload: JWTPayload, claim: string, max: number): string => {
    const value = payload[claim];
    return typeof value === 'string' ? value.trim().slice(0, max) : '';
  };

  function roleOf(payload: JWTPayload): Role | undefined {
    const raw = payload[names.role];
    const values = Array.isArray(raw) ? raw : [raw];
    for (const value of values) {
      if (typeof value !== 'string') continue;
      const mapped = options.roleMap?.[value] ?? value;
      if ((ROLES as readonly string[]).includes(mapped)) return mapped as Role;
    }
    return undefined;
  }

  return {
    accepts: looksLikeJwt,
    async verify(token) {
      if (!looksLikeJwt(token) || token.length > 8192) return { ok: false, reason: 'malformed' };
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          issuer: options.issuer,
          audience: options.audience,
          algorithms,
          clockTolerance: options.clockToleranceSeconds ?? 30,
          requiredClaims: ['exp', names.accountId],
        }));
      } catch (error) {
        return { ok: false, reason: refusalOf(error) };
      }
      const id = payload[names.accountId];
      const role = roleOf(payload);
      if (typeof id !== 'string' || !ACCOUNT_ID.test(id) || !role || typeof payload.exp !== 'number')
        return { ok: false, reason: 'identity_claims_invalid' };
      const name = text(payload, names.name, 200) || id;
      const company = text(payload, names.company, 200);
      return {
        ok: true,
        identity: {
          id,
          role,
          displayName: company || name,
          contact: {
            name,
            email: text(payload, names.email, 254),
            phone: text(payload, names.phone, 32),
            ...(company ? { company } : {}),
          },
          expiresAt: payload.exp * 1000,
        },
      };
    },
  };
}

function refusalOf(error: unknown): JwtRefusal {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed)
    return error.claim === 'nbf' && error.reason === 'check_failed' ? 'not_yet_valid' : 'claim_invalid';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'algorithm_not_allowed';
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys)
    return 'key_unknown';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'signature_invalid';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return 'jwks_unavailable';
  if (error instanceof errors.JOSENotSupported) return 'algorithm_not_allowed';
  if (error instanceof errors.JOSEError) return 'malformed';
  // Not jose's own: the JWKS could not be fetched (network, DNS, a non-JSON answer).
  return 'jwks_unavailable';
}
