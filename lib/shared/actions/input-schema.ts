// The passcode action's input at the server action's boundary, as zod: each field's rule is the one in types.ts,
// which the dialog runs without zod (parsePasscodeActionInput), with the same message keys for the same faults.
import { z } from 'zod';
import { by } from '@/lib/shared/checked-schema';
import { DeviceIdSchema } from '@/lib/shared/devices/device-id-schema';
import { messageKey } from '@/lib/shared/i18n/catalogs';
import type { TicketRule } from '@/lib/shared/ticket';
import {
  checkActionKind,
  checkNote,
  checkOverrideReason,
  checkTicket,
  checkVerificationId,
  type CheckedPasscodeActionInput,
  type PasscodeActionInputField,
} from './types';

const INVALID = messageKey('validation.invalid');

export function passcodeActionInputSchema(ticket: TicketRule) {
  // Exactly the input's fields (PASSCODE_ACTION_INPUT_FIELDS): one missing or extra fails the type check.
  const fields = {
    deviceId: DeviceIdSchema,
    kind: z
      .string(messageKey('validation.actionKind'))
      .transform(by((v: string) => checkActionKind(v))),
    ticket: z.string(INVALID).transform(by((v: string) => checkTicket(v, ticket))),
    note: z.string(INVALID).transform(by(checkNote)).optional().default(''),
    overrideReason: z.string(INVALID).transform(by(checkOverrideReason)).optional(),
    verificationId: z.string(INVALID).transform(by(checkVerificationId)).optional(),
    approvalId: z.string(INVALID).transform(by(checkVerificationId)).optional(),
  } satisfies Record<PasscodeActionInputField, z.ZodType>;
  return z.strictObject(fields, INVALID) satisfies z.ZodType<CheckedPasscodeActionInput, unknown>;
}
