import { getTranslations } from 'next-intl/server';
import { AuthGate } from '@/components/auth/auth-gate';
import { DeviceDetailView } from '@/components/devices/device-detail';

export default async function DevicePage({ params }: PageProps<'/devices/[id]'>) {
  const { id } = await params;
  const t = await getTranslations('auth');
  return (
    <AuthGate
      fallback={
        <p className="mt-16 text-center text-slate-700 dark:text-slate-300">{t('signingIn')}</p>
      }
    >
      <DeviceDetailView id={id} />
    </AuthGate>
  );
}
