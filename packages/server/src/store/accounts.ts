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

export function accountView(account: AccountRecord): Account {
  return { id: account.id, role: account.role, displayName: account.displayName, contact: account.contact };
}
