// What the API needs to know of a JWT verifier (auth/jwt.ts makes one with jose). No imports: the
// app, which also runs in the browser (Storybook), depends on these types only.
import type { Role } from '@ipr/validators';

/** The account a verified token stands for. */
export interface JwtIdentity {
  id: string;
  role: Role;
  displayName: string;
  contact: { name: string; email: string; phone: string; company?: string };
  /** `exp` in ms since the epoch: how long the server may remember this token. */
  expiresAt: number;
}

/** Why a token was refused (for logs and tests; the caller answers 401 whatever the reason). */
export type JwtRefusal =
  | 'malformed'
  | 'expired'
  | 'not_yet_valid'
  | 'claim_invalid'
  | 'key_unknown'
  | 'algorithm_not_allowed'
  | 'signature_invalid'
  | 'jwks_unavailable'
  | 'identity_claims_invalid';

export type JwtResult = { ok: true; identity: JwtIdentity } | { ok: false; reason: JwtRefusal };

export interface JwtVerifier {
  /** Whether a bearer token is for this verifier (a compact JWS) rather than an opaque demo token. */
  accepts(token: string): boolean;
  verify(token: string): Promise<JwtResult>;
}
