'use client';
// The requester's own passcode actions of the last 30 days, as the server listed them with the request: how often
// this agent resets passcodes, on which devices, for which tickets, is part of what an approver weighs.
import { useFormatter, useTranslations } from 'next-intl';
import { ActionName } from '@/components/actions/history-action-row';
import { useActionWords } from '@/components/actions/use-action-words';
import type { ActionStatus } from '@/lib/shared/actions/types';

export function RequesterRecent({ who, actions }: { who: string; actions: ActionStatus[] }) {
  const t = useTranslations('approvals');
  const words = useActionWords();
  const format = useFormatter();
  return (
    <section aria-labelledby="approval-requester-recent" data-testid="approval-requester-recent">
      <h2 id="approval-requester-recent" className="font-semibold">
        {t('detail.requesterRecent', { who })}
      </h2>
      {actions.length === 0 ? (
        <p className="text-slate-700 dark:text-slate-300">{t('detail.requesterRecentEmpty')}</p>
      ) : (
        <ul className="mt-1 divide-y divide-slate-200 dark:divide-slate-700">
          {actions.map((a) => (
            <li key={a.actionId} className="py-1.5" data-state={a.state}>
              <span className="font-medium">
                <ActionName
                  name={a.graphAction}
                  word={a.kind ? words.action(a.kind) : a.graphAction}
                />
              </span>{' '}
              · {words.state(a.state)}
              <span className="block text-xs text-slate-700 dark:text-slate-300">
                {t('detail.recentLine', {
                  device: a.deviceName ?? a.deviceId,
                  ticket: a.ticket ?? '–',
                  when: format.dateTime(new Date(a.requestedAt), 'dateTime'),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
