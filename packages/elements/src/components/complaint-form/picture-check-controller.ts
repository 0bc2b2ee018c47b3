// Before a Picture Embezzlement complaint is filed: which listed products match none of the
// originals marked in the draft (asked of the API on the review step; `client.pictures.matchDraft`).
// A warning, not a block: a listing may show the picture edited beyond what the hash recognises.
import { Task } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { IprClient } from '../../api.js';
import { unwrap } from '../../api.js';
import type { FormDraft } from './form-model.js';

type Args = [IprClient | undefined, boolean, string, string, string];

export class PictureCheckController {
  private readonly task: Task<Args, Array<{ url: string; name: string }> | undefined>;

  constructor(
    host: ReactiveControllerHost,
    args: () => { api: IprClient | undefined; reviewing: boolean; draft: FormDraft },
  ) {
    this.task = new Task(host, {
      task: async ([api, reviewing, type, links, originals], { signal }) => {
        if (!api?.pictures || !reviewing || type !== 'picture_embezzlement' || !links || !originals) return undefined;
        const matches = await unwrap(
          api.pictures.matchDraft({ productLinks: links.split('\n'), originals: originals.split('\n') }, { signal }),
        );
        return matches.products.filter((p) => p.band === 'no_match').map((p) => ({ url: p.url, name: p.name }));
      },
      // Strings, so an unchanged draft does not ask again on every render.
      args: () => {
        const { api, reviewing, draft } = args();
        const originals = draft.evidence.filter((r) => r.original).map((r) => r.id);
        return [api, reviewing, draft.type ?? '', draft.productLinks.join('\n'), originals.join('\n')];
      },
    });
  }

  /** Listed products matching none of the originals (undefined until asked, or when it cannot be said). */
  get unmatched(): Array<{ url: string; name: string }> | undefined {
    return this.task.value;
  }
}
