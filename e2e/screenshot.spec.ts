// Takes the README's screenshots of the console as the helpdesk agent sees it: the device list (light, dark, and
// on a phone), a device page in German with an action under way, and an Android reset with its temporary passcode
// shown. The pictures are written to e2e/screenshots/ only when README_SCREENSHOT=1 (`npm run screenshot`), so
// that `npm test` leaves the work tree clean; otherwise they go to the test's output folder.
import type { Page, TestInfo } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../emulator/constants';
import { confirm, freshDevice } from './actions';
import { emulator } from './emulator';
import { expect, test } from './fixtures';
import { signIn } from './sign-in';

const target = (testInfo: TestInfo, name: string) =>
  process.env.README_SCREENSHOT === '1' ? `e2e/screenshots/${name}` : testInfo.outputPath(name);

async function zoesDevices(
  page: Page,
  label = 'Search devices',
  shown = 'All 3 matching devices are shown.',
) {
  const box = page.getByRole('searchbox', { name: label });
  await box.fill('zoe.obrien@contoso.com');
  await box.press('Enter');
  await expect(page.getByTestId('results-status')).toHaveText(shown);
  await box.blur();
}

test('screenshot of the device list for the README', async ({ page }, testInfo) => {
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await zoesDevices(page);
  await expect(
    page.getByTestId('device-row').getByRole('button', { name: /^Remove passcode/ }),
  ).toHaveCount(3);
  await page.screenshot({ path: target(testInfo, 'console-devices.png'), fullPage: false });
});

test.describe('dark', () => {
  test.use({ colorScheme: 'dark' });
  test('screenshot of the device list in the dark theme for the README', async ({
    page,
  }, testInfo) => {
    await signIn(page, DEMO_ACCOUNTS.helpdesk);
    await zoesDevices(page);
    await expect(page.locator('html')).toHaveClass(/\bdark\b/);
    await page.screenshot({ path: target(testInfo, 'console-devices-dark.png'), fullPage: false });
  });
});

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('screenshot of the device cards on a phone for the README', async ({ page }, testInfo) => {
    await signIn(page, DEMO_ACCOUNTS.helpdesk);
    await zoesDevices(page);
    await expect(page.getByTestId('device-card')).toHaveCount(3);
    await page.screenshot({ path: target(testInfo, 'console-phone.png'), fullPage: false });
  });
});

test.describe('German', () => {
  test.use({ locale: 'de-DE' });
  test('screenshot of a device page in German with an action under way for the README', async ({
    page,
  }, testInfo) => {
    await emulator.reset();
    await emulator.timings({ pickupMs: 600_000, completeMs: 1000 });
    const d = await freshDevice({ mode: 'androidFullyManaged', scenario: 'online' });
    await signIn(page, DEMO_ACCOUNTS.helpdesk, '', { at: `/devices/${d.id}` });
    const dialog = await (async () => {
      await page
        .getByRole('button', {
          name: `Kennung zurücksetzen: ${d.deviceName}, Seriennummer ${d.serialNumber}`,
        })
        .click();
      const dlg = page.getByRole('alertdialog');
      await dlg.getByLabel('Ticketnummer').fill('INC-40417');
      await dlg.getByTestId('confirm-action').click();
      return dlg;
    })();
    await expect(dialog.getByTestId('action-result')).toHaveAttribute('data-result', 'accepted');
    await dialog.getByRole('button', { name: 'Schließen' }).click();
    await expect(page.getByTestId('history-ours')).toContainText('Hanna Berger, Ticket INC-40417');
    await page.screenshot({ path: target(testInfo, 'device-page-de.png'), fullPage: false });
  });
});

test('screenshot of an Android reset with its temporary passcode for the README', async ({
  page,
}, testInfo) => {
  await emulator.reset();
  await emulator.timings({ pickupMs: 1000, completeMs: 1000 });
  const d = await freshDevice({ mode: 'androidCorporateWorkProfile', scenario: 'online' });
  await signIn(page, DEMO_ACCOUNTS.helpdesk, '', { at: `/devices/${d.id}` });
  const dialog = await confirm(page, d, 'Reset work profile passcode', 'INC-40418');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('device-action')).toHaveAttribute('data-state', 'done', {
    timeout: 20_000,
  });
  await page.getByRole('main').getByTestId('show-passcode').click();
  await expect(page.getByTestId('passcode-value')).toHaveText(/^\d{4} \d{4}$/);
  await page.screenshot({ path: target(testInfo, 'passcode-reveal.png'), fullPage: false });
});
