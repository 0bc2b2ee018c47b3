// The picture routes: catalogue pictures, and the matches of a complaint or a draft. Mounted with
// the rest of the table (routes.ts spreads PICTURE_ROUTES in).
import { type Issue, issue, normalizeProductLink, PictureMatchBodySchema, ROLES } from '@ipr/validators';
import * as z from 'zod/mini';
import { notFound, problem, refused } from '../problem.js';
import { complaintOr404, type Deps, json, parseBody, route } from '../route.js';
import { productsByUrl } from '../store/index.js';
import { cataloguePictures, type PictureEngine } from './engine.js';
import { originalRows, pictureMatches } from './matches.js';

export const PictureQuerySchema = z.object({ size: z.optional(z.enum(['full', 'thumbnail'])) });

/** The engine, or 503: a server started without an image library cannot compare pictures. */
function engineOf(deps: Deps): PictureEngine {
  if (!deps.pictures) throw problem('server.unavailable');
  return deps.pictures;
}

export const PICTURE_ROUTES = [
  route({
    method: 'get',
    path: '/v1/products/{id}/pictures/{position}',
    operationId: 'getProductPicture',
    summary:
      "A catalogue picture of a product (JPEG or PNG; `size=thumbnail`: a 96 px JPEG). Public, as the marketplace's listing pictures are, so an `<img>` can show it without a token",
    tag: 'products',
    roles: 'public',
    query: PictureQuerySchema,
    responses: {
      200: { description: 'The picture', schema: 'binary', headers: { 'Cache-Control': 'public, max-age=86400' } },
    },
    problems: [404, 422, 503],
    async handler({ deps, params, query }) {
      const engine = engineOf(deps);
      const picture = cataloguePictures(params.id!)[Number(params.position)];
      if (!/^\d{1,2}$/.test(params.position!) || !picture) throw notFound();
      const { rows } = await deps.db.query('select 1 from products where id = $1', [params.id]);
      if (!rows.length) throw notFound();
      const full = await engine.render(picture);
      const bytes = query.size === 'thumbnail' ? await engine.thumbnail(full, 96) : full;
      if (!bytes) throw notFound();
      const png = bytes[0] === 0x89 && bytes[1] === 0x50;
      return new Response(bytes as Uint8Array<ArrayBuffer>, {
        headers: {
          'content-type': png ? 'image/png' : 'image/jpeg',
          'content-length': String(bytes.length),
          'cache-control': 'public, max-age=86400',
          'x-content-type-options': 'nosniff',
        },
      });
    },
  }),
  route({
    method: 'get',
    path: '/v1/complaints/{id}/picture-matches',
    operationId: 'getPictureMatches',
    summary:
      "Each listed product's best match among the complaint's original pictures (distance of 64-bit DCT perceptual hashes, a band), strongest first. A supplier sees its own products only",
    tag: 'complaints',
    roles: ROLES,
    responses: { 200: { description: 'The matches', schema: 'PictureMatches' } },
    problems: [404, 503],
    async handler({ deps, account, params }) {
      const pictures = engineOf(deps);
      const complaint = await complaintOr404(deps, account, params.id!);
      const originals = await originalRows(
        deps.db,
        `e.id in (select evidence_id from complaint_evidence where complaint_id = $1 and purpose = 'evidence' and original)`,
        [complaint.id],
      );
      const products = complaint.products.map((p) => ({
        productId: p.productId,
        url: p.url,
        name: p.name,
        supplierId: p.supplierId,
      }));
      return json(await pictureMatches({ ...deps, pictures }, products, originals));
    },
  }),
  route({
    method: 'post',
    path: '/v1/pictures/match',
    operationId: 'matchPictures',
    summary:
      "A draft's matches before it is filed: its product links against the caller's evidence named as originals (the form warns about products that match none)",
    tag: 'complaints',
    roles: ['complainant'],
    body: { kind: 'json', schema: 'PictureMatchBody', required: true },
    responses: { 200: { description: 'The matches', schema: 'PictureMatches' } },
    problems: [400, 403, 413, 422, 503],
    async handler({ deps, account, body }) {
      const pictures = engineOf(deps);
      const input = parseBody(PictureMatchBodySchema, body);
      const urls = input.productLinks.map((link) => normalizeProductLink(link));
      const found = await productsByUrl(
        deps.db,
        urls.flatMap((u) => (u.status === 'ok' ? [u.url] : [])),
      );
      const issues: Issue[] = urls.flatMap((u, i) =>
        u.status === 'ok' && found.has(u.url) ? [] : [issue('links.not_found', ['productLinks', i])],
      );
      const originals = await originalRows(deps.db, 'e.account_id = $1 and e.id = any($2::text[])', [
        account.id,
        input.originals,
      ]);
      const own = new Set(originals.map((o) => o.id));
      input.originals.forEach((id, i) => {
        if (!own.has(id)) issues.push(issue('evidence.not_found', ['originals', i]));
      });
      if (issues.length) throw refused(issues);
      const products = [...new Map([...found.values()].map((p) => [p.id, p])).values()].map((p) => ({
        productId: p.id,
        url: p.url,
        name: p.name,
        supplierId: p.supplierId,
      }));
      return json(await pictureMatches({ ...deps, pictures }, products, originals));
    },
  }),
];
