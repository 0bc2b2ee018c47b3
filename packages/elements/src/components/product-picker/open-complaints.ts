import type { ReactiveControllerHost } from 'lit';
import { LIMITS, type Product } from '@ipr/validators';
import type { IprClient } from '../../api.js';

/** The caller's open complaint that already lists a product. */
export interface OpenComplaintRef {
  id: string;
  number: string;
}

export interface OpenComplaintsHost extends ReactiveControllerHost {
  readonly api: IprClient | undefined;
}

export interface OpenComplaintsOptions {
  /** The links added now. */
  links(): readonly string[];
  /** The same answer names the products of links that came without one (set as `value`, restored drafts). */
  onProducts(found: ReadonlyMap<string, Product>): void;
}

/**
 * Which added links are already in one of the caller's open complaints: asks the API (in batches of
 * the link limit) about every link not asked about yet, one round at a time; links added while an
 * answer is on its way are asked about once it arrives. An unanswered round (offline, refused)
 * leaves its links unchecked, so the next change asks again. The host calls `check()` when its
 * links or its client change; answers ask the host to update.
 */
export class OpenComplaints {
  /** By link: the open complaint listing it, `null` when none, absent while unchecked. */
  private byUrl = new Map<string, OpenComplaintRef | null>();
  private checking?: Promise<void>;

  constructor(
    private readonly host: OpenComplaintsHost,
    private readonly options: OpenComplaintsOptions,
  ) {}

  /** The open complaint listing `url`: `null` when none, undefined while unchecked. */
  get(url: string): OpenComplaintRef | null | undefined {
    return this.byUrl.get(url);
  }

  /** Resolves once every added link has been checked. */
  get checked(): Promise<void> {
    return this.checking ?? Promise.resolve();
  }

  /** Records answers learnt elsewhere (an import asked already): no second round trip for them. */
  remember(answers: Iterable<[string, OpenComplaintRef | null]>): void {
    const next = new Map(this.byUrl);
    for (const [url, complaint] of answers) if (!next.has(url)) next.set(url, complaint);
    this.set(next);
  }

  /** Asks about the links not checked yet (no-op while a round is on its way or without a client). */
  check(): void {
    if (this.checking) return;
    const api = this.host.api;
    const unchecked = this.options.links().filter((url) => !this.byUrl.has(url));
    if (!api || unchecked.length === 0) return;
    const run = async () => {
      for (let i = 0; i < unchecked.length; i += LIMITS.maxProductLinks) {
        const batch = unchecked.slice(i, i + LIMITS.maxProductLinks);
        const result = await api.products.resolveLinks(batch).catch(() => undefined);
        if (!result || result.error) return;
        const next = new Map(this.byUrl);
        const found = new Map<string, Product>();
        for (const item of result.data.items) {
          const url = item.url ?? batch[item.index];
          if (!url) continue;
          if (!next.has(url))
            next.set(url, item.openComplaint ? { id: item.openComplaint.id, number: item.openComplaint.number } : null);
          if (item.product) found.set(url, item.product);
        }
        this.set(next);
        if (found.size) this.options.onProducts(found);
      }
    };
    this.checking = run().finally(() => {
      this.checking = undefined;
      if (this.options.links().some((url) => !this.byUrl.has(url)))
        void this.host.updateComplete.then(() => this.check());
    });
  }

  private set(next: Map<string, OpenComplaintRef | null>) {
    this.byUrl = next;
    this.host.requestUpdate();
  }
}
