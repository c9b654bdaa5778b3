import { describe, expect, it } from 'vitest';
import { parsePasscodeActionInput } from '@/lib/shared/actions/types';
import { DEFAULT_TICKET_RULE } from '@/lib/shared/ticket';
import type { ApprovalView } from '@/lib/shared/trust/approval';
import type { CallerVerification } from '@/lib/shared/trust/verification';
import { approvedSendInput } from './approved-send';

const APPROVAL_ID = '3f2b8c1e-5a6d-4e7f-8a9b-0c1d2e3f4a5b';
const VERIFICATION_ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

const approval = (over: Partial<ApprovalView> = {}): ApprovalView => ({
  id: APPROVAL_ID,
  subject: 'action',
  state: 'approved',
  createdAt: '2026-12-02T14:00:00Z',
  expiresAt: '2026-12-02T15:02:00Z',
  device: { id: '5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f', name: 'CFO-iPhone', serialNumber: 'S1' },
  deviceUser: { id: 'u1', upn: 'cfo@contoso.com', name: 'Chief Financial Officer' },
  kind: 'removePasscode',
  graphAction: 'resetPasscode',
  revealOf: null,
  ticket: 'INC-4711',
  reason: 'Locked out before the board meeting',
  because: ['group'],
  requester: { upn: 'agent@contoso.com', name: 'Agent' },
  verification: null,
  decision: {
    by: { upn: 'approver@contoso.com', name: 'Approver' },
    at: '2026-12-02T14:02:00Z',
    reason: 'Called back, fine',
  },
  sentAt: null,
  approversNotified: { status: 'sent', requestId: null },
  mine: true,
  canDecide: false,
  ...over,
});

describe('approvedSendInput', () => {
  it('sends what the approval names: its device, kind and ticket, the reason as the note, and its id', () => {
    const input = approvedSendInput(approval());
    expect(input).toEqual({
      deviceId: '5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f',
      kind: 'removePasscode',
      ticket: 'INC-4711',
      note: 'Locked out before the board meeting',
      approvalId: APPROVAL_ID,
    });
    // The server's own check of the input takes it as it is.
    expect(parsePasscodeActionInput(input, DEFAULT_TICKET_RULE).ok).toBe(true);
  });

  it('names the caller verification the request rested on', () => {
    const verification = { id: VERIFICATION_ID } as CallerVerification;
    const input = approvedSendInput(approval({ verification }));
    expect(input.verificationId).toBe(VERIFICATION_ID);
    expect(parsePasscodeActionInput(input, DEFAULT_TICKET_RULE).ok).toBe(true);
  });
});
