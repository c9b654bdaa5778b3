'use client';
// The console's own passcode action in a device's action history: tracked live from the moment it is requested,
// with who asked and for which ticket, and recognised among Graph's deviceActionResults so it is listed once.
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useApiClient } from '@/lib/browser/api/use-api-client';
import { actionQueries } from '@/lib/browser/query/action-queries';
import type { ActionStatus } from '@/lib/shared/actions/types';
import type { DeviceActionResult } from '@/lib/shared/devices/types';
import { useActionWords } from './use-action-words';
import { VerificationLine } from './verification-line';

/** Graph's entry for the console's action started no earlier than the request, give or take clocks. */
const CLOCK_TOLERANCE_MS = 60_000;

/** The device's latest console action, polled while it is under way; null when there is none. */
export function useConsoleAction(latest: ActionStatus | null): ActionStatus | null {
  const api = useApiClient();
  const { data } = useQuery({
    ...actionQueries.status(api, latest ?? PLACEHOLDER),
    enabled: latest !== null && !latest.terminal,
  });
  return latest ? (data ?? latest) : null;
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

/** A stand-in so the status query's options can be built before there is an action; it never runs then. */
const PLACEHOLDER: ActionStatus = {
  actionId: 'none',
  deviceId: '',
  deviceName: null,
  deviceSerial: null,
  deviceUserName: null,
  deviceUpn: null,
  ticket: null,
  actorName: null,
  actorUpn: null,
  graphAction: 'resetPasscode',
  kind: null,
  requestedAt: new Date(0).toISOString(),
  state: 'none',
  terminal: true,
  lastUpdated: null,
  finishedAt: null,
  graphRequestId: null,
  errorCode: null,
  passcode: null,
  managementState: null,
  lastSyncDateTime: null,
  alternative: null,
  requestStatus: null,
  guard: null,
  verificationId: null,
  verification: null,
  notifications: [],
  approval: null,
};
