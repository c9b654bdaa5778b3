import { AuthGate } from '@/components/auth/auth-gate';
import { DeviceDetailView } from '@/components/devices/device-detail';
import { messages } from '@/lib/shared/i18n/messages';

export default async function DevicePage({ params }: PageProps<'/devices/[id]'>) {
  const { id } = await params;
  return (
    <AuthGate fallback={<p className="mt-16 text-center text-slate-600">{messages.auth.signingIn}</p>}>
      <DeviceDetailView id={id} />
    </AuthGate>
  );
}
