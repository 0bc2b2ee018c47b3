// `client.products`: search and link resolution; a query over the limit never costs a request.
import { LIMITS, issue } from '@ipr/validators';
import type { Caller } from '../call.js';
import type { IprClient } from '../types.js';

export function productsResource({ api, call, refused }: Caller): IprClient['products'] {
  return {
    search: async (query = {}, opts = {}) => {
      if (typeof query.q === 'string' && query.q.length > LIMITS.maxSearchQueryLength) {
        return refused([issue('field.too_long', ['q'], { limit: LIMITS.maxSearchQueryLength })]);
      }
      return call(() => api.GET('/v1/products', { params: { query }, signal: opts.signal }), opts.signal);
    },
    resolveLinks: async (links, opts = {}) => {
      if (!Array.isArray(links)) return refused([issue('links.required', ['links'])]);
      return call(() => api.POST('/v1/products/resolve', { body: { links }, signal: opts.signal }), opts.signal);
    },
  };
}
