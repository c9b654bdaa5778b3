// The server's zod schema of a caller verification's input (verification-input.ts has the types).
import { z } from 'zod';
import { DeviceIdSchema } from '@/lib/shared/devices/device-id-schema';
import { MAX_VERIFICATION_TEXT } from './caller';
import { PHOTO_ID_TYPES } from './verification';
import type { VerificationInput } from './verification-input';

const words = z.string().trim().min(1).max(MAX_VERIFICATION_TEXT);
const deviceId = DeviceIdSchema;
const ref = z.string().trim().min(1).max(120);

export const VerificationInputSchema = z.discriminatedUnion('method', [
  z.object({ deviceId, method: z.literal('callBack'), phoneRef: ref }).strict(),
  z.object({ deviceId, method: z.literal('managerCallBack'), phoneRef: ref }).strict(),
  z
    .object({
      deviceId,
      method: z.literal('inPerson'),
      idType: z.enum(PHOTO_ID_TYPES),
      statement: words,
    })
    .strict(),
  z.object({ deviceId, method: z.literal('notVerified'), reason: words }).strict(),
]) satisfies z.ZodType<VerificationInput>;
