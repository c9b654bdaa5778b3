'use client';
// The console's places: finding a device, the activity (the audit trail, exports), and four-eyes approvals, whose
// link carries how many requests wait for the signed-in approver (the approvals list's query, shared with the page).
import { useIsAuthenticated, useMsal } from '@azure/msal-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useApiClient } from '@/lib/browser/api/use-api-client';
import { APPROVALS_BADGE_REFRESH_MS, approvalQueries } from '@/lib/browser/query/approval-queries';
import { useConsoleSettings } from '@/lib/browser/settings/console-settings';
import { cn } from '@/lib/shared/cn';

export function ConsoleNav() {
  const t = useTranslations('nav');
  const approvals = useTranslations('approvals');
  const pathname = usePathname();
  const openForMe = useOpenForMe();
  const items = [
    {
      href: '/',
      label: t('devices'),
      current: pathname === '/' || pathname.startsWith('/devices'),
      badge: null,
    },
    {
      href: '/activity',
      label: t('activity'),
      current: pathname.startsWith('/activity'),
      badge: null,
    },
    {
      href: '/approvals',
      label: approvals('navLink'),
      current: pathname.startsWith('/approvals'),
      badge: openForMe > 0 ? openForMe : null,
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
          {i.badge !== null && (
            <span
              className="rounded-full bg-amber-300 px-1.5 text-xs font-semibold text-slate-950"
              data-testid="approvals-badge"
            >
              <span aria-hidden="true">{i.badge}</span>
              <span className="sr-only">{approvals('badge', { count: i.badge })}</span>
            </span>
          )}
        </Link>
      ))}
    </nav>
  );
}

/**
 * Requests waiting for the signed-in agent's decision: 0 before sign-in and for an agent whose ID token carries no
 * Approver role, for whom the list is not read at all on every page (the server alone decides the role; the token's
 * claims here only spare the read).
 */
function useOpenForMe(): number {
  const { instance, accounts } = useMsal();
  const { approverRole } = useConsoleSettings();
  const account = instance.getActiveAccount() ?? accounts[0] ?? null;
  const roles = account?.idTokenClaims?.roles ?? [];
  const signedIn = useIsAuthenticated();
  const { data } = useQuery({
    ...approvalQueries.list(useApiClient(), APPROVALS_BADGE_REFRESH_MS),
    enabled: signedIn && roles.includes(approverRole),
  });
  return data?.approver ? data.openForMe : 0;
}
