'use server';
// The passcode action's server action: a public POST endpoint, so everything is checked again inside. Reads
// (status polls, the passcode reveal) go through route handlers: Next.js runs server actions one at a time per tab.
// A failing audit database is answered in words (storeUnavailable), never thrown: see store-failure-answer.ts.
import { requestPasscodeActionOrExplain } from '@/lib/server/actions/store-failure-answer';
import { notifyApproversOfRequest } from '@/lib/server/approvals/notify-from-request';
import {
  getApprovalStore,
  getAuditStore,
  getRateLimits,
  getVerificationStore,
} from '@/lib/server/store';
import { serverEnv } from '@/lib/server/config/server-env';
import { withActionLog } from '@/lib/server/http/request-log';
import { sendOwnerNotifications } from '@/lib/server/notifications/on-request';
import type { PasscodeActionResult } from '@/lib/shared/actions/types';

export async function requestPasscodeAction(
  input: unknown,
  accessToken: unknown,
): Promise<PasscodeActionResult> {
  return withActionLog(
    'requestPasscodeAction',
    async () => {
      const result = await requestPasscodeActionOrExplain(input, accessToken, async () => ({
        store: await getAuditStore(),
        limits: await getRateLimits(),
        verifications: await getVerificationStore(),
        approvals: await getApprovalStore(),
        notifyApprovers: notifyApproversOfRequest,
        env: serverEnv(),
        budgetMs: serverEnv().ACTION_WAIT_SECONDS * 1000,
      }));
      // The owner is told at once, with the token the agent confirmed with (its failure never fails the action).
      if (result.status === 'accepted' && typeof accessToken === 'string')
        await sendOwnerNotifications([result.actionId], accessToken);
      return result;
    },
    (result) => ('actionId' in result ? { actionId: result.actionId } : {}),
  );
}
