// The activity filters at the route handlers' boundary (the page's API and the exports), as zod: unknown keys
// are ignored, blank values count as absent, and anything else wrong is a 400. The browser reads the same
// parameters without zod (filters-url.ts), dropping what cannot be right.
import { z } from 'zod';
import { PASSCODE_ACTION_KINDS } from '@/lib/shared/devices/passcode-plan';
import { OUTCOMES } from './outcomes';
import { FILTER_TEXT_MAX, isDayOrInstant, type ActivityFilters } from './types';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const text = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());
const instant = z.preprocess(
  blankToUndefined,
  z.string().refine(isDayOrInstant, 'a date (YYYY-MM-DD) or an ISO 8601 time').optional(),
);

export const ActivityFiltersSchema = z.object({
  agent: text(FILTER_TEXT_MAX.agent),
  device: text(FILTER_TEXT_MAX.device),
  ticket: text(FILTER_TEXT_MAX.ticket),
  outcome: z.preprocess(blankToUndefined, z.enum(OUTCOMES).optional()),
  kind: z.preprocess(blankToUndefined, z.enum(PASSCODE_ACTION_KINDS).optional()),
  from: instant,
  to: instant,
}) satisfies z.ZodType<ActivityFilters, unknown>;
