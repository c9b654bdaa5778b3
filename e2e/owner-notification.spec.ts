// The owner is told (issue 19, security.md case 26), as a demo shows it: Confirm in the console, then the device's
// user's e-mail in the emulator's mailbox, in the user's language, once, without the passcode; its state in the
// tray and on the device page; and a send that failed is shown with Graph's error and retried.
import { DEMO_ACCOUNTS } from '../emulator/constants';
import { E2E } from '../playwright.config';
import { confirm, findBySerial, freshDevice, trayItem } from './actions';
import { emulator, type EmulatedDevice } from './emulator';
import { expect, test } from './fixtures';
import { signIn } from './sign-in';

test.beforeEach(async () => {
  await emulator.reset();
  await emulator.timings({ pickupMs: 1500, completeMs: 1500 });
});

/** The e-mails about this device (its serial number is in each; the owner's address may differ from the UPN). */
const mailAbout = async (d: EmulatedDevice) =>
  (await emulator.mail()).filter((m) => m.content.includes(d.serialNumber));

test('case 26: an Android reset: the owner (de-DE) gets the requested and the done e-mail in German, once each, without the passcode', async ({
  page,
}) => {
  const d = await freshDevice({ mode: 'androidFullyManaged', scenario: 'online' });
  await emulator.preferredLanguage(d.userPrincipalName, 'de-DE');
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await findBySerial(page, d);
  const dialog = await confirm(page, d, 'Reset passcode', 'INC-2611');
  await expect(dialog.getByTestId('action-result')).toHaveAttribute('data-result', 'accepted');
  await dialog.getByRole('button', { name: 'Close' }).click();

  const item = trayItem(page, d);
  await expect(item).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(
    item.locator('[data-testid="owner-notification"][data-event="done"]'),
  ).toHaveAttribute('data-state', 'sent', { timeout: 15_000 });
  await expect(
    item.locator('[data-testid="owner-notification"][data-event="accepted"]'),
  ).toContainText('E-mail to the device user about the request: sent');

  const messages = await mailAbout(d);
  expect(messages.map((m) => m.subject)).toEqual([
    `Ihr Gerät „${d.deviceName}“: Gerätecode zurücksetzen wurde angefordert`,
    `Ihr Gerät „${d.deviceName}“: Gerätecode zurücksetzen wurde ausgeführt`,
  ]);
  expect(messages[0]?.content).toContain(`Gerät: ${d.deviceName} (Seriennummer ${d.serialNumber})`);
  expect(messages[0]?.content).toContain('Ticketnummer: INC-2611');
  expect(messages[0]?.from.address).toBe('hanna.berger@contoso.com');
  const passcode = (await emulator.actions(d.id)).at(-1)?.passcode;
  expect(passcode).toMatch(/^\d+$/);
  for (const m of messages) {
    expect(`${m.subject}${m.content}`).not.toContain(passcode);
    expect(m.content).not.toMatch(/eyJ|Bearer |https?:\/\//);
  }

  // More reads of the tray and the device page send nothing more.
  await page.getByTestId('device-row').getByRole('link', { name: d.deviceName }).click();
  await expect(
    page.locator('[data-testid="owner-notification"][data-event="done"]').first(),
  ).toHaveAttribute('data-state', 'sent');
  await page.reload();
  await expect(trayItem(page, d)).toHaveAttribute('data-state', 'done');
  expect(await mailAbout(d)).toHaveLength(2);

  // The demo mailbox page shows the whole loop.
  await page.goto(`${E2E.emulatorOrigin}/_emulator/mailbox`);
  await expect(page.getByTestId('mail-message').filter({ hasText: d.deviceName })).toHaveCount(2);
});

test('case 26: an iPhone removal: the owner gets the e-mail in English; a failed send is shown with Graph’s error and retried', async ({
  page,
}) => {
  const d = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'offline' });
  // Exchange fails the first send.
  await emulator.faults({ rules: [{ method: 'POST', path: 'sendMail$', status: 503, count: 1 }] });
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await findBySerial(page, d);
  const dialog = await confirm(page, d, 'Remove passcode', 'INC-2612');
  await expect(dialog.getByTestId('action-result')).toHaveAttribute('data-result', 'accepted');
  await dialog.getByRole('button', { name: 'Close' }).click();

  const notice = trayItem(page, d).locator(
    '[data-testid="owner-notification"][data-event="accepted"]',
  );
  // Shown as failed with Graph's code, or (if a read already retried it) sent: the failure must have been recorded.
  await expect(notice).toHaveAttribute('data-state', 'sent', { timeout: 30_000 });
  const sends = (await emulator.requests({ method: 'POST', path: 'sendMail$' })).map(
    (e) => e.status,
  );
  expect(sends).toEqual([503, 202]);
  const messages = await mailAbout(d);
  expect(messages).toHaveLength(1);
  expect(messages[0]?.subject).toBe(
    `Your device “${d.deviceName}”: remove the passcode was requested`,
  );
  expect(messages[0]?.content).toContain('If you did not ask for this, call');
});

test('case 26: the failed send stays in view with its error until a read retries it', async ({
  page,
}) => {
  const d = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'offline' });
  // Every send fails until the fault is lifted.
  await emulator.faults({ rules: [{ method: 'POST', path: 'sendMail$', status: 503 }] });
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await findBySerial(page, d);
  const dialog = await confirm(page, d, 'Remove passcode', 'INC-2613');
  await expect(dialog.getByTestId('action-result')).toHaveAttribute('data-result', 'accepted');
  await dialog.getByRole('button', { name: 'Close' }).click();
  const notice = trayItem(page, d).locator(
    '[data-testid="owner-notification"][data-event="accepted"]',
  );
  await expect(notice).toHaveAttribute('data-state', 'failed');
  await expect(notice).toContainText(
    'E-mail to the device user about the request: failed (ServiceUnavailable, request-id',
  );
  await expect(notice).toContainText('retrying');
  await emulator.clearFaults();
  await expect(notice).toHaveAttribute('data-state', 'sent', { timeout: 45_000 });
  expect(await mailAbout(d)).toHaveLength(1);
});
