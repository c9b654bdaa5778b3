'use client';
// A device's warnings as small tags in a result row or card: the short word shown, the sentence on hover and for
// screen readers.
import { Badge, type BadgeProps } from '@/components/ui/badge';
import type { DeviceWarning } from '@/lib/shared/devices/warnings';
import { useWarningWords } from './use-warning-words';

const TONE: Record<DeviceWarning['kind'], NonNullable<BadgeProps['tone']>> = {
  sameName: 'warning',
  otherPrimaryUser: 'warning',
  stale: 'caution',
  managementPending: 'error',
};

export function WarningTags({ warnings }: { warnings: DeviceWarning[] }) {
  const warningWords = useWarningWords();
  return (
    <span className="flex flex-wrap gap-1">
      {warnings.map((w) => {
        const words = warningWords(w);
        return (
          <Badge
            key={w.kind}
            look="tag"
            tone={TONE[w.kind]}
            title={words.text}
            data-warning={w.kind}
            className="relative text-[11px]"
          >
            {words.short}
            <span className="sr-only">: {words.text}</span>
          </Badge>
        );
      })}
    </span>
  );
}
