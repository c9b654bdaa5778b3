// Takes the README's screenshot of the console as the helpdesk agent sees it after signing in. The picture
// is written to e2e/screenshots/ only when README_SCREENSHOT=1 (`npm run screenshot`), so that `npm test`
// leaves the work tree clean; otherwise it goes to the test's output folder.
import { DEMO_ACCOUNTS } from '../emulator/constants';
import { expect, test } from './fixtures';
import { signIn } from './sign-in';

test('screenshot of the device list for the README', async ({ page }, testInfo) => {
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  const box = page.getByRole('searchbox', { name: 'Search devices' });
  await box.fill('zoe.obrien@contoso.com');
  await box.press('Enter');
  await expect(page.getByTestId('results-status')).toHaveText('All 3 matching devices are shown.');
  await page.getByRole('searchbox', { name: 'Search devices' }).blur();
  const path = process.env.README_SCREENSHOT === '1' ? 'e2e/screenshots/console-devices.png' : testInfo.outputPath('console-devices.png');
  await page.screenshot({ path, fullPage: false });
});
