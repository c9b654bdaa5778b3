'use client';
// The words on a passcode-action button and beside it, built once per language: a list reads them from its host
// (one set for every row), the device page from this hook directly.
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { PasscodePlan } from '@/lib/shared/devices/passcode-plan';
import type { DeviceListItem } from '@/lib/shared/devices/types';
import type { AccessNote } from './passcode-access';
import { useActionWords } from './use-action-words';

type AvailablePlan = Extract<PasscodePlan, { available: true }>;

export type PasscodeButtonWords = ReturnType<typeof usePasscodeButtonWords>;

export function usePasscodeButtonWords() {
  const t = useTranslations('passcode');
  const words = useActionWords();
  return useMemo(
    () => ({
      /** The admin center's name of the action the button starts. */
      label: (plan: AvailablePlan) => words.action(plan.kind, plan.beyondDocumented),
      /** The button's accessible name: the action and the device it acts on. */
      name: (device: DeviceListItem, label: string) =>
        device.serialNumber
          ? t('buttonFor', { action: label, name: device.deviceName, serial: device.serialNumber })
          : t('buttonForNoSerial', { action: label, name: device.deviceName }),
      noAction: t('noAction'),
      noActionReason: words.noActionReason,
      noActionShortReason: words.noActionShortReason,
      /** The full sentence on why the button is blocked or what the agent meets first. */
      accessReason: (reason: NonNullable<AccessNote['reason']>) =>
        reason === 'missingRole'
          ? t('access.missingRole')
          : reason === 'refused'
            ? t('unavailableToAccount')
            : t('access.missingConsent'),
      /** The same in sight, short: who can fix it. */
      accessShort: (reason: NonNullable<AccessNote['reason']>) =>
        reason === 'missingRole' ? t('access.missingRoleShort') : t('access.missingConsentShort'),
    }),
    [t, words],
  );
}
