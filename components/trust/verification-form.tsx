'use client';
// How the agent verified the caller, recorded by the server (recordCallerVerification): a call-back on a number of
// record picked from the panel (never one the caller gives), the manager's confirmation on the manager's number, in
// person with photo ID, or "not verified" with a reason. A number is sent by its ref only: the server reads the
// numbers again from Graph. What the server's policy asks before Confirm is shown here; the server enforces it.
// Inside the dialog's form, so no <form> of its own: its button records, it never submits the action.
import { useMsal } from '@azure/msal-react';
import { useMutation } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { useErrorText } from '@/components/errors/use-error-text';
import { Button } from '@/components/ui/button';
import { FieldError, Notice } from '@/components/ui/notice';
import { Textarea } from '@/components/ui/textarea';
import { callerToken } from '@/lib/browser/msal/caller-token';
import {
  isUnavailable,
  MAX_VERIFICATION_TEXT,
  type CallerFacts,
  type NumberOfRecord,
} from '@/lib/shared/trust/caller';
import type { RecordedHere, VerificationInput } from '@/lib/shared/trust/verification-input';
import {
  PHOTO_ID_TYPES,
  type CallerVerification,
  type PhotoIdType,
} from '@/lib/shared/trust/verification';
import { recordCallerVerification } from './actions';
import { VerifiedIdCheck } from './verified-id-check';
import { useCallerWords } from './use-caller-words';

const METHODS: readonly RecordedHere[] = ['callBack', 'managerCallBack', 'inPerson', 'notVerified'];

export function VerificationForm({
  facts,
  verification,
  onVerified,
  markMissing = false,
}: {
  facts: CallerFacts;
  verification: CallerVerification | null;
  onVerified: (v: CallerVerification) => void;
  /** Marks the choice of method invalid, with the policy's words tied to it (the dialog's invalid Confirm). */
  markMissing?: boolean;
}) {
  const confirmWords = useTranslations('verification.confirmNeeds');
  const t = useTranslations('verification');
  const errorText = useErrorText();
  const { instance, accounts } = useMsal();
  const id = useId();
  const [method, setMethod] = useState<RecordedHere | null>(null);
  const [phoneRef, setPhoneRef] = useState('');
  const [idType, setIdType] = useState<PhotoIdType>('passport');
  const [statement, setStatement] = useState('');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const userNumbers: NumberOfRecord[] = [
    ...(isUnavailable(facts.profile) ? [] : facts.profile.phones),
    ...(isUnavailable(facts.phoneMethods) ? [] : facts.phoneMethods.numbers),
  ];
  const managerNumbers = isUnavailable(facts.manager) ? [] : facts.manager.phones;

  const mutation = useMutation({
    mutationFn: async (input: VerificationInput) => {
      const account = instance.getActiveAccount() ?? accounts[0];
      if (!account) throw new Error('no signed-in account');
      return recordCallerVerification(input, await callerToken(instance, account));
    },
    onSuccess: (result) => {
      if (result.status === 'recorded') onVerified(result.verification);
    },
  });

  const inputOf = (): VerificationInput | null => {
    const deviceId = facts.deviceId;
    switch (method) {
      case 'callBack':
      case 'managerCallBack':
        return phoneRef ? { deviceId, method, phoneRef } : null;
      case 'inPerson':
        return statement.trim() ? { deviceId, method, idType, statement } : null;
      case 'notVerified':
        return reason.trim() ? { deviceId, method, reason } : null;
      default:
        return null;
    }
  };
  const record = () => {
    const input = inputOf();
    setMissing(input === null);
    if (input) mutation.mutate(input);
  };

  const result = mutation.data;
  const choose = (m: RecordedHere) => {
    setMethod(m);
    setPhoneRef('');
    setMissing(false);
    mutation.reset();
  };

  return (
    <div
      className="mt-3 border-t border-slate-200 pt-3 dark:border-slate-700"
      data-testid="verification"
    >
      <h4 className="font-semibold">{t('heading')}</h4>
      <p
        className="mt-1 text-slate-700 dark:text-slate-300"
        data-testid="verification-policy"
        data-mode={facts.policy.mode}
      >
        {t(`policy.${facts.policy.mode}`, { minutes: facts.policy.maxAgeMinutes })}
      </p>
      {verification ? (
        <Recorded verification={verification} />
      ) : (
        <fieldset className="mt-2">
          <legend className="sr-only">{t('method')}</legend>
          {/* The choice of method is the part a Confirm marks when the policy's verification is missing: a radiogroup
              holding the four options alone (ARIA marks a group invalid, not one radio), the policy's words tied to
              it; the focus lands on an option. What the chosen method asks for follows the group. */}
          <div
            role="radiogroup"
            aria-label={t('method')}
            aria-invalid={markMissing ? true : undefined}
            aria-describedby={markMissing ? `${id}-missing` : undefined}
            data-testid="verification-methods"
            // Marked like an invalid field's frame (components/ui/input.tsx), as an outline, so nothing moves.
            className="rounded-sm aria-invalid:outline aria-invalid:outline-2 aria-invalid:outline-offset-4 aria-invalid:outline-red-700 dark:aria-invalid:outline-red-400"
          >
            {METHODS.map((m) => (
              <label key={m} className="mt-1 flex items-center gap-2">
                <input
                  type="radio"
                  name={`${id}-method`}
                  value={m}
                  checked={method === m}
                  onChange={() => choose(m)}
                />
                {t(`methods.${m}`)}
              </label>
            ))}
          </div>
          {(method === 'callBack' || method === 'managerCallBack') && (
            <NumberChoice
              name={`${id}-number`}
              numbers={method === 'callBack' ? userNumbers : managerNumbers}
              value={phoneRef}
              onChange={setPhoneRef}
              empty={t(method === 'callBack' ? 'noUserNumbers' : 'noManagerNumbers')}
            />
          )}
          {method === 'inPerson' && (
            <div className="ml-6 mt-1 space-y-1">
              <label className="block">
                {t('idType')}{' '}
                <select
                  value={idType}
                  onChange={(e) => setIdType(e.target.value as PhotoIdType)}
                  className="rounded border border-slate-300 bg-white px-1 dark:border-slate-600 dark:bg-slate-900"
                >
                  {PHOTO_ID_TYPES.map((k) => (
                    <option key={k} value={k}>
                      {t(`idTypes.${k}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="block" htmlFor={`${id}-statement`}>
                {t('statement')}
              </label>
              <Textarea
                id={`${id}-statement`}
                rows={2}
                maxLength={MAX_VERIFICATION_TEXT}
                value={statement}
                onChange={(e) => setStatement(e.target.value)}
              />
            </div>
          )}
          {method === 'notVerified' && (
            <div className="ml-6 mt-1">
              <label className="block" htmlFor={`${id}-reason`}>
                {t('reason')}
              </label>
              <Textarea
                id={`${id}-reason`}
                rows={2}
                maxLength={MAX_VERIFICATION_TEXT}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </div>
          )}
          {markMissing && facts.policy.mode !== 'off' && (
            <FieldError id={`${id}-missing`} className="mt-1" data-testid="verification-missing">
              {confirmWords(facts.policy.mode)}
            </FieldError>
          )}
          <div className="mt-2 flex items-center gap-2">
            <Button
              size="sm"
              variant="secondary"
              disabled={method === null || mutation.isPending}
              onClick={record}
              data-testid="record-verification"
            >
              {mutation.isPending ? t('recording') : t('record')}
            </Button>
          </div>
          <div role="status" aria-live="polite" className="mt-1" data-testid="verification-result">
            {missing && <FieldError>{t(`missing.${method ?? 'callBack'}`)}</FieldError>}
            {mutation.error && <FieldError>{t('failed')}</FieldError>}
            {result && result.status !== 'recorded' && (
              <FieldError data-status={result.status}>
                {result.status === 'failed'
                  ? `${t('failed')} ${errorText.what(result.failure)}`
                  : t(`refused.${result.status}`)}
              </FieldError>
            )}
          </div>
          {/* Verified ID with Face Check (the vid part's component): shown only when the server has it configured;
              it hands the verification the server wrote to onVerified like the methods above. Set apart below the
              chosen method's Record, so its own words and button are not read as part of the last option. */}
          <div className="mt-3 border-t border-dashed border-slate-300 pt-3 empty:hidden dark:border-slate-600">
            <VerifiedIdCheck deviceId={facts.deviceId} onVerified={onVerified} />
          </div>
        </fieldset>
      )}
    </div>
  );
}

function NumberChoice({
  name,
  numbers,
  value,
  onChange,
  empty,
}: {
  name: string;
  numbers: NumberOfRecord[];
  value: string;
  onChange: (ref: string) => void;
  empty: string;
}) {
  const words = useCallerWords();
  if (numbers.length === 0) return <p className="ml-6 mt-1">{empty}</p>;
  return (
    <div className="ml-6 mt-1 space-y-0.5">
      {numbers.map((n) => (
        <label key={n.ref} className="flex items-center gap-2">
          <input
            type="radio"
            name={name}
            value={n.ref}
            checked={value === n.ref}
            onChange={() => onChange(n.ref)}
          />
          <span className="font-mono">{n.number}</span>
          <span className="text-xs text-slate-600 dark:text-slate-400">{words.phoneKind(n)}</span>
        </label>
      ))}
    </div>
  );
}

/** What the server recorded, as it answered (the browser builds no verification of its own). */
function Recorded({ verification: v }: { verification: CallerVerification }) {
  const t = useTranslations('verification');
  const format = useFormatter();
  const when = format.dateTime(new Date(v.recordedAt), 'time');
  const e = v.evidence;
  const text = (() => {
    switch (e.method) {
      case 'callBack':
        return t('recorded.callBack', { last: e.phoneLast, when });
      case 'managerCallBack':
        return t('recorded.managerCallBack', { last: e.phoneLast, manager: e.managerName, when });
      case 'inPerson':
        return t('recorded.inPerson', { idType: t(`idTypes.${e.idType}`), when });
      case 'notVerified':
        return t('recorded.notVerified', { reason: e.reason, when });
      case 'verifiedId':
        // The score against the threshold stays in view: the check's own status line goes when this replaces it.
        return t('recorded.verifiedId', {
          when,
          score: e.score === null ? '' : format.number(e.score, { maximumFractionDigits: 1 }),
          threshold: e.threshold,
        });
    }
  })();
  return (
    <Notice
      variant={v.verified ? 'success' : 'warning'}
      frame="soft"
      className="mt-2"
      data-testid="verification-recorded"
      data-verification-id={v.id}
      data-method={v.method}
    >
      {text}
    </Notice>
  );
}
