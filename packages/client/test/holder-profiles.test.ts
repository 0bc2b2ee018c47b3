// Saved IPR holder profiles through the client, against the REAL reference API (in-process on
// PGlite): the round-trip, the holder rule checked before the network, and what only the server knows.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LIMITS } from '@ipr/validators';
import { unwrap } from '../src/index.js';
import { clientOn, countRequests, startApi, TOKENS, type TestApi } from './support/api.js';
import { upload } from './support/complaints.js';

let api: TestApi;
before(async () => {
  api = await startApi();
});
after(async () => {
  await api?.close();
});

const client = clientOn(() => api);
const counting = <T>(run: () => Promise<T>) => countRequests(api, run);

/** YYYY-MM-DD, `days` from today (UTC). */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('holder profiles', () => {
  test('create → list → update → remove round-trip, with the power-of-attorney state', async () => {
    const c = client();
    const idDoc = await upload(c, 'licence.pdf');
    const poa = await upload(c, 'power-of-attorney.pdf');
    const holder = {
      name: 'Aurora Holdings Ltd.',
      identificationType: 'business_registration' as const,
      identificationNumber: '91440300MA5XXXXX',
      identificationAttachments: [idDoc.id],
      powerOfAttorney: [poa.id],
      powerOfAttorneyExpiresAt: day(10),
      profileId: 'ignored_on_input',
    };
    const created = await c.holderProfiles.create({ label: '  ', holder });
    assert.ok(created.data, JSON.stringify(created.error));
    assert.equal(created.response?.status, 201);
    assert.equal(created.data.label, holder.name, 'a blank label becomes the holder name');
    assert.deepEqual(created.data.powerOfAttorney, { state: 'expiring', expiresAt: day(10), daysLeft: 10 });
    assert.equal(created.data.holder.identificationNumber, holder.identificationNumber);
    assert.ok(!created.data.holder.profileId, 'profileId is not stored from input');

    const listed = unwrap(await c.holderProfiles.list());
    assert.equal(listed.items[0]?.id, created.data.id, 'newest first');

    const updated = await c.holderProfiles.update(created.data.id, {
      label: 'Main holder',
      holder: { ...holder, powerOfAttorneyExpiresAt: day(400) },
    });
    assert.ok(updated.data, JSON.stringify(updated.error));
    assert.equal(updated.data.label, 'Main holder');
    assert.equal(updated.data.powerOfAttorney.state, 'valid');
    assert.equal(
      unwrap(await c.holderProfiles.list()).items.find((p) => p.id === created.data!.id)?.label,
      'Main holder',
    );

    const removed = await c.holderProfiles.remove(created.data.id);
    assert.equal(removed.error, undefined);
    assert.equal(removed.data, null);
    assert.equal(removed.response?.status, 204);
    assert.ok(!unwrap(await c.holderProfiles.list()).items.some((p) => p.id === created.data!.id));
    const again = await c.holderProfiles.remove(created.data.id);
    assert.equal(again.error?.code, 'resource.not_found');
    assert.equal(again.error?.status, 404);
  });

  test("a profile that breaks the holder rule is refused before the network, with the validators' codes", async () => {
    const c = client();
    const cases: [unknown, string[]][] = [
      [
        { holder: { name: '', identificationNumber: '', identificationAttachments: [], powerOfAttorney: [] } },
        [
          'holder.name_required',
          'holder.id_type_required',
          'holder.id_number_required',
          'holder.attachments_required',
          'holder.power_of_attorney_required',
        ],
      ],
      [
        {
          holder: {
            name: 'X',
            identificationType: 'id_card',
            identificationNumber: '1',
            identificationAttachments: ['ev_1'],
            powerOfAttorney: ['ev_2'],
            powerOfAttorneyExpiresAt: day(-1),
          },
        },
        ['holder.power_of_attorney_expired'],
      ],
      [null, ['holder.required']],
      [
        {
          label: 'x'.repeat(LIMITS.maxProfileLabelLength + 1),
          holder: {
            name: 'X',
            identificationType: 'id_card',
            identificationNumber: '1',
            identificationAttachments: ['ev_1'],
            powerOfAttorney: ['ev_2'],
          },
        },
        ['field.too_long'],
      ],
    ];
    for (const [input, codes] of cases) {
      for (const call of [() => c.holderProfiles.create(input), () => c.holderProfiles.update('hp_any', input)]) {
        const { value, requests } = await counting(call);
        assert.equal(requests, 0, JSON.stringify(input));
        assert.equal(value.error?.status, 422);
        assert.deepEqual(value.error!.issues.map((i) => i.code).sort(), [...codes].sort());
      }
    }
  });

  test("what only the server knows: another account's documents (422), another account's profile (404), a supplier (403)", async () => {
    const a = client();
    const b = client(TOKENS.complainantB);
    const bDoc = await upload(b, 'b-licence.pdf');
    const foreign = await a.holderProfiles.create({
      holder: {
        name: 'Borrowed',
        identificationType: 'id_card',
        identificationNumber: 'X1',
        identificationAttachments: [bDoc.id],
        powerOfAttorney: [bDoc.id],
      },
    });
    assert.equal(foreign.error?.status, 422);
    assert.equal(foreign.error?.code, 'evidence.not_found');

    const aDoc = await upload(a, 'a-licence.pdf');
    const mine = unwrap(
      await a.holderProfiles.create({
        label: 'A only',
        holder: {
          name: 'Aurora',
          identificationType: 'id_card',
          identificationNumber: 'A1',
          identificationAttachments: [aDoc.id],
          powerOfAttorney: [aDoc.id],
        },
      }),
    );
    const input = { holder: { ...mine.holder, name: 'Taken over' } };
    for (const r of [await b.holderProfiles.update(mine.id, input), await b.holderProfiles.remove(mine.id)]) {
      assert.equal(r.error?.code, 'resource.not_found');
      assert.equal(r.error?.status, 404);
    }
    assert.ok(!unwrap(await b.holderProfiles.list()).items.some((p) => p.id === mine.id));
    assert.equal(
      unwrap(await a.holderProfiles.list()).items.find((p) => p.id === mine.id)?.holder.name,
      'Aurora',
      'unchanged',
    );
    const supplier = await client(TOKENS.supplierA).holderProfiles.list();
    assert.equal(supplier.error?.status, 403);
  });
});
