'use client';
// One line naming the caller verification an action rests on, as the server answered it: the result view, the tray
// and the device page show it the same way. The browser only words it; it never decides it.
import type { CallerVerification } from '@/lib/shared/trust/verification';
import { useVerificationWords } from './use-verification-words';

export function VerificationLine({
  verification,
  className = 'mt-0.5 text-xs text-slate-700 dark:text-slate-300',
}: {
  verification: CallerVerification | null;
  className?: string;
}) {
  const words = useVerificationWords();
  return (
    <p
      className={className}
      data-testid="action-verification"
      data-method={verification?.method ?? ''}
    >
      {words.label}: {verification ? words.summary(verification) : words.none}
    </p>
  );
}
