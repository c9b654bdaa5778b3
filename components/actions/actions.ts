'use server';
// The passcode action's server action: a public POST endpoint, so everything is checked again inside. Reads
// (status polls, the passcode reveal) go through route handlers: Next.js runs server actions one at a time per tab.
// A failing audit database is answered in words (storeUnavailable), never thrown: see store-failure-answer.ts.
import { cookies, headers } from 'next/headers';
import { requestPasscodeActionOrExplain } from '@/lib/server/actions/store-failure-answer';
import { notifyApprovers } from '@/lib/server/approvals/notify-approvers';
import { negotiateLocale } from '@/lib/server/i18n/negotiate';
import {
  getApprovalStore,
  getAuditStore,
  getRateLimits,
  getVerificationStore,
} from '@/lib/server/store';
import { serverEnv } from '@/lib/server/config/server-env';
import { withActionLog } from '@/lib/server/http/request-log';
import { sendOwnerNotifications } from '@/lib/server/notifications/on-request';
import type { ApprovalRow } from '@/lib/server/store/approvals';
import type { PasscodeActionResult } from '@/lib/shared/actions/types';
import { LOCALE_COOKIE } from '@/lib/shared/i18n/locales';

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
        notifyApprovers: approverMail,
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

/**
 * The approvers' e-mail for a request just written: in the requester's language (their console's), with a link to
 * this console's /approvals at the origin the request came from (the proxy refused any other origin before this ran).
 */
async function approverMail(row: ApprovalRow, token: string): Promise<void> {
  const [jar, h] = await Promise.all([cookies(), headers()]);
  await notifyApprovers(row, token, {
    approvals: await getApprovalStore(),
    env: serverEnv(),
    locale: negotiateLocale(jar.get(LOCALE_COOKIE)?.value, h.get('accept-language')),
    consoleOrigin: h.get('origin'),
  });
}
