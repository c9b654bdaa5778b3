import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { ActivityView } from '@/components/activity/activity-view';
import { AuthGate } from '@/components/auth/auth-gate';

export async function generateMetadata() {
  const t = await getTranslations();
  return { title: `${t('activity.heading')} · ${t('app.name')}` };
}

export default async function ActivityPage() {
  const t = await getTranslations();
  const loading = (
    <p className="mt-16 text-center text-slate-700 dark:text-slate-300">{t('auth.signingIn')}</p>
  );
  return (
    <AuthGate fallback={loading}>
      <Suspense fallback={loading}>
        <ActivityView />
      </Suspense>
    </AuthGate>
  );
}
