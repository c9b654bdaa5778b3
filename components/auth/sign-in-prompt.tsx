'use client';
// Asks for a new sign-in when a background read could not renew the session (or Graph asked for more), without
// leaving the page: a popup, so an open dialog, a half-typed ticket and the search stay as they are. Once signed
// in, the reads that failed are made again.
import { useIsAuthenticated, useMsal } from '@azure/msal-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState, useSyncExternalStore } from 'react';
import { Button } from '@/components/ui/button';
import { signInNeeded } from '@/lib/browser/msal/sign-in-needed';
import { SIGN_IN_SCOPES } from '@/lib/shared/auth/scopes';
import { FieldError, Notice } from '@/components/ui/notice';

/**
 * `inDialog`: the same prompt inside a modal dialog, where the page's own banner cannot be reached (a modal makes
 * everything outside it inert), so the agent signs in without closing the dialog they were filling in.
 */
export function SignInPrompt({ inDialog = false }: { inDialog?: boolean }) {
  const t = useTranslations('auth');
  const isAuthenticated = useIsAuthenticated();
  const need = useSyncExternalStore(signInNeeded.subscribe, signInNeeded.snapshot, () => null);
  const { instance, accounts } = useMsal();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  if (!isAuthenticated || !need) return null;

  const signIn = async () => {
    const account = instance.getActiveAccount() ?? accounts[0];
    setBusy(true);
    setFailed(false);
    try {
      await instance.acquireTokenPopup({
        scopes: SIGN_IN_SCOPES,
        ...(account ? { account, loginHint: account.username } : {}),
        ...(need.claims ? { claims: need.claims } : {}),
      });
      signInNeeded.resolved();
      await queryClient.invalidateQueries();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Notice
      as="div"
      variant="warning"
      role="alert"
      data-testid={inDialog ? 'dialog-sign-in-prompt' : 'sign-in-prompt'}
      // A banner across the page is ruled off below only; in the dialog it is a box.
      className={inDialog ? 'mt-3 p-0' : 'rounded-none border-0 border-b p-0'}
    >
      <div
        className={
          inDialog
            ? 'flex flex-wrap items-center gap-3 p-3 text-sm'
            : 'mx-auto flex max-w-7xl flex-wrap items-center gap-3 px-4 py-2 text-sm'
        }
      >
        <p className="flex-1">
          {need.reason === 'claimsChallenge' ? t('claimsRequired') : t('sessionEnded')}
        </p>
        {failed && <FieldError>{t('signInAgainFailed')}</FieldError>}
        <Button size="sm" onClick={() => void signIn()} disabled={busy}>
          {busy ? t('signingIn') : t('signInAgain')}
        </Button>
      </div>
    </Notice>
  );
}
