// A device's compliance state as a coloured pill, in the agent's language.
import type { ComplianceState } from '@/lib/shared/devices/types';
import { useTranslations } from 'next-intl';
import { Badge, badgeClassName, type BadgeProps } from '@/components/ui/badge';

const TONE: Record<ComplianceState, NonNullable<BadgeProps['tone']>> = {
  compliant: 'success',
  noncompliant: 'error',
  inGracePeriod: 'warning',
  conflict: 'warning',
  error: 'error',
  unknown: 'neutral',
  configManager: 'neutral',
};

/** The pill's classes per state, worked out once for the list's rows (which draw a plain span with the word). */
export const COMPLIANCE_CLASS = Object.fromEntries(
  Object.entries(TONE).map(([state, tone]) => [state, badgeClassName({ tone })]),
) as Record<ComplianceState, string>;

export function ComplianceBadge({ state }: { state: ComplianceState }) {
  const t = useTranslations('compliance');
  return <Badge tone={TONE[state]}>{t(state)}</Badge>;
}
