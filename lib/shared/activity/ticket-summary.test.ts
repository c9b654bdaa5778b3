import { describe, expect, it } from 'vitest';
import type { ApprovalView } from '@/lib/shared/trust/approval';
import { ticketSummary, type TicketSummaryLabel } from './ticket-summary';

const en: Record<TicketSummaryLabel, string> = {
  title: 'Passcode Desk',
  device: 'Device',
  serial: 'serial',
  user: 'User',
  action: 'Action',
  state: 'State',
  requested: 'Requested',
  agent: 'Agent',
  ticket: 'Ticket',
  graphRequestId: 'Graph request-id',
  clientRequestId: 'Client-request-id',
  actionId: 'Action id',
  verification: 'Caller verification',
  approvalReason: 'Reason for approval',
  approver: 'Approved or denied by',
  notDecided: 'not decided',
  unknown: 'unknown',
};

describe('Copy for ticket', () => {
  it('names device, serial, user, action, state, time with zone and in UTC, agent, ticket and every id', () => {
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
      },
      {
        label: (k) => en[k],
        localTime: (iso) =>
          new Intl.DateTimeFormat('de-DE', {
            day: '2-digit',
            month: '2-digit',
            year: 'numeric',
            hour: '2-digit',
            minute: '2-digit',
            second: '2-digit',
            timeZone: 'Europe/Berlin',
            timeZoneName: 'short',
          }).format(new Date(iso)),
        verification: (v) =>
          v
            ? `call-back on …${v.evidence.method === 'callBack' ? v.evidence.phoneLast : ''}`
            : 'none',
      },
    );
    expect(text.split('\n')).toEqual([
      'Passcode Desk: Reset device passcode',
      'Device: Pixel 8 (serial R5CT1234)',
      "User: Zoë O'Brien (zoe.obrien@contoso.com)",
      'Action: Reset device passcode (Microsoft Graph resetPasscode)',
      'State: Done',
      'Requested: 28.11.2026, 11:00:03 MEZ (2026-11-28 10:00:03 UTC)',
      'Agent: Hanna Berger (helpdesk@contoso.com)',
      'Caller verification: call-back on …4567',
      'Ticket: INC-123',
      'Graph request-id: req-1',
      'Client-request-id: a1',
      'Action id: a1',
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
        agent: { upn: 'helpdesk@contoso.com', name: null },
        ticket: null,
        graphRequestId: null,
        clientRequestId: 'a2',
        actionId: 'a2',
        verification: null,
      },
      { label: (k) => en[k], localTime: () => 'then', verification: () => 'none recorded' },
    );
    expect(text).toContain('Device: d2\n');
    expect(text).toContain('User: unknown\n');
    expect(text).toContain('Agent: helpdesk@contoso.com\n');
    expect(text).toContain('Graph request-id: unknown\n');
    expect(text).toContain('Caller verification: none recorded\n');
  });

  it('case 27: names the approver, when and why, and the reason approval was asked for', () => {
    const input = {
      actionLabel: 'Remove passcode',
      graphAction: 'resetPasscode',
      deviceName: 'CFO-iPhone',
      deviceId: 'd3',
      serialNumber: null,
      user: { upn: 'cfo@contoso.com', name: 'Carla' },
      stateLabel: 'Pending',
      requestedAt: '2026-11-28T10:00:00Z',
      agent: { upn: 'helpdesk@contoso.com', name: 'Hanna Berger' },
      ticket: 'INC-9',
      graphRequestId: null,
      clientRequestId: 'a3',
      actionId: 'a3',
      verification: null,
    };
    const approval: ApprovalView = {
      id: 'a3',
      subject: 'action',
      state: 'sent',
      createdAt: '2026-11-28T09:40:00.000Z',
      expiresAt: '2026-11-28T10:50:00.000Z',
      device: { id: 'd3', name: 'CFO-iPhone', serialNumber: null },
      deviceUser: { id: 'u3', upn: 'cfo@contoso.com', name: 'Carla' },
      kind: 'removePasscode',
      graphAction: 'resetPasscode',
      revealOf: null,
      ticket: 'INC-9',
      reason: 'Board meeting\nat 11',
      because: ['group'],
      requester: { upn: 'helpdesk@contoso.com', name: 'Hanna Berger' },
      verification: null,
      decision: {
        by: { upn: 'approver@contoso.com', name: 'Ada Approver' },
        at: '2026-11-28T09:50:00.000Z',
        reason: 'Called back on the number of record',
      },
      sentAt: '2026-11-28T10:00:00.000Z',
      approversNotified: null,
      mine: false,
      canDecide: false,
    };
    const text = {
      label: (k: TicketSummaryLabel) => en[k],
      localTime: () => 'then',
      verification: () => 'none',
    };
    const lines = ticketSummary({ ...input, approval }, text).split('\n');
    expect(lines).toContain('Reason for approval: Board meeting at 11');
    expect(lines).toContain(
      'Approved or denied by: Ada Approver (approver@contoso.com), then (2026-11-28 09:50:00 UTC): Called back on the number of record',
    );
    expect(ticketSummary({ ...input, approval: { ...approval, decision: null } }, text)).toContain(
      'Approved or denied by: not decided\n',
    );
    expect(ticketSummary(input, text)).not.toContain('Reason for approval');
  });
});
