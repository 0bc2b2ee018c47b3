// The English strings of `<ipr-webhooks>` and `<ipr-transparency-report>`, apart from en.ts so that
// only the partner chunk carries them (the CDN bundle's initial file stays small). Other locales
// (zh-CN) keep these groups in their own file, loaded with the locale.
import type { Messages } from './en.js';

export const webhooksEn = {
  title: 'Webhooks',
  event: 'Event',
  state: 'State',
  action: 'Action',
  intro: 'Your backend receives each event of your complaints, signed (Standard Webhooks).',
  none: 'No endpoints yet.',
  url: 'Endpoint URL',
  description: 'Description (optional)',
  events: 'Events',
  allEvents: 'All events',
  add: 'Add endpoint',
  adding: 'Adding…',
  secretOnce: 'Signing secret: copy it now, it is not shown again.',
  copy: 'Copy',
  copied: 'Copied.',
  counts: (pending: number, dead: number) => `${pending} pending · ${dead} failed`,
  log: 'Delivery log',
  hideLog: 'Hide log',
  noDeliveries: 'No deliveries yet.',
  remove: 'Remove',
  confirmRemove: 'Remove for good',
  removed: 'Endpoint removed.',
  redeliver: 'Send again',
  queued: 'Queued to be sent again.',
  states: { pending: 'Pending', delivered: 'Delivered', dead: 'Failed' } as Record<
    'pending' | 'delivered' | 'dead',
    string
  >,
  attempts: (n: number) => (n === 1 ? '1 attempt' : `${n} attempts`),
  lastAnswer: (status: string) => `last answer: ${status}`,
  noAnswer: 'no answer',
  disable: 'Disable',
  enable: 'Enable',
  disabled: 'Disabled: no new events; pending ones wait.',
  disabledDone: 'Endpoint disabled.',
  enabledDone: 'Endpoint enabled: pending events are being sent.',
  rotate: 'New secret',
  confirmRotate: 'Replace the secret',
  rotated: 'New signing secret made.',
  oldSecretUntil: (when: string) => `The previous secret also signs until ${when}.`,
};

export const transparencyEn = {
  title: 'Transparency figures',
  from: 'From',
  to: 'To (exclusive)',
  show: 'Show',
  csv: 'Download CSV',
  notices: 'Notices received',
  byType: 'By type',
  byMonth: 'By month',
  chart: (months: number) => `Notices per month, ${months} ${months === 1 ? 'month' : 'months'}`,
  durations: 'Time from submission (hours)',
  step: 'Step',
  count: 'Complaints',
  median: 'Median',
  p90: '90th percentile',
  steps: { toForward: 'To forward', toSupplierResponse: 'To supplier response', toClose: 'To close' } as Record<
    'toForward' | 'toSupplierResponse' | 'toClose',
    string
  >,
  outcomes: 'Outcomes',
  outcomeLabels: {
    productsRemoved: 'Products removed',
    productsDeclaredNonInfringing: 'Products declared non-infringing',
    arbitratedFor: 'Arbitrated for the complainant',
    arbitratedAgainst: 'Arbitrated against the complainant',
    cancelled: 'Cancelled',
    open: 'Still open',
  } as Record<string, string>,
};

export interface PartnerMessages {
  webhooks: typeof webhooksEn;
  transparency: typeof transparencyEn;
}

/**
 * The partner elements' strings in a locale's messages: its own groups over the English ones, so a
 * locale (or an override) that leaves out some of them shows English there, as `merge` does for
 * the other groups.
 */
export function partnerMessages(t: Messages): PartnerMessages {
  return {
    webhooks: { ...webhooksEn, ...t.webhooks },
    transparency: { ...transparencyEn, ...t.transparency },
  };
}
