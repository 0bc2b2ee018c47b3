import { Task, TaskStatus } from '@lit/task';
import { type HolderProfile, type Issue, validateHolderProfile } from '@ipr/validators';
import { type ApiError, type IprClient, unwrap } from '../../api.js';
import { IprErrorEvent, IprProfileSavedEvent } from '../../events/index.js';
import { holderProfilesOf } from '../holder-profiles/profiles.js';
import { type FormHost, reportError } from './form-host.js';
import { fieldKey, type HolderDraft, holderFromProfile } from './form-model.js';
import type { KnownItems } from './known-items.js';

export interface HolderProfilesOptions {
  /** Puts holder details into the draft, as an edit of the person's. */
  changeHolder(holder: HolderDraft): void;
  /** Shows the problems of these controls (the holder rule speaks through the fields, too). */
  touch(keys: string[]): void;
  /** The clock for the power of attorney. */
  now(): Date | undefined;
  known: KnownItems;
}

/**
 * The caller's saved holder profiles for the form's holder fields: the list ("Use a saved
 * holder"), filling the fields from one, and saving the entered details as a new one ("Save these
 * details as a profile") with its problems and outcome. Nothing is offered when the client has no
 * `holderProfiles`. A list that cannot be loaded is reported (`ipr-error`) and shown at the select.
 */
export class HolderProfilesController {
  /** A profile is being saved. */
  saving = false;
  /** Why the entered details cannot be saved as a profile (the holder rule). */
  issues: Issue[] = [];
  /** The API refused to save the profile. */
  error?: ApiError;
  /** The profile just saved from the entered details. */
  saved?: HolderProfile;

  private readonly task: Task<[IprClient | undefined], HolderProfile[]>;

  constructor(
    private readonly host: FormHost,
    private readonly options: HolderProfilesOptions,
  ) {
    this.task = new Task(host, {
      task: async ([api], { signal }) => {
        const profiles = holderProfilesOf(api);
        return profiles ? (await unwrap(profiles.list({ signal }))).items : [];
      },
      args: () => [host.api],
      onError: (cause) => reportError(host, new IprErrorEvent({ operation: 'holder-profiles', cause })),
    });
  }

  /** The client can keep holder profiles. */
  get offered(): boolean {
    return !!holderProfilesOf(this.host.api);
  }

  /** The saved profiles (undefined until loaded). */
  get list(): HolderProfile[] | undefined {
    return this.task.value;
  }

  /** Why the list could not be loaded (undefined when it could, or has not answered yet). */
  get loadError(): unknown {
    return this.task.status === TaskStatus.ERROR ? this.task.error : undefined;
  }

  /** Loads the list again. */
  async refresh(): Promise<void> {
    await this.task.run();
  }

  /** Forgets the outcome of the last "Save as a profile". */
  clearFeedback(): void {
    this.issues = [];
    this.error = undefined;
    this.saved = undefined;
    this.host.requestUpdate();
  }

  /** Fills the holder fields from a saved profile (none: the details are the person's own). */
  async use(id: string): Promise<void> {
    const profile = (this.list ?? []).find((p) => p.id === id);
    if (!profile) {
      this.options.changeHolder({ ...this.host.draft.holder, profileId: null });
      return;
    }
    this.issues = [];
    this.error = undefined;
    this.saved = undefined;
    this.options.changeHolder(holderFromProfile(profile));
    await this.options.known.learnEvidence([
      ...profile.holder.identificationAttachments,
      ...profile.holder.powerOfAttorney,
    ]);
  }

  /** Saves the entered holder details as a profile; problems are kept for the form to show in place. */
  async save(): Promise<HolderProfile | undefined> {
    const profiles = holderProfilesOf(this.host.api);
    if (!profiles || this.saving) return undefined;
    this.saved = undefined;
    this.error = undefined;
    const h = this.host.draft.holder;
    const holder = { ...h, powerOfAttorneyExpiresAt: h.powerOfAttorneyExpiresAt || null };
    delete holder.profileId;
    const checked = validateHolderProfile({ label: h.name.trim(), holder }, { now: this.options.now() ?? new Date() });
    if (!checked.ok) {
      this.issues = checked.issues;
      this.options.touch(checked.issues.map((i) => fieldKey(i)));
      this.host.requestUpdate();
      return undefined;
    }
    this.issues = [];
    this.saving = true;
    this.host.requestUpdate();
    const result = await profiles.create(checked.value);
    this.saving = false;
    this.host.requestUpdate();
    if (result.error) {
      this.error = result.error;
      return undefined;
    }
    const profile = result.data;
    this.saved = profile;
    this.options.changeHolder({ ...this.host.draft.holder, profileId: profile.id });
    void this.task.run();
    this.host.emit(new IprProfileSavedEvent({ profile, created: true }));
    return profile;
  }
}
