'use client';
// Words for Graph's enum values (enrolment type, management state, management agent) and remote action names,
// from the catalogs, so every component words them the same way; a value the catalogs do not declare (Microsoft adds
// members) reads "Unknown (value)" rather than passing Graph's raw name off as a word.
import { useMessages, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { Messages } from '@/lib/shared/i18n/catalogs';

type Enums = Omit<Messages['graphEnums'], 'unknownValue'>;

export function useEnumWords() {
  const t = useTranslations();
  const messages = useMessages();
  return useMemo(() => {
    const enums: Enums = messages.graphEnums;
    const actions: Messages['graphActions'] = messages.graphActions;
    const declared = <G extends keyof Enums>(
      group: G,
      value: string,
    ): value is Extract<keyof Enums[G], string> => Object.hasOwn(enums[group], value);
    const isAction = (name: string): name is keyof Messages['graphActions'] =>
      Object.hasOwn(actions, name);
    const unknown = (value: string) => t('graphEnums.unknownValue', { value });
    return {
      enrollmentType: (value: string) =>
        declared('deviceEnrollmentType', value)
          ? t(`graphEnums.deviceEnrollmentType.${value}`)
          : unknown(value),
      managementState: (value: string) =>
        declared('managementState', value)
          ? t(`graphEnums.managementState.${value}`)
          : unknown(value),
      managementAgent: (value: string) =>
        declared('managementAgent', value)
          ? t(`graphEnums.managementAgent.${value}`)
          : unknown(value),
      /** A remote action's name as the admin center words it, or null for one the catalogs do not know. */
      action: (actionName: string): string | null =>
        isAction(actionName) ? t(`graphActions.${actionName}`) : null,
    };
  }, [t, messages]);
}
