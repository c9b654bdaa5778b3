'use client';
// The console's places: finding a device, the activity (the audit trail, exports), and four-eyes approvals, whose
// link carries how many requests wait for the signed-in approver (the approvals list's query, shared with the page).
import { useIsAuthenticated, useMsal } from '@azure/msal-react';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { lazy, Suspense } from 'react';
import { useConsoleSettings } from '@/lib/browser/settings/console-settings';
import { cn } from '@/lib/shared/cn';

export function ConsoleNav() {
  const t = useTranslations('nav');
  const approvals = useTranslations('approvals');
  const pathname = usePathname();
  const approver = useMayApprove();
  const items = [
    {
      href: '/',
      label: t('devices'),
      current: pathname === '/' || pathname.startsWith('/devices'),
      badge: false,
    },
    {
      href: '/activity',
      label: t('activity'),
      current: pathname.startsWith('/activity'),
      badge: false,
    },
    {
      href: '/approvals',
      label: approvals('navLink'),
      current: pathname.startsWith('/approvals'),
      badge: approver,
    },
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
            'inline-flex items-center gap-1.5 rounded px-2 py-1 text-sm text-slate-200 hover:bg-slate-800 hover:text-white',
            i.current && 'bg-slate-800 font-semibold text-white',
          )}
        >
          {i.label}
          {i.badge && (
            <Suspense fallback={null}>
              <ApprovalsBadge />
            </Suspense>
          )}
        </Link>
      ))}
    </nav>
  );
}

const ApprovalsBadge = lazy(() =>
  import('./approvals-badge').then((m) => ({ default: m.ApprovalsBadge })),
);

/**
 * Whether the signed-in agent's ID token carries the Approver role: only then is the badge's list read (on every
 * page); the token's claims here only spare the read, the server decides who may approve.
 */
function useMayApprove(): boolean {
  const { instance, accounts } = useMsal();
  const { approverRole } = useConsoleSettings();
  const signedIn = useIsAuthenticated();
  const account = instance.getActiveAccount() ?? accounts[0] ?? null;
  return signedIn && (account?.idTokenClaims?.roles ?? []).includes(approverRole);
}
