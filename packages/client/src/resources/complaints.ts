// `client.complaints`: the list, a detail, create (the draft checked first, with an idempotency
// key), the lifecycle actions, and the status report with its file export.
import type { Caller } from '../call.js';
import { checks, getInit } from '../call.js';
import { errorFromThrown, type ApiResult, type CallOptions } from '../errors.js';
import { newIdempotencyKey } from '../ids.js';
import type { CreatedIprClient, StatusExport, StatusExportQuery, StatusReportQuery } from '../types.js';
import { lifecycleActions } from './lifecycle.js';

/** A non-empty filter value (an empty select sends ''). */
function filled<T>(value: T | undefined): value is T {
  return typeof value === 'string' && value !== '';
}

export function complaintsResource(caller: Caller): CreatedIprClient['complaints'] {
  const { api, call, refused, locale } = caller;

  const statusReport = (query: StatusReportQuery = {}, opts: CallOptions = {}) => {
    // Only the report's own filters, and only those given (the export passes its whole query).
    const filters: StatusReportQuery = {};
    if (filled(query.status)) filters.status = query.status;
    if (filled(query.type)) filters.type = query.type;
    if (filled(query.q)) filters.q = query.q;
    return call(
      () => api.GET('/v1/complaints/status-report', { params: { query: filters }, signal: opts.signal }),
      opts.signal,
    );
  };

  // The file code (and SheetJS / papaparse in it) loads on first export.
  const exportStatus = (query: StatusExportQuery, opts: CallOptions = {}): Promise<ApiResult<StatusExport>> =>
    import('../export.js')
      .then((m) => m.exportStatus(statusReport, query, opts, locale))
      .catch((error) => ({ error: errorFromThrown(error, opts.signal, locale) }));

  return {
    list: (query = {}, opts = {}) =>
      call(() => api.GET('/v1/complaints', { params: { query }, ...getInit(opts) }), opts.signal),
    get: (id, opts = {}) =>
      call(() => api.GET('/v1/complaints/{id}', { params: { path: { id } }, ...getInit(opts) }), opts.signal),
    create: async (draft, opts = {}) => {
      const evidence = opts.evidence ? Object.fromEntries(opts.evidence.map((e) => [e.id, e])) : undefined;
      // A bad draft never costs a request: the same rules, the same codes, before the network.
      const { validateComplaintDraft } = await checks();
      const checked = validateComplaintDraft(draft, evidence ? { evidence } : {});
      if (!checked.ok) return refused(checked.issues);
      const key = opts.idempotencyKey ?? newIdempotencyKey();
      return call(
        () =>
          api.POST('/v1/complaints', {
            params: { header: { 'Idempotency-Key': key } },
            body: checked.value,
            signal: opts.signal,
          }),
        opts.signal,
      );
    },
    ...lifecycleActions(caller),
    statusReport,
    exportStatus,
  };
}
