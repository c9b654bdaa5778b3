import 'server-only';
// The audit store's tables. Records are append-only: an attempt leaves an intent and an outcome (and later
// observations of the device's state), never an edited row. Device guards are the one mutable table: they
// hold "a recovery on this device is in flight or recent" across tabs, agents and server instances.
import type { Generated } from 'kysely';

/**
 * intent, outcome: before and after the Graph POST; observation: a state the device reported; override: the
 * reason to go on past the device guard; reveal: a temporary passcode shown to an agent (never the passcode);
 * decision and purge: reserved for an agent's decision on an unconfirmed action and the retention job.
 */
export const RECORD_KINDS = ['intent', 'outcome', 'observation', 'override', 'reveal', 'decision', 'purge'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** How a privileged attempt ended, as far as the console knows when it answers. */
export const OUTCOMES = ['accepted', 'denied', 'rejected', 'failed', 'unknown', 'refused', 'notQueued'] as const;
export type Outcome = (typeof OUTCOMES)[number];

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
  /** The device's serial number and user when the action was requested (from migration 0003 on). */
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

export interface AuditDatabase {
  audit_records: AuditRecordTable;
  device_guards: DeviceGuardTable;
}
