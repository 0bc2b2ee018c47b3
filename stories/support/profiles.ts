// Saved holder profiles and open complaints for the stories, made through the real API.
import type { ComplaintType, HolderProfile, Product } from '@ipr/validators';
import { isOpenStatus } from '@ipr/validators';
import { holderProfilesOf, type IprClient } from '@ipr/elements';
import { clientFor, ok, pdfFile, TOKENS, type InMemoryApi } from './api';

const DAY = 86_400_000;
export const dayFromToday = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
export const daysLater = (days: number) => new Date(Date.now() + days * DAY);

/** The demo holders: valid, expiring in 12 days (expired once the story's clock is 45 days on) and without a date. */
const HOLDERS: Array<{ label: string; name: string; expires: number | null }> = [
  { label: 'Aurora Lighting (HQ)', name: 'Aurora Lighting Co., Ltd.', expires: 300 },
  { label: 'Aurora Shenzhen branch', name: '深圳极光照明有限公司', expires: 12 },
  { label: 'Lin Mei (personal)', name: 'Lin Mei', expires: null },
];

/**
 * Complainant A's demo profiles (created once per page: stories in one page share the API).
 * Returns them newest first, as the API lists them.
 */
export async function demoProfiles(api: InMemoryApi): Promise<HolderProfile[]> {
  const client = clientFor(api, TOKENS.complainantA);
  const profiles = holderProfilesOf(client);
  if (!profiles) return [];
  const have = (await ok(profiles.list())).items;
  for (const h of HOLDERS) {
    if (have.some((p) => p.label === h.label)) continue;
    const licence = await ok(client.evidence.upload(pdfFile(`${h.label} licence.pdf`)));
    const poa = await ok(client.evidence.upload(pdfFile(`${h.label} power of attorney.pdf`)));
    await ok(
      profiles.create({
        label: h.label,
        holder: {
          name: h.name,
          identificationType: 'business_registration',
          identificationNumber: '91440300MA5F000000',
          identificationAttachments: [licence.id],
          powerOfAttorney: [poa.id],
          powerOfAttorneyExpiresAt: h.expires === null ? null : dayFromToday(h.expires),
        },
      }),
    );
  }
  return (await ok(profiles.list())).items;
}

/**
 * One of the caller's open complaints (the seed has several), with its products; one whose type
 * needs no original picture when there is one (a PDF is then evidence enough to refile it).
 */
export async function openComplaintOf(
  client: IprClient,
): Promise<{ number: string; type: ComplaintType; links: string[]; products: Product[] }> {
  const page = await ok(client.complaints.list({ limit: 100 }));
  const open = page.items
    .filter((c) => isOpenStatus(c.status))
    .sort((a, b) => Number(a.type === 'picture_embezzlement') - Number(b.type === 'picture_embezzlement'))[0];
  if (!open) throw new Error('no open complaint in the seed');
  const complaint = await ok(client.complaints.get(open.id));
  const links = complaint.products.map((p) => p.url);
  const resolved = await ok(client.products.resolveLinks(links));
  return {
    number: complaint.number,
    type: complaint.type,
    links,
    products: resolved.items.flatMap((r) => (r.product ? [r.product] : [])),
  };
}

/** Listed products in none of complainant A's open complaints: filing them is never a duplicate. */
export async function freshProducts(api: InMemoryApi, n: number): Promise<Product[]> {
  const { rows } = await api.db.query<{ url: string }>('select url from products where listed order by id limit 200');
  const resolved = await ok(clientFor(api, TOKENS.complainantA).products.resolveLinks(rows.map((r) => r.url)));
  return resolved.items.flatMap((r) => (r.product && !r.openComplaint ? [r.product] : [])).slice(0, n);
}
