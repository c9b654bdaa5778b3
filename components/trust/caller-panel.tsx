'use client';
// The Caller panel of the passcode dialog: who the device's user is (name, job, department, office, account),
// their manager and the numbers of record, and the risk signals (Identity Protection's user risk, the device's
// jailbreak and threat state, a disabled account, a recent passcode action), read once as the dialog opens with the
// agent's token. What the agent may not read is said plainly, never as "no risk". Below: how the caller was
// verified (verification-form.tsx).
import { useMsal } from '@azure/msal-react';
import { useQuery } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { ApiErrorNotice } from '@/components/errors/api-error-notice';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { useApiClient } from '@/lib/browser/api/use-api-client';
import { callerQueries } from '@/lib/browser/query/caller-queries';
import { CALLER_SCOPES } from '@/lib/shared/auth/scopes';
import {
  isAlarmingThreat,
  isUnavailable,
  type CallerFacts,
  type NumberOfRecord,
  type Part,
  type Unavailable,
} from '@/lib/shared/trust/caller';
import type { CallerVerification } from '@/lib/shared/trust/verification';
import { useCallerWords } from './use-caller-words';
import { VerificationForm } from './verification-form';

/** Which of the panel's reads a sentence is about (`caller.unavailable.<reason>.<part>`). */
type PartName = 'profile' | 'manager' | 'phoneMethods' | 'risk' | 'recentActions';

export function CallerPanel({
  deviceId,
  verification,
  onVerified,
  markMissing = false,
}: {
  deviceId: string;
  verification: CallerVerification | null;
  onVerified: (v: CallerVerification) => void;
  /** A Confirm found no verification where the server's policy asks for one: the choice of method is marked. */
  markMissing?: boolean;
}) {
  const t = useTranslations('caller');
  const query = useQuery(callerQueries.device(useApiClient(), deviceId));
  const facts = query.data;

  return (
    <section
      aria-labelledby="caller-heading"
      className="mt-4 rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700"
      data-testid="caller-panel"
    >
      <h3 id="caller-heading" className="font-semibold">
        {t('heading')}
      </h3>
      {query.isPending && <p className="mt-1 text-slate-600 dark:text-slate-300">{t('loading')}</p>}
      {query.isError && (
        <ApiErrorNotice
          title={t('loadFailed')}
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      )}
      {facts && <CallerFactsView facts={facts} onConsented={() => void query.refetch()} />}
      {facts && facts.user && (
        <VerificationForm
          facts={facts}
          verification={verification}
          onVerified={onVerified}
          markMissing={markMissing}
        />
      )}
    </section>
  );
}

/** The facts and risk signals alone: the dialog's panel above, and an approver's view of a request. */
export function CallerFactsView({
  facts,
  onConsented,
}: {
  facts: CallerFacts;
  onConsented: () => void;
}) {
  const t = useTranslations('caller');
  const words = useCallerWords();
  const format = useFormatter();
  if (!facts.user)
    return (
      <p className="mt-1" data-testid="caller-no-user">
        {t('noUser')}
      </p>
    );
  const { profile, manager, phoneMethods } = facts;
  const consentNeeded = [profile, manager, phoneMethods, facts.risk].some(
    (p) => isUnavailable(p) && p.unavailable === 'consentRequired',
  );
  return (
    <>
      {isUnavailable(profile) ? (
        <>
          <p className="mt-1 font-medium">{facts.user.displayName ?? facts.user.upn}</p>
          <NotAvailable part="profile" why={profile} />
        </>
      ) : (
        <dl
          className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1"
          data-testid="caller-profile"
        >
          <dt className="text-slate-600 dark:text-slate-300">{t('fields.name')}</dt>
          <dd className="font-medium">{profile.displayName ?? facts.user.upn}</dd>
          <dt className="text-slate-600 dark:text-slate-300">{t('fields.job')}</dt>
          <dd>{[profile.jobTitle, profile.department].filter(Boolean).join(' · ') || '–'}</dd>
          <dt className="text-slate-600 dark:text-slate-300">{t('fields.office')}</dt>
          <dd>{profile.officeLocation ?? '–'}</dd>
          <dt className="text-slate-600 dark:text-slate-300">{t('fields.account')}</dt>
          <dd data-testid="caller-account">
            {profile.accountEnabled === false
              ? t('accountDisabled')
              : profile.accountEnabled
                ? t('accountEnabled')
                : '–'}
          </dd>
          <dt className="text-slate-600 dark:text-slate-300">{t('fields.employeeId')}</dt>
          <dd>
            {profile.employeeId ?? '–'}{' '}
            <span className="text-xs text-slate-600 dark:text-slate-400">{t('contextOnly')}</span>
          </dd>
        </dl>
      )}

      <h4 className="mt-3 font-semibold">{t('signals')}</h4>
      <ul className="mt-1 space-y-1" data-testid="caller-signals">
        <RiskSignal facts={facts} />
        {facts.device.jailBroken === 'True' && (
          <Notice as="li" variant="warning" frame="soft" data-signal="jailBroken">
            {t('jailBroken')}
          </Notice>
        )}
        {facts.device.partnerReportedThreatState &&
          isAlarmingThreat(facts.device.partnerReportedThreatState) && (
            <Notice as="li" variant="warning" frame="soft" data-signal="threat">
              {t('threat', {
                state: words.threatState(facts.device.partnerReportedThreatState),
              })}
            </Notice>
          )}
        {!isUnavailable(profile) && profile.accountEnabled === false && (
          <Notice as="li" variant="warning" frame="soft" data-signal="disabled">
            {t('disabledSignal')}
          </Notice>
        )}
        {isUnavailable(facts.recentActions) ? (
          <NotAvailable as="li" part="recentActions" why={facts.recentActions} />
        ) : facts.recentActions.count > 0 ? (
          <Notice as="li" variant="warning" frame="soft" data-signal="recentAction">
            {t('recentActions', {
              count: facts.recentActions.count,
              when: facts.recentActions.latestAt
                ? format.dateTime(new Date(facts.recentActions.latestAt), 'dateTime')
                : '–',
            })}
          </Notice>
        ) : (
          <Notice as="li" variant="info" frame="soft" data-signal="noRecentAction">
            {t('noRecentActions')}
          </Notice>
        )}
      </ul>

      <h4 className="mt-3 font-semibold">{t('numbers')}</h4>
      <Numbers
        part={profile}
        pick={(p) => p.phones}
        part-name="profile"
        label={t('directoryPhones')}
      />
      <Numbers
        part={phoneMethods}
        pick={(p) => p.numbers}
        part-name="phoneMethods"
        label={t('registeredPhones')}
      />
      <h4 className="mt-3 font-semibold">{t('manager')}</h4>
      {isUnavailable(manager) ? (
        <NotAvailable part="manager" why={manager} />
      ) : (
        <div data-testid="caller-manager">
          <p>
            {manager.displayName ?? '–'}
            {manager.jobTitle ? ` · ${manager.jobTitle}` : ''}
          </p>
          <NumberList numbers={manager.phones} />
        </div>
      )}
      {consentNeeded && <AskConsent onConsented={onConsented} />}
    </>
  );
}

function RiskSignal({ facts }: { facts: CallerFacts }) {
  const t = useTranslations('caller');
  const words = useCallerWords();
  const format = useFormatter();
  const risk = facts.risk;
  if (isUnavailable(risk)) return <NotAvailable as="li" part="risk" why={risk} />;
  const alarming = risk.riskState === 'atRisk' || risk.riskState === 'confirmedCompromised';
  return (
    <Notice
      as="li"
      variant={alarming ? 'warning' : 'info'}
      frame="soft"
      data-signal="userRisk"
      data-risk-level={risk.riskLevel}
    >
      {t('userRisk', {
        level: words.riskLevel(risk.riskLevel),
        state: words.riskState(risk.riskState),
        when: risk.riskLastUpdatedDateTime
          ? format.dateTime(new Date(risk.riskLastUpdatedDateTime), 'dateTime')
          : '–',
      })}
    </Notice>
  );
}

function Numbers<T extends object>({
  part,
  pick,
  label,
  'part-name': name,
}: {
  part: Part<T>;
  pick: (value: T) => NumberOfRecord[];
  label: string;
  'part-name': 'profile' | 'phoneMethods';
}) {
  if (isUnavailable(part))
    return name === 'profile' ? null : <NotAvailable part={name} why={part} />;
  return (
    <div className="mt-1">
      <p className="text-slate-600 dark:text-slate-300">{label}</p>
      <NumberList numbers={pick(part)} />
    </div>
  );
}

function NumberList({ numbers }: { numbers: NumberOfRecord[] }) {
  const t = useTranslations('caller');
  const words = useCallerWords();
  if (numbers.length === 0)
    return <p className="text-slate-600 dark:text-slate-300">{t('noNumbers')}</p>;
  return (
    <ul>
      {numbers.map((n) => (
        <li key={n.ref} data-ref={n.ref} className="font-mono">
          {n.number}{' '}
          <span className="font-sans text-xs text-slate-600 dark:text-slate-400">
            {words.phoneKind(n)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** "Not available: …" for a part, with why, and Graph's request-id to quote. */
function NotAvailable({
  part,
  why,
  as = 'p',
}: {
  part: PartName;
  why: Unavailable;
  as?: 'p' | 'li';
}) {
  const t = useTranslations('caller');
  return (
    <Notice
      as={as}
      variant={why.unavailable === 'none' ? 'info' : 'warning'}
      frame="soft"
      className="mt-1"
      data-testid="caller-unavailable"
      data-part={part}
      data-reason={why.unavailable}
    >
      {t(`unavailable.${why.unavailable}.${part}`)}
      {why.requestId && why.unavailable === 'failed' && (
        <span className="block font-mono text-xs">request-id: {why.requestId}</span>
      )}
    </Notice>
  );
}

/** Asks for the directory permissions on the agent's click; a refusal (no admin grant) is said and not asked again. */
function AskConsent({ onConsented }: { onConsented: () => void }) {
  const t = useTranslations('caller');
  const { instance, accounts } = useMsal();
  const [refused, setRefused] = useState(false);
  const ask = async () => {
    const account = instance.getActiveAccount() ?? accounts[0];
    try {
      await instance.acquireTokenPopup({ scopes: CALLER_SCOPES, ...(account ? { account } : {}) });
      onConsented();
    } catch {
      setRefused(true);
    }
  };
  return refused ? (
    <p className="mt-2" data-testid="caller-consent-refused">
      {t('consentRefused')}
    </p>
  ) : (
    <Button size="sm" variant="secondary" className="mt-2" onClick={() => void ask()}>
      {t('askConsent')}
    </Button>
  );
}
