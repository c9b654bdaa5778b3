import 'server-only';
// Sends the owner's due notifications of some actions with the requesting agent's token (tokens are never stored,
// so this runs on that agent's requests: right after the accepted outcome, and on their status reads). Each row is
// leased first (two instances or two polls never send one twice); the recipient is read from Graph at send time;
// a failure keeps Graph's error code and request-id and is tried again after a back-off, on a later read.
import type { AuditStore } from '@/lib/server/store/audit-store';
import type {
  NotificationRow,
  NotificationStore,
  SendFailure,
} from '@/lib/server/store/notifications';
import type { VerificationStore } from '@/lib/server/store/verifications';
import type { ServerEnv } from '@/lib/server/config/server-env';
import { checkTokenShape } from '@/lib/server/auth/token-claims';
import { GraphError } from '@/lib/server/graph/errors';
import { getMailManager, getMailPerson, sendMail, type MailPerson } from '@/lib/server/graph/mail';
import { logger } from '@/lib/server/log/logger';
import { bareScope, GRAPH_SCOPES } from '@/lib/shared/auth/scopes';
import { backoffMs } from '@/lib/shared/backoff';
import { PASSCODE_ACTION_KINDS } from '@/lib/shared/devices/passcode-plan';
import { isNotificationEvent } from '@/lib/shared/notifications/types';
import { composeNotification } from './compose';

/** How long a sender holds a row: longer than a GET and a POST to Graph take, with their timeouts. */
const LEASE_MS = 60_000;

export interface NotifyDeps {
  notifications: NotificationStore;
  audit: AuditStore;
  verifications: VerificationStore;
  env: Pick<ServerEnv, 'AUTH_TENANT_ID' | 'NOTIFY_FROM' | 'SECURITY_CONTACT'>;
  now?: () => Date;
  random?: () => number;
}

/** A failure no later try can mend (nobody to write to): shown, not retried. */
class Permanent extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/** Sends what is due of `actionIds` for the agent `requesterOid`, with `token`; returns how many went out. */
export async function sendDueNotifications(
  actionIds: readonly string[],
  token: string,
  requesterOid: string,
  deps: NotifyDeps,
): Promise<number> {
  const now = deps.now ?? (() => new Date());
  const random = deps.random ?? Math.random;
  const due = await deps.notifications.claimDue(actionIds, requesterOid, LEASE_MS);
  let sent = 0;
  for (const row of due) {
    try {
      const result = await sendOne(row, token, deps);
      await deps.notifications.sent(row.id, result.requestId);
      sent++;
    } catch (e) {
      const failure = failureOf(e, row, now(), random());
      await deps.notifications.failed(row.id, failure);
      logger.warn(
        {
          source: 'owner-notification',
          actionId: row.action_id,
          event: row.event,
          recipient: row.recipient,
          code: failure.code,
          status: failure.status,
          requestId: failure.requestId,
        },
        "the owner's e-mail could not be sent",
      );
    }
  }
  return sent;
}

async function sendOne(row: NotificationRow, token: string, deps: NotifyDeps) {
  const from = deps.env.NOTIFY_FROM ?? null;
  // A token the console can read and that lacks the permission would only earn a 403: say why instead.
  const shape = checkTokenShape(token, { tenantId: deps.env.AUTH_TENANT_ID });
  const needed = bareScope(from ? GRAPH_SCOPES.mailSendShared : GRAPH_SCOPES.mailSend);
  if (shape.ok && !shape.claims.scopes.has(needed)) throw new ConsentMissing();

  const records = await deps.audit.actionRecords(row.action_id);
  const intent = records.find((r) => r.kind === 'intent');
  if (!intent || !isNotificationEvent(row.event)) throw new Permanent('noRecipient');
  if (!intent.device_user_upn) throw new Permanent('noRecipient');
  const owner = await getMailPerson(token, intent.device_user_upn);
  let to: MailPerson = owner;
  if (row.recipient === 'manager') {
    try {
      to = await getMailManager(token, intent.device_user_upn);
    } catch (e) {
      if (e instanceof GraphError && e.status === 404) throw new Permanent('noManager');
      throw e;
    }
  }
  if (!to.mail) throw new Permanent('noRecipient');
  const verification = intent.verification_id
    ? await deps.verifications.get(intent.verification_id)
    : null;
  const mail = composeNotification(
    {
      event: row.event,
      recipient: row.recipient === 'manager' ? 'manager' : 'owner',
      recipientName: to.displayName,
      ownerName: owner.displayName ?? intent.device_user_name,
      deviceName: intent.device_name,
      serialNumber: intent.device_serial,
      kind: PASSCODE_ACTION_KINDS.find((k) => k === intent.action_kind) ?? null,
      requestedAt: intent.recorded_at,
      agent: { name: intent.actor_name, upn: intent.actor_upn },
      ticket: intent.ticket,
      verification,
      securityContact: deps.env.SECURITY_CONTACT ?? null,
    },
    to.preferredLanguage,
  );
  return sendMail(token, from, {
    to: { address: to.mail, name: to.displayName },
    subject: mail.subject,
    text: mail.text,
  });
}

/** The agent's token lacks Mail.Send (or Mail.Send.Shared): tried again on a later read, whose token may have it. */
class ConsentMissing extends Error {}

function failureOf(e: unknown, row: NotificationRow, now: Date, random: number): SendFailure {
  const retryAt = new Date(now.getTime() + backoffMs(row.attempts, random));
  if (e instanceof Permanent) return { code: e.code, status: null, requestId: null, retryAt: null };
  if (e instanceof ConsentMissing)
    return { code: 'consentRequired', status: null, requestId: null, retryAt };
  if (e instanceof GraphError)
    return { code: e.code, status: e.status || null, requestId: e.requestId, retryAt };
  return {
    code: 'unexpected',
    status: null,
    requestId: null,
    retryAt,
  };
}
