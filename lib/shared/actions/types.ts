// What the passcode-action server action takes and answers, and what the console knows about an action
// afterwards; shared by the server and the browser.
import { invalid, valid, type Checked } from '@/lib/shared/checked';
import { parseDeviceId } from '@/lib/shared/devices/device-id';
import {
  PASSCODE_ACTION_KINDS,
  type GraphPasscodeAction,
  type PasscodeActionKind,
  type PasscodePlan,
} from '@/lib/shared/devices/passcode-plan';
import type { ActionState } from '@/lib/shared/devices/types';
import type { ErrorInfo } from '@/lib/shared/errors';
import type {
  CallerVerification,
  VerificationPolicy,
  VerificationProblem,
} from '@/lib/shared/trust/verification';
import type { MessageKey } from '@/lib/shared/i18n/catalogs';
import type { ApprovalProblem, ApprovalView } from '@/lib/shared/trust/approval';
import type { NotificationStatus } from '@/lib/shared/notifications/types';
import { compileTicketPattern, MAX_TICKET_LENGTH, type TicketRule } from '@/lib/shared/ticket';

export const MAX_NOTE_LENGTH = 500;
export const MIN_OVERRIDE_REASON_LENGTH = 10;

/** What the dialog sends (and any caller may send anything: the server checks it again). */
export interface PasscodeActionInput {
  deviceId: string;
  /** The action the agent saw and confirmed; the server re-derives it from Graph and refuses a mismatch. */
  kind: PasscodeActionKind;
  ticket: string;
  note?: string;
  /** Why the agent goes on although a passcode action on this device is in flight or recent. */
  overrideReason?: string;
  /**
   * The caller verification (recorded by the server before, lib/shared/trust/verification.ts) this action rests on;
   * the server checks it is this agent's, for this device's user, and recent enough for the policy.
   */
  verificationId?: string;
  /**
   * The approved approval request (lib/shared/trust/approval.ts) this sends, once: the server checks it is this
   * agent's, approved, not expired or sent, and for this device and action kind.
   */
  approvalId?: string;
}
/** The input once checked: trimmed, the id in lower case, the note '' when not given. */
export type CheckedPasscodeActionInput = Required<
  Pick<PasscodeActionInput, 'deviceId' | 'kind' | 'ticket' | 'note'>
> &
  Pick<PasscodeActionInput, 'overrideReason' | 'verificationId' | 'approvalId'>;
/** The input's fields, the one list: the dialog's parse, the server's zod schema and its error mapping use it. */
export const PASSCODE_ACTION_INPUT_FIELDS = [
  'deviceId',
  'kind',
  'ticket',
  'note',
  'overrideReason',
  'verificationId',
  'approvalId',
] as const satisfies readonly (keyof PasscodeActionInput)[];
export type PasscodeActionInputField = (typeof PASSCODE_ACTION_INPUT_FIELDS)[number];
/** A field an error is reported on; `form` for the input as a whole (not an object, unknown fields). */
export type PasscodeActionField = PasscodeActionInputField | 'form';

/** The field a fault was found on, by its name as sent; `form` for anything else. */
export function inputFieldOf(name: unknown): PasscodeActionField {
  return PASSCODE_ACTION_INPUT_FIELDS.find((f) => f === name) ?? 'form';
}

// The input's rules, checked alike in the dialog (parsePasscodeActionInput) and in the server action
// (input-schema.ts runs these same checks inside zod). Errors are message keys (`validation.*`): the server answers
// them as they are and the browser words them, with the ticket example and the limits above.

export function checkActionKind(raw: unknown): Checked<PasscodeActionKind> {
  const kind = PASSCODE_ACTION_KINDS.find((k) => k === raw);
  return kind === undefined ? invalid('validation.actionKind') : valid(kind);
}

/** The ticket reference, trimmed: required, at most MAX_TICKET_LENGTH, matching the organisation's pattern whole. */
export function checkTicket(raw: string, rule: TicketRule): Checked<string> {
  const ticket = raw.trim();
  if (ticket.length < 1) return invalid('validation.ticketRequired');
  const errors: MessageKey[] = [];
  if (ticket.length > MAX_TICKET_LENGTH) errors.push('validation.ticketFormat');
  if (!compileTicketPattern(rule.pattern).test(ticket)) errors.push('validation.ticketFormat');
  return errors.length > 0 ? invalid(...errors) : valid(ticket);
}

export function checkNote(raw: string): Checked<string> {
  const note = raw.trim();
  return note.length > MAX_NOTE_LENGTH ? invalid('validation.noteTooLong') : valid(note);
}

export function checkOverrideReason(raw: string): Checked<string> {
  const reason = raw.trim();
  const errors: MessageKey[] = [];
  if (reason.length < MIN_OVERRIDE_REASON_LENGTH) errors.push('validation.overrideReason');
  if (reason.length > MAX_NOTE_LENGTH) errors.push('validation.noteTooLong');
  return errors.length > 0 ? invalid(...errors) : valid(reason);
}

/** An id the server issued (a verification's, an approval's: a UUID), in lower case. */
export function checkVerificationId(raw: string): Checked<string> {
  const id = raw.trim().toLowerCase();
  return /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/.test(id)
    ? valid(id)
    : invalid('validation.invalid');
}

export type PasscodeActionInputCheck =
  | { ok: true; value: CheckedPasscodeActionInput }
  | { ok: false; fieldErrors: Partial<Record<PasscodeActionField, MessageKey>> };

/**
 * The whole input, as the server action's schema takes it: an object with exactly these fields (anything else is
 * a `form` error), each checked by its rule. The first error of each field is kept.
 */
export function parsePasscodeActionInput(
  input: unknown,
  rule: TicketRule,
): PasscodeActionInputCheck {
  const fieldErrors: Partial<Record<PasscodeActionField, MessageKey>> = {};
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, fieldErrors: { form: 'validation.invalid' } };
  const raw = input as Record<string, unknown>;
  if (Object.keys(raw).some((k) => inputFieldOf(k) === 'form'))
    fieldErrors.form = 'validation.invalid';
  const field = <T>(name: Exclude<PasscodeActionField, 'form'>, r: Checked<T>): T | undefined => {
    if (r.ok) return r.value;
    fieldErrors[name] ??= r.errors[0];
    return undefined;
  };
  const text = (v: unknown): Checked<string> =>
    typeof v === 'string' ? valid(v) : invalid('validation.invalid');
  const then = <T>(r: Checked<string>, check: (v: string) => Checked<T>): Checked<T> =>
    r.ok ? check(r.value) : r;
  const deviceId = field('deviceId', parseDeviceId(raw.deviceId));
  const kind = field('kind', checkActionKind(raw.kind));
  const ticket = field(
    'ticket',
    then(text(raw.ticket), (v) => checkTicket(v, rule)),
  );
  const note = raw.note === undefined ? '' : field('note', then(text(raw.note), checkNote));
  const overrideReason =
    raw.overrideReason === undefined
      ? undefined
      : field('overrideReason', then(text(raw.overrideReason), checkOverrideReason));
  const verificationId =
    raw.verificationId === undefined
      ? undefined
      : field('verificationId', then(text(raw.verificationId), checkVerificationId));
  const approvalId =
    raw.approvalId === undefined
      ? undefined
      : field('approvalId', then(text(raw.approvalId), checkVerificationId));
  if (
    deviceId === undefined ||
    kind === undefined ||
    ticket === undefined ||
    note === undefined ||
    Object.keys(fieldErrors).length > 0
  ) {
    return { ok: false, fieldErrors };
  }
  return {
    ok: true,
    value: {
      deviceId,
      kind,
      ticket,
      note,
      ...(overrideReason !== undefined ? { overrideReason } : {}),
      ...(verificationId !== undefined ? { verificationId } : {}),
      ...(approvalId !== undefined ? { approvalId } : {}),
    },
  };
}

/** The action that holds a device: who asked, when, for which ticket (the guard of one action per device). */
export interface ActionHolder {
  actionId: string;
  ticket: string;
  actorUpn: string | null;
  actorName: string | null;
  requestedAt: string;
}

export type PasscodeActionResult =
  | {
      status: 'accepted';
      actionId: string;
      requestedAt: string;
      requestId: string | null;
      kind: PasscodeActionKind;
      /** The caller verification the action rests on, as the server recorded it; null when none. */
      verification: CallerVerification | null;
    }
  | {
      status: 'unknown';
      actionId: string;
      requestedAt: string;
      failure: ErrorInfo;
      kind: PasscodeActionKind;
      verification: CallerVerification | null;
    }
  | { status: 'alreadyRequested'; holder: ActionHolder }
  | { status: 'invalid'; fieldErrors: Partial<Record<PasscodeActionField, string>> }
  /** Graph's answer about the device leaves no passcode action (or another one than confirmed): nothing was posted. */
  | { status: 'notAvailable'; actionId: string; plan: Extract<PasscodePlan, { available: false }> }
  | { status: 'planChanged'; actionId: string; plan: PasscodePlan }
  | { status: 'signInAgain'; actionId: string }
  | { status: 'consentRequired'; actionId: string }
  | { status: 'claimsChallenge'; actionId: string; claims: string }
  | { status: 'denied'; actionId: string; failure: ErrorInfo }
  | { status: 'rejected'; actionId: string; failure: ErrorInfo }
  | { status: 'throttled'; actionId: string; failure: ErrorInfo }
  /**
   * The caller-verification policy refused the action before anything was posted: what it asked (for this device's
   * user and this action kind) and what was wrong with the verification the request named, or that it named none.
   */
  | {
      status: 'verificationRequired';
      actionId: string;
      policy: VerificationPolicy;
      problem: VerificationProblem;
    }
  /**
   * Four-eyes: the policy asks for a second agent's approval, so nothing was posted; the approval request was
   * written (its id is the id the action will be sent under) and approvers were told.
   */
  | { status: 'approvalPending'; actionId: string; approval: ApprovalView }
  /** The approval the request named cannot send this (lib/shared/trust/approval.ts); nothing was posted. */
  | { status: 'approvalRefused'; actionId: string; problem: ApprovalProblem }
  /**
   * Intune's own Multi Admin Approval answered 403 ApprovalRequired: an approver must approve it in the Intune admin
   * center; the approval code (x-msft-approval-code) names the request there. Not retried.
   */
  | {
      status: 'intuneApprovalRequired';
      actionId: string;
      approvalCode: string | null;
      failure: ErrorInfo;
    }
  /** The console's own per-agent limit (not Graph's throttling): so many actions per ten minutes. */
  | { status: 'rateLimited'; actionId: string; retryAfterSeconds: number; limit: number }
  | { status: 'failed'; actionId: string; failure: ErrorInfo }
  /**
   * The console's own database failed, so the action could not be recorded. `sent` says what reached Graph: nothing
   * (the failure came before the POST), or the POST, whose answer stands although its record could not be written:
   * accepted (with Graph's request-id), of unknown fate, or refused. actionId is the client-request-id Intune saw.
   */
  | { status: 'storeUnavailable'; sent: 'nothing' }
  | {
      status: 'storeUnavailable';
      sent: Exclude<StoreFailureSent, 'nothing'>;
      actionId: string;
      requestId: string | null;
      kind: PasscodeActionKind | null;
    };

/** What reached Graph when the console's database failed during a passcode action. */
export type StoreFailureSent = 'nothing' | 'accepted' | 'unknownFate' | 'refused';

/**
 * Where an action stands: Intune's state once the device reports, or what the console knows before. An action
 * whose POST had an unknown fate is `verifying`, then `notConfirmed` once the verify window has passed without
 * the device showing it: never taken as "not queued", because Graph can show an action late or not at all.
 */
export type TrackedState =
  | ActionState
  | 'verifying'
  | 'notConfirmed'
  | 'refused'
  | 'denied'
  | 'rejected'
  | 'failed'
  // Four-eyes, before anything is sent: waiting for an approver; approved (the requester may send it); ended.
  | 'awaitingApproval'
  | 'approved'
  | 'approvalDenied'
  | 'approvalWithdrawn'
  | 'approvalExpired';

export const TERMINAL: ReadonlySet<TrackedState> = new Set([
  'done',
  'failed',
  'canceled',
  'notSupported',
  'refused',
  'denied',
  'rejected',
  'approvalDenied',
  'approvalWithdrawn',
  'approvalExpired',
]);

/** Whether the agent can ask to see the temporary passcode of an Android reset (the reveal route decides). */
export type PasscodeAvailability = 'available' | 'expired' | 'unavailable';

export interface ActionStatus {
  actionId: string;
  deviceId: string;
  deviceName: string | null;
  /** The device's serial number and user when the action was requested: how two same-named devices differ. */
  deviceSerial: string | null;
  deviceUserName: string | null;
  deviceUpn: string | null;
  ticket: string | null;
  actorName: string | null;
  actorUpn: string | null;
  /** Graph's action, and what the console asked it to do. */
  graphAction: GraphPasscodeAction;
  kind: PasscodeActionKind | null;
  requestedAt: string;
  state: TrackedState;
  terminal: boolean;
  /** When the device last reported, as Graph says; null before. */
  lastUpdated: string | null;
  /**
   * When the device reported the state that ended the action (done, failed, canceled, not supported): its report
   * time, as the server read it. Null while under way, and for an action that ended without the device (refused…).
   */
  finishedAt: string | null;
  graphRequestId: string | null;
  /** Intune's errorCode when the device failed the action. */
  errorCode: number | null;
  /** For a done Android reset: whether a passcode can be revealed; null for every other action. */
  passcode: PasscodeAvailability | null;
  /**
   * When a temporary passcode of this action was last shown to an agent, as the audit trail's reveal records say (the
   * reveal is audited, the passcode never); null when it never was. The tray keeps a shown passcode's item to one line.
   */
  passcodeShownAt: string | null;
  /** A pending wipe or retire the device shows, which holds the action back; null when managed or not read. */
  managementState: string | null;
  /** When the device last checked in, where Graph was asked; null before. */
  lastSyncDateTime: string | null;
  /** For an action Intune did not support: what the one rule offers this device instead; null otherwise. */
  alternative: PasscodePlan | null;
  /**
   * Graph's HTTP status when the request itself failed (a wait beyond the action's budget, a 401…), so nothing was queued;
   * null when the state comes from the device (a device that failed the action) or the request went through.
   */
  requestStatus: number | null;
  /**
   * Whether this action holds its device's guard (one passcode action per device at a time), as the console's
   * database says: until a time, until the device settles it (its POST had an unknown fate), or not at all (null:
   * released, lapsed, or taken over by a later request). While it holds, a second request on the device needs a
   * reason. The server is the only judge; the browser shows this and never works it out from times of its own.
   */
  guard: GuardHold | null;
  /** The caller verification the action rests on (its intent's), as the server recorded it; null when none. */
  verificationId: string | null;
  verification: CallerVerification | null;
  /**
   * The owner's e-mails about this action (accepted, then done or failed; to the device's user and, if configured,
   * their manager), as the console's database says: sent, pending, or failed with Graph's error and when it is tried
   * again. Empty when notifications are off or none is due yet.
   */
  notifications: NotificationStatus[];
  /**
   * The four-eyes approval this action went through or waits for (approval_requests), as the server read it; null
   * when none applied. Before it is sent, `state` is awaitingApproval, approved (ready to send), or how it ended.
   */
  approval: ApprovalView | null;
}

/** How long the database holds a device for an action (see ActionStatus.guard). */
export type GuardHold = { kind: 'until'; until: string } | { kind: 'untilSettled' };

/** Whether the server's answer still holds the device at `now` (a timed hold lapses at its end). */
export function guardHoldsAt(guard: GuardHold | null, now: number): boolean {
  if (guard === null) return false;
  return guard.kind === 'untilSettled' || Date.parse(guard.until) > now;
}
