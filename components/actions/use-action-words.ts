'use client';
// How passcode actions and their states read to a person, in the agent's language.
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { TrackedState } from '@/lib/shared/actions/types';
import type { PasscodeActionKind, PasscodePlan } from '@/lib/shared/devices/passcode-plan';

export function useActionWords() {
  const t = useTranslations();
  return useMemo(
    () => ({
      /** A state on its own: a badge, a table cell. */
      state: (state: TrackedState) => t(`trackedStates.${state}`),
      /** A state inside a sentence ("…: pending."), where languages write it in lower case. */
      stateInSentence: (state: TrackedState) => t(`trackedStatesInSentence.${state}`),
      /** The admin center's name of the action ("Remove passcode"), or recoverPasscode's own where it is offered beyond its platform. */
      action: (kind: PasscodeActionKind, beyondDocumented = false) =>
        beyondDocumented && kind === 'recoverPin'
          ? t('passcode.kindsBeyondDocumented.recoverPin')
          : t(`passcode.kinds.${kind}`),
      /** Why a device has no passcode action, in plain words. */
      noActionReason: (plan: Extract<PasscodePlan, { available: false }>) =>
        plan.reason === 'switchedOff'
          ? t('passcode.reasons.switchedOff', {
              action: plan.kind ? t(`passcode.kinds.${plan.kind}`) : '',
            })
          : t(`passcode.reasons.${plan.reason}`),
      /** The same reason in a few words, for a list row or a card, where the full sentence does not fit. */
      noActionShortReason: (plan: Extract<PasscodePlan, { available: false }>) =>
        plan.reason === 'switchedOff'
          ? t('passcode.shortReasons.switchedOff', {
              action: plan.kind ? t(`passcode.kinds.${plan.kind}`) : '',
            })
          : t(`passcode.shortReasons.${plan.reason}`),
    }),
    [t],
  );
}
