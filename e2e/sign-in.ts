// Signing in as a person would: the console's button, then the emulator's account picker.
//
// The first sign-in of an account at a console in a worker goes through the whole flow; what it leaves behind in the
// browser (MSAL's cache in the tab's sessionStorage, the emulator's session cookie) is kept, and later tests of that
// worker start from it: the page loads signed in, exactly as a tab that signed in a moment ago would. That saves the
// two redirects and the account picker (about 2–4 s) in every test that is not about signing in. Tests that are (the
// walking skeleton, sign-out, the tokens the emulator issues) ask for `{ fresh: true }`; a kept sign-in is not used
// once the emulator's clock has moved on by half an hour (tokens would have expired); E2E_FRESH_SIGN_IN=1 makes
// every sign-in a fresh one. A test that starts on another page than the device list says which (`at`): a kept sign-in
// then loads that page first, as a signed-in tab opening a link would, instead of the list and then the page (a page
// load is most of the browser's CPU in a short test, and the suite is CPU-bound).
import type { Cookie, Page } from '@playwright/test';
import { E2E } from '../playwright.config';
import { emulator } from './emulator';
import { expect } from './fixtures';

/** The console's sign-in button, in either of its languages (the emulator's own pages are English). */
export const SIGN_IN = /^(Sign in|Anmelden)$/;

/** The emulator's session cookie (Entra's ESTSAUTH), which single sign-on and silent renewal use. */
const SESSION_COOKIE = 'emulator_estsauth';
/** Marks a tab that has been given a kept sign-in, so that a later navigation (after a sign-out) does not again. */
const RESTORED = 'e2e.sign-in-restored';

interface KeptSignIn {
  storage: [string, string][];
  cookies: Cookie[];
  /** The emulator's clock when it was kept: tokens expire by that clock, which tests move on. */
  issuedAt: number;
}
/** A kept sign-in is used while the emulator's clock is this close to when it was kept (tokens live an hour). */
const KEEP_FOR_MS = 30 * 60_000;
const kept = new Map<string, KeptSignIn>();

/**
 * The header names the signed-in agent (rendered only for a signed-in account): attached, not visible, because on a
 * phone the name sits behind the header's Menu.
 */
const expectSignedIn = (page: Page) => expect(page.getByTestId('agent-name')).toBeAttached();

export async function signIn(
  page: Page,
  upn: string,
  origin = '',
  options: { fresh?: boolean; at?: string } = {},
): Promise<void> {
  const start = `${origin}${options.at ?? '/'}`;
  const consoleOrigin = origin || E2E.consoleOrigin;
  const key = `${consoleOrigin} ${upn.toLowerCase()}`;
  const candidate =
    options.fresh || process.env.E2E_FRESH_SIGN_IN === '1' ? undefined : kept.get(key);
  const emulatorNow = await emulator.clockNow();
  const saved =
    candidate && Math.abs(emulatorNow - candidate.issuedAt) < KEEP_FOR_MS ? candidate : undefined;
  if (saved) {
    await page.context().addCookies(saved.cookies);
    await page.addInitScript(
      ({ at, entries, flag }) => {
        if (window.location.origin !== at || window.sessionStorage.getItem(flag)) return;
        window.sessionStorage.setItem(flag, '1');
        for (const [k, v] of entries) window.sessionStorage.setItem(k, v);
      },
      { at: consoleOrigin, entries: saved.storage, flag: RESTORED },
    );
    await page.goto(start);
    await expectSignedIn(page);
    return;
  }
  await page.goto(`${origin}/`);
  await page.getByRole('button', { name: SIGN_IN }).click();
  await expect(page.getByRole('heading', { name: 'Pick an account' })).toBeVisible();
  await page
    .getByRole('button', { name: new RegExp(upn.replace(/[.*+?^${}()|[\]\\#]/g, '\\$&')) })
    .click();
  await expectSignedIn(page);
  if (!options.fresh) {
    // Kept as the sign-in left it, before the test asks for anything more (consent to another scope, say).
    const storage = await page.evaluate(() => Object.entries(window.sessionStorage));
    const cookies = (await page.context().cookies()).filter((c) => c.name === SESSION_COOKIE);
    kept.set(key, { storage, cookies, issuedAt: emulatorNow });
  }
  if (options.at) {
    await page.goto(start);
    await expectSignedIn(page);
  }
}

/** A second tab of a browser already signed in at the identity provider: single sign-on, no account picker. */
export async function signInWithSession(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: SIGN_IN }).click();
  await expectSignedIn(page);
}
