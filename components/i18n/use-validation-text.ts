'use client';
// Words a validation message key (what the checks in lib/shared carry, on both sides) in the agent's language,
// with the values the sentence needs. Anything that is not one of our keys (zod's own defaults) reads as a
// plain "not valid", never as English from a library.
import { useFormatter, useMessages, useTranslations } from 'next-intl';
import { useCallback } from 'react';
import { useConsoleSettings } from '@/lib/browser/settings/console-settings';
import { MAX_NOTE_LENGTH, MIN_OVERRIDE_REASON_LENGTH } from '@/lib/shared/actions/types';
import { MAX_QUERY_LENGTH, STALE_DAY_CHOICES } from '@/lib/shared/devices/search';
import type { Messages } from '@/lib/shared/i18n/catalogs';
import {
  MAX_APPROVAL_REASON_LENGTH,
  MIN_APPROVAL_REASON_LENGTH,
} from '@/lib/shared/trust/approval';

type ValidationKey = keyof Messages['validation'];
const PREFIX = 'validation.';

export function useValidationText(): (message: string) => string {
  const t = useTranslations('validation');
  const format = useFormatter();
  const known = useMessages().validation;
  const { ticket } = useConsoleSettings();
  return useCallback(
    (message: string) => {
      const key = message.startsWith(PREFIX) ? message.slice(PREFIX.length) : '';
      if (!Object.hasOwn(known, key)) return t('invalid');
      const k = key as ValidationKey;
      return t(k, {
        example: ticket.example,
        min: k === 'approvalReason' ? MIN_APPROVAL_REASON_LENGTH : MIN_OVERRIDE_REASON_LENGTH,
        // The length limits: the search box's, an approval reason's, and the dialog's free-text fields'.
        max:
          k === 'searchTooLong'
            ? MAX_QUERY_LENGTH
            : k === 'approvalReasonTooLong'
              ? MAX_APPROVAL_REASON_LENGTH
              : MAX_NOTE_LENGTH,
        choices: format.list(STALE_DAY_CHOICES.map(String), { type: 'disjunction' }),
      });
    },
    [t, format, known, ticket.example],
  );
}
