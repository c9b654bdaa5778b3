'use client';
// The console's two places: finding a device, and the activity (the audit trail, exports).
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/lib/shared/cn';

export function ConsoleNav() {
  const t = useTranslations('nav');
  const pathname = usePathname();
  const items = [
    {
      href: '/',
      label: t('devices'),
      current: pathname === '/' || pathname.startsWith('/devices'),
    },
    { href: '/activity', label: t('activity'), current: pathname.startsWith('/activity') },
  ];
  return (
    <nav aria-label={t('label')} className="flex gap-1">
      {items.map((i) => (
        <Link
          key={i.href}
          href={i.href}
          prefetch={false}
          aria-current={i.current ? 'page' : undefined}
          className={cn(
            'rounded px-2 py-1 text-sm text-slate-200 hover:bg-slate-800 hover:text-white',
            i.current && 'bg-slate-800 font-semibold text-white',
          )}
        >
          {i.label}
        </Link>
      ))}
    </nav>
  );
}
