// What passcode-action tests share: fresh devices nobody in this run has touched, finding one by serial, its
// action button (named by action, device and serial), the confirm dialog, the tray item and the POSTs Graph saw.
import type { Page } from '@playwright/test';
import { auditRecords } from './audit';
import { emulator, type EmulatedDevice } from './emulator';
import { expect } from './fixtures';

const used = new Set<string>();
/** The seed's showcase user (two same-named iPhones): tests that need her devices take them by name. */
export const SHOWCASE_USER = 'zoe.obrien@contoso.com';

/**
 * A device nobody in this run has touched yet (none in this worker, none in the audit trail, which outlives a
 * worker restarted after a failure), findable by its serial, so guards and trails of other tests do not interfere.
 */
export async function freshDevice(query: Record<string, string>): Promise<EmulatedDevice> {
  // The seed makes one device in fifty fail its actions, too few for every test that needs one: an online device
  // is switched to failing through the emulator's control API instead.
  const made = query.scenario === 'failing';
  const devices = await emulator.devices({
    scopeTag: 'EMEA',
    limit: '500',
    ...query,
    ...(made ? { scenario: 'online' } : {}),
  });
  const d = devices.find(
    (x) =>
      !used.has(x.id) &&
      // The seed's wipe- and retire-pending phones offer no passcode action: tests that want one set it.
      x.managementState === 'managed' &&
      x.userPrincipalName !== SHOWCASE_USER &&
      auditRecords(x.id).length === 0 &&
      /^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9]{8,14}$/.test(x.serialNumber),
  );
  if (!d) throw new Error(`no fresh device for ${JSON.stringify(query)}`);
  used.add(d.id);
  if (made) await emulator.setScenario(d.id, { scenario: 'failing' });
  return d;
}

export async function findBySerial(page: Page, d: EmulatedDevice, label = 'Search devices') {
  const box = page.getByRole('searchbox', { name: label });
  await box.fill(d.serialNumber);
  await box.press('Enter');
  await expect(page.getByTestId('device-row')).toHaveCount(1);
  await expect(page.getByTestId('device-row')).toContainText(d.serialNumber);
}

/** The action button: named by the action, the device and its serial, so two same-named devices differ. */
export const actionButton = (page: Page, d: EmulatedDevice, label: string, serialWord = 'serial') =>
  page.getByRole('button', { name: `${label}: ${d.deviceName}, ${serialWord} ${d.serialNumber}` });

export async function openDialog(page: Page, d: EmulatedDevice, label: string) {
  await actionButton(page, d, label).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

export async function confirm(page: Page, d: EmulatedDevice, label: string, ticket: string) {
  const dialog = await openDialog(page, d, label);
  await dialog.getByLabel('Ticket reference').fill(ticket);
  await dialog.getByTestId('confirm-action').click();
  return dialog;
}

export const trayItem = (page: Page, d: EmulatedDevice) =>
  page.getByTestId('tray-item').filter({ hasText: d.serialNumber });

/**
 * Opens the tray by the badge, as the agent's choice. Without a choice it is open when the agent has actions (other
 * tests on the worker act as the same agent) and collapsed when not, and it may turn once the list is read: a click
 * that met that turn is repeated.
 */
export async function openTray(page: Page): Promise<void> {
  const badge = page.getByTestId('tray-toggle');
  await expect(async () => {
    if ((await badge.getAttribute('aria-expanded')) !== 'true') await badge.click();
    await expect(badge).toHaveAttribute('aria-expanded', 'true', { timeout: 1000 });
  }).toPass();
}
export const postsFor = async (d: EmulatedDevice) =>
  (await emulator.requests({ method: 'POST' })).filter((e) => e.path.includes(d.id));
