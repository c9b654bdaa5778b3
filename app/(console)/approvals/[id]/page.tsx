import { getTranslations } from 'next-intl/server';
import { ApprovalDetailView } from '@/components/approvals/approval-detail';
import { AuthGate } from '@/components/auth/auth-gate';

export async function generateMetadata() {
  const t = await getTranslations();
  return { title: `${t('approvals.detail.title')} · ${t('app.name')}` };
}

export default async function ApprovalPage({ params }: PageProps<'/approvals/[id]'>) {
  const { id } = await params;
  const t = await getTranslations('auth');
  return (
    <AuthGate
      fallback={
        <p className="mt-16 text-center text-slate-700 dark:text-slate-300">{t('signingIn')}</p>
      }
    >
      <ApprovalDetailView id={id} />
    </AuthGate>
  );
}
