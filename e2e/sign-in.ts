// Signing in as a person would: the console's button, then the emulator's account picker.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** The console's sign-in button, in either of its languages (the emulator's own pages are English). */
export const SIGN_IN = /^(Sign in|Anmelden)$/;

export async function signIn(page: Page, upn: string, origin = ''): Promise<void> {
  await page.goto(`${origin}/`);
  await page.getByRole('button', { name: SIGN_IN }).click();
  await expect(page.getByRole('heading', { name: 'Pick an account' })).toBeVisible();
  await page
    .getByRole('button', { name: new RegExp(upn.replace(/[.*+?^${}()|[\]\\#]/g, '\\$&')) })
    .click();
  await expect(page.getByTestId('agent-name')).toBeVisible();
}

/** A second tab of a browser already signed in at the identity provider: single sign-on, no account picker. */
export async function signInWithSession(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: SIGN_IN }).click();
  await expect(page.getByTestId('agent-name')).toBeVisible();
}
