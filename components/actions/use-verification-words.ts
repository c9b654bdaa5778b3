'use client';
// The words for a caller verification as the server recorded it (method, evidence, agent, time) and for the policy's
// refusals, in the agent's language; every view that shows an action's verification says it the same way.
import { useFormatter, useTranslations } from 'next-intl';
import type { PasscodeActionResult } from '@/lib/shared/actions/types';
import type { CallerVerification, VerificationEvidence } from '@/lib/shared/trust/verification';

export function useVerificationWords() {
  const t = useTranslations('trustPolicy');
  const format = useFormatter();
  const evidence = (e: VerificationEvidence): string => {
    switch (e.method) {
      case 'callBack':
        return t('evidence.callBack', { last: e.phoneLast });
      case 'managerCallBack':
        return t('evidence.managerCallBack', { manager: e.managerName, last: e.phoneLast });
      case 'verifiedId': {
        const values = { score: e.score ?? t('noScore'), threshold: e.threshold };
        return e.failure
          ? t('evidence.verifiedIdFailed', { ...values, failure: t(`failure.${e.failure}`) })
          : t('evidence.verifiedId', values);
      }
      case 'inPerson':
        return t('evidence.inPerson', { idType: t(`idType.${e.idType}`), statement: e.statement });
      case 'notVerified':
        return t('evidence.notVerified', { reason: e.reason });
    }
  };
  return {
    label: t('label'),
    none: t('none'),
    /** "call-back on …4567; by Hanna Berger, 2 Dec 2026, 10:58" */
    summary: (v: CallerVerification): string =>
      t('summary', {
        evidence: evidence(v.evidence),
        agent: v.agent.name ?? v.agent.upn,
        time: format.dateTime(new Date(v.recordedAt), 'dateTime'),
      }),
    /** Why the policy refused the action, and why it applied when it was stricter than configured. */
    refusal: (r: Extract<PasscodeActionResult, { status: 'verificationRequired' }>): string => {
      const why = t(`refused.${r.problem}`, { minutes: r.policy.maxAgeMinutes });
      const because =
        r.policy.requiredBecause && r.policy.requiredBecause !== 'configured'
          ? ` ${t(`because.${r.policy.requiredBecause}`)}`
          : '';
      return `${why}${because}`;
    },
  };
}
