import { describe, expect, it } from 'vitest';
import type { ActivityRow } from '@/lib/shared/activity/types';
import type { ApprovalView } from '@/lib/shared/trust/approval';
import type { CallerVerification } from '@/lib/shared/trust/verification';
import { csvField, csvRow, CSV_HEADER, exportStream, jsonLine } from './export-format';

const row = (over: Partial<ActivityRow> = {}): ActivityRow => ({
  actionId: 'a1',
  requestedAt: '2026-11-28T10:00:00.000Z',
  agent: { upn: 'helpdesk@contoso.com', name: 'Hanna Berger', verified: true },
  deviceId: 'd1',
  deviceName: "Zoë's iPhone",
  serialNumber: 'F2LX1',
  deviceUser: { upn: 'zoe.obrien@contoso.com', name: "Zoë O'Brien" },
  kind: 'removePasscode',
  graphAction: 'resetPasscode',
  ticket: 'INC-1',
  outcome: 'accepted',
  finalState: 'done',
  finishedAt: '2026-11-28T10:02:00.000Z',
  graphRequestId: 'r1',
  clientRequestId: 'a1',
  verification: null,
  notifications: [],
  approval: null,
  ...over,
});

describe('the activity export formats', () => {
  it('quotes fields with commas, quotes and line breaks as RFC 4180 says, with CRLF line ends', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvRow(row())).toMatch(/\r\n$/);
    expect(CSV_HEADER.startsWith('\uFEFFtime_utc,agent_upn,')).toBe(true);
  });

  it('neutralises every cell a spreadsheet would run as a formula', () => {
    for (const evil of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd']) {
      expect(csvField(evil).replace(/^"/, '')).toMatch(/^'/);
    }
    expect(csvRow(row({ deviceName: "=cmd|' /C calc'!A0" }))).toContain(",'=cmd|' /C calc'!A0,");
  });

  it('writes JSON Lines with the same fields, one object per line', () => {
    const line = jsonLine(row({ ticket: '=not neutralised in JSON' }));
    expect(line.endsWith('\n')).toBe(true);
    expect(JSON.parse(line)).toMatchObject({
      action_id: 'a1',
      ticket: '=not neutralised in JSON',
      agent_name: 'Hanna Berger',
    });
  });

  it("carries the action's caller verification: method, whether it verified, the evidence (last digits only), agent, time", () => {
    const verification: CallerVerification = {
      id: 'v1',
      method: 'callBack',
      verified: true,
      evidence: {
        method: 'callBack',
        phoneLast: '4567',
        phoneSource: 'phoneMethod',
        phoneType: 'mobile',
      },
      subject: { id: 'u1', upn: 'zoe.obrien@contoso.com', name: "Zoë O'Brien" },
      deviceId: 'd1',
      agent: { oid: 'o1', upn: 'helpdesk@contoso.com', name: 'Hanna Berger' },
      recordedAt: '2026-11-28T09:58:00.000Z',
    };
    expect(JSON.parse(jsonLine(row({ verification })))).toMatchObject({
      verification_method: 'callBack',
      verification_verified: 'true',
      verification_evidence: 'call-back on …4567 (mobile)',
      verification_agent_upn: 'helpdesk@contoso.com',
      verification_time_utc: '2026-11-28T09:58:00.000Z',
      verification_id: 'v1',
    });
    expect(csvRow(row({ verification }))).toMatch(
      /,callBack,true,call-back on …4567 \(mobile\),helpdesk@contoso.com,/,
    );
    // The reason the agent typed is carried as typed.
    const typed = row({
      verification: {
        ...verification,
        method: 'notVerified',
        verified: false,
        evidence: { method: 'notVerified', reason: 'x' },
      },
    });
    expect(JSON.parse(jsonLine(typed)).verification_evidence).toBe('not verified: x');
    expect(JSON.parse(jsonLine(row())).verification_method).toBeNull();
  });

  it("case 26: says what the owner was told: each e-mail sent, or failed with Graph's code and request-id", () => {
    const line = JSON.parse(
      jsonLine(
        row({
          notifications: [
            {
              event: 'accepted',
              recipient: 'owner',
              state: 'sent',
              sentAt: '2026-11-28T10:00:01.000Z',
              attempts: 1,
              lastAttemptAt: '2026-11-28T10:00:01.000Z',
              retryAt: null,
              requestId: 'r-sent',
              error: null,
            },
            {
              event: 'done',
              recipient: 'owner',
              state: 'failed',
              sentAt: null,
              attempts: 2,
              lastAttemptAt: '2026-11-28T10:05:00.000Z',
              retryAt: '2026-11-28T10:05:02.000Z',
              requestId: 'r-fail',
              error: { code: 'ErrorAccessDenied', status: 403, requestId: 'r-fail' },
            },
          ],
        }),
      ),
    ) as Record<string, string | null>;
    expect(line.owner_notification).toBe(
      'accepted/owner: sent 2026-11-28T10:00:01.000Z (request-id r-sent); done/owner: failed ErrorAccessDenied 403 (request-id r-fail), retry 2026-11-28T10:05:02.000Z',
    );
    expect(JSON.parse(jsonLine(row())).owner_notification).toBeNull();
    expect(CSV_HEADER).toContain(',action_id,owner_notification,');
  });

  it("case 27: names the approval: its state, the requester's reason, who decided, when and why; empty without one", () => {
    const approval: ApprovalView = {
      id: 'a1',
      subject: 'action',
      state: 'sent',
      createdAt: '2026-11-28T09:40:00.000Z',
      expiresAt: '2026-11-28T10:50:00.000Z',
      device: { id: 'd1', name: "Zoë's iPhone", serialNumber: 'F2LX1' },
      deviceUser: { id: 'u1', upn: 'zoe.obrien@contoso.com', name: "Zoë O'Brien" },
      kind: 'removePasscode',
      graphAction: 'resetPasscode',
      revealOf: null,
      ticket: 'INC-1',
      reason: 'CFO locked out, board meeting at 11',
      because: ['group'],
      requester: { upn: 'helpdesk@contoso.com', name: 'Hanna Berger' },
      verification: null,
      decision: {
        by: { upn: 'approver@contoso.com', name: 'Ada Approver' },
        at: '2026-11-28T09:50:00.000Z',
        reason: '=called back, fine',
      },
      sentAt: '2026-11-28T10:00:00.000Z',
      approversNotified: null,
      mine: false,
      canDecide: false,
    };
    expect(CSV_HEADER.trimEnd()).toMatch(
      /,owner_notification,approval_state,approval_requested_reason,approver_upn,approver_name,approval_decided_at,approval_decision_reason$/,
    );
    const line = JSON.parse(jsonLine(row({ approval }))) as Record<string, string | null>;
    expect(line).toMatchObject({
      approval_state: 'sent',
      approval_requested_reason: 'CFO locked out, board meeting at 11',
      approver_upn: 'approver@contoso.com',
      approver_name: 'Ada Approver',
      approval_decided_at: '2026-11-28T09:50:00.000Z',
      approval_decision_reason: '=called back, fine',
    });
    // A reason is free text: in CSV it cannot become a formula.
    expect(csvRow(row({ approval })).trimEnd()).toMatch(/,"'=called back, fine"$/);
    const none = JSON.parse(jsonLine(row())) as Record<string, string | null>;
    expect([none.approval_state, none.approver_upn, none.approval_decision_reason]).toEqual([
      null,
      null,
      null,
    ]);
    expect(csvRow(row()).trimEnd()).toMatch(/,,,,,,$/);
  });

  it('streams batch by batch: the next batch is asked for only when the reader wants more', async () => {
    let asked = 0;
    async function* batches() {
      for (let i = 0; i < 3; i++) {
        asked++;
        yield [row({ actionId: `a${i}` })];
      }
    }
    const reader = exportStream(batches(), 'jsonl').getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain('"action_id":"a0"');
    expect(asked).toBeLessThanOrEqual(2);
    await reader.cancel();
  });
});
