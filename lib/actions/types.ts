// What the recoverPasscode server action takes and answers, and what the console knows about an action
// afterwards; shared by the server and the browser.
import { z } from 'zod';
import { DeviceIdSchema } from '@/lib/devices/device-id';
import type { ActionState } from '@/lib/devices/types';
import type { ForbiddenReason } from '@/lib/graph/errors';

export const MAX_NOTE_LENGTH = 500;
export const MAX_TICKET_LENGTH = 40;

export function recoverInputSchema(ticketPattern: RegExp) {
  return z.object({
    deviceId: DeviceIdSchema,
    ticket: z.string().trim().min(1, 'Enter the ticket reference.').max(MAX_TICKET_LENGTH)
      .regex(ticketPattern, `The ticket reference must look like ${ticketPattern.source.replace(/^\^|\$$/g, '')} (for example INC-12345).`),
    note: z.string().trim().max(MAX_NOTE_LENGTH, `The note is limited to ${MAX_NOTE_LENGTH} characters.`).optional().default(''),
    /** Why the agent goes on although a recovery on this device is in flight or recent. */
    overrideReason: z.string().trim().min(10, 'Say in a sentence why this needs a second request.').max(MAX_NOTE_LENGTH).optional(),
  }).strict();
}
export type RecoverInput = z.input<ReturnType<typeof recoverInputSchema>>;

export interface GraphFailure {
  message: string;
  requestId: string | null;
  date: string | null;
  code: string;
}

export interface ActionHolder {
  actionId: string;
  ticket: string;
  actorUpn: string | null;
  actorName: string | null;
  requestedAt: string;
}

export type RecoverResult =
  | { status: 'accepted'; actionId: string; requestedAt: string; requestId: string | null }
  | { status: 'unknown'; actionId: string; requestedAt: string; failure: GraphFailure }
  | { status: 'alreadyRequested'; holder: ActionHolder }
  | { status: 'invalid'; fieldErrors: Partial<Record<'deviceId' | 'ticket' | 'note' | 'overrideReason' | 'form', string>> }
  | { status: 'signInAgain'; actionId: string }
  | { status: 'consentRequired'; actionId: string }
  | { status: 'claimsChallenge'; actionId: string; claims: string }
  | { status: 'denied'; actionId: string; failure: GraphFailure; reason: ForbiddenReason | null }
  | { status: 'rejected'; actionId: string; failure: GraphFailure }
  | { status: 'throttled'; actionId: string; failure: GraphFailure; retryAfterSeconds: number | null }
  | { status: 'failed'; actionId: string; failure: GraphFailure };

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
