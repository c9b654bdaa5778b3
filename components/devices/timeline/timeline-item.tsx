'use client';
// One line of a device's timeline, and the pinned wipe or retire above them. Graph's action names are words from
// the catalogs (an undeclared one reads "Unknown (value)"), with Graph's name beside them for the admin center.
import { useFormatter, useMessages, useTranslations } from 'next-intl';
import { useApprovalWords } from '@/components/actions/use-approval-words';
import type { ReactNode } from 'react';
import { useEnumWords } from '@/components/devices/use-enum-words';
import type { PinnedAction, TimelineEntry, TimelineKind } from '@/lib/shared/timeline/types';

function useTimelineWords() {
  const t = useTranslations();
  const enumWords = useEnumWords();
  const states = useMessages().actionStates;
  return {
    action: (name: string) =>
      enumWords.action(name) ?? t('graphEnums.unknownValue', { value: name }),
    state: (state: string) =>
      Object.hasOwn(states, state)
        ? t(`actionStates.${state as keyof typeof states}`)
        : t('graphEnums.unknownValue', { value: state }),
  };
}

function When({ at, now }: { at: string | null; now: number }) {
  const t = useTranslations('timeline');
  const format = useFormatter();
  if (!at || Number.isNaN(Date.parse(at))) return <span>{t('noTime')}</span>;
  const d = new Date(at);
  return (
    <time dateTime={at} title={format.relativeTime(d, now)}>
      {format.dateTime(d, 'dateTime')}
    </time>
  );
}

function Item({
  kind,
  at,
  now,
  children,
  testId = 'timeline-entry',
}: {
  kind: TimelineKind | 'pinned';
  at: string | null;
  now: number;
  children: ReactNode;
  testId?: string;
}) {
  const t = useTranslations('timeline');
  return (
    <li
      data-testid={testId}
      data-kind={kind}
      className="grid gap-x-4 gap-y-0.5 border-t border-slate-200 pt-2 text-sm first:border-t-0 first:pt-0 sm:grid-cols-[11rem_8rem_1fr] dark:border-slate-700"
    >
      <span className="text-slate-700 dark:text-slate-300">
        <When at={at} now={now} />
      </span>
      <span className="font-medium">{kind === 'pinned' ? t('pinned') : t(`kinds.${kind}`)}</span>
      <div className="min-w-0 break-words">{children}</div>
    </li>
  );
}

export function TimelineItem({ entry: e, now }: { entry: TimelineEntry; now: number }) {
  const t = useTranslations();
  const words = useTimelineWords();
  const approvalWords = useApprovalWords();
  const someone = t('timeline.someone');
  let body: ReactNode;
  switch (e.kind) {
    case 'console':
      body = (
        <>
          {t('timeline.entry.console', {
            action: e.actionKind
              ? t(`passcode.kinds.${e.actionKind}`)
              : words.action(e.graphAction),
            agent: e.agent.name ?? e.agent.upn ?? someone,
            ticket: e.ticket ?? t('timeline.noTicket'),
            outcome: t(`activity.outcomes.${e.outcome ?? 'none'}`),
          })}
          {e.finalState && (
            <span className="block text-slate-700 dark:text-slate-300">
              {t('timeline.entry.consoleState', { state: words.state(e.finalState) })}
            </span>
          )}
          {e.approval && (
            <span
              className="block text-slate-700 dark:text-slate-300"
              data-testid="timeline-approval"
            >
              {t('activity.columns.approval')}: {approvalWords.summary(e.approval)}
            </span>
          )}
        </>
      );
      break;
    case 'adminCenter':
      body = (
        <>
          {t('timeline.entry.adminCenter', {
            action: words.action(e.action),
            who: e.initiatedBy ?? someone,
            state: words.state(e.actionState),
          })}
          {e.bulkDeviceActionId && <span className="block">{t('timeline.entry.bulk')}</span>}
        </>
      );
      break;
    case 'deviceReport':
      body = (
        <>
          {t('timeline.entry.deviceReport', {
            action: words.action(e.actionName),
            state: words.state(e.actionState),
          })}
          {e.errorCode !== null && (
            <span className="block">{t('timeline.entry.errorCode', { code: e.errorCode })}</span>
          )}
        </>
      );
      break;
    case 'auditLog':
      body = (
        <>
          {t('timeline.entry.auditLog', {
            activity: e.activity,
            who: e.actor.upn ?? someone,
            app: e.actor.app ?? '—',
            result: e.activityResult,
          })}
          {e.consoleActionId && (
            <span className="block text-slate-700 dark:text-slate-300">
              {t('timeline.entry.auditLogOfConsole')}
            </span>
          )}
        </>
      );
      break;
    case 'checkIn':
      body = t('timeline.entry.checkIn');
      break;
  }
  return (
    <Item kind={e.kind} at={e.at} now={now}>
      {body}
    </Item>
  );
}

export function PinnedItem({ pinned: p, now }: { pinned: PinnedAction; now: number }) {
  const t = useTranslations('timeline');
  const format = useFormatter();
  const enumWords = useEnumWords();
  const key = `${p.action}${p.state === 'pending' ? 'Pending' : 'Done'}` as const;
  return (
    <Item kind="pinned" at={p.at} now={now} testId="timeline-pinned">
      <div
        className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        data-action={p.action}
        data-state={p.state}
      >
        <p className="font-semibold">{t(`pinnedTitle.${key}`)}</p>
        {p.source === 'adminCenter' ? (
          <p>
            {t('pinnedStartedBy', {
              who: p.initiatedBy ?? t('someone'),
              when: p.at ? format.dateTime(new Date(p.at), 'dateTime') : t('noTime'),
            })}
          </p>
        ) : (
          <p>
            {t('pinnedFromState', {
              state: enumWords.managementState(`${p.action}Pending`),
            })}
          </p>
        )}
        <p className="mt-1">{t(`pinnedMeaning.${key}`)}</p>
      </div>
    </Item>
  );
}
