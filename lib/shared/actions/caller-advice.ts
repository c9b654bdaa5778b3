// What the agent tells a locked-out caller once Intune has the request, chosen from what is known about it: a wipe,
// retire or delete pending on the device (Intune carries that out instead), how the device ended the action (done,
// failed with Intune's error, not supported, ended otherwise), or, while it waits, the action's own words and how long
// the device has been silent. As data: the browser words it in the agent's language.
import type { PasscodeActionKind } from '@/lib/shared/devices/passcode-plan';
import {
  PRECEDING_STATES,
  silentDays,
  type PendingManagement,
} from '@/lib/shared/devices/warnings';
import type { ActionStatus } from './types';

export type CallerAdvice =
  /** No unlock is coming: the pending wipe, retire or delete goes first (the reason's own words). */
  | { kind: 'held'; what: PendingManagement }
  | { kind: 'done'; action: PasscodeActionKind }
  /** The device could not carry it out, with Intune's error code when it gave one; the passcode is unchanged. */
  | { kind: 'failed'; errorCode: number | null }
  | { kind: 'notSupported' }
  /** Canceled in Intune, or refused before the device saw it: nothing changed on the device. */
  | { kind: 'ended' }
  /** Still waiting for the device; `silentDays` when it has not checked in for days (promise no time). */
  | { kind: 'wait'; action: PasscodeActionKind; silentDays: number | null };

export type AdviceStatus = Pick<
  ActionStatus,
  'state' | 'managementState' | 'lastSyncDateTime' | 'errorCode' | 'terminal'
>;

/**
 * The advice for an action of `action` kind, from the server's latest status of it (null before the first read) and
 * the device's last check-in as it was listed (the status's own, once read, is newer).
 */
export function callerAdvice(
  action: PasscodeActionKind,
  status: AdviceStatus | null,
  listedLastSync: string | null,
  now: number,
): CallerAdvice {
  const pending = status?.managementState ? PRECEDING_STATES[status.managementState] : undefined;
  if (pending && !status?.terminal) return { kind: 'held', what: pending };
  switch (status?.state) {
    case 'done':
      return { kind: 'done', action };
    case 'failed':
      return { kind: 'failed', errorCode: status.errorCode };
    case 'notSupported':
      return { kind: 'notSupported' };
    case 'canceled':
    case 'refused':
    case 'denied':
    case 'rejected':
      return { kind: 'ended' };
    default: {
      const lastSync = status?.lastSyncDateTime ?? listedLastSync;
      return { kind: 'wait', action, silentDays: silentDays(lastSync, now) };
    }
  }
}
