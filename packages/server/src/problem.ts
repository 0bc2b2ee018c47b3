import { issue, type Issue, type IssueCode, type IssueParams } from '@ipr/validators';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Content too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  500: 'Internal server error',
};

/** An answer that is not a success: becomes `application/problem+json`. Thrown by handlers, caught once. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly issues: Issue[],
    readonly detail?: string,
  ) {
    super(issues[0]?.message ?? TITLES[status] ?? 'Error');
  }
}

export function problem(status: number, code: IssueCode, path: Issue['path'] = [], params?: IssueParams): ApiProblem {
  return new ApiProblem(status, [issue(code, path, params)]);
}

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

export const notFound = () => problem(404, 'resource.not_found');
export const unprocessable = (issues: Issue[]) => new ApiProblem(422, issues);
