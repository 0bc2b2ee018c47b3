import type { ReactiveController } from 'lit';
import { createDraftStore, type DraftInput, type DraftStore, type StoredDraft } from '@ipr/client';
import { type IprDraftErrorDetail, IprDraftErrorEvent } from '../../events/index.js';
import { type FormHost, reportError } from './form-host.js';

export type DraftStorage = 'auto' | 'indexeddb' | 'memory';

export interface DraftHost extends FormHost {
  /** The key drafts are saved under, before the account's id is added. */
  readonly draftKey: string;
  readonly draftStorage: DraftStorage;
}

export interface DraftOptions {
  /** Whose draft it is: the account's id, null when the API could not say, undefined before it answered. */
  account(): string | null | undefined;
  /** What is saved now (undefined: nothing to keep, e.g. once the complaint was filed). */
  snapshot(): DraftInput | undefined;
  /** Another key was opened (another account, another brand): the form starts empty. */
  onSwitch(): void;
  /** The opened key has a saved draft. */
  onRestore(saved: StoredDraft): void;
}

interface Wanted {
  key: string;
  storage: DraftStorage;
}
interface OpenStore extends Wanted {
  store: DraftStore;
}

/** Debounce of saves after a change, in ms. */
const SAVE_DELAY = 250;

/**
 * The form's saved draft: opens the store for the account's key (`<draft-key>:<account id>`; in
 * memory under `<draft-key>:?` when the API could not say whose token this is, so no other account
 * can read it), restores what it holds, saves changes debounced, and switches when the key, the
 * storage or the account changes. A store that fails is reported (`ipr-draft-error`); one that
 * cannot be opened or read is replaced by memory, so the form keeps working.
 */
export class DraftController implements ReactiveController {
  /** Resolves once the open key's saved draft (if any) is in the form. */
  ready: Promise<void> = Promise.resolve();
  /** The open store, its key and the storage asked for. */
  private current?: OpenStore;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: DraftHost,
    private readonly options: DraftOptions,
  ) {
    host.addController(this);
  }

  /** The key the draft is stored under; undefined until the API has said whose token this is. */
  get storeKey(): string | undefined {
    const account = this.options.account();
    return account ? `${this.host.draftKey}:${account}` : undefined;
  }

  hostConnected(): void {
    this.sync();
  }

  /** A new `draft-key` or `draft-storage` opens its store before the form renders. */
  hostUpdate(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.flush();
  }

  /** Opens the wanted store when it is not the open one (call when the account changed). */
  sync(): void {
    const wanted = this.wanted;
    const current = this.current;
    if (!this.host.isConnected || !wanted) return;
    if (wanted.key !== current?.key || wanted.storage !== current.storage) this.open(wanted);
  }

  /** Saves after a pause (after each change). */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.saveNow();
    }, SAVE_DELAY);
  }

  /** Saves now (normally debounced after each change); a failure is reported, the form keeps its draft. */
  async saveNow(): Promise<void> {
    const open = this.current;
    const snapshot = open && this.options.snapshot();
    if (!open || !snapshot) return;
    try {
      await open.store.save(snapshot);
    } catch (cause) {
      this.report(open, 'save', cause, null);
    }
  }

  /** Drops the pending save and the saved draft (the complaint was filed, or the person starts over). */
  async clear(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const open = this.current;
    if (!open) return;
    try {
      await open.store.clear();
    } catch (cause) {
      this.report(open, 'clear', cause, null);
    }
  }

  /** The store this form's draft belongs in (memory when the account is unknown). */
  private get wanted(): Wanted | undefined {
    const account = this.options.account();
    if (account === undefined) return undefined;
    return account === null
      ? { key: `${this.host.draftKey}:?`, storage: 'memory' }
      : { key: `${this.host.draftKey}:${account}`, storage: this.host.draftStorage };
  }

  /** A change not yet saved belongs to the open draft: saves it there now. */
  private flush() {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    void this.saveNow();
  }

  private open(wanted: Wanted) {
    const switching = this.current !== undefined;
    // Saved under the key being left, not under the new one.
    this.flush();
    // Another key: the form starts empty; the restore below fills it when that key has a draft.
    if (switching) this.options.onSwitch();
    let store: DraftStore;
    try {
      store = createDraftStore(wanted);
    } catch (cause) {
      this.report(wanted, 'open', cause, 'memory');
      store = createDraftStore({ key: wanted.key, storage: 'memory' });
    }
    const open: OpenStore = { ...wanted, store };
    this.current = open;
    this.ready = this.restore(open);
  }

  private async restore(open: OpenStore) {
    let saved: StoredDraft | null;
    try {
      saved = await open.store.load();
    } catch (cause) {
      if (this.current !== open) return;
      this.report(open, 'load', cause, 'memory');
      // What this page kept in memory for the key (an earlier form that fell back too) is still there.
      open.store = createDraftStore({ key: open.key, storage: 'memory' });
      saved = await open.store.load();
    }
    // Another key was opened meanwhile: this draft is not the form's any more.
    if (saved && this.current === open) this.options.onRestore(saved);
  }

  private report(
    about: Wanted,
    operation: IprDraftErrorDetail['operation'],
    cause: unknown,
    fallback: IprDraftErrorDetail['fallback'],
  ) {
    const { key, storage } = about;
    reportError(this.host, new IprDraftErrorEvent({ key, storage, operation, cause, fallback }));
  }
}
