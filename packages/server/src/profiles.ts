// Saved IPR holder profiles: a complainant enters a right holder once and reuses it. The rule is
// the validators' (`validateHolderProfile`, `holderIssues`); here is the storage and ownership.
import {
  LIMITS,
  powerOfAttorneyState,
  validateHolderProfile,
  type HolderInfo,
  type HolderProfile,
  type HolderProfileInput,
} from '@ipr/validators';
import type { Db, Queryable } from './db/types.js';
import { notFound, problem, refused } from './problem.js';
import { holderDocumentIssues, ownEvidence } from './store/index.js';
import { iso, randomId } from './util.js';

interface ProfileRow {
  id: string;
  account_id: string;
  label: string;
  holder: HolderInfo;
  created_at: Date | string;
  updated_at: Date | string;
}

function toProfile(row: ProfileRow, now: Date): HolderProfile {
  return {
    id: row.id,
    label: row.label,
    holder: row.holder,
    powerOfAttorney: powerOfAttorneyState(row.holder.powerOfAttorneyExpiresAt ?? null, now),
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}

/** The caller's profiles, newest first. */
export async function listProfiles(db: Queryable, accountId: string, now: Date): Promise<HolderProfile[]> {
  return (await listProfilesVersioned(db, accountId, now)).profiles;
}

/**
 * The caller's profiles, and what their ETag is made from: each one's `id:version` (migration 8)
 * and its power of attorney's state, which changes with the date, not the row.
 */
export async function listProfilesVersioned(
  db: Queryable,
  accountId: string,
  now: Date,
): Promise<{ profiles: HolderProfile[]; versions: string[] }> {
  const { rows } = await db.query<ProfileRow & { version: string | number }>(
    'select * from holder_profiles where account_id = $1 order by created_at desc, id desc',
    [accountId],
  );
  const profiles = rows.map((r) => toProfile(r, now));
  return {
    profiles,
    versions: rows.map((r, i) => `${r.id}:${r.version}:${JSON.stringify(profiles[i]!.powerOfAttorney)}`),
  };
}

/** One of the caller's profiles, or null (another account's profile is as good as absent). */
async function ownProfile(db: Queryable, accountId: string, id: string): Promise<ProfileRow | null> {
  const { rows } = await db.query<ProfileRow>('select * from holder_profiles where id = $1 and account_id = $2', [
    id,
    accountId,
  ]);
  return rows[0] ?? null;
}

/** The validators' rule, then: the holder's documents must be the caller's own evidence. */
async function checkedInput(
  db: Queryable,
  accountId: string,
  body: unknown,
  now: Date,
): Promise<HolderProfileInput & { label: string }> {
  const result = validateHolderProfile(body, { now });
  if (!result.ok) throw refused(result.issues);
  const { holder } = result.value;
  const own = await ownEvidence(db, accountId, [...holder.identificationAttachments, ...holder.powerOfAttorney]);
  const issues = holderDocumentIssues(result.value, own);
  if (issues.length) throw refused(issues);
  return result.value;
}

export async function createProfile(db: Db, accountId: string, body: unknown, now: Date): Promise<HolderProfile> {
  const input = await checkedInput(db, accountId, body, now);
  const row = await db.transaction(async (tx) => {
    // Serialises one account's creates on PostgreSQL, so two at once cannot pass the limit together.
    if (db.dialect === 'postgres') await tx.query('select pg_advisory_xact_lock(7305003, hashtext($1))', [accountId]);
    const { rows: counted } = await tx.query<{ n: number }>(
      'select count(*)::int as n from holder_profiles where account_id = $1',
      [accountId],
    );
    if ((counted[0]?.n ?? 0) >= LIMITS.maxHolderProfiles)
      throw problem('holder.profile_limit', [], { limit: LIMITS.maxHolderProfiles });
    const { rows } = await tx.query<ProfileRow>(
      `insert into holder_profiles (id, account_id, label, holder, created_at, updated_at) values ($1, $2, $3, $4::jsonb, $5, $5) returning *`,
      [randomId('hp_'), accountId, input.label, JSON.stringify(input.holder), now.toISOString()],
    );
    return rows[0]!;
  });
  return toProfile(row, now);
}

export async function updateProfile(
  db: Db,
  accountId: string,
  id: string,
  body: unknown,
  now: Date,
): Promise<HolderProfile> {
  if (!(await ownProfile(db, accountId, id))) throw notFound();
  const input = await checkedInput(db, accountId, body, now);
  const { rows } = await db.query<ProfileRow>(
    `update holder_profiles set label = $3, holder = $4::jsonb, updated_at = $5 where id = $1 and account_id = $2 returning *`,
    [id, accountId, input.label, JSON.stringify(input.holder), now.toISOString()],
  );
  if (!rows[0]) throw notFound();
  return toProfile(rows[0], now);
}

export async function deleteProfile(db: Queryable, accountId: string, id: string): Promise<void> {
  const { rows } = await db.query('delete from holder_profiles where id = $1 and account_id = $2 returning id', [
    id,
    accountId,
  ]);
  if (!rows.length) throw notFound();
}

/**
 * A draft whose holder names a saved profile (`holder.profileId`, when the complainant is not the
 * holder) gets the profile's stored holder, so every check runs on what was saved. Another
 * account's or a deleted profile → 422 `holder.profile_not_found` at ['holder', 'profileId'].
 */
export async function withProfileHolder(db: Queryable, accountId: string, body: unknown): Promise<unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const draft = body as Record<string, unknown>;
  const holder = draft.holder;
  if (draft.isIprHolder === true || !holder || typeof holder !== 'object' || Array.isArray(holder)) return body;
  const profileId = (holder as Record<string, unknown>).profileId;
  if (profileId === undefined || profileId === null || profileId === '') return body;
  if (typeof profileId !== 'string' || profileId.length > 64)
    throw problem('holder.profile_not_found', ['holder', 'profileId']);
  const row = await ownProfile(db, accountId, profileId);
  if (!row) throw problem('holder.profile_not_found', ['holder', 'profileId']);
  return { ...draft, holder: { ...row.holder, profileId } };
}
