// `client.pictures`: Picture Embezzlement matches (each listed product's best match among the
// complainant's original pictures) and the URLs of catalogue pictures. The bands and thresholds
// are the validators' (`pictureBand`, `PICTURE_THRESHOLDS`). The match calls are loaded on first
// use by resources/pictures.ts, which builds the URLs itself.
import { issue, LIMITS, PICTURE_LIMITS, type Issue, type PictureMatches } from '@ipr/validators';
import type { ApiResult, CallOptions } from './errors.js';
import type { paths } from './generated/api.js';
import type createClient from 'openapi-fetch';

export interface PicturesApi {
  /** A filed complaint's matches (a supplier gets its own products only). */
  matches(complaintId: string, opts?: CallOptions): Promise<ApiResult<PictureMatches>>;
  /** A draft's matches before it is filed: its product links against evidence ids marked original. */
  matchDraft(
    input: { productLinks: string[]; originals: string[] },
    opts?: CallOptions,
  ): Promise<ApiResult<PictureMatches>>;
  /**
   * The absolute URL of a path the API gave (a product picture's `url` or `thumbnailUrl`), for an
   * `<img src>`: catalogue pictures are public, so no token is needed.
   */
  url(path: string): string;
}

type Raw = ReturnType<typeof createClient<paths>>;
type Call = <T>(
  run: () => Promise<{ data?: T; error?: unknown; response: Response }>,
  signal?: AbortSignal,
) => Promise<ApiResult<T>>;

export function createPicturesApi(deps: {
  raw: Raw;
  call: Call;
  refused(issues: Issue[]): { error: NonNullable<ApiResult<never>['error']> };
}): Omit<PicturesApi, 'url'> {
  const { raw, call } = deps;
  return {
    matches: (id, opts = {}) =>
      call(
        () => raw.GET('/v1/complaints/{id}/picture-matches', { params: { path: { id } }, signal: opts.signal }),
        opts.signal,
      ),
    matchDraft: async (input, opts = {}) => {
      const issues: Issue[] = [];
      if (!input.productLinks.length) issues.push(issue('links.required', ['productLinks']));
      if (input.productLinks.length > LIMITS.maxProductLinks)
        issues.push(
          issue('links.too_many', ['productLinks'], {
            limit: LIMITS.maxProductLinks,
            count: input.productLinks.length,
          }),
        );
      if (!input.originals.length || input.originals.length > PICTURE_LIMITS.maxOriginals)
        issues.push(issue('picture.original_required', ['originals']));
      if (issues.length) return deps.refused(issues);
      return call(() => raw.POST('/v1/pictures/match', { body: input, signal: opts.signal }), opts.signal);
    },
  };
}
