// Intune device ids, validated before they touch a URL. Microsoft's ids need not be RFC 4122 UUIDs (no
// variant bits), so a strict UUID validator would reject real devices: this is the plain GUID shape. Pure, for
// the browser; the server's zod schema (device-id-schema.ts) runs the same check.
import { invalid, valid, type Checked } from '@/lib/shared/checked';

/** How many devices one batched read may name: a page of the device list. */
export const MAX_DEVICE_IDS = 100;

export const DEVICE_ID_PATTERN = /^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$/;

export const isDeviceId = (v: string): boolean => DEVICE_ID_PATTERN.test(v);

/** Ids are compared in one canonical form, lower case: a guard or a history split by letter case is a hole. */
export function parseDeviceId(v: unknown): Checked<string> {
  return typeof v === 'string' && isDeviceId(v)
    ? valid(v.toLowerCase())
    : invalid('validation.deviceId');
}
