// Intune's own Multi Admin Approval (switched on in the emulator for resetPasscode): Intune answers the POST 403
// ApprovalRequired with an approval code and queues nothing. The agent is told that a second administrator must
// approve it in the Intune admin center, with the code and Graph's request-id to quote; the console sends exactly
// one POST (no retry) and records the attempt as denied, with the code.
import { DEMO_ACCOUNTS } from '../emulator/constants';
import { E2E } from '../playwright.config';
import { confirm, findBySerial, freshDevice, postsFor } from './actions';
import { auditRecords } from './audit';
import { lastCopied, recordClipboard } from './clipboard';
import { emulator } from './emulator';
import { expect, test } from './fixtures';
import { signIn } from './sign-in';

test.beforeEach(async () => {
  await emulator.reset();
});

test("Intune's 403 ApprovalRequired: nothing sent, the approval code shown and copied with the request ID, one POST, audited as denied", async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-write'], { origin: E2E.consoleOrigin });
  await recordClipboard(page);
  await emulator.multiAdminApproval(['resetPasscode']);
  const d = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await findBySerial(page, d);
  const dialog = await confirm(page, d, 'Remove passcode', 'INC-5150');

  const message = dialog.getByTestId('intune-approval-required');
  await expect(message).toContainText(
    "Intune itself requires a second administrator's approval for this action (Multi Admin Approval). Nothing was sent to the device.",
  );
  await expect(message).toContainText(
    'Intune admin center (Tenant administration > Multi Admin Approval)',
  );
  const posts = await postsFor(d);
  expect(posts.map((p) => p.status)).toEqual([403]);
  const code = (await message.getByTestId('intune-approval-code').textContent()) ?? '';
  expect(code).toMatch(/^[0-9a-f-]{36}$/);
  const requestId = (await message.getByTestId('action-request-id').textContent()) ?? '';
  expect(requestId).toBe(posts[0]?.requestId);

  await message.getByRole('button', { name: 'Copy approval code and request ID' }).click();
  expect(await lastCopied(page)).toBe(`Approval code: ${code}\nRequest ID: ${requestId}`);

  // Nothing queued on the device, no second POST however long the dialog stays open, the attempt denied with the code.
  await page.waitForTimeout(1500);
  expect(await postsFor(d)).toHaveLength(1);
  expect(await emulator.actions(d.id)).toEqual([]);
  const outcomes = auditRecords(d.id).filter((r) => r.kind === 'outcome');
  expect(outcomes.map((r) => [r.outcome, r.detail])).toEqual([
    ['denied', `ApprovalRequired: approval code ${code}`],
  ]);
});
