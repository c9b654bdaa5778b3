'use client';
// The confirm dialog's last view when the policy asked for an approval: nothing went to Intune, the request waits
// for a second agent until when (local time), whether approvers were e-mailed, and that the tray says when it is
// decided (and sends it from there); with one Close button, like the result view after a POST.
import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { DialogFooter } from '@/components/ui/dialog-shell';
import { Notice } from '@/components/ui/notice';
import type { PasscodeActionResult } from '@/lib/shared/actions/types';
import type { ApprovalView } from '@/lib/shared/trust/approval';
import { useApprovalWords } from './use-approval-words';

export type ApprovalPendingResult = Extract<PasscodeActionResult, { status: 'approvalPending' }>;

export function ApprovalPendingView({
  result,
  label,
  deviceName,
  onClose,
}: {
  result: ApprovalPendingResult;
  label: string;
  deviceName: string;
  onClose: () => void;
}) {
  const t = useTranslations('approvalRequest');
  const close = useTranslations('passcode');
  const words = useApprovalWords();
  const a = result.approval;
  return (
    <div data-testid="action-result" data-result={result.status} data-approval-id={a.id}>
      <AlertDialog.Title className="text-lg font-semibold">
        {t('pendingTitle', { action: label, device: deviceName })}
      </AlertDialog.Title>
      <AlertDialog.Description asChild>
        <Notice as="div" role="status" frame="text" variant="info" className="mt-2 text-sm">
          <p data-testid="approval-pending-until">
            {t('pendingText', { until: words.time(a.expiresAt) })}
          </p>
        </Notice>
      </AlertDialog.Description>
      <NotifiedLine notified={a.approversNotified} />
      <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{t('trayWillSay')}</p>
      <h3 className="mt-4 text-sm font-semibold">{close('tellCallerTitle')}</h3>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{t('tellCaller')}</p>
      {/* In the sticky footer, like the confirm step's buttons: in view however long the view grows. */}
      <DialogFooter>
        <Button autoFocus onClick={onClose}>
          {close('close')}
        </Button>
      </DialogFooter>
    </div>
  );
}

/** Whether the approvers' e-mail went out; a failed one says Graph's code, so the agent can tell them instead. */
function NotifiedLine({ notified }: { notified: ApprovalView['approversNotified'] }) {
  const t = useTranslations('approvalRequest');
  const status = notified?.status ?? 'unknown';
  const text =
    notified?.status === 'failed'
      ? t('notified.failed', { code: notified.code })
      : t(`notified.${notified?.status ?? 'unknown'}`);
  return (
    <Notice
      frame="text"
      variant={status === 'failed' ? 'warning' : 'info'}
      className="mt-2 text-sm"
      data-testid="approvers-notified"
      data-notified={status}
    >
      {text}
    </Notice>
  );
}
