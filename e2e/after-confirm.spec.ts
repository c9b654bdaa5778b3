// Issue 8/11, "After Confirm": one result view from the list and from the device page with focus back on the
// opening button; a 429 counted down in the dialog; a refused or abandoned approval settled at once and the action
// disabled for the account; the device guard shown before the click, in the row and in the dialog.
import { DEMO_ACCOUNTS } from '../emulator/constants';
import {
  actionButton,
  confirm,
  findBySerial,
  freshDevice,
  openDialog,
  postsFor,
  trayItem,
} from './actions';
import { emulator } from './emulator';
import { expect, test } from './fixtures';
import { signIn } from './sign-in';

test.beforeEach(async () => {
  await emulator.reset();
  await emulator.timings({ pickupMs: 1500, completeMs: 1500 });
});

test("from the list: one result view with one focused Close, and closing returns focus to the row's button; a phone that synced recently gets the waiting advice only once it is overdue", async ({
  page,
}) => {
  // The device takes its time (it stays pending); the page's clock moves the agent's wait on.
  await emulator.timings({ pickupMs: 600_000, completeMs: 1500 });
  const d = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
  await emulator.checkIn(d.id); // it synced a moment ago
  await page.clock.install();
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await findBySerial(page, d);
  const dialog = await confirm(page, d, 'Remove passcode', 'INC-2401');
  await expect(dialog.getByTestId('action-result')).toHaveAttribute('data-result', 'accepted');
  // What a locked-out caller can still do; nothing a locked phone cannot (open an app, join a new network).
  const tell = dialog.getByTestId('tell-caller');
  await expect(tell).toContainText(
    'Keep the device switched on and connected: by mobile data, or to a Wi-Fi network it already knows',
  );
  await expect(tell).not.toContainText('Company Portal');
  await expect(tell).not.toContainText('days ago');
  await expect(dialog.getByRole('button')).toHaveCount(1); // no form behind the result, no second Close
  await expect(dialog.getByRole('textbox')).toHaveCount(0);
  const close = dialog.getByRole('button', { name: 'Close' });
  await expect(close).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(actionButton(page, d, 'Remove passcode')).toBeFocused();

  // Not at once: an online phone answers Intune's push within minutes. Five minutes on it is still expected...
  const item = trayItem(page, d);
  await expect(item).toHaveAttribute('data-state', 'pending');
  await expect(item.locator('[data-hint="expected"]')).toContainText(
    'a phone that is switched on and connected usually carries it out within minutes',
  );
  await page.clock.fastForward('05:00');
  await expect(item.locator('[data-hint="expected"]')).toBeVisible();
  await expect(item.locator('[data-hint="offline"]')).toHaveCount(0);
  // ...ten minutes after the request it is overdue, and the tray says what the caller can do (an iPhone: no restart).
  await page.clock.fastForward('05:15');
  const overdue = item.locator('[data-hint="offline"]');
  await expect(overdue).toContainText(
    /^No answer from the device 10 minutes after the request; its last check-in was .+\. It is probably switched off or offline\. What the caller can do while it is locked: keep it switched on and charging, connected by mobile data or to a Wi-Fi network it already knows\. It carries the action out once it is online\.$/,
  );
  await expect(item.locator('[data-hint="expected"]')).toHaveCount(0);
});

test("from the device page: the same result view, then focus back on the page's button", async ({
  page,
}) => {
  const d = await freshDevice({ mode: 'androidFullyManaged', scenario: 'online' });
  await signIn(page, DEMO_ACCOUNTS.helpdesk, '', { at: `/devices/${d.id}` });
  const dialog = await confirm(page, d, 'Reset passcode', 'INC-2402');
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(
    `Reset passcode: Intune accepted the request for “${d.deviceName}”`,
  );
  await expect(dialog.getByTestId('action-request-id')).toHaveText(/^[0-9a-f-]{36}$/);
  await expect(dialog.getByTestId('tell-caller')).toContainText('read out a temporary passcode');
  await expect(dialog.getByRole('button')).toHaveCount(1);
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(actionButton(page, d, 'Reset passcode')).toBeFocused();
});

test("a 429 beyond the action's wait budget counts Retry-After down in the dialog; the request goes through once it has passed", async ({
  page,
}) => {
  const d = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
  await page.clock.install();
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await findBySerial(page, d);
  // Graph answers the action's device read 429 with a wait longer than the action's budget (ACTION_WAIT_SECONDS for
  // all its Graph calls: 12 s in these tests): nothing is POSTed, and Graph's answer comes back to the agent. The
  // server's own gate (one per tenant and app, issue 7/11) holds every Graph call for the same real time, which the
  // test waits out after moving the browser's clock.
  await emulator.faults({
    rules: [
      {
        method: 'GET',
        path: `managedDevices/${d.id}$`,
        status: 429,
        count: 1,
        retryAfterSeconds: 14,
      },
    ],
  });
  const dialog = await confirm(page, d, 'Remove passcode', 'INC-2403');
  const throttled = dialog.getByTestId('action-throttled');
  await expect(throttled).toHaveText(
    /^Microsoft Graph is busy and did not take the request\. You can send it again in (14|13) s\.$/,
  );
  const throttledAt = Date.now();
  await expect(dialog.getByTestId('confirm-action')).toBeDisabled();
  await page.clock.fastForward('00:10');
  await expect(throttled).toHaveText(/You can send it again in (4|3) s\./);
  await page.clock.fastForward('00:05');
  await new Promise((resolve) =>
    setTimeout(resolve, Math.max(0, 15_000 - (Date.now() - throttledAt))),
  );
  await expect(throttled).toHaveText(
    'Microsoft Graph is ready again: you can send the request now.',
  );
  await dialog.getByTestId('confirm-action').click();
  await expect(dialog.getByTestId('action-result')).toHaveAttribute('data-result', 'accepted');
  expect((await postsFor(d)).map((p) => p.status)).toEqual([204]);
  const reads = await emulator.requests({ method: 'GET', path: `managedDevices/${d.id}$` });
  expect(reads[0]?.status).toBe(429);
});

test('the approval window closed by its window button: settled within 2 s in plain words, then the action is disabled with the reason', async ({
  page,
}) => {
  const d = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
  await signIn(page, DEMO_ACCOUNTS.readOnly);
  await findBySerial(page, d);
  const dialog = await openDialog(page, d, 'Remove passcode');
  await dialog.getByLabel('Ticket reference').fill('INC-2404');
  const popupPromise = page.waitForEvent('popup');
  await dialog.getByTestId('confirm-action').click();
  const popup = await popupPromise;
  await expect(popup.getByRole('heading', { name: 'Need admin approval' })).toBeVisible();
  const result = dialog.getByTestId('action-result');
  await expect(result.locator('[data-approval="watched"]')).toHaveText(
    'Approve the permission in the window that opened. Closing that window cancels the request.',
  );
  const closedAt = Date.now();
  await popup.close(); // the window's own close button: no answer ever reaches the console
  await expect(result).toHaveText(
    /^The approval window was closed before the permission was granted, so nothing was sent\./,
    { timeout: 2_000 },
  );
  expect(Date.now() - closedAt).toBeLessThan(2_000);
  await expect(result).not.toContainText('DeviceManagement');
  await expect(result).not.toContainText(/user_cancelled|timed_out|BrowserAuthError/);
  await expect(dialog.getByTestId('confirm-action')).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Disabled for this account, with the reason on hover (and for screen readers), in the list and on the page.
  const button = actionButton(page, d, 'Remove passcode');
  const reason =
    'Not available to your account: it may not remove or reset passcodes. Ask an administrator to consent to the permission for Passcode Desk.';
  await expect(button).toHaveAttribute('aria-disabled', 'true');
  await expect(button).toHaveAttribute('title', reason);
  await expect(button).toHaveAccessibleDescription(reason);
  await button.press('Enter'); // focusable, so the reason can be read, but it opens nothing
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await page.getByTestId('device-row').getByRole('link', { name: d.deviceName }).click();
  await expect(actionButton(page, d, 'Remove passcode')).toHaveAttribute('aria-disabled', 'true');
  expect(await postsFor(d)).toHaveLength(0);
});

test('the guard is visible before the click: in the row and in the dialog, for another agent too, with a reason asked up front', async ({
  page,
  browser,
}) => {
  const d = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'offline' });
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await findBySerial(page, d);
  const dialog = await confirm(page, d, 'Remove passcode', 'INC-9009');
  await dialog.getByRole('button', { name: 'Close' }).click();
  const line = page.getByTestId('device-row').getByTestId('recent-action');
  await expect(line).toHaveText(
    /^Remove passcode requested (just now|\d+ seconds? ago) by Hanna Berger for INC-9009: pending\.$/,
  );

  // Another agent who lists the same device sees it before typing anything.
  const other = await browser.newContext();
  const adminPage = await other.newPage();
  await signIn(adminPage, DEMO_ACCOUNTS.admin);
  await findBySerial(adminPage, d);
  await expect(adminPage.getByTestId('device-row').getByTestId('recent-action')).toContainText(
    'by Hanna Berger for INC-9009: pending.',
  );
  const second = await openDialog(adminPage, d, 'Remove passcode');
  await expect(second.getByTestId('dialog-recent-action')).toContainText(
    /Remove passcode requested .* by Hanna Berger for INC-9009: pending\./,
  );
  // Until when, as the server's guard says (RECOVERY_GUARD_MINUTES after the request), in the agent's time zone.
  await expect(second.getByTestId('guard-needs-reason')).toHaveText(
    /^The device stays reserved for it until \d{2}:\d{2}(?: GMT\+\d+)?: a second request before then needs a reason, which is recorded\.$/,
  );
  await expect(second.getByLabel('Why request it again?')).toBeVisible();
  await expect(second.getByLabel('Ticket reference')).toHaveValue('');
  await expect(second.getByTestId('confirm-action')).toHaveText('Request anyway');
  await other.close();
});

test('a recent request that failed says so in the row and the dialog', async ({ page }) => {
  const d = await freshDevice({ mode: 'androidFullyManaged', scenario: 'failing' });
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await findBySerial(page, d);
  const dialog = await confirm(page, d, 'Reset passcode', 'INC-2405');
  // The result view follows the action as the tray reads it: once the device fails it, the caller is told so.
  const tell = dialog.getByTestId('tell-caller');
  await expect(tell).toHaveAttribute('data-advice', 'failed', { timeout: 20_000 });
  await expect(tell).toHaveText(
    'Tell the caller it did not work: the device could not carry it out, and its passcode is unchanged. Do not ask them to wait; what to try is above.',
  );
  await expect(dialog.locator('[data-hint="failed"]')).toContainText(
    /Intune error code -?\d+ \(0x[0-9a-f]+\)\./,
  );
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('tray-item').filter({ hasText: d.deviceName })).toHaveAttribute(
    'data-state',
    'failed',
    { timeout: 20_000 },
  );
  const line = page.getByTestId('device-row').getByTestId('recent-action');
  await expect(line).toHaveAttribute('data-state', 'failed');
  await expect(line).toContainText('for INC-2405: failed.');
  await expect(line).toHaveAttribute(
    'title',
    /The earlier request did not succeed; request it again if the caller still needs it\.$/,
  );
  const again = await openDialog(page, d, 'Reset passcode');
  await expect(again.getByTestId('dialog-recent-action')).toContainText('for INC-2405: failed.');
  await expect(again.getByTestId('dialog-recent-action')).toContainText(
    'The earlier request did not succeed; request it again if the caller still needs it.',
  );
});
