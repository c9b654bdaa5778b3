'use client';
// How four-eyes approvals read to a person, in the agent's language: a request's state, what it asks for, why the
// policy asks for approval, why a decision was refused, and why the viewer cannot decide it.
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { ApprovalProblem, ApprovalState, ApprovalView } from '@/lib/shared/trust/approval';

export function useApprovalWords() {
  const t = useTranslations('approvals');
  const kinds = useTranslations('passcode.kinds');
  return useMemo(
    () => ({
      state: (state: ApprovalState) => t(`states.${state}`),
      /** What the request asks for: the action's admin-center name, or the reveal of its temporary passcode. */
      subject: (a: Pick<ApprovalView, 'subject' | 'kind'>) =>
        a.subject === 'reveal' ? t('subjects.reveal', { kind: kinds(a.kind) }) : kinds(a.kind),
      because: (a: Pick<ApprovalView, 'because'>) => a.because.map((b) => t(`because.${b}`)),
      problem: (p: ApprovalProblem) => t(`problems.${p}`),
      /** Why the server gave this viewer no decision on the request, or null when it did. */
      cannotDecide: (a: Pick<ApprovalView, 'canDecide' | 'mine' | 'state'>, approver: boolean) =>
        a.canDecide
          ? null
          : a.state !== 'pending'
            ? t('cannotDecide.notPending', { state: t(`statesInSentence.${a.state}`) })
            : a.mine
              ? t('cannotDecide.own')
              : approver
                ? t('cannotDecide.other')
                : t('cannotDecide.notApprover'),
      person: (p: { upn: string | null; name: string | null }) => p.name ?? p.upn ?? '–',
    }),
    [t, kinds],
  );
}

/** Badge tones by state: waiting is a warning, a granted approval a success, an ended one neutral or an error. */
export const STATE_TONE = {
  pending: 'warning',
  approved: 'success',
  sent: 'success',
  denied: 'error',
  withdrawn: 'neutral',
  expired: 'neutral',
} as const satisfies Record<ApprovalState, 'warning' | 'success' | 'error' | 'neutral'>;
