import 'server-only';
// Graph's dates as the console keeps them: Intune answers `0001-01-01T00:00:00Z` for "never" (a device that never
// synced, an action not updated yet), which is read as no date at all. One rule for every Graph reader.
import { z } from 'zod';

/** A Graph date, or null for a missing one and for Graph's 0001-01-01 placeholder. */
export const realDate = (v: string | null | undefined): string | null =>
  !v || v.startsWith('0001-') ? null : v;

/** The same rule as a schema field. */
export const graphDate = z.string().nullable().optional().transform(realDate);
