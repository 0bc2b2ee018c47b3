// The detail's "Picture matches" section of a Picture Embezzlement complaint: each product's best
// original side by side with its listing picture, the distance and the band (the server computes
// them; the bands are the validators'). Loaded apart from the complaint: a client without
// `pictures`, or a server without an image library, leaves the section out.
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { Task } from '@lit/task';
import type { PictureMatches } from '@ipr/validators';
import { type IprClient, unwrap } from '../../api.js';
import type { Messages } from '../../i18n/index.js';

type Args = [IprClient | undefined, string | undefined, string | undefined];

/** Loads the matches when the complaint shown is a picture complaint (again when it changes). */
export function pictureMatchesTask(host: ReactiveControllerHost, args: () => Args) {
  return new Task(host, {
    task: async ([api, id, type]: Args, { signal }): Promise<PictureMatches | undefined> => {
      if (!api?.pictures || !id || type !== 'picture_embezzlement') return undefined;
      return unwrap(api.pictures.matches(id, { signal }));
    },
    args,
  });
}

export function pictureMatchesSection(
  t: Messages,
  api: IprClient,
  m: PictureMatches,
  issueText: (i: NonNullable<PictureMatches['originals'][number]['issue']>) => string,
): TemplateResult {
  const originals = new Map(m.originals.map((o) => [o.evidenceId, o]));
  const url = (path: string) => api.pictures?.url(path) ?? path;
  return html`<section class="pictures" part="pictures" aria-labelledby="pictures-h">
    <h3 id="pictures-h">${t.pictureMatches}</h3>
    <p class="meta" role="status">${t.pictureMatchesHint(m.summary.likelySame, m.summary.possiblyEdited, m.summary.noMatch)}</p>
    ${m.originals.filter((o) => o.issue).map((o) => html`<p class="error" part="error">${issueText(o.issue!)}</p>`)}
    <ul class="plain matches">
      ${m.products.map((p) => {
        const best = p.best;
        const original = best ? originals.get(best.evidenceId) : undefined;
        const listing = best ? p.pictures[best.position] : p.pictures[0];
        return html`<li class="match" data-product=${p.productId} data-band=${p.band}>
          <span class="thumbs">
            ${listing ? html`<img src=${url(listing.thumbnailUrl)} alt=${`${t.listingPicture}: ${p.name}`} width="64" height="64" loading="lazy" />` : nothing}
            ${original?.thumbnailUrl ? html`<img src=${original.thumbnailUrl} alt=${`${t.originalPicture}: ${original.name}`} width="64" height="64" />` : nothing}
          </span>
          <span class="text">
            <span class="name">${p.name}</span>
            <span class="badge band" data-band=${p.band}>${t.pictureBands[p.band] ?? p.band}</span>
            ${best ? html`<span class="meta">${original?.name ?? ''} · ${t.pictureDistance(best.distance)}${best.mirrored ? ` · ${t.pictureMirrored}` : ''}</span>` : nothing}
          </span>
        </li>`;
      })}
    </ul>
  </section>`;
}
