// Saved IPR holder profiles against the real reference API: create, list, update, delete, the
// power-of-attorney state, ownership and the limit; complaints made with a saved profile.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LIMITS } from '@ipr/validators';
import { type Api, draftA, link, type Who } from '../helpers.js';
import { type Call, create, NOW, plusDays, problem, seededApp } from './support.js';

const HOLDER = {
  name: 'Aurora Holdings Ltd.',
  identificationType: 'business_registration',
  identificationNumber: '91440300MA5F000001',
  identificationAttachments: ['ev_seed_a_certificate'],
  powerOfAttorney: ['ev_seed_a_poa'],
  powerOfAttorneyExpiresAt: null as string | null,
};

/** The suite, against any database: `open` makes a seeded API. */
export function holderProfilesSuite(open: () => Promise<Api>) {
  const { call, at } = seededApp(open);

  const saveProfile = async (c: Call, who: Who, holder: Record<string, unknown>, label?: string) => {
    const res = await c('POST', '/v1/holder-profiles', who, { ...(label !== undefined ? { label } : {}), holder });
    assert.equal(res.status, 201, JSON.stringify(res.data));
    return res.data;
  };

  describe('saved holder profiles', () => {
    test('create, list (newest first), update, delete; the power-of-attorney state is computed on read', async () => {
      const c = at(NOW);
      const first = await saveProfile(c, 'a', { ...HOLDER, powerOfAttorneyExpiresAt: plusDays(10) }, '  Aurora HK  ');
      assert.match(first.id, /^hp_/);
      assert.equal(first.label, 'Aurora HK');
      assert.deepEqual(first.powerOfAttorney, { state: 'expiring', expiresAt: plusDays(10), daysLeft: 10 });
      const second = await saveProfile(at(new Date(NOW.getTime() + 1000)), 'a', {
        ...HOLDER,
        name: 'Aurora Trading',
        profileId: 'ignored',
      });
      assert.equal(second.label, 'Aurora Trading', 'a missing label is the holder name');
      assert.equal('profileId' in second.holder, false);
      assert.equal(second.powerOfAttorney.state, 'none');

      const listed = await c('GET', '/v1/holder-profiles', 'a');
      assert.equal(listed.status, 200);
      const ids = listed.data.items.map((p: any) => p.id);
      assert.ok(ids.indexOf(second.id) < ids.indexOf(first.id), 'newest first');
      // Read later, the same stored date is in the past.
      const later = await at(new Date(NOW.getTime() + 11 * 86_400_000))('GET', '/v1/holder-profiles', 'a');
      assert.deepEqual(later.data.items.find((p: any) => p.id === first.id).powerOfAttorney, {
        state: 'expired',
        expiresAt: plusDays(10),
        daysLeft: -1,
      });

      const updated = await at(new Date(NOW.getTime() + 60_000))('PUT', `/v1/holder-profiles/${first.id}`, 'a', {
        label: 'Renamed',
        holder: { ...HOLDER, powerOfAttorneyExpiresAt: plusDays(90) },
      });
      assert.equal(updated.status, 200, JSON.stringify(updated.data));
      assert.equal(updated.data.label, 'Renamed');
      assert.equal(updated.data.powerOfAttorney.state, 'valid');
      assert.equal(updated.data.createdAt, first.createdAt);
      assert.ok(updated.data.updatedAt > first.updatedAt);

      const removed = await c('DELETE', `/v1/holder-profiles/${first.id}`, 'a');
      assert.equal(removed.status, 204);
      assert.equal(removed.data, '');
      assert.ok(!(await c('GET', '/v1/holder-profiles', 'a')).data.items.some((p: any) => p.id === first.id));
      problem(await c('DELETE', `/v1/holder-profiles/${first.id}`, 'a'), 404, 'resource.not_found');
      problem(await c('PUT', `/v1/holder-profiles/${first.id}`, 'a', { holder: HOLDER }), 404, 'resource.not_found');
    });

    test("another account's profile does not exist for the caller; suppliers and the platform have none", async () => {
      const mine = await saveProfile(call, 'a', HOLDER, 'A only');
      assert.ok(!(await call('GET', '/v1/holder-profiles', 'b')).data.items.some((p: any) => p.id === mine.id));
      problem(
        await call('PUT', `/v1/holder-profiles/${mine.id}`, 'b', {
          holder: { ...HOLDER, identificationAttachments: ['ev_seed_b_patent'], powerOfAttorney: ['ev_seed_b_patent'] },
        }),
        404,
        'resource.not_found',
      );
      problem(await call('DELETE', `/v1/holder-profiles/${mine.id}`, 'b'), 404, 'resource.not_found');
      for (const who of ['supA', 'platform'] as const) {
        problem(await call('GET', '/v1/holder-profiles', who), 403, 'auth.forbidden');
        problem(await call('POST', '/v1/holder-profiles', who, { holder: HOLDER }), 403, 'auth.forbidden');
      }
      problem(await call('GET', '/v1/holder-profiles', null), 401, 'auth.unauthorized');
      // Still there for its owner.
      assert.ok((await call('GET', '/v1/holder-profiles', 'a')).data.items.some((p: any) => p.id === mine.id));
    });

    test("refused: an expired power of attorney, documents that are not the caller's, missing parts, a long label", async () => {
      const c = at(NOW);
      const expired = await c('POST', '/v1/holder-profiles', 'a', {
        holder: { ...HOLDER, powerOfAttorneyExpiresAt: plusDays(-1) },
      });
      problem(expired, 422, 'holder.power_of_attorney_expired');
      assert.deepEqual(expired.data.issues[0].path, ['holder', 'powerOfAttorneyExpiresAt']);
      // The expiry day itself is still valid.
      assert.equal(
        (await c('POST', '/v1/holder-profiles', 'a', { holder: { ...HOLDER, powerOfAttorneyExpiresAt: plusDays(0) } }))
          .status,
        201,
      );

      const foreign = await c('POST', '/v1/holder-profiles', 'a', {
        holder: { ...HOLDER, powerOfAttorney: ['ev_seed_b_patent'] },
      });
      problem(foreign, 422, 'evidence.not_found');
      assert.deepEqual(
        foreign.data.issues.map((i: any) => i.path),
        [['holder', 'powerOfAttorney', 0]],
      );

      const missing = await c('POST', '/v1/holder-profiles', 'a', {
        label: 'x'.repeat(LIMITS.maxProfileLabelLength + 1),
        holder: { ...HOLDER, name: ' ', powerOfAttorney: [] },
      });
      assert.equal(missing.status, 422);
      assert.deepEqual(missing.data.issues.map((i: any) => `${i.path.join('.')}:${i.code}`).sort(), [
        'holder.name:holder.name_required',
        'holder.powerOfAttorney:holder.power_of_attorney_required',
        'label:field.too_long',
      ]);
      problem(
        await c('POST', '/v1/holder-profiles', 'a', 'not json', { 'content-type': 'text/plain' }),
        400,
        'request.invalid_json',
      );
    });

    test(`at most ${LIMITS.maxHolderProfiles} profiles per account; deleting one makes room`, async () => {
      const holderB = {
        ...HOLDER,
        identificationAttachments: ['ev_seed_b_patent'],
        powerOfAttorney: ['ev_seed_b_patent'],
      };
      const have = (await call('GET', '/v1/holder-profiles', 'b')).data.items.length;
      const made: string[] = [];
      for (let i = have; i < LIMITS.maxHolderProfiles; i++)
        made.push((await saveProfile(call, 'b', { ...holderB, name: `Brightstone ${i}` })).id);
      const over = await call('POST', '/v1/holder-profiles', 'b', { holder: holderB });
      problem(over, 422, 'holder.profile_limit');
      assert.equal(over.data.issues[0].params.limit, LIMITS.maxHolderProfiles);
      assert.equal((await call('GET', '/v1/holder-profiles', 'b')).data.items.length, LIMITS.maxHolderProfiles);
      // Another account is not affected.
      assert.equal((await call('POST', '/v1/holder-profiles', 'a', { holder: HOLDER })).status, 201);
      assert.equal((await call('DELETE', `/v1/holder-profiles/${made[0]}`, 'b')).status, 204);
      assert.equal((await call('POST', '/v1/holder-profiles', 'b', { holder: holderB })).status, 201);
    });
  });

  describe('complaints with a saved holder profile', () => {
    const withHolder = (n: number, holder: unknown) =>
      draftA({ productLinks: [link(n)], isIprHolder: false, holder: holder as never });

    test('the stored holder is used, whatever the draft says about it', async () => {
      const profile = await saveProfile(call, 'a', { ...HOLDER, name: 'Stored Holder Name' });
      const res = await create(
        call,
        'a',
        withHolder(1101, { ...HOLDER, name: 'Typed Name', identificationNumber: 'TYPED', profileId: profile.id }),
      );
      assert.equal(res.status, 201, JSON.stringify(res.data));
      assert.equal(res.data.holder.name, 'Stored Holder Name');
      assert.equal(res.data.holder.identificationNumber, HOLDER.identificationNumber);
      assert.equal(res.data.holder.profileId, profile.id);
      // Only the profile id is enough.
      const short = await create(call, 'a', withHolder(1103, { profileId: profile.id }));
      assert.equal(short.status, 201, JSON.stringify(short.data));
      assert.equal(short.data.holder.name, 'Stored Holder Name');
      // The holder's documents are linked to the complaint as before (the platform may download them).
      assert.equal((await call('GET', `/v1/evidence/${HOLDER.powerOfAttorney[0]}/content`, 'platform')).status, 200);
    });

    test("another account's or a deleted profile → 422 holder.profile_not_found at ['holder', 'profileId']", async () => {
      const holderB = {
        ...HOLDER,
        identificationAttachments: ['ev_seed_b_patent'],
        powerOfAttorney: ['ev_seed_b_patent'],
      };
      const theirs =
        (await call('GET', '/v1/holder-profiles', 'b')).data.items[0] ?? (await saveProfile(call, 'b', holderB));
      const res = await create(call, 'a', withHolder(1105, { ...HOLDER, profileId: theirs.id }));
      problem(res, 422, 'holder.profile_not_found');
      assert.deepEqual(res.data.issues[0].path, ['holder', 'profileId']);

      const gone = await saveProfile(call, 'a', HOLDER);
      await call('DELETE', `/v1/holder-profiles/${gone.id}`, 'a');
      problem(await create(call, 'a', withHolder(1105, { profileId: gone.id })), 422, 'holder.profile_not_found');
      problem(
        await create(call, 'a', withHolder(1105, { profileId: 'hp_' + 'x'.repeat(100) })),
        422,
        'holder.profile_not_found',
      );
      // "I am the IPR holder" ignores the holder altogether.
      assert.equal(
        (
          await create(
            call,
            'a',
            draftA({ productLinks: [link(1105)], isIprHolder: true, holder: { profileId: theirs.id } as never }),
          )
        ).status,
        201,
      );
    });

    test('the stored expiry is what counts: a profile that has expired since refuses the complaint', async () => {
      const profile = await saveProfile(at(NOW), 'a', { ...HOLDER, powerOfAttorneyExpiresAt: plusDays(2) });
      const later = at(new Date(NOW.getTime() + 3 * 86_400_000));
      // The draft claims a later date; the stored one decides.
      const res = await create(
        later,
        'a',
        withHolder(1107, { ...HOLDER, powerOfAttorneyExpiresAt: plusDays(400), profileId: profile.id }),
      );
      problem(res, 422, 'holder.power_of_attorney_expired');
      assert.equal(res.data.issues[0].params.date, plusDays(2));
      // On its last day it still works.
      assert.equal(
        (await create(at(new Date(NOW.getTime() + 2 * 86_400_000)), 'a', withHolder(1107, { profileId: profile.id })))
          .status,
        201,
      );
    });
  });
}
