// What a step template gets from the form for one render: the state it shows and the actions its
// controls call. Templates are functions of this context; they hold no state of their own.
import type { FormStep, Issue } from '@ipr/validators';
import type { ApiError, IprClient } from '../../../api.js';
import type { Locale, Messages } from '../../../i18n/index.js';
import type { FormDraft } from '../form-model.js';
import type { HolderProfilesController } from '../holder-profiles-controller.js';
import type { KnownItems } from '../known-items.js';

export interface StepContext {
  readonly t: Messages;
  readonly locale: Locale;
  readonly api: IprClient;
  readonly theme: 'light' | 'dark' | 'auto' | undefined;
  readonly draft: FormDraft;
  readonly known: KnownItems;
  readonly profiles: HolderProfilesController;
  /** The clock for the saved holders' power-of-attorney states. */
  readonly now: Date | undefined;
  /** Picture Embezzlement: listed products whose pictures match none of the originals (on review). */
  readonly unmatchedPictures: ReadonlyArray<{ url: string; name: string }> | undefined;
  /** Where large attachments may be emailed. */
  readonly largeAttachmentEmail: string | undefined;
  /** The draft's issues shown at a control (after it was touched or its step was tried), for this render. */
  shown(key: string): Issue[];
  issueText(issue: Issue): string;
  errorText(error: ApiError): string;
  /**
   * An edit of the person's. A function gets the draft as it is when the control fires (several
   * controls may fire before the next render, so `draft` above may be older).
   */
  change(patch: Partial<FormDraft> | ((draft: FormDraft) => Partial<FormDraft>)): void;
  /** The person has been at this control. */
  touch(key: string): void;
  goTo(step: FormStep): void;
}
