import type {
  IprComplaintActionEvent,
  IprComplaintCancelledEvent,
  IprComplaintOpenEvent,
  IprComplaintSubmitFailedEvent,
  IprComplaintSubmittedEvent,
  IprDraftRestoredEvent,
  IprStepChangeEvent,
} from './complaint-events.js';
import type { IprRestrictionFailedEvent } from './restriction-events.js';
import type { IprProfileDeletedEvent, IprProfileSavedEvent } from './profile-events.js';
import type { IprComplaintUpdatedEvent, IprExportEvent } from './status-events.js';
import type { IprDraftErrorEvent, IprErrorEvent } from './error-events.js';

export * from './complaint-events.js';
export * from './restriction-events.js';
export * from './profile-events.js';
export * from './status-events.js';
export * from './error-events.js';

declare global {
  interface GlobalEventHandlersEventMap {
    'ipr-complaint-submitted': IprComplaintSubmittedEvent;
    'ipr-complaint-submit-failed': IprComplaintSubmitFailedEvent;
    'ipr-complaint-cancelled': IprComplaintCancelledEvent;
    'ipr-complaint-action': IprComplaintActionEvent;
    'ipr-complaint-open': IprComplaintOpenEvent;
    'ipr-draft-restored': IprDraftRestoredEvent;
    'ipr-step-change': IprStepChangeEvent;
    'ipr-restriction-failed': IprRestrictionFailedEvent;
    'ipr-profile-saved': IprProfileSavedEvent;
    'ipr-profile-deleted': IprProfileDeletedEvent;
    'ipr-complaint-updated': IprComplaintUpdatedEvent;
    'ipr-export': IprExportEvent;
    'ipr-draft-error': IprDraftErrorEvent;
    'ipr-error': IprErrorEvent;
  }
}
