// Recovering a passcode as agents do it, against the emulator: the dialog, the server action, the tray and
// the device page, the audit trail, and the cases security.md lists for the browser.
import type { Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../emulator/constants';
import { auditRecords } from './audit';
import { emulator, type EmulatedDevice } from './emulator';
import { expect, test } from './fixtures';
import { signIn, signInWithSession } from './sign-in';

const used = new Set<string>();
/** A device nobody in this run has touched yet, so guards and trails of other tests do not interfere. */
async function freshDevice(query: Record<string, string>): Promise<EmulatedDevice> {
  const devices = await emulator.devices({ scopeTag: 'EMEA', limit: '500', ...query });
  const d = devices.find((x) => !used.has(x.id) && x.serialNumber);
  if (!d) throw new Error(`no fresh device for ${JSON.stringify(query)}`);
  used.add(d.id);
  return d;
}

test.beforeEach(async () => {
  await emulator.reset();
  await emulator.timings({ pickupMs: 1500, completeMs: 1500 });
});

async function findBySerial(page: Page, d: EmulatedDevice) {
  const box = page.getByRole('searchbox', { name: 'Search devices' });
  await box.fill(d.serialNumber);
  await box.press('Enter');
  await expect(page.getByTestId('device-row')).toHaveCount(1);
}

async function openDialog(page: Page, d: EmulatedDevice) {
  await page.getByRole('button', { name: `Recover passcode of ${d.deviceName}` }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

async function confirm(page: Page, d: EmulatedDevice, ticket: string) {
  const dialog = await openDialog(page, d);
  await dialog.getByLabel('Ticket reference').fill(ticket);
  await dialog.getByRole('button', { name: 'Recover passcode' }).click();
  return dialog;
}

const trayItem = (page: Page, d: EmulatedDevice) => page.getByTestId('tray-item').filter({ hasText: d.deviceName }).first();
const postsFor = async (d: EmulatedDevice) => (await emulator.requests({ method: 'POST' })).filter((e) => e.path.includes(d.id));

test('16: the helpdesk agent recovers a passcode: pending, then done, in the tray and on the device page, audited', async ({ page }) => {
  const d = await freshDevice({ scenario: 'online', operatingSystem: 'iOS' });
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await findBySerial(page, d);
  const dialog = await openDialog(page, d);
  // The dialog shows what to check before confirming.
  await expect(dialog).toContainText(d.serialNumber);
  await expect(dialog).toContainText(d.userPrincipalName);
  await expect(dialog.getByRole('button', { name: 'Recover passcode' })).toHaveClass(/bg-red-700/);
  await dialog.getByRole('button', { name: 'Recover passcode' }).click();
  await expect(dialog.getByText('Enter the ticket reference.')).toBeVisible(); // required, checked before any request
  await dialog.getByLabel('Ticket reference').fill('INC-1001');
  await dialog.getByLabel('Note (optional)').fill('Caller verified by phone');
  await dialog.getByRole('button', { name: 'Recover passcode' }).click();
  await expect(dialog.getByTestId('recover-result')).toContainText('Intune accepted the request');
  await expect(dialog.getByTestId('recover-request-id')).toHaveText(/^[0-9a-f-]{36}$/);
  await dialog.getByRole('button', { name: 'Close' }).last().click();

  await expect(trayItem(page, d)).toHaveAttribute('data-state', /pending|active/);
  await expect(trayItem(page, d)).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  await expect(page.getByTestId('tray-announcement')).toContainText(`${d.deviceName} (INC-1001): Done`);

  await page.getByRole('link', { name: d.deviceName }).click();
  await expect(page.getByTestId('device-action')).toContainText(/Recovery requested at \d\d:\d\d by Hanna Berger, ticket INC-1001: done\./);

  const posts = await postsFor(d);
  expect(posts).toHaveLength(1);
  const records = auditRecords(d.id);
  expect(records.map((r) => [r.kind, r.outcome ?? r.action_state])).toEqual([
    ['intent', null], ['outcome', 'accepted'], ...records.slice(2).map((r) => ['observation', r.action_state]),
  ]);
  expect(records.at(-1)?.action_state).toBe('done');
  expect(records[0]).toMatchObject({ ticket: 'INC-1001', actor_upn: DEMO_ACCOUNTS.helpdesk, actor_verified: 1, client_request_id: posts[0]?.clientRequestId });
  expect(records[1]?.graph_request_id).toMatch(/^[0-9a-f-]{36}$/);
});

test('a platform without support ends as not supported', async ({ page }) => {
  const d = await freshDevice({ scenario: 'notSupported', operatingSystem: 'Windows' });
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await findBySerial(page, d);
  await expect(page.getByTestId('device-row').locator('[data-warning="unsupported"]')).toBeVisible();
  const dialog = await confirm(page, d, 'INC-2002');
  await expect(dialog.getByText('Passcode recovery is not expected to work on Windows.')).toBeVisible();
  await expect(dialog.getByTestId('recover-result')).toContainText('Intune accepted the request');
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await expect(trayItem(page, d)).toHaveAttribute('data-state', 'notSupported', { timeout: 20_000 });
});

test('an offline device stays pending, and the tray says why', async ({ page }) => {
  const d = await freshDevice({ scenario: 'offline', operatingSystem: 'iOS' });
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await findBySerial(page, d);
  const dialog = await confirm(page, d, 'INC-3003');
  await expect(dialog.getByTestId('recover-result')).toContainText('Intune accepted the request');
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await emulator.advanceClock(3_600_000); // an hour passes at Intune; the device does not check in
  await expect(trayItem(page, d)).toContainText('Waiting for the device to check in');
  await page.waitForTimeout(3000);
  await expect(trayItem(page, d)).toHaveAttribute('data-state', 'pending');
});

test('4: the read-only agent is asked for consent (incremental) and refused; nothing is posted', async ({ page }) => {
  const d = await freshDevice({ scenario: 'online', operatingSystem: 'iOS' });
  await signIn(page, DEMO_ACCOUNTS.readOnly);
  await findBySerial(page, d);
  const dialog = await openDialog(page, d);
  await dialog.getByLabel('Ticket reference').fill('INC-4004');
  const popupPromise = page.waitForEvent('popup');
  await dialog.getByRole('button', { name: 'Recover passcode' }).click();
  const popup = await popupPromise;
  await expect(popup.getByRole('heading', { name: 'Need admin approval' })).toBeVisible();
  await expect(popup.getByText('DeviceManagementManagedDevices.PrivilegedOperations.All')).toBeVisible();
  await popup.getByRole('link', { name: 'Return to the application without granting access' }).click();
  await expect(dialog.getByTestId('recover-result')).toContainText('permission DeviceManagementManagedDevices.PrivilegedOperations.All was not granted');
  expect(await postsFor(d)).toHaveLength(0);
});

test('5: a device outside the agent\'s scope gets a clear 403', async ({ page }) => {
  const d = await freshDevice({ scenario: 'online', operatingSystem: 'iOS' });
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await findBySerial(page, d);
  await emulator.setScenario(d.id, { scenario: 'online', scopeTag: 'AMER' }); // the device moved region since it was listed
  const dialog = await confirm(page, d, 'INC-5005');
  await expect(dialog.getByTestId('recover-result')).toContainText('Not allowed for this device. This device is outside the scope of your Intune role');
  await expect(dialog.getByTestId('recover-request-id')).toHaveText(/^[0-9a-f-]{36}$/);
  expect(await postsFor(d)).toHaveLength(0);
});

test('12: a 429 is retried once after Retry-After, under the same client-request-id', async ({ page }) => {
  const d = await freshDevice({ scenario: 'online', operatingSystem: 'iOS' });
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await findBySerial(page, d);
  await emulator.faults({ rules: [{ method: 'POST', path: 'recoverPasscode$', status: 429, count: 1, retryAfterSeconds: 1 }] });
  const dialog = await confirm(page, d, 'INC-6006');
  await expect(dialog.getByTestId('recover-result')).toContainText('Intune accepted the request');
  const posts = await postsFor(d);
  expect(posts.map((p) => p.status)).toEqual([429, 204]);
  expect(posts[1]?.clientRequestId).toBe(posts[0]?.clientRequestId);
  expect((posts[1]?.at ?? 0) - (posts[0]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
});

test('13: a 503 leads to "unknown, verifying", then the observed state, with exactly one POST', async ({ page }) => {
  const d = await freshDevice({ scenario: 'online', operatingSystem: 'iOS' });
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await findBySerial(page, d);
  await emulator.faults({ rules: [{ method: 'POST', path: 'recoverPasscode$', status: 503, count: 1, afterHandling: true }] });
  const dialog = await confirm(page, d, 'INC-7007');
  await expect(dialog.getByTestId('recover-result')).toContainText('unknown, verifying');
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await expect(trayItem(page, d)).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  expect(await postsFor(d)).toHaveLength(1);
  const outcomes = auditRecords(d.id).map((r) => r.outcome ?? r.action_state);
  expect(outcomes.slice(0, 2)).toEqual([null, 'unknown']);
  expect(outcomes.at(-1)).toBe('done');
});

test('14: a double-click on Confirm sends one POST', async ({ page }) => {
  const d = await freshDevice({ scenario: 'online', operatingSystem: 'iOS' });
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await findBySerial(page, d);
  const dialog = await openDialog(page, d);
  await dialog.getByLabel('Ticket reference').fill('INC-8008');
  await dialog.getByRole('button', { name: 'Recover passcode' }).dblclick();
  await expect(dialog.getByTestId('recover-result')).toContainText('Intune accepted the request');
  expect(await postsFor(d)).toHaveLength(1);
  expect(await emulator.actions(d.id)).toHaveLength(1);
});

test('14, 15: Confirm in two tabs sends one POST; the second tab is told who asked first', async ({ page, context }) => {
  const d = await freshDevice({ scenario: 'online', operatingSystem: 'iOS' });
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  const other = await context.newPage();
  await signInWithSession(other);
  const dialogs = [];
  for (const p of [page, other]) {
    await findBySerial(p, d);
    const dialog = await openDialog(p, d);
    await dialog.getByLabel('Ticket reference').fill('INC-9009');
    dialogs.push(dialog);
  }
  await Promise.all(dialogs.map((dlg) => dlg.getByRole('button', { name: 'Recover passcode' }).click()));
  const texts = await Promise.all(dialogs.map(async (dlg) => {
    await expect(dlg.getByTestId('recover-result')).toContainText(/accepted the request|Already requested/);
    return dlg.getByTestId('recover-result').textContent();
  }));
  expect(texts.filter((t) => t?.includes('accepted the request'))).toHaveLength(1);
  expect(texts.find((t) => t?.includes('Already requested'))).toMatch(/Already requested by Hanna Berger at .* for ticket INC-9009/);
  expect(await postsFor(d)).toHaveLength(1);
});

test('reloading the page mid-action keeps tracking it', async ({ page }) => {
  await emulator.timings({ pickupMs: 4000, completeMs: 2000 });
  const d = await freshDevice({ scenario: 'online', operatingSystem: 'iOS' });
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await findBySerial(page, d);
  const dialog = await confirm(page, d, 'INC-1010');
  await expect(dialog.getByTestId('recover-result')).toContainText('Intune accepted the request');
  await page.reload();
  await expect(trayItem(page, d)).toHaveAttribute('data-state', 'pending');
  await expect(trayItem(page, d)).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  expect(await postsFor(d)).toHaveLength(1);
});

