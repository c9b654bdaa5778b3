// Intune device ids, validated before they touch a URL. Microsoft's ids need not be RFC 4122 UUIDs (no
// variant bits), so a strict UUID validator would reject real devices: this is the plain GUID shape.
import { z } from 'zod';
import { messageKey } from '@/lib/shared/i18n/catalogs';

/** How many devices one batched read may name: a page of the device list. */
export const MAX_DEVICE_IDS = 100;

export const DEVICE_ID_PATTERN = /^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$/;

/** Ids are compared in one canonical form, lower case: a guard or a history split by letter case is a hole. */
export const DeviceIdSchema = z.string().regex(DEVICE_ID_PATTERN, messageKey('validation.deviceId')).transform((id) => id.toLowerCase());
