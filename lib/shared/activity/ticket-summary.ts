// "Copy for ticket": a short plain-text summary of one passcode action, in the agent's language, to paste into
// ServiceNow, Jira Service Management or Zendesk. Plain lines of "Label: value" (every ticket system keeps them as
// typed), when it was requested and when the device reported that it finished, each in the agent's zone with the zone
// named and in UTC beside it (a ticket is read in other zones), every id support may need (each once), how the caller was verified, and who approved it where a second agent had to.
// Never a passcode: the summary says only whether one was shown.
import type { ApprovalView } from '@/lib/shared/trust/approval';
import type { CallerVerification } from '@/lib/shared/trust/verification';

export interface TicketSummaryInput {
  actionLabel: string;
  graphAction: string;
  deviceName: string | null;
  deviceId: string;
  serialNumber: string | null;
  user: { upn: string | null; name: string | null };
  stateLabel: string;
  requestedAt: string;
  /** When the device reported the state that ended the action, as the server answered it; null while under way. */
  finishedAt: string | null;
  agent: { upn: string | null; name: string | null };
  ticket: string | null;
  graphRequestId: string | null;
  clientRequestId: string | null;
  actionId: string;
  /** The caller verification the action rested on, as the server recorded it; null when none. */
  verification: CallerVerification | null;
  /** The four-eyes approval it went through or waits for, as the server read it; null when none applied. */
  approval: ApprovalView | null;
}

export type TicketSummaryLabel =
  | 'title'
  | 'device'
  | 'serial'
  | 'user'
  | 'action'
  | 'state'
  | 'requested'
  | 'finished'
  | 'agent'
  | 'ticket'
  | 'graphRequestId'
  | 'clientRequestId'
  | 'actionId'
  | 'actionAndClientRequestId'
  | 'verification'
  | 'approval'
  | 'unknown';

export interface TicketSummaryText {
  label(key: TicketSummaryLabel): string;
  /** The time in the agent's locale and zone, with the zone named; the month in words, never 12/02/2026. */
  localTime(iso: string): string;
  /** The verification in words (method, evidence, agent, time), or that none was recorded. */
  verification(v: CallerVerification | null): string;
  /** The approval in words: approved or denied by whom, when, why; or waiting, expired, withdrawn. */
  approval(a: ApprovalView): string;
}

/**
 * The local time (Intl.DateTimeFormat options) with its zone named, to the second: what a ticket needs to line up with other logs. The date in the
 * locale's order with the month in words (2 Dec 2026, 2. Dez. 2026), which no reader mistakes as 12/02/2026 does
 * across locales; the time as ISO writes it (24 hours).
 */
export const TICKET_TIME = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
} as const;

const person = (p: { upn: string | null; name: string | null }, unknown: string) =>
  p.name && p.upn ? `${p.name} (${p.upn})` : (p.upn ?? p.name ?? unknown);

/** The same instant in UTC, to the second, for readers in other zones. */
export function utcTime(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

export function ticketSummary(a: TicketSummaryInput, text: TicketSummaryText): string {
  const l = (k: TicketSummaryLabel) => text.label(k);
  const unknown = l('unknown');
  const device = a.deviceName ?? a.deviceId;
  const lines: [string, string][] = [
    [l('device'), `${device}${a.serialNumber ? ` (${l('serial')} ${a.serialNumber})` : ''}`],
    [l('user'), person(a.user, unknown)],
    [l('action'), `${a.actionLabel} (Microsoft Graph ${a.graphAction})`],
    [l('state'), a.stateLabel],
    [l('requested'), `${text.localTime(a.requestedAt)} (${utcTime(a.requestedAt)})`],
    ...(a.finishedAt
      ? [
          [l('finished'), `${text.localTime(a.finishedAt)} (${utcTime(a.finishedAt)})`] satisfies [
            string,
            string,
          ],
        ]
      : []),
    [l('agent'), person(a.agent, unknown)],
    [l('verification'), text.verification(a.verification)],
    // The approver's line only where a second agent's approval applied.
    ...(a.approval ? [[l('approval'), text.approval(a.approval)] satisfies [string, string]] : []),
    [l('ticket'), a.ticket ?? unknown],
    [l('graphRequestId'), a.graphRequestId ?? unknown],
    // The console sends an action's POST under its action id: one line for the one id, named both ways.
    ...((a.clientRequestId === a.actionId
      ? [[l('actionAndClientRequestId'), a.actionId]]
      : [
          [l('clientRequestId'), a.clientRequestId ?? unknown],
          [l('actionId'), a.actionId],
        ]) satisfies [string, string][]),
  ];
  // One line per fact; values are single-line whatever a device name holds.
  const clean = (v: string) => v.replace(/[\r\n\t]+/g, ' ').trim();
  return [`${l('title')}: ${a.actionLabel}`, ...lines.map(([k, v]) => `${k}: ${clean(v)}`)].join(
    '\n',
  );
}
