import 'server-only';
// The approvers' e-mail about a new approval request, sent with the requesting agent's token right after the
// request is written (tokens are never stored, so there is no later chance): to APPROVAL_NOTIFY_TO (an address, or
// a mail-enabled group's `mail` as Graph answers it), from NOTIFY_FROM when set, the way the owner's e-mail goes
// (lib/server/graph/mail.ts). In the requester's language: who asks, for which device and user, what, for which
// ticket and why, until when, and where to look. A link to look, never one that acts; never a passcode or a token.
// What became of it is kept on the request (ApprovalStore.notified); a failure never fails the request.
import { createTranslator } from 'next-intl';
import type { ServerEnv } from '@/lib/server/config/server-env';
import { checkTokenShape } from '@/lib/server/auth/token-claims';
import { GraphError } from '@/lib/server/graph/errors';
import { getMailGroup, sendMail, type OutgoingMail } from '@/lib/server/graph/mail';
import { logger } from '@/lib/server/log/logger';
import type { ApprovalRow, ApprovalStore } from '@/lib/server/store/approvals';
import { bareScope, GRAPH_SCOPES } from '@/lib/shared/auth/scopes';
import { CATALOGS } from '@/lib/shared/i18n/catalogs';
import type { Locale } from '@/lib/shared/i18n/locales';

export interface NotifyApproversDeps {
  approvals: Pick<ApprovalStore, 'notified'>;
  env: Pick<ServerEnv, 'AUTH_TENANT_ID' | 'APPROVAL_NOTIFY_TO' | 'NOTIFY_FROM'>;
  /** The requester's language (their console's). */
  locale: Locale;
  /** The console's own origin (`https://desk.contoso.com`), for the /approvals link; none when unknown. */
  consoleOrigin: string | null;
}

export type ApproversNotified = Parameters<ApprovalStore['notified']>[1];

const translator = (locale: Locale, namespace: 'approvalServer' | 'notification.mail.actions') =>
  createTranslator({ locale, messages: CATALOGS[locale], namespace });
const text = {
  en: translator('en', 'approvalServer'),
  de: translator('de', 'approvalServer'),
} as const;
// The action's words are the owner's e-mail's: one wording of each action for every mail.
const actionWords = {
  en: translator('en', 'notification.mail.actions'),
  de: translator('de', 'notification.mail.actions'),
} as const;

/** Sends the approvers' e-mail for `row` and records what became of it; never throws. */
export async function notifyApprovers(
  row: ApprovalRow,
  token: string,
  deps: NotifyApproversDeps,
): Promise<ApproversNotified> {
  const result = await send(row, token, deps);
  if (result.status === 'failed')
    logger.warn(
      {
        source: 'approval-notification',
        approvalId: row.id,
        code: result.code,
        requestId: result.requestId,
      },
      "the approvers' e-mail could not be sent",
    );
  try {
    await deps.approvals.notified(row.id, result);
  } catch (e) {
    // The request stands without the note of its e-mail: the approvers still see it on /approvals.
    logger.warn(
      {
        source: 'approval-notification',
        approvalId: row.id,
        err: e instanceof Error ? e.message : String(e),
      },
      "what became of the approvers' e-mail could not be recorded",
    );
  }
  return result;
}

async function send(
  row: ApprovalRow,
  token: string,
  deps: NotifyApproversDeps,
): Promise<ApproversNotified> {
  const to = deps.env.APPROVAL_NOTIFY_TO;
  if (!to) return { status: 'notConfigured' };
  const from = deps.env.NOTIFY_FROM ?? null;
  // A token the console can read and that lacks the permission would only earn a 403: say why instead.
  const shape = checkTokenShape(token, { tenantId: deps.env.AUTH_TENANT_ID });
  const needed = bareScope(from ? GRAPH_SCOPES.mailSendShared : GRAPH_SCOPES.mailSend);
  if (shape.ok && !shape.claims.scopes.has(needed))
    return { status: 'failed', code: 'consentRequired', requestId: null };
  try {
    let recipient: OutgoingMail['to'] = { address: to, name: null };
    // The configuration holds an address or a group's object id (server-env.ts checked which): no '@', a group.
    if (!to.includes('@')) {
      const group = await getMailGroup(token, to);
      if (!group.mail) return { status: 'failed', code: 'noRecipient', requestId: null };
      recipient = { address: group.mail, name: group.displayName };
    }
    const sent = await sendMail(token, from, {
      to: recipient,
      ...composeApproverMail(row, deps.locale, deps.consoleOrigin),
    });
    return { status: 'sent', requestId: sent.requestId };
  } catch (e) {
    if (e instanceof GraphError)
      return { status: 'failed', code: e.code || `http${e.status}`, requestId: e.requestId };
    return { status: 'failed', code: 'unexpected', requestId: null };
  }
}

/** The e-mail's subject and plain text, built from the request's row only (which holds no passcode or token). */
export function composeApproverMail(
  row: ApprovalRow,
  locale: Locale,
  consoleOrigin: string | null,
): { subject: string; text: string } {
  const t = text[locale];
  const known = new Set(Object.keys(CATALOGS[locale].notification.mail.actions));
  const action = actionWords[locale](
    (known.has(row.action_kind) ? row.action_kind : 'unknown') as 'unknown',
  );
  const subject = row.subject === 'reveal' ? 'reveal' : 'action';
  const device = row.device_name ?? row.device_id;
  const requester = row.requester_name
    ? `${row.requester_name} (${row.requester_upn})`
    : row.requester_upn;
  const user =
    row.device_user_name && row.device_user_upn
      ? `${row.device_user_name} (${row.device_user_upn})`
      : (row.device_user_upn ?? row.device_user_name ?? t('unknown'));
  const utc = row.expires_at.replace('T', ' ').replace(/:\d\d\.\d+Z$/, '');
  const url = approvalsUrl(consoleOrigin);
  const lines = [
    t('greeting'),
    '',
    t('intro', { subject, requester }),
    '',
    t('device', { device, serial: row.device_serial ?? t('unknown') }),
    t('user', { user }),
    t('action', { action }),
    t('ticket', { ticket: row.ticket }),
    t('reason', { reason: row.reason }),
    '',
    t('expires', { utc }),
    url ? t('look', { url }) : t('lookNoUrl'),
    '',
    t('footer'),
  ];
  return { subject: t('subject', { subject, device, action }), text: `${lines.join('\n')}\n` };
}

/** The console's /approvals page at `origin`; null for no origin or one that is not an http(s) URL. */
function approvalsUrl(origin: string | null): string | null {
  if (!origin) return null;
  try {
    const url = new URL('/approvals', origin);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}
