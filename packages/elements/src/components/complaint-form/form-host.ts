// What the complaint form's controllers may use of the element, and how they report an error they
// carry on after. Controllers import this, never the element (the element imports them).
import type { ReactiveControllerHost } from 'lit';
import type { IprClient } from '../../api.js';
import type { IprDraftErrorEvent, IprErrorEvent } from '../../events/index.js';
import type { FormDraft } from './form-model.js';

export interface FormHost extends ReactiveControllerHost, HTMLElement {
  /** The client in use (undefined when not configured). */
  readonly api: IprClient | undefined;
  /** The draft as entered. */
  draft: FormDraft;
  readonly renderRoot: HTMLElement | DocumentFragment;
  emit<E extends Event>(event: E): E;
}

/**
 * Dispatches an error event from the form; unless a listener called preventDefault() the error
 * also goes to the console: an error the host does not handle is still never silent.
 */
export function reportError(host: FormHost, event: IprDraftErrorEvent | IprErrorEvent): void {
  host.emit(event);
  if (!event.defaultPrevented)
    console.warn(`[ipr] ${event.type}: ${event.detail.operation} failed`, event.detail.cause);
}
