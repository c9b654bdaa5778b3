// Debian's Chromium driven by Playwright, as the end-to-end tests drive it, and signing in through the emulator's
// account picker as an agent would.
import { chromium, type Browser, type Page } from '@playwright/test';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--disable-domain-reliability',
    ],
  });
}

/** The console's Sign in button, then the emulator's account picker; resolves once the console shows the agent. */
export async function signInInBrowser(page: Page, origin: string, upn: string): Promise<void> {
  await page.goto(`${origin}/`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Pick an account' }).waitFor();
  await page
    .getByRole('button', { name: new RegExp(upn.replace(/[.*+?^${}()|[\]\\#]/g, '\\$&')) })
    .click();
  await page.getByTestId('agent-name').waitFor({ timeout: 30_000 });
}

/** The console's redirect URIs, which the emulator must know for a browser to sign in. */
export const redirectUrisOf = (origin: string) => [`${origin}/redirect`, `${origin}/`];
