import 'server-only';
// An approval request as the server answers it, for one caller: its state now (an expiry passed reads expired),
// whether it is the caller's own, and whether the caller may decide it. The browser shows this and derives nothing.
import { approvalStateAt, type ApprovalRow } from '@/lib/server/store/approvals';
import { samePerson, type PersonIds } from '@/lib/server/trust/same-person';
import { PASSCODE_ACTION_KINDS } from '@/lib/shared/devices/passcode-plan';
import type { ApprovalReason, ApprovalView } from '@/lib/shared/trust/approval';
import type { CallerVerification } from '@/lib/shared/trust/verification';

const REASONS: readonly ApprovalReason[] = ['all', 'kind', 'reveal', 'group', 'groupUnreadable'];

export interface ViewerOf {
  /** Who is asking, as Graph vouched for their token; null for a view nobody in particular reads (exports). */
  caller: PersonIds | null;
  /** Whether the caller holds the Approver app role (from a verified ID token). */
  approver: boolean;
}

export function requesterOf(row: ApprovalRow): PersonIds {
  return { oid: row.requester_oid, upn: row.requester_upn };
}

export function approvalView(
  row: ApprovalRow,
  viewer: ViewerOf,
  verification: CallerVerification | null,
  now: Date = new Date(),
): ApprovalView {
  const state = approvalStateAt(row, now);
  const mine = viewer.caller !== null && samePerson(viewer.caller, requesterOf(row));
  return {
    id: row.id,
    subject: row.subject === 'reveal' ? 'reveal' : 'action',
    state,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    device: { id: row.device_id, name: row.device_name, serialNumber: row.device_serial },
    deviceUser: { id: row.device_user_id, upn: row.device_user_upn, name: row.device_user_name },
    kind: PASSCODE_ACTION_KINDS.find((k) => k === row.action_kind) ?? 'removePasscode',
    graphAction: row.graph_action,
    revealOf: row.reveal_of,
    ticket: row.ticket,
    reason: row.reason,
    because: parseReasons(row.because),
    requester: { upn: row.requester_upn, name: row.requester_name },
    verification,
    decision:
      row.decided_at && row.approver_upn
        ? {
            by: { upn: row.approver_upn, name: row.approver_name },
            at: row.decided_at,
            reason: row.decision_reason ?? '',
          }
        : null,
    sentAt: row.sent_at,
    approversNotified:
      row.notify_status === 'sent'
        ? { status: 'sent', requestId: row.notify_request_id }
        : row.notify_status === 'failed'
          ? {
              status: 'failed',
              code: row.notify_code ?? 'unknown',
              requestId: row.notify_request_id,
            }
          : row.notify_status === 'notConfigured'
            ? { status: 'notConfigured' }
            : null,
    mine,
    canDecide: viewer.approver && !mine && state === 'pending',
  };
}

function parseReasons(json: string): ApprovalReason[] {
  try {
    const raw: unknown = JSON.parse(json);
    return Array.isArray(raw) ? REASONS.filter((r) => raw.includes(r)) : [];
  } catch {
    return [];
  }
}
