import { Suspense } from 'react';
import { AuthGate } from '@/components/auth/auth-gate';
import { DeviceSearchView } from '@/components/devices/device-search-view';
import { messages } from '@/lib/shared/i18n/messages';

export default function HomePage() {
  const loading = <p className="mt-16 text-center text-slate-600">{messages.auth.signingIn}</p>;
  return (
    <AuthGate fallback={loading}>
      <h1 className="sr-only">{messages.devices.heading}</h1>
      <Suspense fallback={loading}>
        <DeviceSearchView />
      </Suspense>
    </AuthGate>
  );
}
