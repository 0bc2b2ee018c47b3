// What the holder-profile UI shares: the client surface it needs (optional on a client, so a
// host's own wrapper without it simply shows no profiles) and the power-of-attorney wording.
import { powerOfAttorneyState, type HolderProfile, type PowerOfAttorneyState } from '@ipr/validators';
import type { HolderProfilesApi, IprClient } from '../../api.js';
import { dateFormatter, type Locale, type Messages } from '../../i18n/index.js';

export type { HolderProfilesApi };

/** The client's `holderProfiles`, when it has them. */
export function holderProfilesOf(client: IprClient | undefined): HolderProfilesApi | undefined {
  return client?.holderProfiles;
}

/** The power-of-attorney state at `now` (the rule of @ipr/validators, not the server's snapshot). */
export function poaOf(profile: HolderProfile, now: Date | undefined): PowerOfAttorneyState {
  return powerOfAttorneyState(profile.holder.powerOfAttorneyExpiresAt ?? null, now ?? new Date());
}

/** A calendar date (YYYY-MM-DD) as the locale writes it, read in UTC so it never shifts a day. */
function formatDay(value: string | null | undefined, locale: Locale): string {
  if (!value) return '';
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return dateFormatter(locale, 'utcDay').format(date);
}

/** The badge text of a power-of-attorney state. */
export function poaText(poa: PowerOfAttorneyState, t: Messages, locale: Locale): string {
  const date = formatDay(poa.expiresAt, locale);
  switch (poa.state) {
    case 'valid':
      return t.poaValid(date);
    case 'expiring':
      return t.poaExpiring(poa.daysLeft ?? 0, date);
    case 'expired':
      return t.poaExpired(date);
    default:
      return t.poaNone;
  }
}

/** The option text of a profile in the form's "Use a saved holder" select. */
export function profileOptionText(profile: HolderProfile, poa: PowerOfAttorneyState, t: Messages): string {
  const name =
    profile.label && profile.label !== profile.holder.name
      ? `${profile.label} (${profile.holder.name})`
      : profile.holder.name;
  if (poa.state === 'expired') return `${name} — ${t.poaExpiredOption}`;
  if (poa.state === 'expiring') return `${name} — ${t.poaExpiringOption(poa.daysLeft ?? 0)}`;
  return name;
}
