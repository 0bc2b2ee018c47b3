// Errors an element meets in the background and carries on without (the person's work is not lost).
// Cancelable: an element that dispatches one also warns on the console unless a listener calls
// preventDefault(), so an error nobody listens for is still never silent.

const init = { bubbles: true, composed: true, cancelable: true } as const;

export interface IprDraftErrorDetail {
  /**
   * What failed: `open` (the storage is not available here), `load` (the saved draft could not be
   * read), `save` (a change could not be kept) or `clear` (the saved draft could not be removed).
   */
  operation: 'open' | 'load' | 'save' | 'clear';
  /** The key the draft is stored under (`<draft-key>:<account id>`). */
  key: string;
  /** The storage that failed, as asked for by `draft-storage`. */
  storage: 'auto' | 'indexeddb' | 'memory';
  /** The error thrown by the storage. */
  cause: unknown;
  /** `memory`: the form keeps the draft in memory from now on (it survives re-creating the element, not a reload). */
  fallback: 'memory' | null;
}
/** The form's draft storage failed; the form goes on working (in memory when the storage cannot be used). */
export class IprDraftErrorEvent extends CustomEvent<IprDraftErrorDetail> {
  static readonly eventName = 'ipr-draft-error';
  constructor(detail: IprDraftErrorDetail) {
    super(IprDraftErrorEvent.eventName, { ...init, detail });
  }
}

export interface IprErrorDetail {
  /**
   * The request that failed: `account` (whose token this is: the contact is not pre-filled and the
   * draft is kept in memory only), `holder-profiles` (the saved holders), `product-names` (names for
   * restored links: the links are shown instead) or `evidence-names` (a saved holder's attachments).
   */
  operation: 'account' | 'holder-profiles' | 'product-names' | 'evidence-names';
  /** The error, usually the client's `ApiError` (`{ code, message, status, issues }`). */
  cause: unknown;
}
/** A request an element made by itself failed; it carries on without the answer. */
export class IprErrorEvent extends CustomEvent<IprErrorDetail> {
  static readonly eventName = 'ipr-error';
  constructor(detail: IprErrorDetail) {
    super(IprErrorEvent.eventName, { ...init, detail });
  }
}
