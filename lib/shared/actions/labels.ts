// How passcode actions and their states read to a person.
import type { TrackedState } from '@/lib/shared/actions/types';
import type { PasscodeActionKind, PasscodePlan } from '@/lib/shared/devices/passcode-action';
import { messages } from '@/lib/shared/i18n/messages';

const m = messages.passcode;

export function stateLabel(state: TrackedState): string {
  return messages.trackedStates[state];
}

/** The admin center's name of the action ("Remove passcode"), or recoverPasscode's own where it is offered beyond its platform. */
export function actionLabel(kind: PasscodeActionKind, beyondDocumented = false): string {
  return beyondDocumented && kind === 'recoverPin' ? m.kindsBeyondDocumented.recoverPin : m.kinds[kind];
}

/** Why a device has no passcode action, in plain words. */
export function noActionReason(plan: Extract<PasscodePlan, { available: false }>): string {
  return plan.reason === 'switchedOff' ? m.reasons.switchedOff(plan.kind ? m.kinds[plan.kind] : '') : m.reasons[plan.reason];
}
