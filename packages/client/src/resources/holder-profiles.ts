// `client.holderProfiles`: saved IPR holder profiles, validated before the network.
import type { Caller } from '../call.js';
import { checks, getInit } from '../call.js';
import type { CallOptions } from '../errors.js';
import type { HolderProfilesApi } from '../types.js';

export function holderProfilesResource({ api, call, refused }: Caller): HolderProfilesApi {
  const save = async (id: string | null, input: unknown, opts: CallOptions = {}) => {
    const { validateHolderProfile } = await checks();
    const checked = validateHolderProfile(input, { now: new Date() });
    if (!checked.ok) return refused(checked.issues);
    const body = checked.value;
    return call(
      () =>
        id === null
          ? api.POST('/v1/holder-profiles', { body, signal: opts.signal })
          : api.PUT('/v1/holder-profiles/{id}', { params: { path: { id } }, body, signal: opts.signal }),
      opts.signal,
    );
  };
  return {
    list: (opts = {}) => call(() => api.GET('/v1/holder-profiles', getInit(opts)), opts.signal),
    create: (input, opts) => save(null, input, opts),
    update: (id, input, opts) => save(id, input, opts),
    remove: async (id, opts = {}) => {
      const r = await call(
        () => api.DELETE('/v1/holder-profiles/{id}', { params: { path: { id } }, signal: opts.signal }),
        opts.signal,
      );
      return r.error ? r : { data: null, response: r.response };
    },
  };
}
