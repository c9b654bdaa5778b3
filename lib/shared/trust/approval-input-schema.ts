// The server's zod schemas of the approval server actions' input (approval-input.ts has the types and checks).
import { z } from 'zod';
import { checkVerificationId } from '@/lib/shared/actions/types';
import { by } from '@/lib/shared/checked-schema';
import { messageKey } from '@/lib/shared/i18n/catalogs';
import {
  APPROVAL_DECISIONS,
  checkApprovalReason,
  type DecideApprovalInput,
  type WithdrawApprovalInput,
} from './approval-input';

const INVALID = messageKey('validation.invalid');
// An approval's id is one the server issued (a UUID), like a verification's: the same check.
const approvalId = z.string(INVALID).transform(by(checkVerificationId));

export const DecideApprovalInputSchema = z.strictObject(
  {
    approvalId,
    decision: z.enum(APPROVAL_DECISIONS, INVALID),
    reason: z.string(messageKey('validation.approvalReason')).transform(by(checkApprovalReason)),
  },
  INVALID,
) satisfies z.ZodType<DecideApprovalInput, unknown>;

export const WithdrawApprovalInputSchema = z.strictObject(
  { approvalId },
  INVALID,
) satisfies z.ZodType<WithdrawApprovalInput, unknown>;
