import { getTranslations } from 'next-intl/server';
import { ApprovalsView } from '@/components/approvals/approvals-view';
import { AuthGate } from '@/components/auth/auth-gate';

export async function generateMetadata() {
  const t = await getTranslations();
  return { title: `${t('approvals.heading')} · ${t('app.name')}` };
}

export default async function ApprovalsPage() {
  const t = await getTranslations('auth');
  return (
    <AuthGate
      fallback={
        <p className="mt-16 text-center text-slate-700 dark:text-slate-300">{t('signingIn')}</p>
      }
    >
      <ApprovalsView />
    </AuthGate>
  );
}
