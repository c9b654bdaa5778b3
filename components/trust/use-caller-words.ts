'use client';
// Words for the values the Caller panel shows from Graph (Identity Protection's risk level and state, a device's
// threat state, a number's kind), from the catalogs; a value they do not declare reads "Unknown (value)".
import { useMessages, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { Messages } from '@/lib/shared/i18n/catalogs';
import type { NumberOfRecord } from '@/lib/shared/trust/caller';

type Groups = Pick<Messages['caller'], 'riskLevels' | 'riskStates' | 'threatStates' | 'phoneKinds'>;

export function useCallerWords() {
  const t = useTranslations();
  const messages = useMessages();
  return useMemo(() => {
    const groups: Groups = messages.caller;
    const declared = <G extends keyof Groups>(
      group: G,
      value: string,
    ): value is Extract<keyof Groups[G], string> => Object.hasOwn(groups[group], value);
    const unknown = (value: string) => t('graphEnums.unknownValue', { value });
    return {
      riskLevel: (v: string) =>
        declared('riskLevels', v) ? t(`caller.riskLevels.${v}`) : unknown(v),
      riskState: (v: string) =>
        declared('riskStates', v) ? t(`caller.riskStates.${v}`) : unknown(v),
      threatState: (v: string) =>
        declared('threatStates', v) ? t(`caller.threatStates.${v}`) : unknown(v),
      phoneKind: (n: NumberOfRecord) => {
        const kind = n.phoneType ?? n.source;
        return declared('phoneKinds', kind) ? t(`caller.phoneKinds.${kind}`) : unknown(kind);
      },
    };
  }, [t, messages]);
}
