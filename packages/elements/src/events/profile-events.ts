import type { HolderProfile } from '@ipr/validators';

const init = { bubbles: true, composed: true } as const;

export interface IprProfileSavedDetail {
  profile: HolderProfile;
  /** True when the profile was created, false when an existing one was updated. */
  created: boolean;
}
/** A saved IPR holder profile was created or updated (from `<ipr-holder-profiles>` or the form's holder step). */
export class IprProfileSavedEvent extends CustomEvent<IprProfileSavedDetail> {
  static readonly eventName = 'ipr-profile-saved';
  constructor(detail: IprProfileSavedDetail) {
    super(IprProfileSavedEvent.eventName, { ...init, detail });
  }
}

export interface IprProfileDeletedDetail {
  id: string;
  /** The profile as it was before it was deleted. */
  profile: HolderProfile;
}
/** A saved IPR holder profile was deleted (after the user confirmed). */
export class IprProfileDeletedEvent extends CustomEvent<IprProfileDeletedDetail> {
  static readonly eventName = 'ipr-profile-deleted';
  constructor(detail: IprProfileDeletedDetail) {
    super(IprProfileDeletedEvent.eventName, { ...init, detail });
  }
}
