// A device's compliance state as a coloured pill, in the agent's language.
import type { ComplianceState } from '@/lib/shared/devices/types';
import { useTranslations } from 'next-intl';
import { Badge, type BadgeProps } from '@/components/ui/badge';

const TONE: Record<ComplianceState, NonNullable<BadgeProps['tone']>> = {
  compliant: 'success',
  noncompliant: 'error',
  inGracePeriod: 'warning',
  conflict: 'warning',
  error: 'error',
  unknown: 'neutral',
  configManager: 'neutral',
};

export function ComplianceBadge({ state }: { state: ComplianceState }) {
  const t = useTranslations('compliance');
  return <Badge tone={TONE[state]}>{t(state)}</Badge>;
}
