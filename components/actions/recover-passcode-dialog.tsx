'use client';
// The confirm dialog: what the agent must check (device, user, platform, serial, last sync, warnings), the
// ticket reference and an optional note, then one request. An accessible AlertDialog: focus is trapped,
// Escape cancels, the destructive button says what it does.
import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { MAX_NOTE_LENGTH, recoverInputSchema, type RecoverResult } from '@/lib/shared/actions/types';
import { ConsentRefusedError, useRecoverPasscode } from '@/components/actions/use-recover-passcode';
import { useConsoleSettings } from '@/lib/browser/settings/console-settings';
import { platformOf } from '@/lib/shared/devices/platforms';
import type { DeviceListItem } from '@/lib/shared/devices/types';
import type { DeviceWarning } from '@/lib/shared/devices/warnings';
import { formatDateTime, formatRelative } from '@/lib/shared/i18n/format';
import { messages } from '@/lib/shared/i18n/messages';

const m = messages.recover;

export function RecoverPasscodeDialog({ device, warnings, disabled, size = 'sm' }: {
  device: DeviceListItem; warnings: DeviceWarning[]; disabled?: boolean; size?: 'sm' | 'md';
}) {
  const [open, setOpen] = useState(false);
  const [attempt, setAttempt] = useState(0);
  return (
    <AlertDialog.Root open={open} onOpenChange={(next) => { setOpen(next); if (next) setAttempt((n) => n + 1); }}>
      <AlertDialog.Trigger asChild>
        <Button variant="secondary" size={size} disabled={disabled} aria-label={m.buttonFor(device.deviceName)}>{m.button}</Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
        <AlertDialog.Content className="fixed left-1/2 top-1/2 z-50 max-h-[90vh] w-[min(40rem,95vw)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-6 shadow-xl">
          {/* A fresh form each time the dialog opens: nothing from an earlier attempt carries over. */}
          <RecoverForm key={attempt} device={device} warnings={warnings} onClose={() => setOpen(false)} />
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

function RecoverForm({ device: d, warnings, onClose }: { device: DeviceListItem; warnings: DeviceWarning[]; onClose: () => void }) {
  const { ticket: ticketRule } = useConsoleSettings();
  const mutation = useRecoverPasscode();
  const [ticket, setTicket] = useState('');
  const [note, setNote] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const result = mutation.data;
  const needsReason = result?.status === 'alreadyRequested';
  const done = result?.status === 'accepted' || result?.status === 'unknown';
  const platform = platformOf(d);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (mutation.isPending || done) return;
    const input = { deviceId: d.id, ticket, note, ...(needsReason ? { overrideReason } : {}) };
    const parsed = recoverInputSchema(ticketRule).safeParse(input);
    if (!parsed.success) {
      const first: Record<string, string> = {};
      for (const issue of parsed.error.issues) first[String(issue.path[0] ?? 'form')] ??= issue.message;
      setErrors(first);
      return;
    }
    setErrors({});
    mutation.mutate(input);
  };

  return (
    <form onSubmit={submit} noValidate>
      <AlertDialog.Title className="text-lg font-semibold">{m.title(d.deviceName)}</AlertDialog.Title>
      <AlertDialog.Description className="mt-1 text-sm text-slate-600">{m.description}</AlertDialog.Description>
      <h3 className="mt-4 text-sm font-semibold">{m.check}</h3>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 rounded-md bg-slate-50 p-3 text-sm">
        <dt className="text-slate-600">{messages.device.fields.name}</dt><dd className="font-medium">{d.deviceName}</dd>
        <dt className="text-slate-600">{messages.device.fields.user}</dt><dd>{d.userDisplayName} · {d.userPrincipalName}</dd>
        <dt className="text-slate-600">{messages.device.fields.platform}</dt><dd>{platform ? messages.platforms[platform] : d.operatingSystem} {d.osVersion}</dd>
        <dt className="text-slate-600">{messages.device.fields.serial}</dt><dd className="font-mono">{d.serialNumber || messages.device.none}</dd>
        <dt className="text-slate-600">{messages.device.fields.lastSync}</dt>
        <dd>{d.lastSyncDateTime ? `${formatDateTime(d.lastSyncDateTime)} (${formatRelative(d.lastSyncDateTime)})` : messages.devices.neverSynced}</dd>
      </dl>
      {warnings.length > 0 && (
        <ul className="mt-3 space-y-1 text-sm" aria-label={messages.warnings.label}>
          {warnings.map((w) => <li key={w.kind} className="rounded bg-amber-50 px-2 py-1 text-amber-950">{w.text}</li>)}
        </ul>
      )}

      <label htmlFor="ticket" className="mt-4 block text-sm font-semibold">{m.ticket}</label>
      <input id="ticket" required autoFocus autoComplete="off" value={ticket} onChange={(e) => setTicket(e.target.value.toUpperCase())}
        disabled={done} aria-invalid={errors.ticket ? true : undefined} aria-describedby="ticket-help"
        className="mt-1 h-10 w-full rounded-md border border-slate-300 px-3 font-mono" />
      <p id="ticket-help" className={errors.ticket ? 'mt-1 text-sm text-red-800' : 'mt-1 text-sm text-slate-600'}>{errors.ticket ?? m.ticketHelp(ticketRule.example)}</p>

      <label htmlFor="note" className="mt-3 block text-sm font-semibold">{m.note}</label>
      <textarea id="note" rows={2} maxLength={MAX_NOTE_LENGTH} value={note} onChange={(e) => setNote(e.target.value)} disabled={done}
        className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
      {errors.note && <p className="text-sm text-red-800">{errors.note}</p>}

      {needsReason && (
        <>
          <label htmlFor="override-reason" className="mt-3 block text-sm font-semibold">{m.overrideReason}</label>
          <textarea id="override-reason" rows={2} maxLength={MAX_NOTE_LENGTH} value={overrideReason} onChange={(e) => setOverrideReason(e.target.value)}
            aria-invalid={errors.overrideReason ? true : undefined} className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
          {errors.overrideReason && <p className="text-sm text-red-800">{errors.overrideReason}</p>}
        </>
      )}

      <div role="status" aria-live="polite" className="mt-4 min-h-6 text-sm" data-testid="recover-result">
        {mutation.isPending && <p>{m.pending}</p>}
        {mutation.error && <p className="text-red-800">{mutation.error instanceof ConsentRefusedError ? m.consentRefused : `${m.failed} ${mutation.error.message}`}</p>}
        {result && <ResultMessage result={result} />}
      </div>

      <div className="mt-4 flex justify-end gap-2">
        <AlertDialog.Cancel asChild>
          <Button variant="secondary">{done ? m.close : m.cancel}</Button>
        </AlertDialog.Cancel>
        {!done && (
          <Button type="submit" variant="destructive" disabled={mutation.isPending}>
            {mutation.isPending ? m.pending : needsReason ? m.confirmAnyway : m.confirm}
          </Button>
        )}
        {done && <Button onClick={onClose}>{m.close}</Button>}
      </div>
    </form>
  );
}

function ResultMessage({ result }: { result: RecoverResult }) {
  const failure = 'failure' in result ? result.failure : null;
  const id = failure?.requestId ?? (result.status === 'accepted' ? result.requestId : null);
  const text = (() => {
    switch (result.status) {
      case 'accepted': return m.accepted;
      case 'unknown': return m.unknown;
      case 'alreadyRequested': {
        const h = result.holder;
        return m.alreadyRequested(h.actorName ?? h.actorUpn ?? m.anotherAgent, formatDateTime(h.requestedAt), h.ticket);
      }
      case 'invalid': return Object.values(result.fieldErrors).join(' ');
      case 'signInAgain': return m.signInAgain;
      case 'consentRequired': case 'claimsChallenge': return m.consentRefused;
      case 'denied': return `${m.denied} ${result.failure.reason ? messages.errors[result.failure.reason] : ''}`;
      case 'rejected': return `${m.rejected} ${result.failure.message}`;
      case 'throttled': return m.throttled;
      case 'failed': return `${m.failed} ${result.failure.message}`;
    }
  })();
  const ok = result.status === 'accepted';
  return (
    <div className={ok ? 'text-emerald-900' : result.status === 'unknown' || result.status === 'alreadyRequested' ? 'text-amber-900' : 'text-red-800'}>
      <p data-result={result.status}>{text}</p>
      {id && <p className="mt-1 font-mono text-xs">{m.requestId}: <span data-testid="recover-request-id">{id}</span></p>}
      {failure?.date && <p className="font-mono text-xs">{messages.errors.time}: {failure.date}</p>}
    </div>
  );
}
