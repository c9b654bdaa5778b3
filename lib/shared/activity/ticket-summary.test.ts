import { describe, expect, it } from 'vitest';
import type { ApprovalView } from '@/lib/shared/trust/approval';
import { TICKET_TIME, ticketSummary, type TicketSummaryLabel } from './ticket-summary';

const en: Record<TicketSummaryLabel, string> = {
  title: 'Passcode Desk',
  device: 'Device',
  serial: 'serial',
  user: 'User',
  action: 'Action',
  state: 'State',
  requested: 'Requested',
  finished: 'Finished',
  agent: 'Agent',
  ticket: 'Ticket',
  graphRequestId: 'Graph request-id',
  clientRequestId: 'Client-request-id',
  actionId: 'Action id',
  actionAndClientRequestId: 'Action id and client-request-id',
  verification: 'Caller verification',
  approval: 'Approval',
  unknown: 'unknown',
};

describe('Copy for ticket', () => {
  it('names device, serial, user, action, state, time with zone and in UTC, agent, approver, ticket and every id', () => {
    const text = ticketSummary(
      {
        actionLabel: 'Reset device passcode',
        graphAction: 'resetPasscode',
        deviceName: 'Pixel\n8',
        deviceId: 'd1',
        serialNumber: 'R5CT1234',
        user: { upn: 'zoe.obrien@contoso.com', name: "Zoë O'Brien" },
        stateLabel: 'Done',
        requestedAt: '2026-11-28T10:00:03.512Z',
        finishedAt: '2026-11-28T10:02:41.000Z',
        agent: { upn: 'helpdesk@contoso.com', name: 'Hanna Berger' },
        ticket: 'INC-123',
        graphRequestId: 'req-1',
        clientRequestId: 'a1',
        actionId: 'a1',
        verification: {
          id: 'v1',
          method: 'callBack',
          verified: true,
          evidence: {
            method: 'callBack',
            phoneLast: '4567',
            phoneSource: 'mobilePhone',
            phoneType: null,
          },
          subject: { id: 'u1', upn: 'zoe.obrien@contoso.com', name: "Zoë O'Brien" },
          deviceId: 'd1',
          agent: { oid: 'o1', upn: 'helpdesk@contoso.com', name: 'Hanna Berger' },
          recordedAt: '2026-11-28T09:58:00.000Z',
        },
        approval: {
          state: 'sent',
          decision: {
            by: { upn: 'approver@contoso.com', name: 'Ana Approver' },
            at: '2026-11-28T09:59:00.000Z',
            reason: 'Called back on the number of record',
          },
        } as ApprovalView,
      },
      {
        label: (k) => en[k],
        localTime: (iso) =>
          new Intl.DateTimeFormat('de-DE', { ...TICKET_TIME, timeZone: 'Europe/Berlin' }).format(
            new Date(iso),
          ),
        verification: (v) =>
          v
            ? `call-back on …${v.evidence.method === 'callBack' ? v.evidence.phoneLast : ''}`
            : 'none',
        approval: (a) =>
          a.decision
            ? `${a.state} by ${a.decision.by.name ?? a.decision.by.upn}: ${a.decision.reason}`
            : a.state,
      },
    );
    expect(text.split('\n')).toEqual([
      'Passcode Desk: Reset device passcode',
      'Device: Pixel 8 (serial R5CT1234)',
      "User: Zoë O'Brien (zoe.obrien@contoso.com)",
      'Action: Reset device passcode (Microsoft Graph resetPasscode)',
      'State: Done',
      'Requested: 28. Nov. 2026, 11:00:03 MEZ (2026-11-28 10:00:03 UTC)',
      'Finished: 28. Nov. 2026, 11:02:41 MEZ (2026-11-28 10:02:41 UTC)',
      'Agent: Hanna Berger (helpdesk@contoso.com)',
      'Caller verification: call-back on …4567',
      'Approval: sent by Ana Approver: Called back on the number of record',
      'Ticket: INC-123',
      'Graph request-id: req-1',
      // The action id is the POST's client-request-id: printed once.
      'Action id and client-request-id: a1',
    ]);
  });

  it('says "unknown" rather than leave a line empty', () => {
    const text = ticketSummary(
      {
        actionLabel: 'Remove passcode',
        graphAction: 'resetPasscode',
        deviceName: null,
        deviceId: 'd2',
        serialNumber: null,
        user: { upn: null, name: null },
        stateLabel: 'Refused',
        requestedAt: '2026-11-28T10:00:00Z',
        finishedAt: null,
        agent: { upn: 'helpdesk@contoso.com', name: null },
        ticket: null,
        graphRequestId: null,
        clientRequestId: null,
        actionId: 'a2',
        verification: null,
        approval: null,
      },
      {
        label: (k) => en[k],
        localTime: () => 'then',
        verification: () => 'none recorded',
        approval: () => 'approved',
      },
    );
    expect(text).toContain('Device: d2\n');
    expect(text).toContain('User: unknown\n');
    expect(text).toContain('Agent: helpdesk@contoso.com\n');
    expect(text).toContain('Graph request-id: unknown\n');
    expect(text).toContain('Caller verification: none recorded\n');
    // Not finished (as far as the device reported): no finished line. Ids that differ: each under its own name.
    expect(text).not.toContain('Finished');
    expect(text).toContain('Client-request-id: unknown\nAction id: a2');
    // No approval applied: no approver line at all.
    expect(text).not.toContain('Approval');
  });

  it("writes the date in the locale's order with the month in words and a 24-hour time, never 12/02/2026", () => {
    const at = new Date('2026-12-02T16:27:03Z');
    const time = (locale: string, timeZone: string) =>
      new Intl.DateTimeFormat(locale, { ...TICKET_TIME, timeZone }).format(at);
    expect(time('en-US', 'America/New_York')).toBe('Dec 2, 2026, 11:27:03 EST');
    expect(time('en-GB', 'Europe/London')).toBe('2 Dec 2026, 16:27:03 GMT');
    expect(time('de-DE', 'Europe/Berlin')).toBe('2. Dez. 2026, 17:27:03 MEZ');
  });
});
