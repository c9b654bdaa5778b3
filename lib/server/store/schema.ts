import 'server-only';
// The audit store's tables. Records are append-only: an attempt leaves an intent and an outcome (and later
// observations of the device's state), never an edited row. Device guards are the one mutable table: they
// hold "a recovery on this device is in flight or recent" across tabs, agents and server instances.
import type { Generated } from 'kysely';
import type { Outcome } from '@/lib/shared/activity/outcomes';

/**
 * intent, outcome: before and after the Graph POST; observation: a state the device reported; override: the
 * reason to go on past the device guard; reveal: a temporary passcode shown to an agent (never the passcode);
 * decision: a step of the action's approval (lib/shared/trust/approval.ts), with the step in `action_state`
 * (approvalRequested, approved, approvalDenied, approvalWithdrawn, approvalExpired) and the person's reason in
 * `detail`; purge: reserved for the retention job.
 */
export const RECORD_KINDS = [
  'intent',
  'outcome',
  'observation',
  'override',
  'reveal',
  'decision',
  'purge',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export { OUTCOMES, type Outcome } from '@/lib/shared/activity/outcomes';

export interface AuditRecordTable {
  seq: Generated<number>;
  id: string;
  action_id: string;
  kind: RecordKind;
  /** UTC, ISO 8601 with milliseconds. */
  recorded_at: string;
  /** Graph's action: resetPasscode or recoverPasscode. */
  action_name: string;
  /** What the console asked it for: removePasscode, resetDevicePasscode, resetWorkProfilePasscode, recoverPin. */
  action_kind: string | null;
  device_id: string;
  device_name: string | null;
  /** The device's serial number and user when the action was requested (from migration 0006 on). */
  device_serial: string | null;
  device_user_upn: string | null;
  device_user_name: string | null;
  ticket: string | null;
  note: string | null;
  actor_oid: string | null;
  actor_upn: string | null;
  actor_name: string | null;
  actor_tenant: string | null;
  /** 1 when the actor comes from a token Graph accepted; 0 when it is not known. */
  actor_verified: number;
  outcome: Outcome | null;
  /** For observations: the device's actionState. */
  action_state: string | null;
  graph_request_id: string | null;
  client_request_id: string | null;
  http_status: number | null;
  /** Error code and message, or the reason given to override the guard. Never a token or a passcode. */
  detail: string | null;
  /** The caller verification (caller_verifications.id) the action or reveal rests on (from migration 0007 on). */
  verification_id: string | null;
  /** The approval request (approval_requests.id) the action or reveal was sent under (from migration 0010 on). */
  approval_id: string | null;
}

/** How an agent verified a caller (lib/shared/trust/verification.ts); append-only. */
export interface CallerVerificationTable {
  id: string;
  recorded_at: string;
  agent_oid: string;
  agent_upn: string;
  agent_name: string | null;
  agent_tenant: string;
  /** The device's user this verification is about: Entra object id, lower case. */
  subject_user_id: string;
  subject_upn: string | null;
  subject_name: string | null;
  device_id: string | null;
  method: string;
  /** 1 when the method verified the subject; 0 for notVerified and failed presentations. */
  verified: number;
  /** VerificationEvidence as JSON: last digits of numbers, never whole numbers, never a token. */
  evidence: string;
}

/** A Verified ID presentation request the console started (mutable until it concludes, once). */
export interface VerifiedIdRequestTable {
  /** The Request Service's requestId. */
  request_id: string;
  /** The random state the callback must carry back. */
  state: string;
  /** SHA-256 (base64url) of the per-request api key the callback must send; the key itself is never stored. */
  api_key_hash: string;
  agent_oid: string;
  agent_upn: string;
  agent_name: string | null;
  agent_tenant: string;
  /** The device's user as Graph named them to the agent's token when the request was made. */
  subject_user_id: string;
  subject_upn: string | null;
  subject_name: string | null;
  device_id: string;
  /** The Face Check threshold the request was made with. */
  threshold: number;
  created_at: string;
  expires_at: string;
  status: 'waiting' | 'retrieved' | 'verified' | 'failed';
  failure: string | null;
  score: number | null;
  /** The caller_verifications record written when it concluded. */
  verification_id: string | null;
  concluded_at: string | null;
}

/**
 * A four-eyes approval request (lib/shared/trust/approval.ts): mutable in its status only, by single conditional
 * UPDATEs (so two approvers, or two instances sending, cannot both win); the trail of each step is in
 * audit_records (kind decision) under the same id, which the approved action is later sent under.
 */
export interface ApprovalRequestTable {
  id: string;
  /** ApprovalSubject: action or reveal. */
  subject: string;
  created_at: string;
  expires_at: string;
  requester_oid: string;
  requester_upn: string;
  requester_name: string | null;
  requester_tenant: string;
  device_id: string;
  device_name: string | null;
  device_serial: string | null;
  device_user_id: string | null;
  device_user_upn: string | null;
  device_user_name: string | null;
  /** PasscodeActionKind and Graph's action name. */
  action_kind: string;
  graph_action: string;
  /** For a reveal: the action whose passcode is to be shown. */
  reveal_of: string | null;
  ticket: string;
  reason: string;
  verification_id: string | null;
  /** ApprovalReason[] as JSON. */
  because: string;
  /** ApprovalState as stored (an expiry passed is read as expired before a job marks it). */
  status: string;
  decided_at: string | null;
  approver_oid: string | null;
  approver_upn: string | null;
  approver_name: string | null;
  decision_reason: string | null;
  sent_at: string | null;
  /** The approvers' e-mail: sent, failed, notConfigured; null before a try. */
  notify_status: string | null;
  notify_code: string | null;
  notify_request_id: string | null;
}

export interface DeviceGuardTable {
  device_id: string;
  action_id: string;
  ticket: string;
  actor_upn: string | null;
  actor_name: string | null;
  requested_at: string;
  expires_at: string;
}

/** Until when Graph asked the console (one key per tenant and app) to wait; shared by every instance. */
export interface GraphThrottleTable {
  key: string;
  /** UTC, ISO 8601 with milliseconds. */
  until: string;
}

/** The purge job's permission to delete records older than `cutoff`, open only inside its own transaction. */
export interface PurgeGrantTable {
  id: string;
  cutoff: string;
  active: number;
  created_at: string;
}

/** A state change waiting to be posted to the ticket system's webhook (or posted: delivered_at). */
export interface WebhookOutboxTable {
  event_id: string;
  action_id: string;
  /** The JSON body, exactly as posted and signed. Never a passcode. */
  payload: string;
  created_at: string;
  attempts: number;
  next_attempt_at: string;
  /** An instance delivering it holds it until then, so two instances never post it at once. */
  locked_until: string | null;
  delivered_at: string | null;
  last_error: string | null;
}

/** One privileged attempt by an agent, for the per-agent rate limits every instance shares. */
export interface RateLimitEventTable {
  id: string;
  actor_oid: string;
  kind: string;
  at: string;
}

/**
 * The owner's e-mail about one action's event (accepted, done, failed), to one recipient (owner, manager): at most
 * one row per (action_id, event, recipient). Sent with the requesting agent's token on that agent's requests.
 */
export interface OwnerNotificationTable {
  id: string;
  action_id: string;
  /** NotificationEvent: accepted, done or failed. */
  event: string;
  /** NotificationRecipient: owner or manager. */
  recipient: string;
  /** The agent whose delegated token sends it (tokens are never stored, so only their requests can). */
  requester_oid: string;
  created_at: string;
  attempts: number;
  /** When it may be tried again; null once sent or when no try can help (no one to send to). */
  next_attempt_at: string | null;
  /** An instance sending it holds it until then, so two instances never send it at once. */
  locked_until: string | null;
  last_attempt_at: string | null;
  sent_at: string | null;
  /** Graph's request-id of the send that succeeded, or of the last one that failed. */
  graph_request_id: string | null;
  /** Graph's error code of the last failed try (or the console's: consentRequired, noRecipient). */
  error_code: string | null;
  error_status: number | null;
}

export interface AuditDatabase {
  audit_records: AuditRecordTable;
  device_guards: DeviceGuardTable;
  graph_throttle: GraphThrottleTable;
  purge_grants: PurgeGrantTable;
  webhook_outbox: WebhookOutboxTable;
  rate_limit_events: RateLimitEventTable;
  caller_verifications: CallerVerificationTable;
  verified_id_requests: VerifiedIdRequestTable;
  owner_notifications: OwnerNotificationTable;
  approval_requests: ApprovalRequestTable;
}
