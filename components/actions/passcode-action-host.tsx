'use client';
// One confirm dialog for a whole list of devices. Each row draws only a cheap button; this host reads the agent's
// access and this tab's consent refusal once (not a react-query observer and an MSAL subscription per row), builds
// the buttons' words once, and mounts the one dialog for the device whose button was pressed, with what the server
// sent for it (the device, its warnings, its recent action, its plan). Rows read the host through a context whose
// value changes only when the access or the language does, so opening a dialog or scrolling re-renders no row.
import {
  createContext,
  Suspense,
  use,
  useCallback,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import type { ActionStatus } from '@/lib/shared/actions/types';
import type { DeviceRow } from '@/lib/shared/devices/types';
import type { DeviceWarning } from '@/lib/shared/devices/warnings';
import type { RowAction } from '@/components/devices/row-view';
import { PasscodeActionDialog } from './lazy-passcode-dialog';
import { accessNote, type AccessNote } from './passcode-access';
import { NoPasscodeAction, PasscodeButton } from './passcode-action-button';
import { passcodeActionButton } from './passcode-action-target';
import { closed, opened, type ActionTarget, type Shown } from './passcode-host-state';
import { useAgentAccess } from './use-agent-access';
import { useConsentRefusal } from './use-consent-refusal';
import { usePasscodeButtonWords, type PasscodeButtonWords } from './use-passcode-button-words';

interface Host {
  note: AccessNote;
  words: PasscodeButtonWords;
  /** Stable for the host's life: a row's press opens the dialog for its device. */
  open: (target: ActionTarget) => void;
}

const HostContext = createContext<Host | null>(null);

export function PasscodeActionHost({ children }: { children: ReactNode }) {
  const access = useAgentAccess();
  const refusal = useConsentRefusal();
  const words = usePasscodeButtonWords();
  const note = useMemo(() => accessNote(access, refusal), [access, refusal]);
  const [shown, setShown] = useState<Shown | null>(null);
  const open = useCallback((target: ActionTarget) => setShown((s) => opened(s, target)), []);
  const host = useMemo(() => ({ note, words, open }), [note, words, open]);
  const deviceId = shown?.target.device.id;
  return (
    <HostContext value={host}>
      {children}
      {shown && (
        <Suspense fallback={null}>
          <PasscodeActionDialog
            {...shown.target}
            open={shown.open}
            attempt={shown.attempt}
            onOpenChange={(next) => {
              if (!next) setShown(closed);
            }}
            // Found again by its mark rather than held: the row may have been drawn anew while the dialog was open.
            returnFocus={() => {
              if (deviceId) passcodeActionButton(document, deviceId)?.focus();
            }}
          />
        </Suspense>
      )}
    </HostContext>
  );
}

/**
 * A list row's passcode action: a button that asks the host for the dialog, or the reason there is none. Its words
 * come with the row (worked out once per device, components/devices/row-view.ts); only the access note is the host's.
 */
export function RowPasscodeAction({
  device,
  warnings,
  action,
  recent,
  tabbable,
}: {
  device: DeviceRow;
  warnings: DeviceWarning[];
  action: RowAction;
  recent: ActionStatus | null;
  tabbable: boolean;
}) {
  const host = use(HostContext);
  if (!host) throw new Error('RowPasscodeAction needs a PasscodeActionHost around the list');
  // The server's decision (a list row's from v1.0 alone): shown, never re-derived here.
  if (!action.available)
    return (
      <NoPasscodeAction
        plan={action.plan}
        noAction={host.words.noAction}
        reason={action.reason}
        short={action.short}
      />
    );
  const { plan, label } = action;
  return (
    <PasscodeButton
      device={device}
      plan={plan}
      label={label}
      name={action.name}
      size="sm"
      tabbable={tabbable}
      note={host.note}
      words={host.words}
      onOpen={() => host.open({ device, warnings, recent, plan, label })}
    />
  );
}
