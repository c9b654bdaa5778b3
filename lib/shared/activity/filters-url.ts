// The activity page's filters in its URL (`/activity?agent=…&outcome=…`), read and written without zod so the
// browser bundle stays small; the server validates the same parameters with ActivityFiltersSchema.
import { PASSCODE_ACTION_KINDS } from '@/lib/shared/devices/passcode-plan';
import { OUTCOMES } from './outcomes';
import { ACTIVITY_FILTER_KEYS, FILTER_TEXT_MAX, type ActivityFilters } from './types';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** What the URL asks for; values that cannot be right (an unknown outcome, a malformed day) are dropped. */
export function filtersFromParams(params: URLSearchParams): ActivityFilters {
  const text = (key: string, max: number) => {
    const v = params.get(key)?.trim();
    return v ? v.slice(0, max) : undefined;
  };
  const outcome = params.get('outcome');
  const kind = params.get('kind');
  const day = (key: string) => {
    const v = params.get(key);
    return v && DAY.test(v) && !Number.isNaN(Date.parse(v)) ? v : undefined;
  };
  return {
    agent: text('agent', FILTER_TEXT_MAX.agent),
    device: text('device', FILTER_TEXT_MAX.device),
    ticket: text('ticket', FILTER_TEXT_MAX.ticket),
    outcome: OUTCOMES.find((o) => o === outcome),
    kind: PASSCODE_ACTION_KINDS.find((k) => k === kind),
    from: day('from'),
    to: day('to'),
  };
}

/** The filters as query parameters, in a fixed order, empty ones left out. */
export function filtersToParams(filters: ActivityFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ACTIVITY_FILTER_KEYS) {
    const v = filters[key];
    if (v) params.set(key, v);
  }
  return params;
}
