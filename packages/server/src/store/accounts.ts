// Accounts and their bearer tokens: who is calling, and what of their account they may see.
import type { Account, Contact, Role } from '@ipr/validators';
import type { Queryable } from '../db/types.js';
import { sha256Hex } from '../util.js';

export interface AccountRecord {
  id: string;
  role: Role;
  displayName: string;
  contact: Contact;
}

interface AccountRow {
  id: string;
  role: Role;
  display_name: string;
  contact: Contact;
}

const toAccount = (row: AccountRow): AccountRecord => ({
  id: row.id,
  role: row.role,
  displayName: row.display_name,
  contact: row.contact,
});

export const hashToken = (token: string) => sha256Hex(`ipr-token:${token}`);

/** The account a bearer token belongs to, or null. Tokens are stored only as hashes. */
export async function accountForToken(db: Queryable, token: string): Promise<AccountRecord | null> {
  if (!token || token.length > 512) return null;
  const { rows } = await db.query<AccountRow>(
    'select id, role, display_name, contact from accounts where token_hash = $1',
    [await hashToken(token)],
  );
  return rows[0] ? toAccount(rows[0]) : null;
}

/** What a verified identity-provider token says about its account (see auth/jwt.ts). */
export interface ExternalIdentity {
  id: string;
  role: Role;
  displayName: string;
  contact: Contact;
}

/**
 * The account a verified token stands for, created the first time it is seen and kept in step
 * with the provider's claims (role, name, contact) after that. Writes only when something changed.
 */
export async function accountForIdentity(db: Queryable, identity: ExternalIdentity): Promise<AccountRecord> {
  const { rows } = await db.query<AccountRow>(
    `insert into accounts (id, role, display_name, contact, token_hash) values ($1, $2, $3, $4::jsonb, null)
     on conflict (id) do update set role = excluded.role, display_name = excluded.display_name, contact = excluded.contact
       where (accounts.role, accounts.display_name, accounts.contact)
             is distinct from (excluded.role, excluded.display_name, excluded.contact)
     returning id, role, display_name, contact`,
    [identity.id, identity.role, identity.displayName, JSON.stringify(identity.contact)],
  );
  // No row back: nothing changed, the stored account is the identity's.
  return rows[0] ? toAccount(rows[0]) : { ...identity };
}

export function accountView(account: AccountRecord): Account {
  return { id: account.id, role: account.role, displayName: account.displayName, contact: account.contact };
}
