// What the passcode-action server action takes and answers, and what the console knows about an action
// afterwards; shared by the server and the browser.
import { z } from 'zod';
import { DeviceIdSchema } from '@/lib/shared/devices/device-id';
import { PASSCODE_ACTION_KINDS, type GraphPasscodeAction, type PasscodeActionKind, type PasscodePlan } from '@/lib/shared/devices/passcode-action';
import type { ActionState } from '@/lib/shared/devices/types';
import type { ErrorInfo } from '@/lib/shared/errors';
import { messageKey } from '@/lib/shared/i18n/catalogs';
import { compileTicketPattern, MAX_TICKET_LENGTH, type TicketRule } from '@/lib/shared/ticket';

export const MAX_NOTE_LENGTH = 500;
export const MIN_OVERRIDE_REASON_LENGTH = 10;

/**
 * The input, checked alike in the dialog and in the server action. Errors are message keys (`validation.*`): the
 * server answers them as they are and the browser words them, with the ticket example and the limits above.
 */
export function passcodeActionInputSchema(ticket: TicketRule) {
  return z.object({
    deviceId: DeviceIdSchema,
    /** The action the agent saw and confirmed; the server re-derives it from Graph and refuses a mismatch. */
    kind: z.enum(PASSCODE_ACTION_KINDS, messageKey('validation.actionKind')),
    ticket: z.string().trim().min(1, messageKey('validation.ticketRequired')).max(MAX_TICKET_LENGTH, messageKey('validation.ticketFormat'))
      .regex(compileTicketPattern(ticket.pattern), messageKey('validation.ticketFormat')),
    note: z.string().trim().max(MAX_NOTE_LENGTH, messageKey('validation.noteTooLong')).optional().default(''),
    /** Why the agent goes on although a passcode action on this device is in flight or recent. */
    overrideReason: z.string().trim().min(MIN_OVERRIDE_REASON_LENGTH, messageKey('validation.overrideReason')).max(MAX_NOTE_LENGTH, messageKey('validation.noteTooLong')).optional(),
  }).strict();
}
export type PasscodeActionInput = z.input<ReturnType<typeof passcodeActionInputSchema>>;
export type PasscodeActionField = 'deviceId' | 'kind' | 'ticket' | 'note' | 'overrideReason' | 'form';

/** The action that holds a device: who asked, when, for which ticket (the guard of one action per device). */
export interface ActionHolder {
  actionId: string;
  ticket: string;
  actorUpn: string | null;
  actorName: string | null;
  requestedAt: string;
}

export type PasscodeActionResult =
  | { status: 'accepted'; actionId: string; requestedAt: string; requestId: string | null; kind: PasscodeActionKind }
  | { status: 'unknown'; actionId: string; requestedAt: string; failure: ErrorInfo; kind: PasscodeActionKind }
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
  /** The console's own per-agent limit (not Graph's throttling): so many actions per ten minutes. */
  | { status: 'rateLimited'; actionId: string; retryAfterSeconds: number; limit: number }
  | { status: 'failed'; actionId: string; failure: ErrorInfo };

/**
 * Where an action stands: Intune's state once the device reports, or what the console knows before. An action
 * whose POST had an unknown fate is `verifying`, then `notConfirmed` once the verify window has passed without
 * the device showing it: never taken as "not queued", because Graph can show an action late or not at all.
 */
export type TrackedState = ActionState | 'verifying' | 'notConfirmed' | 'refused' | 'denied' | 'rejected' | 'failed';

export const TERMINAL: ReadonlySet<TrackedState> = new Set(['done', 'failed', 'canceled', 'notSupported', 'refused', 'denied', 'rejected']);

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
  graphRequestId: string | null;
  /** Intune's errorCode when the device failed the action. */
  errorCode: number | null;
  /** For a done Android reset: whether a passcode can be revealed; null for every other action. */
  passcode: PasscodeAvailability | null;
  /** A pending wipe or retire the device shows, which holds the action back; null when managed or not read. */
  managementState: string | null;
  /** When the device last checked in, where Graph was asked; null before. */
  lastSyncDateTime: string | null;
  /** For an action Intune did not support: what the one rule offers this device instead; null otherwise. */
  alternative: PasscodePlan | null;
  /**
   * Graph's HTTP status when the request itself failed (a 429 beyond the one retry, a 401…), so nothing was queued;
   * null when the state comes from the device (a device that failed the action) or the request went through.
   */
  requestStatus: number | null;
}
