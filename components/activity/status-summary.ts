'use client';
// The "Copy for ticket" summary of an action the tray or the device page tracks (its live status).
import type { useActionWords } from '@/components/actions/use-action-words';
import type { ActionStatus } from '@/lib/shared/actions/types';
import type { TicketSummaryInput } from '@/lib/shared/activity/ticket-summary';

export function statusSummary(
  a: ActionStatus,
  words: ReturnType<typeof useActionWords>,
): TicketSummaryInput {
  return {
    actionLabel: a.kind ? words.action(a.kind) : a.graphAction,
    graphAction: a.graphAction,
    deviceName: a.deviceName,
    deviceId: a.deviceId,
    serialNumber: a.deviceSerial,
    user: { upn: a.deviceUpn, name: a.deviceUserName },
    stateLabel: words.state(a.state),
    requestedAt: a.requestedAt,
    finishedAt: a.finishedAt,
    agent: { upn: a.actorUpn, name: a.actorName },
    ticket: a.ticket,
    graphRequestId: a.graphRequestId,
    // The console sends every action's POST under its action id as client-request-id.
    clientRequestId: a.actionId,
    actionId: a.actionId,
    verification: a.verification,
    approval: a.approval,
  };
}
