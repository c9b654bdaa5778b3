import { AuthGate } from '@/components/auth/auth-gate';
import { DeviceTable } from '@/components/devices/device-table';
import { messages } from '@/lib/i18n/messages';

export default function HomePage() {
  return (
    <AuthGate fallback={<p className="mt-16 text-center text-slate-600">{messages.auth.signingIn}</p>}>
      <h1 className="mb-4 text-xl font-semibold">{messages.devices.heading}</h1>
      <DeviceTable />
    </AuthGate>
  );
}
