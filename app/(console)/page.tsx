import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { AuthGate } from '@/components/auth/auth-gate';
import { DeviceSearchView } from '@/components/devices/device-search-view';

export default async function HomePage() {
  const t = await getTranslations();
  const loading = (
    <p className="mt-16 text-center text-slate-700 dark:text-slate-300">{t('auth.signingIn')}</p>
  );
  return (
    <AuthGate fallback={loading}>
      <h1 className="sr-only">{t('devices.heading')}</h1>
      <Suspense fallback={loading}>
        <DeviceSearchView />
      </Suspense>
    </AuthGate>
  );
}
