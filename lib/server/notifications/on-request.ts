import 'server-only';
// Where the owner's e-mails are sent from: requests that carry the requesting agent's token (the server action
// right after the accepted outcome, and that agent's status reads), never a background job, because tokens are
// never stored. A failure here is recorded on the notification and logged; it never fails the agent's request.
import { verifiedCaller } from '@/lib/server/auth/verified-caller';
import { serverEnv } from '@/lib/server/config/server-env';
import { logger } from '@/lib/server/log/logger';
import { getAuditStore, getNotificationStore, getVerificationStore } from '@/lib/server/store';
import { sendDueNotifications } from './deliver';

/**
 * Sends what is due of `actionIds` for the agent the token belongs to (as Graph vouched for it); only that agent's
 * notifications are taken, so another agent's read never sends with the wrong token.
 */
export async function sendOwnerNotifications(
  actionIds: readonly string[],
  token: string,
): Promise<void> {
  const env = serverEnv();
  if ((env.NOTIFY_OWNER === 'off' && env.NOTIFY_MANAGER === 'off') || actionIds.length === 0)
    return;
  try {
    const caller = await verifiedCaller(token);
    if (!caller.ok) return;
    await sendDueNotifications(actionIds, token, caller.claims.oid, {
      notifications: await getNotificationStore(),
      audit: await getAuditStore(),
      verifications: await getVerificationStore(),
      env,
    });
  } catch (e) {
    logger.error(
      { source: 'owner-notification', err: e instanceof Error ? e.message : String(e) },
      "the owner's e-mails could not be sent now; they are tried again on the agent's next read",
    );
  }
}
