import { getTranslations } from 'next-intl/server';
import { AuthGate } from '@/components/auth/auth-gate';
import { DeviceDetailView } from '@/components/devices/device-detail';
import { LISTED_FOR_PARAM } from '@/lib/shared/devices/device-href';

export default async function DevicePage({ params, searchParams }: PageProps<'/devices/[id]'>) {
  const { id } = await params;
  // The user whose list the device was opened from (deviceHref): the server says whether they are its primary user.
  const listedFor = (await searchParams)[LISTED_FOR_PARAM];
  const t = await getTranslations('auth');
  return (
    <AuthGate
      fallback={
        <p className="mt-16 text-center text-slate-700 dark:text-slate-300">{t('signingIn')}</p>
      }
    >
      <DeviceDetailView id={id} listedFor={typeof listedFor === 'string' ? listedFor : null} />
    </AuthGate>
  );
}
