// Issue 18 (13/17), "The device's timeline": what this console did, what other admins started (Intune's
// remoteActionAudits), what the device reports, Intune's audit log and the last check-in, in one list by time on the
// device page; a wipe started in the admin center pinned at the top with what it means for a passcode action; a
// source that fails said as not available (with Graph's request-id); axe clean.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../emulator/constants';
import { E2E } from '../playwright.config';
import { confirm, freshDevice } from './actions';
import { emulator } from './emulator';
import { expect, test } from './fixtures';
import { signIn } from './sign-in';

const timeline = (page: Page) => page.getByTestId('device-timeline');
const entries = (page: Page) => timeline(page).getByTestId('timeline-entries').locator('> li');

test.afterEach(async () => {
  await emulator.clearFaults();
});

test('a wipe and a lock started in the admin center appear with the admin who started them, the wipe pinned at the top; the console’s own action shows its ticket', async ({
  page,
}) => {
  const d = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
  await signIn(page, DEMO_ACCOUNTS.helpdesk, '', { at: `/devices/${d.id}` });
  const dialog = await confirm(page, d, 'Remove passcode', 'INC-7702');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await emulator.adminCenterAction(d.id, {
    action: 'remoteLock',
    initiatedBy: DEMO_ACCOUNTS.admin,
    minutesAgo: 1,
  });
  await emulator.adminCenterAction(d.id, {
    action: 'wipe',
    initiatedBy: DEMO_ACCOUNTS.admin,
    minutesAgo: 20,
  });
  await page.reload();

  const list = entries(page);
  const pinned = list.first();
  await expect(pinned).toHaveAttribute('data-testid', 'timeline-pinned');
  await expect(pinned).toContainText('Wipe pending');
  await expect(pinned).toContainText(`Started by ${DEMO_ACCOUNTS.admin}`);
  await expect(pinned).toContainText('Intune ignores a passcode action on this device');

  const lock = list.filter({ hasText: 'Remote lock started by' });
  await expect(lock).toHaveAttribute('data-kind', 'adminCenter');
  await expect(lock).toContainText(DEMO_ACCOUNTS.admin);
  // The wipe is pinned, not listed a second time at its own (older) time.
  await expect(list.filter({ hasText: 'Wipe started by' })).toHaveCount(0);

  const ours = list.filter({ hasText: 'ticket INC-7702' });
  await expect(ours).toHaveAttribute('data-kind', 'console');
  await expect(ours).toContainText('Remove passcode requested by Hanna Berger');

  // The filters: only the admin center's entries (the pinned wipe stays: it changes what the agent may do).
  for (const kind of ['This console', 'Device reports', 'Audit log', 'Check-in'])
    await timeline(page).getByRole('checkbox', { name: kind }).uncheck();
  await expect(list.filter({ hasText: 'ticket INC-7702' })).toHaveCount(0);
  await expect(lock).toBeVisible();
  await expect(pinned).toContainText('Wipe pending');
  await expect(list.and(page.locator(':not([data-kind="adminCenter"])'))).toHaveCount(1);
});

test('a source that fails is said to be not available, with Graph’s request-id, not shown as "nothing happened"; a wipe pending per managementState stays pinned', async ({
  page,
}) => {
  const d = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
  await emulator.adminCenterAction(d.id, { action: 'rebootNow', initiatedBy: DEMO_ACCOUNTS.admin });
  // A wipe Intune reports only through the device's managementState (its remote action audit unreadable below).
  await emulator.managementState(d.id, 'wipePending');
  await emulator.faults({ rules: [{ path: 'remoteActionAudits', status: 503 }] });
  await signIn(page, DEMO_ACCOUNTS.helpdesk, '', { at: `/devices/${d.id}` });

  const note = timeline(page).locator(
    '[data-testid="timeline-unavailable"][data-source="adminCenter"]',
  );
  await expect(note).toContainText(
    "Not available: remote actions started elsewhere (Intune's remote action audit).",
  );
  await expect(note).toContainText('This does not mean nothing happened.');
  await expect(note.getByTestId('timeline-request-id')).toHaveText(/^[0-9a-f-]{36}$/);
  // The pending wipe is still pinned at the top, from what the device read says.
  const pinned = entries(page).first();
  await expect(pinned).toHaveAttribute('data-testid', 'timeline-pinned');
  await expect(pinned).toContainText('Wipe pending');
  await expect(pinned).toContainText(
    "Intune reports the device's management state as “Wipe pending”.",
  );
  // The other sources still show: the device's last check-in.
  await expect(entries(page).filter({ hasText: 'Last check-in with Intune' })).toHaveCount(1);
  await expect(timeline(page).locator('li[data-kind="adminCenter"]')).toHaveCount(0);

  // Read again once Graph answers: the restart an admin started is there.
  await emulator.clearFaults();
  await note.getByRole('button', { name: 'Try again' }).click();
  await expect(note).toHaveCount(0);
  await expect(entries(page).filter({ hasText: 'Restart started by' })).toContainText(
    DEMO_ACCOUNTS.admin,
  );
});

test("Intune's audit log needs its own permission: the timeline says so and asks for it on a click; a refusal is explained", async ({
  page,
}) => {
  const d = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
  await emulator.adminCenterAction(d.id, {
    action: 'remoteLock',
    initiatedBy: DEMO_ACCOUNTS.admin,
  });
  await signIn(page, DEMO_ACCOUNTS.viewer, '', { at: `/devices/${d.id}` });
  const note = timeline(page).locator(
    '[data-testid="timeline-unavailable"][data-source="auditLog"]',
  );
  await expect(note).toContainText(
    "Not available: Intune's audit log. Your sign-in does not carry the permission to read it.",
  );
  // What the viewer may read is there all the same.
  await expect(entries(page).filter({ hasText: 'Remote lock started by' })).toContainText(
    DEMO_ACCOUNTS.admin,
  );
  const popupPromise = page.waitForEvent('popup');
  await note.getByRole('button', { name: 'Allow access' }).click();
  const popup = await popupPromise;
  await expect(popup.getByRole('heading', { name: 'Need admin approval' })).toBeVisible();
  await popup
    .getByRole('link', { name: 'Return to the application without granting access' })
    .click();
  await expect(note).toContainText('Access was not granted: your account may not read it.');
});

test('the device page with its timeline (a pinned wipe, a source not available) is axe clean, in English and German', async ({
  page,
}) => {
  const d = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
  await emulator.adminCenterAction(d.id, { action: 'retire', initiatedBy: DEMO_ACCOUNTS.admin });
  await emulator.adminCenterAction(d.id, { action: 'rebootNow', initiatedBy: DEMO_ACCOUNTS.admin });
  await emulator.faults({ rules: [{ path: 'auditEvents', status: 500 }] });
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  for (const [locale, scheme, pinnedWord] of [
    ['en', 'light', 'Retire pending'],
    ['de', 'dark', 'Außerbetriebnahme ausstehend'],
  ] as const) {
    await page
      .context()
      .addCookies([{ name: 'NEXT_LOCALE', value: locale, url: E2E.consoleOrigin }]);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`/devices/${d.id}`);
    await expect(timeline(page).getByTestId('timeline-pinned')).toContainText(pinnedWord);
    await expect(
      timeline(page).locator('[data-testid="timeline-unavailable"][data-source="auditLog"]'),
    ).toBeVisible();
    // In the page itself, as e2e/accessibility.spec.ts scans (no blank page per scan).
    const { violations } = await new AxeBuilder({ page })
      .setLegacyMode()
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .options({ resultTypes: ['violations'] })
      .analyze();
    expect(
      violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
      `axe, ${locale} ${scheme}`,
    ).toEqual([]);
  }
});
