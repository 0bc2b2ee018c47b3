import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Issue } from '@ipr/validators';
import { IprApiElement } from './api-element.js';

// Owns taking part in a host <form> (ElementInternals: value, validity, reset, disabled, restore) for the
// value-carrying elements; the rules stay in @ipr/validators, the value and its issues in each element.

/** What the browser hands back to `formStateRestoreCallback` (what `setFormValue` was given as state). */
export type FormRestoreState = string | File | FormData | null;

type ValidityFlag = Exclude<keyof ValidityState, 'valid'>;

/**
 * The `ValidityState` flag an issue sets, read from its code: a missing value (`*.required`), too
 * many or too long (`*.too_many`, `*.too_long`), too short; any other rule is a `customError`.
 */
export function validityFlagOf(code: Issue['code']): ValidityFlag {
  if (code.endsWith('.required')) return 'valueMissing';
  if (code.endsWith('.too_many') || code.endsWith('.too_long')) return 'tooLong';
  if (code.endsWith('.too_short')) return 'tooShort';
  return 'customError';
}

function entriesData(name: string, entries: readonly string[]): FormData {
  const data = new FormData();
  for (const entry of entries) data.append(name, entry);
  return data;
}

/**
 * A form-associated `ipr-*` control: it takes part in a host `<form>` like a native control. Its
 * value is submitted as one entry per item under `name`; its validity comes from the issues of
 * `@ipr/validators` (the first issue's localised message is `validationMessage`); reset, a disabled
 * `<fieldset>`, `form="…"` and the browser's state restore work as for `<select multiple>`.
 *
 * An element extending it says what it submits (`formEntries`), which issues its value has
 * (`formIssues`), how to empty and restore its value, and which inner element `reportValidity()`
 * focuses (`validationAnchor`). Inline errors (`shownErrors`) show once the user has used the control
 * or it was found invalid (an `invalid` event: a refused submit, `checkValidity()`, `reportValidity()`),
 * or with `show-errors`.
 */
export abstract class IprFormControl extends IprApiElement {
  static formAssociated = true;

  /** The field name in a host form: the value is submitted as one entry per item under it. */
  @property({ reflect: true }) name = '';

  /** An empty value is invalid (`validity.valueMissing`) and a host form will not submit. */
  @property({ type: Boolean, reflect: true }) required = false;

  /**
   * Disables the control: it is neither submitted nor validated. Also true while a disabled
   * `<fieldset>` around it disables it (the attribute is then left to the fieldset).
   */
  @property({ type: Boolean }) disabled = false;

  /** Issues to show in place of the control's own (set by `<ipr-complaint-form>`); validity stays the control's own. */
  @property({ attribute: false }) issues?: Issue[];

  /** Shows the control's own errors before the user has interacted (e.g. after "Next"). */
  @property({ type: Boolean, attribute: 'show-errors' }) showErrors = false;

  /** Set by the element on interaction, and by an `invalid` event or `reportValidity()`; cleared by a form reset. */
  @state() protected touched = false;

  /** The message of `setCustomValidity()`; empty when none. */
  @state() private customMessage = '';

  private readonly internals?: ElementInternals;
  private formSynced = false;

  constructor() {
    super();
    try {
      this.internals = this.attachInternals();
    } catch {
      // Not form-associated (e.g. an old browser): the element still works on its own.
    }
    this.addEventListener('invalid', () => {
      this.touched = true;
    });
  }

  /** The entries submitted under `name`, one per item (none: nothing is submitted). */
  protected abstract get formEntries(): readonly string[];

  /** The control's own issues, from the rules of `@ipr/validators` (the first one decides validity). */
  protected abstract get formIssues(): Issue[];

  /** The focusable inner element `reportValidity()` and a failed submit point at. */
  protected abstract get validationAnchor(): HTMLElement | null | undefined;

  /** Empties the value (a form reset; no `change` event, as for native controls). */
  protected abstract resetFormValue(): void;

  /** Puts back a value the browser restored (history navigation) or autofilled, from its entries. */
  protected abstract restoreFormEntries(entries: string[], reason: 'restore' | 'autocomplete'): void;

  /** The entries the browser keeps to restore the control (by default what is submitted). */
  protected get formStateEntries(): readonly string[] {
    return this.formEntries;
  }

  /** Whether an update changed what is submitted or its validity; an element adds its value's properties. */
  protected formStateChanged(changed: PropertyValues): boolean {
    // `t`: the strings of a newly loaded locale, so `validationMessage` follows the shown language.
    return (
      changed.has('name') ||
      changed.has('required') ||
      changed.has('disabled') ||
      changed.has('customMessage') ||
      changed.has('t')
    );
  }

  /** The form the control belongs to (its ancestor, or the one its `form` attribute names), or null. */
  get form(): HTMLFormElement | null {
    return this.internals?.form ?? null;
  }

  /** The control's `ValidityState` (valueMissing, tooLong, customError, …). */
  get validity(): ValidityState | undefined {
    this.syncPendingValidity();
    return this.internals?.validity;
  }

  /** The localised message of the first issue (or the custom validity message); empty when valid. */
  get validationMessage(): string {
    this.syncPendingValidity();
    return this.internals?.validationMessage ?? '';
  }

  /** Whether the control takes part in constraint validation (false while disabled). */
  get willValidate(): boolean {
    return this.internals?.willValidate ?? false;
  }

  /** True when valid; otherwise fires `invalid` (from then on the inline errors show) and returns false. */
  checkValidity(): boolean {
    this.syncPendingValidity();
    return this.internals?.checkValidity() ?? true;
  }

  /** As `checkValidity()`, and when invalid shows the errors and moves focus to `validationAnchor`. */
  reportValidity(): boolean {
    this.touched = true;
    this.syncPendingValidity();
    return this.internals?.reportValidity() ?? true;
  }

  /** A host's own error: any non-empty message makes the control invalid (`customError`) until cleared with ''. */
  setCustomValidity(message: string): void {
    this.customMessage = message ? String(message) : '';
    this.syncValidity();
  }

  /** What to show inline: the issues a host form set, or the control's own once shown errors are due. */
  protected get shownIssues(): Issue[] {
    if (this.issues) return this.issues;
    return this.touched || this.showErrors ? this.formIssues : [];
  }

  /** The inline error texts: the shown issues' messages, then a host's custom validity message. */
  protected get shownErrors(): string[] {
    const texts = this.shownIssues.map((i) => this.issueText(i));
    if (this.customMessage && (this.touched || this.showErrors)) texts.push(this.customMessage);
    return texts;
  }

  /** Called by the browser on `form.reset()`: empties the value and hides the errors until the next interaction. */
  formResetCallback(): void {
    this.resetFormValue();
    this.touched = false;
  }

  /** Called by the browser when a disabled fieldset (or the own attribute) disables or enables the control. */
  formDisabledCallback(disabled: boolean): void {
    this.disabled = disabled;
  }

  /** Called by the browser to restore the control after history navigation, or to autofill it. */
  formStateRestoreCallback(state: FormRestoreState, reason: 'restore' | 'autocomplete'): void {
    const entries =
      state instanceof FormData
        ? [...state.values()].filter((v): v is string => typeof v === 'string')
        : typeof state === 'string'
          ? [state]
          : [];
    this.restoreFormEntries(entries, reason);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('disabled')) this.reflectDisabled();
    if (this.formSynced && !this.formStateChanged(changed)) return;
    this.formSynced = true;
    this.syncFormValue();
    this.syncValidity();
  }

  /**
   * `disabled` is reflected by hand: a disabled fieldset sets the property through
   * `formDisabledCallback`, and reflecting that would keep the control disabled once the fieldset
   * is enabled again (the browser reads the attribute as the control's own).
   */
  private reflectDisabled() {
    if (this.hasAttribute('disabled') || !this.matches(':disabled')) this.toggleAttribute('disabled', this.disabled);
  }

  private syncFormValue() {
    if (!this.internals) return;
    const entries = this.formEntries;
    const kept = this.formStateEntries;
    this.internals.setFormValue(
      this.name && entries.length ? entriesData(this.name, entries) : null,
      kept.length ? entriesData('state', kept) : null,
    );
  }

  /** Validity read before a pending update has run (a value set just now) is brought up to date first. */
  private syncPendingValidity() {
    if (this.isUpdatePending) this.syncValidity();
  }

  private syncValidity() {
    if (!this.internals) return;
    // A disabled control is not validated (as a disabled native control is never valueMissing).
    const [first] = this.disabled ? [] : this.formIssues;
    const flags: ValidityStateFlags = {};
    if (first) flags[validityFlagOf(first.code)] = true;
    if (this.customMessage) flags.customError = true;
    const message = this.customMessage || (first ? this.issueText(first) : '');
    this.internals.setValidity(flags, message, this.validationAnchor ?? undefined);
  }
}
