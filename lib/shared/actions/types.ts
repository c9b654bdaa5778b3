// What the recoverPasscode server action takes and answers, and what the console knows about an action
// afterwards; shared by the server and the browser.
import { z } from 'zod';
import { DeviceIdSchema } from '@/lib/shared/devices/device-id';
import type { ActionState } from '@/lib/shared/devices/types';
import type { ErrorInfo } from '@/lib/shared/errors';
import { messages } from '@/lib/shared/i18n/messages';
import { compileTicketPattern, MAX_TICKET_LENGTH, type TicketRule } from '@/lib/shared/ticket';

export const MAX_NOTE_LENGTH = 500;
export const MIN_OVERRIDE_REASON_LENGTH = 10;

const v = messages.validation;

export function recoverInputSchema(ticket: TicketRule) {
  return z.object({
    deviceId: DeviceIdSchema,
    ticket: z.string().trim().min(1, v.ticketRequired).max(MAX_TICKET_LENGTH, v.ticketFormat(ticket.example))
      .regex(compileTicketPattern(ticket.pattern), v.ticketFormat(ticket.example)),
    note: z.string().trim().max(MAX_NOTE_LENGTH, v.tooLong(MAX_NOTE_LENGTH)).optional().default(''),
    /** Why the agent goes on although a recovery on this device is in flight or recent. */
    overrideReason: z.string().trim().min(MIN_OVERRIDE_REASON_LENGTH, v.overrideReason).max(MAX_NOTE_LENGTH, v.tooLong(MAX_NOTE_LENGTH)).optional(),
  }).strict();
}
export type RecoverInput = z.input<ReturnType<typeof recoverInputSchema>>;
export type RecoverField = 'deviceId' | 'ticket' | 'note' | 'overrideReason' | 'form';

/** The action that holds a device: who asked, when, for which ticket (the guard of one action per device). */
export interface ActionHolder {
  actionId: string;
  ticket: string;
  actorUpn: string | null;
  actorName: string | null;
  requestedAt: string;
}

export type RecoverResult =
  | { status: 'accepted'; actionId: string; requestedAt: string; requestId: string | null }
  | { status: 'unknown'; actionId: string; requestedAt: string; failure: ErrorInfo }
  | { status: 'alreadyRequested'; holder: ActionHolder }
  | { status: 'invalid'; fieldErrors: Partial<Record<RecoverField, string>> }
  | { status: 'signInAgain'; actionId: string }
  | { status: 'consentRequired'; actionId: string }
  | { status: 'claimsChallenge'; actionId: string; claims: string }
  | { status: 'denied'; actionId: string; failure: ErrorInfo }
  | { status: 'rejected'; actionId: string; failure: ErrorInfo }
  | { status: 'throttled'; actionId: string; failure: ErrorInfo }
  | { status: 'failed'; actionId: string; failure: ErrorInfo };

/** Where an action stands: Intune's state once the device reports, or what the console knows before. */
export type TrackedState = ActionState | 'verifying' | 'notQueued' | 'refused' | 'denied' | 'rejected' | 'failed';

export const TERMINAL: ReadonlySet<TrackedState> = new Set(['done', 'failed', 'canceled', 'notSupported', 'notQueued', 'refused', 'denied', 'rejected']);

export interface ActionStatus {
  actionId: string;
  deviceId: string;
  deviceName: string | null;
  ticket: string | null;
  actorName: string | null;
  actorUpn: string | null;
  requestedAt: string;
  state: TrackedState;
  terminal: boolean;
  /** When the device last reported, as Graph says; null before. */
  lastUpdated: string | null;
  graphRequestId: string | null;
}
