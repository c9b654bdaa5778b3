'use client';
// "Show passcode" for a done Android reset: the temporary passcode is fetched on this click only, held in this
// component's state only (not react-query's cache, not the URL, not a toast), shown in a focused panel over the page
// (passcode-panel.tsx), and hidden again after a minute; the focus then comes back to this button. Where four-eyes covers reveals, the click asks for approval first
// (reveal-approval.tsx) and, once approved, reveals under that approval, once.
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ApiError } from '@/lib/browser/api/api-error';
import { useApiClient } from '@/lib/browser/api/use-api-client';
import type { ActionStatus } from '@/lib/shared/actions/types';
import { useErrorText } from '@/components/errors/use-error-text';
import { FieldError } from '@/components/ui/notice';
import type { ApprovalView } from '@/lib/shared/trust/approval';
import { deferred } from './deferred';
import { RevealApproval } from './lazy-approval';
export const REVEAL_SECONDS = 60;

// The panel (a Radix dialog, about 10 KB gzip with its focus and scroll handling) is not part of the page's first
// load: it is fetched when the agent asks for a passcode, alongside the passcode itself.
const loadPanel = () => import('./passcode-panel');
const PasscodePanel = deferred(() => loadPanel().then((m) => m.PasscodePanel));

export function PasscodeReveal({ action }: { action: ActionStatus }) {
  const t = useTranslations('reveal');
  const errorText = useErrorText();
  const api = useApiClient();
  const [shown, setShown] = useState<{ passcode: string; until: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const [now, setNow] = useState(() => Date.now());
  // Four-eyes: the server asked for an approval; this agent's waiting request, or none yet (the reason form).
  const [approval, setApproval] = useState<{ waiting: ApprovalView | null } | null>(null);

  useEffect(() => {
    if (!shown) return;
    const timer = setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (t >= shown.until) setShown(null);
    }, 250);
    return () => clearInterval(timer);
  }, [shown]);

  if (action.passcode === null) return null;
  if (action.passcode === 'expired')
    return (
      <p className="mt-1 text-xs text-slate-700 dark:text-slate-300" data-testid="passcode-expired">
        {t('expired')}
      </p>
    );
  if (action.passcode === 'unavailable')
    return <p className="mt-1 text-xs text-slate-700 dark:text-slate-300">{t('unavailable')}</p>;

  const show = async () => {
    void loadPanel();
    setLoading(true);
    setProblem(null);
    const path = `/api/actions/${encodeURIComponent(action.actionId)}/passcode`;
    try {
      let body: { passcode: string };
      try {
        body = await api.get<{ passcode: string }>(path);
      } catch (e) {
        if (!(e instanceof ApiError && e.info.code === 'approvalRequired')) throw e;
        // The agent's own request for this reveal: approved, it is used now (once); waiting, it is shown; none, the
        // reason form is.
        const { openRevealApproval } = await import('./reveal-approval');
        const open = await openRevealApproval(api, action.actionId);
        if (open?.state !== 'approved') {
          setApproval({ waiting: open });
          return;
        }
        body = await api.get<{ passcode: string }>(
          `${path}?approvalId=${encodeURIComponent(open.id)}`,
        );
      }
      setApproval(null);
      const at = Date.now();
      setNow(at);
      setShown({ passcode: body.passcode, until: at + REVEAL_SECONDS * 1000 });
    } catch (e) {
      setProblem(e instanceof ApiError ? errorText.what(e.info) : t('failed'));
    } finally {
      setLoading(false);
    }
  };

  const name = action.deviceName ?? action.deviceId;
  const serial = action.deviceSerial ?? '—';
  return (
    <div className="mt-1">
      <Button
        ref={button}
        size="sm"
        onClick={() => void show()}
        disabled={loading}
        aria-label={t('showFor', { device: name, serial })}
        data-testid="show-passcode"
      >
        {loading ? t('loading') : t('show')}
      </Button>
      {problem && (
        <FieldError role="alert" className="mt-1 text-xs">
          {problem}
        </FieldError>
      )}
      {shown && (
        <PasscodePanel
          passcode={shown.passcode}
          seconds={Math.max(0, Math.ceil((shown.until - now) / 1000))}
          device={name}
          serial={serial}
          onHide={() => setShown(null)}
          returnFocus={button}
        />
      )}
      {approval && (
        <RevealApproval
          actionId={action.actionId}
          waiting={approval.waiting}
          onRequested={(a) => setApproval({ waiting: a })}
        />
      )}
    </div>
  );
}
