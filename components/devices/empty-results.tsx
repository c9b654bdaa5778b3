'use client';
// Why a search found nothing, as far as Graph lets the console know: a user the directory does not have; a user it
// has, none of whose devices the agent's Intune scope covers (Intune lists only devices in scope); a serial or IMEI
// that is wrong or outside that scope. Filters that narrowed the search leave the plain message.
import { useTranslations } from 'next-intl';
import { searchKind, type DeviceSearch } from '@/lib/shared/devices/search';

export function EmptyResults({
  search,
  userNotFound,
}: {
  search: DeviceSearch;
  userNotFound: boolean;
}) {
  const t = useTranslations('devices');
  const kind = searchKind(search);
  const narrowed =
    search.os !== undefined ||
    search.compliance !== undefined ||
    search.owner !== undefined ||
    search.stale !== undefined;
  if (userNotFound)
    return (
      <p className="font-medium" data-empty="userNotFound">
        {t('userNotFound', { upn: search.q })}
      </p>
    );
  if (!narrowed && kind === 'user')
    return (
      <p className="font-medium" data-empty="outsideScope">
        {t('userNoVisibleDevices', { upn: search.q })}
      </p>
    );
  if (!narrowed && (kind === 'serial' || kind === 'imei'))
    return (
      <p className="font-medium" data-empty="outsideScope">
        {t('emptyBySerial')}
      </p>
    );
  return (
    <>
      <p className="font-medium" data-empty="none">
        {t('empty')}
      </p>
      <p className="mt-1 text-sm">{t('emptyHelp')}</p>
    </>
  );
}
