// The device id at the server's boundaries (route parameters, the server action's input), as zod: the one rule
// lives in device-id.ts.
import { z } from 'zod';
import { by } from '@/lib/shared/checked-schema';
import { messageKey } from '@/lib/shared/i18n/catalogs';
import { parseDeviceId } from './device-id';

export const DeviceIdSchema = z
  .string(messageKey('validation.deviceId'))
  .transform(by(parseDeviceId));
