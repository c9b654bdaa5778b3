'use client';
import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

export function RedirectBridge() {
  const t = useTranslations('auth');
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    broadcastResponseToMainFrame().catch((e: unknown) =>
      setFailed(e instanceof Error ? e.message : String(e)),
    );
  }, []);
  return (
    <main className="p-8 text-slate-700 dark:text-slate-300">
      {failed ? (
        <p role="alert">
          {t('signInFailed')} {failed}
        </p>
      ) : (
        <p>{t('signingIn')}</p>
      )}
    </main>
  );
}
