// How a privileged attempt ended, as far as the console knows when it answers: the audit store's outcome column,
// and a filter of the activity page.
export const OUTCOMES = [
  'accepted',
  'denied',
  'rejected',
  'failed',
  'unknown',
  'refused',
  'notQueued',
] as const;
export type Outcome = (typeof OUTCOMES)[number];
