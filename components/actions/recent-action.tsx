'use client';
// An action already under way on a device, or a recent one, said before the agent clicks: "Remove passcode
// requested 4 minutes ago by Hanna Berger for INC-9009: pending." — and, when it did not succeed, that it may be
// requested again. The device list shows it in the row, the confirm dialog above the ticket field.
import { useTranslations } from 'next-intl';
import { useTimeAgo } from '@/components/i18n/relative-time';
import { Notice } from '@/components/ui/notice';
import type { ActionStatus, TrackedState } from '@/lib/shared/actions/types';
import { useActionWords } from './use-action-words';

/** End states after which the device is no closer to being unlocked: the row says it may be requested again. */
const DID_NOT_SUCCEED: ReadonlySet<TrackedState> = new Set([
  'failed',
  'rejected',
  'denied',
  'refused',
  'canceled',
  'notSupported',
  'approvalDenied',
  'approvalWithdrawn',
  'approvalExpired',
]);

export function RecentAction({
  action: a,
  now,
  compact = false,
}: {
  action: ActionStatus;
  now: number;
  compact?: boolean;
}) {
  const t = useTranslations('passcode');
  const timeAgo = useTimeAgo();
  const words = useActionWords();
  const text = t('recent', {
    action: a.kind ? words.action(a.kind) : a.graphAction,
    ago: timeAgo(a.requestedAt, now),
    who: a.actorName ?? a.actorUpn ?? t('anotherAgent'),
    ticket: a.ticket ?? '—',
    state: words.stateInSentence(a.state),
  });
  const failed = DID_NOT_SUCCEED.has(a.state);
  if (compact) {
    return (
      // relative: the screen-reader-only tail must be clipped with the text, not stick out past the page's edge.
      <Notice
        variant="warning"
        frame="text"
        className="relative truncate text-xs"
        title={failed ? `${text} ${t('recentDidNotSucceed')}` : text}
        data-testid="recent-action"
        data-state={a.state}
      >
        {text}
        {failed && <span className="sr-only"> {t('recentDidNotSucceed')}</span>}
      </Notice>
    );
  }
  return (
    <div data-testid="recent-action" data-state={a.state}>
      <p>{text}</p>
      {failed && <p className="mt-1">{t('recentDidNotSucceed')}</p>}
    </div>
  );
}
