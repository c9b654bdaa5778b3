// Takes the README's screenshots of the console as the helpdesk agent sees it: the device list with each
// device's passcode action, and an Android reset with its temporary passcode shown. The pictures are written to
// e2e/screenshots/ only when README_SCREENSHOT=1 (`npm run screenshot`), so that `npm test` leaves the work tree
// clean; otherwise they go to the test's output folder.
import type { TestInfo } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../emulator/constants';
import { emulator } from './emulator';
import { expect, test } from './fixtures';
import { signIn } from './sign-in';

const target = (testInfo: TestInfo, name: string) =>
  (process.env.README_SCREENSHOT === '1' ? `e2e/screenshots/${name}` : testInfo.outputPath(name));

test('screenshot of the device list for the README', async ({ page }, testInfo) => {
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  const box = page.getByRole('searchbox', { name: 'Search devices' });
  await box.fill('zoe.obrien@contoso.com');
  await box.press('Enter');
  await expect(page.getByTestId('results-status')).toHaveText('All 3 matching devices are shown.');
  await expect(page.getByTestId('device-row').getByRole('button', { name: /^Remove passcode/ })).toHaveCount(3);
  await page.getByRole('searchbox', { name: 'Search devices' }).blur();
  await page.screenshot({ path: target(testInfo, 'console-devices.png'), fullPage: false });
});

test('screenshot of an Android reset with its temporary passcode for the README', async ({ page }, testInfo) => {
  await emulator.reset();
  await emulator.timings({ pickupMs: 1000, completeMs: 1000 });
  const [d] = (await emulator.devices({ scopeTag: 'EMEA', mode: 'androidCorporateWorkProfile', scenario: 'online', limit: '50' }))
    .filter((x) => /\d/.test(x.serialNumber)).slice(-1);
  if (!d) throw new Error('no corporate work profile device');
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await page.goto(`/devices/${d.id}`);
  await page.getByRole('button', { name: new RegExp(`^Reset work profile passcode: `) }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.getByLabel('Ticket reference').fill('INC-40417');
  await dialog.getByTestId('confirm-action').click();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('device-action')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  await page.getByRole('main').getByTestId('show-passcode').click();
  await expect(page.getByRole('main').getByTestId('passcode-value')).toHaveText(/^\d{8}$/);
  await page.screenshot({ path: target(testInfo, 'passcode-reveal.png'), fullPage: false });
});
