import type { Action, Status } from '@ipr/validators';

const init = { bubbles: true, composed: true } as const;

export interface IprComplaintUpdatedDetail {
  id: string;
  status: Status;
  /** The action that changed it (`create` for a new complaint). */
  action: Action | 'create';
}
/** A complaint shown by a `live` list or detail changed elsewhere (another user, another tab). */
export class IprComplaintUpdatedEvent extends CustomEvent<IprComplaintUpdatedDetail> {
  static readonly eventName = 'ipr-complaint-updated';
  constructor(detail: IprComplaintUpdatedDetail) {
    super(IprComplaintUpdatedEvent.eventName, { ...init, detail });
  }
}

export interface IprExportDetail {
  format: 'xlsx' | 'csv';
  /** Rows written to the file. */
  rows: number;
  /** True when the report stopped at the row limit (`LIMITS.maxReportRows`). */
  truncated: boolean;
}
/** The list's status report was exported and its download started. */
export class IprExportEvent extends CustomEvent<IprExportDetail> {
  static readonly eventName = 'ipr-export';
  constructor(detail: IprExportDetail) {
    super(IprExportEvent.eventName, { ...init, detail });
  }
}
