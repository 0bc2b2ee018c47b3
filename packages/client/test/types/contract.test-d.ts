// The client and the generated contract agree (src/generated/api.ts, made from the server's
// OpenAPI document): every method's answer, query and body is the type `paths` gives its route.
// Nothing here runs: `npx tsc -b` type-checks it, and a drift on either side fails to compile.
import { expectTypeOf } from 'expect-type';
import type { Action, ComplaintEvent, validateComplaintDraft, validateHolderProfile } from '@ipr/validators';
import type { components, paths } from '../../src/generated/api.js';
import type {
  ACTION_ROUTES,
  ApiResult,
  ComplaintQuery,
  CreatedIprClient,
  EventsApi,
  HolderProfilesApi,
  IprClient,
  ProductSearch,
  StatusExportQuery,
  StatusReportQuery,
} from '../../src/index.js';

type Method = 'get' | 'post' | 'put' | 'delete';
/** The body a route answers `status` with, in `media`. */
type Answer<
  P extends keyof paths,
  M extends Method,
  S extends number,
  Media extends string = 'application/json',
> = paths[P][M] extends { responses: { [K in S]: { content: { [T in Media]: infer Body } } } } ? Body : never;
/** The JSON request body of a route. */
type RequestBody<P extends keyof paths, M extends Method> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;
/** The query parameters of a GET route. */
type Query<P extends keyof paths> = paths[P]['get'] extends { parameters: { query?: infer Q } }
  ? NonNullable<Q>
  : never;

/** The `data` of what a client method resolves to when it succeeds. */
type DataOf<F> = F extends (...args: never[]) => Promise<infer R>
  ? R extends ApiResult<unknown>
    ? Extract<R, { error?: undefined }>['data']
    : never
  : never;
/** A method's parameter, without `undefined` when it is optional. */
type Param<F, I extends number> = F extends (...args: infer A) => unknown ? NonNullable<A[I]> : never;

type C = CreatedIprClient;
type Complaints = C['complaints'];
type Schema = components['schemas'];

// ── the helpers above find the routes' types (never is equal to never: these keep them honest) ──
expectTypeOf<Answer<'/v1/account', 'get', 200>>().toEqualTypeOf<Schema['Account']>();
expectTypeOf<Answer<'/v1/products', 'get', 200>>().toEqualTypeOf<Schema['ProductPage']>();
expectTypeOf<Answer<'/v1/products/resolve', 'post', 200>>().toEqualTypeOf<Schema['ResolvedLinks']>();
expectTypeOf<Answer<'/v1/evidence', 'get', 200>>().toEqualTypeOf<Schema['EvidenceList']>();
expectTypeOf<Answer<'/v1/evidence', 'post', 201>>().toEqualTypeOf<Schema['EvidenceDescriptor']>();
expectTypeOf<Answer<'/v1/evidence/{id}/content', 'get', 200, 'application/octet-stream'>>().toEqualTypeOf<Blob>();
expectTypeOf<Answer<'/v1/complaints', 'get', 200>>().toEqualTypeOf<Schema['ComplaintPage']>();
expectTypeOf<Answer<'/v1/complaints/{id}', 'get', 200>>().toEqualTypeOf<Schema['Complaint']>();
expectTypeOf<Answer<'/v1/complaints/status-report', 'get', 200>>().toEqualTypeOf<Schema['StatusReport']>();
expectTypeOf<Answer<'/v1/holder-profiles', 'get', 200>>().toEqualTypeOf<Schema['HolderProfileList']>();
expectTypeOf<Answer<'/v1/holder-profiles', 'post', 201>>().toEqualTypeOf<Schema['HolderProfile']>();
expectTypeOf<RequestBody<'/v1/complaints', 'post'>>().toEqualTypeOf<Schema['ComplaintDraft']>();
expectTypeOf<RequestBody<'/v1/holder-profiles', 'post'>>().toEqualTypeOf<Schema['HolderProfileInput']>();
expectTypeOf<Query<'/v1/complaints'>>().toHaveProperty('status').toEqualTypeOf<Schema['Status'] | undefined>();
expectTypeOf<Query<'/v1/products'>>().toHaveProperty('pageSize').toEqualTypeOf<number | undefined>();
expectTypeOf<Query<'/v1/complaints/status-report'>>()
  .toHaveProperty('type')
  .toEqualTypeOf<Schema['ComplaintType'] | undefined>();

// ── answers ──
expectTypeOf<DataOf<C['account']['get']>>().toEqualTypeOf<Answer<'/v1/account', 'get', 200>>();
expectTypeOf<DataOf<C['products']['search']>>().toEqualTypeOf<Answer<'/v1/products', 'get', 200>>();
expectTypeOf<DataOf<C['products']['resolveLinks']>>().toEqualTypeOf<Answer<'/v1/products/resolve', 'post', 200>>();
expectTypeOf<DataOf<C['evidence']['list']>>().toEqualTypeOf<Answer<'/v1/evidence', 'get', 200>>();
expectTypeOf<DataOf<C['evidence']['upload']>>().toEqualTypeOf<Answer<'/v1/evidence', 'post', 201>>();
expectTypeOf<DataOf<C['evidence']['download']>>().toEqualTypeOf<
  Answer<'/v1/evidence/{id}/content', 'get', 200, 'application/octet-stream'>
>();
expectTypeOf<DataOf<Complaints['list']>>().toEqualTypeOf<Answer<'/v1/complaints', 'get', 200>>();
expectTypeOf<DataOf<Complaints['get']>>().toEqualTypeOf<Answer<'/v1/complaints/{id}', 'get', 200>>();
// A new complaint (201) and an idempotent replay (200) are the same shape.
expectTypeOf<DataOf<Complaints['create']>>().toEqualTypeOf<Answer<'/v1/complaints', 'post', 201>>();
expectTypeOf<DataOf<Complaints['create']>>().toEqualTypeOf<Answer<'/v1/complaints', 'post', 200>>();
expectTypeOf<DataOf<Complaints['statusReport']>>().toEqualTypeOf<Answer<'/v1/complaints/status-report', 'get', 200>>();
expectTypeOf<DataOf<C['holderProfiles']['list']>>().toEqualTypeOf<Answer<'/v1/holder-profiles', 'get', 200>>();
expectTypeOf<DataOf<C['holderProfiles']['create']>>().toEqualTypeOf<Answer<'/v1/holder-profiles', 'post', 201>>();
expectTypeOf<DataOf<C['holderProfiles']['update']>>().toEqualTypeOf<Answer<'/v1/holder-profiles/{id}', 'put', 200>>();
// DELETE answers 204 without a body; the client answers null.
expectTypeOf<paths['/v1/holder-profiles/{id}']['delete']['responses'][204]['content']>().toEqualTypeOf<undefined>();
expectTypeOf<DataOf<C['holderProfiles']['remove']>>().toEqualTypeOf<null>();
// Each event's `data` on the text/event-stream is the contract's ComplaintEvent.
expectTypeOf<Parameters<Param<C['events']['subscribe'], 0>>[0]>().toEqualTypeOf<ComplaintEvent>();
expectTypeOf<ComplaintEvent>().toEqualTypeOf<Schema['ComplaintEvent']>();

// ── lifecycle actions: every action has a POST route, and answers the complaint ──
type ActionPath<A extends Action> = `/v1/complaints/{id}/${(typeof ACTION_ROUTES)[A]}`;
expectTypeOf<ActionPath<Action>>().toExtend<keyof paths>();
type ActionAnswers = { [A in Action]: Answer<ActionPath<A>, 'post', 200> };
expectTypeOf<ActionAnswers[Action]>().toEqualTypeOf<DataOf<Complaints['act']>>();
expectTypeOf<DataOf<Complaints['cancel']>>().toEqualTypeOf<ActionAnswers['cancel']>();
expectTypeOf<DataOf<Complaints['checkNow']>>().toEqualTypeOf<ActionAnswers['check']>();
expectTypeOf<DataOf<Complaints['confirmClose']>>().toEqualTypeOf<ActionAnswers['confirm_close']>();
expectTypeOf<DataOf<Complaints['requestArbitration']>>().toEqualTypeOf<ActionAnswers['request_arbitration']>();
expectTypeOf<DataOf<Complaints['forward']>>().toEqualTypeOf<ActionAnswers['forward_to_supplier']>();
expectTypeOf<DataOf<Complaints['respond']>>().toEqualTypeOf<ActionAnswers['respond']>();
expectTypeOf<DataOf<Complaints['issueResult']>>().toEqualTypeOf<ActionAnswers['issue_result']>();

// ── queries: the public query types are the routes' ──
expectTypeOf<ProductSearch>().toEqualTypeOf<Query<'/v1/products'>>();
expectTypeOf<Param<C['products']['search'], 0>>().toEqualTypeOf<Query<'/v1/products'>>();
expectTypeOf<ComplaintQuery>().toEqualTypeOf<Query<'/v1/complaints'>>();
expectTypeOf<Param<Complaints['list'], 0>>().toEqualTypeOf<Query<'/v1/complaints'>>();
expectTypeOf<StatusReportQuery>().toEqualTypeOf<Query<'/v1/complaints/status-report'>>();
expectTypeOf<Param<Complaints['statusReport'], 0>>().toEqualTypeOf<Query<'/v1/complaints/status-report'>>();
// The export takes the report's filters, plus its own (format, locale) that never reach the route.
expectTypeOf<StatusExportQuery>().toExtend<StatusReportQuery>();

// ── bodies: what the client sends is what the routes take ──
type Checked<F extends (...args: never[]) => unknown> =
  Extract<ReturnType<F>, { ok: true }> extends {
    value: infer V;
  }
    ? V
    : never;
// create() sends the draft the validators return; the route takes exactly that.
expectTypeOf<Checked<typeof validateComplaintDraft>>().toEqualTypeOf<RequestBody<'/v1/complaints', 'post'>>();
// Profiles are sent as validateHolderProfile returns them (its label always filled in).
expectTypeOf<Checked<typeof validateHolderProfile>>().toExtend<RequestBody<'/v1/holder-profiles', 'post'>>();
expectTypeOf<RequestBody<'/v1/holder-profiles/{id}', 'put'>>().toEqualTypeOf<
  RequestBody<'/v1/holder-profiles', 'post'>
>();
expectTypeOf<Param<C['products']['resolveLinks'], 0>>().toEqualTypeOf<
  RequestBody<'/v1/products/resolve', 'post'>['links']
>();
expectTypeOf<Param<Complaints['cancel'], 1>>().toEqualTypeOf<RequestBody<ActionPath<'cancel'>, 'post'>>();
// The client asks for the reason the route leaves optional (the validators' rule requires it).
expectTypeOf<Param<Complaints['requestArbitration'], 1>>().toExtend<
  RequestBody<ActionPath<'request_arbitration'>, 'post'>
>();
expectTypeOf<Param<Complaints['respond'], 1>>().toEqualTypeOf<RequestBody<ActionPath<'respond'>, 'post'>>();
expectTypeOf<Param<Complaints['issueResult'], 1>>().toEqualTypeOf<RequestBody<ActionPath<'issue_result'>, 'post'>>();
// Actions without a body have none in the contract either.
expectTypeOf<paths[ActionPath<'check'>]['post']['requestBody']>().toBeUndefined();
expectTypeOf<paths[ActionPath<'confirm_close'>]['post']['requestBody']>().toBeUndefined();
expectTypeOf<paths[ActionPath<'forward_to_supplier'>]['post']['requestBody']>().toBeUndefined();

// ── the surface a host implements: createIprClient's client is one; a wrapper may leave these out ──
expectTypeOf<CreatedIprClient>().toExtend<IprClient>();
expectTypeOf<IprClient['holderProfiles']>().toEqualTypeOf<HolderProfilesApi | undefined>();
expectTypeOf<IprClient['events']>().toEqualTypeOf<EventsApi | undefined>();
expectTypeOf<IprClient['complaints']['exportStatus']>().toEqualTypeOf<Complaints['exportStatus'] | undefined>();
type HostWrapper = Omit<IprClient, 'holderProfiles' | 'events' | 'raw' | 'complaints'> & {
  complaints: Omit<IprClient['complaints'], 'statusReport' | 'exportStatus'>;
};
expectTypeOf<HostWrapper>().toExtend<IprClient>();
