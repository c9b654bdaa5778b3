// A device's warnings as small tags in a result row or card: the short word shown, the sentence on hover and for
// screen readers. Drawn from the row's words (row-view.ts): no hooks, as a row draws many of them while scrolling.
import { badgeClassName, type BadgeProps } from '@/components/ui/badge';
import type { DeviceWarning } from '@/lib/shared/devices/warnings';
import type { RowTag } from './row-view';

const TONE: Record<DeviceWarning['kind'], NonNullable<BadgeProps['tone']>> = {
  sameName: 'warning',
  otherPrimaryUser: 'warning',
  stale: 'caution',
  managementPending: 'error',
};

const TAG_CLASS = Object.fromEntries(
  Object.entries(TONE).map(([kind, tone]) => [
    kind,
    badgeClassName({ tone, look: 'tag', className: 'relative text-[11px]' }),
  ]),
) as Record<DeviceWarning['kind'], string>;

export function warningTags(tags: RowTag[]) {
  return (
    <span className="flex flex-wrap gap-1">
      {tags.map((w) => (
        <span key={w.kind} title={w.text} data-warning={w.kind} className={TAG_CLASS[w.kind]}>
          {w.short}
          <span className="sr-only">: {w.text}</span>
        </span>
      ))}
    </span>
  );
}
