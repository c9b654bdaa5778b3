// The device search at the route handler's boundary, as zod: each parameter's rule is the one in search.ts.
import { z } from 'zod';
import { by } from '@/lib/shared/checked-schema';
import {
  checkCompliance,
  checkOwner,
  checkPlatform,
  checkQuery,
  checkSearchKind,
  checkStaleDays,
  rawSearchParams,
  type DeviceSearch,
} from './search';

export const DeviceSearchSchema = z.object({
  q: z.string().transform(by(checkQuery)).default(''),
  by: z.string().transform(by(checkSearchKind)).optional(),
  os: z.string().transform(by(checkPlatform)).optional(),
  compliance: z.string().transform(by(checkCompliance)).optional(),
  owner: z.string().transform(by(checkOwner)).optional(),
  stale: z.string().transform(by(checkStaleDays)).optional(),
}) satisfies z.ZodType<DeviceSearch, unknown>;

/** A URL's search, checked: empty parameters count as absent, unknown ones are ignored. */
export function parseSearchParams(params: URLSearchParams) {
  return DeviceSearchSchema.safeParse(rawSearchParams(params));
}
