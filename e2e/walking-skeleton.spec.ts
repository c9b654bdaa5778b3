import { DEMO_ACCOUNTS } from '../emulator/constants';
import { E2E } from '../playwright.config';
import { expect, test } from './fixtures';
import { signIn } from './sign-in';

test('the helpdesk agent signs in through the emulator, sees devices, and signs out', async ({
  page,
  offLocalhost,
}) => {
  const origins = new Set<string>();
  page.on('request', (r) => origins.add(new URL(r.url()).origin));

  // The whole flow through the emulator, not a kept sign-in: this test is about signing in and out.
  await signIn(page, DEMO_ACCOUNTS.helpdesk, '', { fresh: true });

  await expect(page.getByTestId('agent-name')).toHaveText('Hanna Berger');
  const table = page.getByRole('table', { name: 'Devices matching the search' });
  await expect(table).toBeVisible();
  await expect(page.getByTestId('results-status')).toHaveText('100 devices shown; more in Intune');
  await expect(table.getByRole('link', { name: "Zoë's iPhone" }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  // Signing out ended the emulator's session too: signing in again asks for an account.
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Pick an account' })).toBeVisible();

  // The sign-in really went through the emulator and the console, and nowhere else.
  expect([...origins].sort()).toEqual([E2E.consoleOrigin, E2E.emulatorOrigin].sort());
  expect(offLocalhost).toEqual([]);
});

test("16/17: the emulator's sign-in page has an icon in the tab, and the browser asks it for no missing one", async ({
  page,
}) => {
  const missing: string[] = [];
  page.on('response', (r) => {
    if (r.status() === 404 && /favicon|icon/.test(new URL(r.url()).pathname)) missing.push(r.url());
  });
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Pick an account' })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(E2E.emulatorOrigin);
  const href = (await page.locator('head link[rel="icon"]').getAttribute('href')) ?? '';
  expect(href).toMatch(/^data:image\/svg\+xml,/);
  // The icon is a picture the browser can draw, not merely a link.
  const width = await page.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    return img.naturalWidth;
  }, href);
  expect(width).toBeGreaterThan(0);
  expect(missing).toEqual([]);
});
