'use client';
// The words for a four-eyes approval request in the agent's language (why the policy asks for one, what the server
// refused, where a request stands), so the dialog, the tray, the device page, the activity page and Copy for ticket
// all say it the same way.
import { useFormatter, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { TrackedState } from '@/lib/shared/actions/types';
import type {
  ApprovalPerson,
  ApprovalProblem,
  ApprovalReason,
  ApprovalView,
} from '@/lib/shared/trust/approval';

export function useApprovalWords() {
  const t = useTranslations('approvalRequest');
  const format = useFormatter();
  return useMemo(() => {
    const time = (iso: string) => format.dateTime(new Date(iso), 'time');
    const dateTime = (iso: string) => format.dateTime(new Date(iso), 'dateTime');
    const person = (p: ApprovalPerson) => p.name ?? p.upn;
    return {
      time,
      person,
      /** Why the policy asks for a second agent's approval, every reason it gave, as one phrase. */
      because: (reasons: readonly ApprovalReason[]) =>
        format.list(
          reasons.map((r) => t(`because.${r}`)),
          { type: 'conjunction' },
        ),
      /** Why the server would not use (or decide, or withdraw) an approval: a sentence of its own. */
      problem: (p: ApprovalProblem) => t(`problems.${p}`),
      /**
       * The toast when a request is decided (approved: send it by…; denied: the approver's reason), in the same
       * words as the item; null for any other state.
       */
      decisionToast: (
        state: TrackedState,
        a: ApprovalView | null,
        where: { device: string; ticket: string },
      ): string | null => {
        if (!a || (state !== 'approved' && state !== 'approvalDenied')) return null;
        const name = a.decision ? person(a.decision.by) : '—';
        return state === 'approved'
          ? t('toastApproved', { ...where, name, time: time(a.expiresAt) })
          : t('toastDenied', { ...where, name, reason: a.decision?.reason ?? '—' });
      },
      /** The request's line in the activity table and in Copy for ticket: who decided, when, why; or how it ended. */
      summary: (a: ApprovalView): string => {
        // The server fills the decision for every decided state; a dash where one is missing all the same.
        const d = a.decision;
        const decided = {
          name: d ? person(d.by) : '—',
          when: d ? dateTime(d.at) : '—',
          reason: d?.reason ?? '—',
        };
        const until = dateTime(a.expiresAt);
        switch (a.state) {
          case 'pending':
            return t('summary.pending', { until });
          case 'approved':
          case 'sent':
            return t('summary.approved', decided);
          case 'denied':
            return t('summary.denied', decided);
          case 'withdrawn':
            return t('summary.withdrawn');
          // An approval nobody sent in time still names its approver.
          case 'expired':
            return d
              ? t('summary.expiredApproved', { ...decided, until })
              : t('summary.expired', { until });
        }
      },
    };
  }, [t, format]);
}
