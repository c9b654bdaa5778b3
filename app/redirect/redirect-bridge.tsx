'use client';
import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';
import { useEffect, useState } from 'react';
import { messages } from '@/lib/shared/i18n/messages';

export function RedirectBridge() {
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    broadcastResponseToMainFrame().catch((e: unknown) => setFailed(e instanceof Error ? e.message : String(e)));
  }, []);
  return (
    <main className="p-8 text-slate-700">
      {failed ? (
        <p role="alert">{messages.auth.signInFailed} {failed}</p>
      ) : (
        <p>{messages.auth.signingIn}</p>
      )}
    </main>
  );
}
