// The device guard has one judge, the server: after a POST whose fate is unknown the device stays reserved until it
// shows the action (or an agent decides, with a reason), however long that takes. The browser shows what the server
// answered; the old copy of the window in the browser let go after RECOVERY_GUARD_MINUTES, so the dialog asked for no
// reason, the server refused the request as "already requested", and a needless refused record landed in the audit.
import { DEMO_ACCOUNTS } from '../emulator/constants';
import { confirm, findBySerial, freshDevice, openDialog, postsFor } from './actions';
import { auditRecords } from './audit';
import { emulator } from './emulator';
import { expect, test } from './fixtures';
import { signIn } from './sign-in';

test.beforeEach(async () => {
  await emulator.reset();
});

test('after a POST of unknown fate the dialog asks for a reason however late, the server takes it, and no refusal is audited', async ({
  page,
}) => {
  const d = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
  // The browser's clock is the one that used to decide: it is moved on by more than the guard's 15 minutes.
  await page.clock.install();
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await findBySerial(page, d);
  // Graph answers 504 and queues nothing: the device will never show the action.
  await emulator.faults({
    rules: [{ method: 'POST', path: `${d.id}/resetPasscode$`, status: 504, count: 1 }],
  });
  const first = await confirm(page, d, 'Remove passcode', 'INC-4711');
  await expect(first.getByTestId('action-result')).toHaveAttribute('data-result', 'unknown');
  await first.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);

  await page.clock.fastForward('16:00');
  const dialog = await openDialog(page, d, 'Remove passcode');
  await expect(dialog.getByTestId('dialog-recent-action')).toContainText(
    /Remove passcode requested .* by Hanna Berger for INC-4711/,
  );
  await expect(dialog.getByTestId('guard-needs-reason')).toContainText(
    'stays reserved until Intune shows the action or someone decides',
  );
  const reason = dialog.getByLabel('Why request it again?');
  await expect(reason).toBeVisible();
  await expect(dialog.getByTestId('confirm-action')).toHaveText('Request anyway');

  await dialog.getByLabel('Ticket reference').fill('INC-4712');
  await reason.fill('The caller is still locked out; Graph never confirmed the first request.');
  await dialog.getByTestId('confirm-action').click();
  await expect(dialog.getByTestId('action-result')).toHaveAttribute('data-result', 'accepted');

  // Two POSTs reached Graph (the unknown one and the override), and the trail holds the reason, not a refusal.
  expect(await postsFor(d)).toHaveLength(2);
  const records = auditRecords(d.id);
  expect(records.filter((r) => r.outcome === 'refused')).toEqual([]);
  expect(records.filter((r) => r.kind === 'override').map((r) => [r.ticket, r.detail])).toEqual([
    ['INC-4712', 'The caller is still locked out; Graph never confirmed the first request.'],
  ]);
  expect(records.filter((r) => r.kind === 'outcome').map((r) => r.outcome)).toEqual([
    'unknown',
    'accepted',
  ]);
});
