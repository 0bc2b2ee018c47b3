// Refusals and their answer. Store and handlers refuse with issues only; this module is the edge
// that turns them into `application/problem+json`, with the status the validators' one table
// (STATUS_BY_CODE, shared with the client) gives the first issue's code.
import { issue, statusOfIssues, type Issue, type IssueCode, type IssueParams } from '@ipr/validators';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Content too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/** An answer that is not a success: the issues that say why. Thrown by store and handlers, answered once. */
export class ApiProblem extends Error {
  constructor(
    readonly issues: Issue[],
    readonly detail?: string,
  ) {
    super(issues[0]?.message ?? 'Error');
  }

  /** The HTTP status, from the issues' codes (never chosen by the thrower). */
  get status(): number {
    return statusOfIssues(this.issues);
  }
}

/** A refusal with one issue. */
export function problem(code: IssueCode, path: Issue['path'] = [], params?: IssueParams): ApiProblem {
  return new ApiProblem([issue(code, path, params)]);
}

/** A refusal with every issue a rule found. */
export const refused = (issues: Issue[]) => new ApiProblem(issues);

export const notFound = () => problem('resource.not_found');

export function problemBody(p: ApiProblem) {
  const first = p.issues[0] ?? issue('server.error');
  return {
    type: `https://ipr.example/problems/${first.code.replace('.', '/')}`,
    title: TITLES[p.status] ?? 'Error',
    status: p.status,
    ...(p.detail ? { detail: p.detail } : { detail: first.message }),
    code: first.code,
    issues: p.issues.length ? p.issues : [first],
  };
}

export function problemResponse(p: ApiProblem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problemBody(p)), {
    status: p.status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}
