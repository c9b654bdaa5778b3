'use client';
// The console's own passcode action in a device's action history: tracked live from the moment it is requested,
// with who asked and for which ticket, and recognised among Graph's deviceActionResults so it is listed once.
import { useTranslations } from 'next-intl';
import type { ActionStatus } from '@/lib/shared/actions/types';
import type { DeviceActionResult } from '@/lib/shared/devices/types';
import { useActionWords } from './use-action-words';
import { useFollowedAction } from './use-followed-action';
import { VerificationLine } from './verification-line';

/** Graph's entry for the console's action started no earlier than the request, give or take clocks. */
const CLOCK_TOLERANCE_MS = 60_000;

/**
 * The device's latest console action as last read; null when there is none. It only reads: the device page's action
 * panel (or the agent's action tracker) polls it.
 */
export function useConsoleAction(latest: ActionStatus | null): ActionStatus | null {
  return useFollowedAction(latest, 'read').action;
}

/** Whether Graph's entry is the console's own action, already shown by ConsoleActionRow. */
export function isConsoleAction(r: DeviceActionResult, ours: ActionStatus | null): boolean {
  return (
    ours !== null &&
    r.actionName === ours.graphAction &&
    r.startDateTime !== null &&
    Date.parse(r.startDateTime) >= Date.parse(ours.requestedAt) - CLOCK_TOLERANCE_MS
  );
}

/** An action's words, with Graph's name beside it in monospace (what the admin center and support search for). */
export function ActionName({ name, word }: { name: string; word: string | null }) {
  return word === null ? (
    <span className="font-mono">{name}</span>
  ) : (
    <>
      {word} <span className="font-mono text-xs text-slate-600 dark:text-slate-400">({name})</span>
    </>
  );
}

export function ConsoleActionRow({
  action: ours,
  cell,
  when,
}: {
  action: ActionStatus;
  cell: string;
  when: (iso: string | null) => string;
}) {
  const t = useTranslations();
  const words = useActionWords();
  return (
    <tr
      className="border-t border-slate-200 dark:border-slate-700"
      data-testid="history-ours"
      data-state={ours.state}
    >
      <td className={cell}>
        <ActionName
          name={ours.graphAction}
          word={ours.kind ? words.action(ours.kind) : ours.graphAction}
        />
      </td>
      <td className={cell}>{words.state(ours.state)}</td>
      <td className={cell}>{when(ours.requestedAt)}</td>
      <td className={cell}>{when(ours.lastUpdated)}</td>
      <td className={cell}>
        {t('devicePage.requestedByValue', {
          who: ours.actorName ?? ours.actorUpn ?? t('passcode.anotherAgent'),
          ticket: ours.ticket ?? '—',
        })}
        {ours.verification && <VerificationLine verification={ours.verification} />}
      </td>
    </tr>
  );
}
