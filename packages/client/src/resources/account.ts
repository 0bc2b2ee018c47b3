// `client.account`: who the token belongs to.
import type { Caller } from '../call.js';
import type { IprClient } from '../types.js';

export function accountResource({ api, call }: Caller): IprClient['account'] {
  return {
    get: (opts = {}) => call(() => api.GET('/v1/account', { signal: opts.signal }), opts.signal),
  };
}
