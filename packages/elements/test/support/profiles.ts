import type { HolderProfile } from '@ipr/validators';
import type { IprClient } from '../../src/api.js';
import { holderProfilesOf, type HolderProfilesApi } from '../../src/components/holder-profiles/profiles.js';
import { ok, uploadPdf } from './helpers.js';

const DAY = 86_400_000;

/** A calendar date (YYYY-MM-DD, UTC) `days` from today. */
export const dayFromToday = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
/** A clock `days` later than now. */
export const later = (days: number) => new Date(Date.now() + days * DAY);

export function profilesOf(client: IprClient): HolderProfilesApi {
  const api = holderProfilesOf(client);
  if (!api) throw new Error('the client has no holderProfiles');
  return api;
}

/** Saves a holder profile through the API, with real uploaded attachments. */
export async function makeProfile(
  client: IprClient,
  name: string,
  expiresAt: string | null = null,
): Promise<HolderProfile> {
  const [licence, poa] = [await uploadPdf(client, `${name}-licence.pdf`), await uploadPdf(client, `${name}-poa.pdf`)];
  return ok(
    profilesOf(client).create({
      label: name,
      holder: {
        name,
        identificationType: 'business_registration',
        identificationNumber: '91440300MA5F000000',
        identificationAttachments: [licence.id],
        powerOfAttorney: [poa.id],
        powerOfAttorneyExpiresAt: expiresAt,
      },
    }),
  );
}
