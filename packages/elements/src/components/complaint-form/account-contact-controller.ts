import { Task } from '@lit/task';
import { type IprClient, unwrap } from '../../api.js';
import { IprErrorEvent } from '../../events/index.js';
import { type FormHost, reportError } from './form-host.js';
import { type AccountContact, type Contact, formContact, sameContact } from './form-model.js';

type Account = NonNullable<Awaited<ReturnType<IprClient['account']['get']>>['data']>;

/**
 * Whose token the form has (the API's account) and the contact that comes with it. The contact
 * defaults to the account's and follows it (another token: another account) until the person
 * edits it, or a restored draft brought its own. `onAccount` runs whenever the account is known
 * anew (the draft's key depends on it).
 */
export class AccountContactController {
  /** The account's id (null: the API could not say; undefined: not asked yet). */
  id?: string | null;
  /** The account's contact (undefined while unknown). */
  contact?: AccountContact;
  /** The account contact last put into the form as its default (replaced while untouched). */
  private default?: Contact;
  /** The contact came with a restored draft: it is the person's, not the account's. */
  private fromDraft = false;

  private readonly task: Task<[IprClient | undefined], Account | undefined>;

  constructor(
    host: FormHost,
    private readonly onAccount: () => void,
  ) {
    this.task = new Task(host, {
      task: async ([api], { signal }) => (api ? unwrap(api.account.get({ signal })) : undefined),
      args: () => [host.api],
      onComplete: (account) => {
        this.id = account ? account.id : undefined;
        this.contact = account?.contact;
        this.onAccount();
        if (!account || this.fromDraft) return;
        const c = host.draft.contact;
        if ((c.name || c.email || c.phone) && !sameContact(c, this.default)) return;
        this.default = formContact(account.contact);
        host.draft = { ...host.draft, contact: { ...this.default } };
      },
      // Whose draft is unknown from the start: kept in memory only (never under a key another account
      // could read). A token that stops working mid-form (expired) keeps the account's draft open.
      onError: (cause) => {
        this.contact = undefined;
        reportError(host, new IprErrorEvent({ operation: 'account', cause }));
        if (this.id !== undefined) return;
        this.id = null;
        this.onAccount();
      },
    });
  }

  /** Resolves once the API has answered for the current client. */
  get settled(): Promise<void> {
    // A failed lookup is handled and reported by onError (the draft is kept in memory): only waited for here.
    return this.task.taskComplete.then(
      () => undefined,
      () => undefined,
    );
  }

  /** The contact of an empty form (the account's, when known): from now on it is the default. */
  startOver(): Contact | undefined {
    this.default = this.contact ? formContact(this.contact) : undefined;
    this.fromDraft = false;
    return this.default ? { ...this.default } : undefined;
  }

  /** A restored draft with a contact of its own keeps it (the account's does not replace it). */
  restored(contact: Partial<Contact> | undefined): void {
    this.fromDraft = !!(contact && (contact.name || contact.email));
  }
}
