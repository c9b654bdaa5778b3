'use client';
import { useMsal } from '@azure/msal-react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { SIGN_IN_SCOPES } from '@/lib/shared/auth/scopes';
import { Notice } from '@/components/ui/notice';

export function SignInCard({ error }: { error: { code: string; description: string } | null }) {
  const t = useTranslations();
  const { instance, inProgress } = useMsal();
  const busy = inProgress !== 'none';
  return (
    <section
      aria-labelledby="sign-in-heading"
      className="mx-auto mt-16 max-w-md rounded-lg border border-slate-200 bg-white p-8 shadow-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <h1 id="sign-in-heading" className="text-2xl font-semibold">
        {t('app.name')}
      </h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">{t('auth.signInPrompt')}</p>
      {error && (
        <Notice as="div" variant="error" role="alert" className="mt-4 p-3">
          <p className="font-semibold">{t('auth.signInFailed')}</p>
          <p className="mt-1">{t('auth.signInFailedHelp')}</p>
          <p className="mt-2 break-words font-mono text-xs">
            {error.code}: {error.description}
          </p>
        </Notice>
      )}
      <Button
        className="mt-6 w-full"
        size="lg"
        disabled={busy}
        onClick={() => void instance.loginRedirect({ scopes: SIGN_IN_SCOPES })}
      >
        {busy ? t('auth.signingIn') : t('auth.signIn')}
      </Button>
    </section>
  );
}
