// Four-eyes for passcode actions (trust.md, issue 15/17): where policy says so, a passcode action or a reveal is
// first an approval request, which another agent holding the console's Approver app role approves or denies; the
// requester then sends it once, within the expiry. The server owns every state; the browser shows these views.
import type { PasscodeActionKind } from '@/lib/shared/devices/passcode-plan';
import type { CallerVerification } from './verification';

/**
 * An approval request's states: pending (waiting for an approver), approved (the requester may send it once until
 * it expires), denied and withdrawn (ended by a person), expired (nobody decided or sent in time), sent (the action
 * or reveal it approved went out, under the request's id).
 */
export const APPROVAL_STATES = [
  'pending',
  'approved',
  'denied',
  'withdrawn',
  'expired',
  'sent',
] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];
export const APPROVAL_ENDED: ReadonlySet<ApprovalState> = new Set([
  'denied',
  'withdrawn',
  'expired',
  'sent',
]);

/** What is to be approved: a passcode action on a device, or the reveal of a done Android reset's passcode. */
export type ApprovalSubject = 'action' | 'reveal';

/**
 * Why the policy (APPROVAL_REQUIRED) asks for an approval: every action, this action kind, reveals, the device's
 * user is in a configured group, or that membership could not be read (the stricter rule then applies).
 */
export type ApprovalReason = 'all' | 'kind' | 'reveal' | 'group' | 'groupUnreadable';

/** The server's answer to "does this need a second pair of eyes?" for one device user and action kind. */
export interface ApprovalPolicy {
  required: boolean;
  because: ApprovalReason[];
  /** How long a request waits for a decision, and an approval for its sending (APPROVAL_TTL_MINUTES). */
  ttlMinutes: number;
}

export interface ApprovalPerson {
  upn: string;
  name: string | null;
}

/** An approval request as the server answers it (to its requester and to approvers); the browser never builds one. */
export interface ApprovalView {
  /** Also the id of the action it is sent as (the POST's client-request-id), so the trail is one entry. */
  id: string;
  subject: ApprovalSubject;
  /** The state at the time of the answer (an expired request reads `expired` even before a job marked it). */
  state: ApprovalState;
  createdAt: string;
  /** Until when a pending request may be decided, or an approved one sent. */
  expiresAt: string;
  device: { id: string; name: string | null; serialNumber: string | null };
  /** The device's user as Graph named them to the requester's token when the request was made. */
  deviceUser: { id: string | null; upn: string | null; name: string | null };
  kind: PasscodeActionKind;
  graphAction: string;
  /** For a reveal: the action whose temporary passcode is to be shown. */
  revealOf: string | null;
  ticket: string;
  /** The requester's reason, shown to the approver. */
  reason: string;
  because: ApprovalReason[];
  requester: ApprovalPerson;
  verification: CallerVerification | null;
  decision: { by: ApprovalPerson; at: string; reason: string } | null;
  sentAt: string | null;
  /** The approvers' e-mail: sent, failed (Graph's code and request-id), or not configured / not yet tried. */
  approversNotified:
    | { status: 'sent'; requestId: string | null }
    | { status: 'failed'; code: string; requestId: string | null }
    | { status: 'notConfigured' }
    | null;
  /** Decided by the server for the caller: the request is theirs; they may decide it now (an approver, not theirs). */
  mine: boolean;
  canDecide: boolean;
}

/** The shortest reason an approver gives for a decision (and a requester for a request that needs approval). */
export const MIN_APPROVAL_REASON_LENGTH = 10;
export const MAX_APPROVAL_REASON_LENGTH = 500;

/**
 * Why the server refused to send with an approval, or to decide one: not found (forged or mistyped id), not the
 * caller's own (sending) or the caller's own (deciding), not approved yet, denied/withdrawn/expired/already sent,
 * for another device or action kind than the request names, or the caller holds no Approver role.
 */
export const APPROVAL_PROBLEMS = [
  'unknown',
  'notRequester',
  'ownRequest',
  'notApprover',
  'notApproved',
  'notPending',
  'expired',
  'alreadySent',
  'mismatch',
] as const;
export type ApprovalProblem = (typeof APPROVAL_PROBLEMS)[number];

/** The approver's decision, as the decide server action answers it. */
export type DecideApprovalResult =
  | { status: 'decided'; approval: ApprovalView }
  | { status: 'refused'; problem: ApprovalProblem }
  | {
      status: 'invalid';
      fieldErrors: Partial<Record<'approvalId' | 'decision' | 'reason' | 'form', string>>;
    }
  | { status: 'signInAgain' }
  | { status: 'storeUnavailable' };

export type WithdrawApprovalResult =
  | { status: 'withdrawn'; approval: ApprovalView }
  | { status: 'refused'; problem: ApprovalProblem }
  | { status: 'invalid' }
  | { status: 'signInAgain' }
  | { status: 'storeUnavailable' };

/** GET /api/approvals: open requests for an approver (with the recently decided), the caller's own otherwise. */
export interface ApprovalList {
  approvals: ApprovalView[];
  /** Whether the caller holds the Approver role (from a verified ID token), as the server decided. */
  approver: boolean;
  /** How many requests wait for a decision the caller may make (the header badge). */
  openForMe: number;
}
