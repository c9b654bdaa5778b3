// "Copy for ticket": a short plain-text summary of one passcode action, in the agent's language, to paste into
// ServiceNow, Jira Service Management or Zendesk. Plain lines of "Label: value" (every ticket system keeps them as
// typed), the time in the agent's zone with the zone named and in UTC beside it (a ticket is read in other zones),
// and every id support may need, how the caller was verified, and who approved it where four-eyes applied. Never a
// passcode: the summary says only whether one was shown.
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
  agent: { upn: string | null; name: string | null };
  ticket: string | null;
  graphRequestId: string | null;
  clientRequestId: string | null;
  actionId: string;
  /** The caller verification the action rested on, as the server recorded it; null when none. */
  verification: CallerVerification | null;
  /** The four-eyes approval the action went through or waits for, as the server answered it; absent or null when none. */
  approval?: ApprovalView | null;
}

export type TicketSummaryLabel =
  | 'title'
  | 'device'
  | 'serial'
  | 'user'
  | 'action'
  | 'state'
  | 'requested'
  | 'agent'
  | 'ticket'
  | 'graphRequestId'
  | 'clientRequestId'
  | 'actionId'
  | 'verification'
  | 'approvalReason'
  | 'approver'
  | 'notDecided'
  | 'unknown';

export interface TicketSummaryText {
  label(key: TicketSummaryLabel): string;
  /** The time in the agent's locale and zone, with the zone named. */
  localTime(iso: string): string;
  /** The verification in words (method, evidence, agent, time), or that none was recorded. */
  verification(v: CallerVerification | null): string;
}

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
    [l('agent'), person(a.agent, unknown)],
    [l('verification'), text.verification(a.verification)],
    ...approvalLines(a.approval ?? null, text),
    [l('ticket'), a.ticket ?? unknown],
    [l('graphRequestId'), a.graphRequestId ?? unknown],
    [l('clientRequestId'), a.clientRequestId ?? unknown],
    [l('actionId'), a.actionId],
  ];
  // One line per fact; values are single-line whatever a device name holds.
  const clean = (v: string) => v.replace(/[\r\n\t]+/g, ' ').trim();
  return [`${l('title')}: ${a.actionLabel}`, ...lines.map(([k, v]) => `${k}: ${clean(v)}`)].join(
    '\n',
  );
}

/** The requester's reason and the approver's decision (who, when, why), where an approval applied. */
function approvalLines(a: ApprovalView | null, text: TicketSummaryText): [string, string][] {
  if (!a) return [];
  const d = a.decision;
  return [
    [text.label('approvalReason'), a.reason],
    [
      text.label('approver'),
      d
        ? `${person(d.by, text.label('unknown'))}, ${text.localTime(d.at)} (${utcTime(d.at)}): ${d.reason}`
        : text.label('notDecided'),
    ],
  ];
}
