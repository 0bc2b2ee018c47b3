import type { Issue } from '@ipr/validators';

export interface IprRestrictionFailedDetail {
  /** The display name of the refused file or link, when one is concerned. */
  file?: string;
  /** Where it happened: an evidence file, a spreadsheet import, or links being added. */
  source: 'evidence' | 'sheet' | 'links';
  issues: Issue[];
}
/** A file or link was refused by a rule (too large, type not allowed, content mismatch, over the limit, ...). */
export class IprRestrictionFailedEvent extends CustomEvent<IprRestrictionFailedDetail> {
  static readonly eventName = 'ipr-restriction-failed';
  constructor(detail: IprRestrictionFailedDetail) {
    super(IprRestrictionFailedEvent.eventName, { bubbles: true, composed: true, detail });
  }
}
