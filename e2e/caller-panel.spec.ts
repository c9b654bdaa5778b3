// The Caller panel in the passcode dialog, in English and German: every signal for a risky, disabled user on a
// jailbroken, compromised iPhone; "not available" (never "no risk") for an agent who may read none of it; a call-back
// on a number of record recorded by the server and its verificationId on the action in the audit trail.
import type { Locator } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../emulator/constants';
import { findBySerial, openDialog, postsFor } from './actions';
import { auditRecords, verificationRecord } from './audit';
import { emulator, type EmulatedDevice } from './emulator';
import { expect, test } from './fixtures';
import { signIn } from './sign-in';

const JUERGEN = 'juergen.weiss@contoso.com';

async function juergensIphone(): Promise<EmulatedDevice> {
  const [d] = await emulator.devices({ user: JUERGEN });
  if (!d) throw new Error("no Jürgen's iPhone in the seed");
  return d;
}

test.beforeEach(async () => {
  await emulator.reset();
});

/** The reads the panel could not make, by part, with their reasons. */
const unavailable = (panel: Locator, part: string) =>
  panel.locator(`[data-testid="caller-unavailable"][data-part="${part}"]`);

test.describe('in English', () => {
  test('the panel shows every signal; a call-back recorded on a number of record travels with the action', async ({
    page,
  }) => {
    const d = await juergensIphone();
    await signIn(page, DEMO_ACCOUNTS.helpdesk);
    await findBySerial(page, d);
    const dialog = await openDialog(page, d, 'Remove passcode');
    const panel = dialog.getByTestId('caller-panel');
    await expect(panel.getByRole('heading', { name: 'Caller', exact: true })).toBeVisible();
    await expect(panel.getByTestId('caller-profile')).toContainText('Jürgen Weiß');
    await expect(panel.getByTestId('caller-profile')).toContainText('Controller · Finance');
    await expect(panel.getByTestId('caller-account')).toHaveText('Disabled');
    const signals = panel.getByTestId('caller-signals');
    await expect(signals.locator('[data-signal="userRisk"]')).toHaveAttribute(
      'data-risk-level',
      'high',
    );
    await expect(signals.locator('[data-signal="userRisk"]')).toContainText(
      'user risk high (at risk)',
    );
    await expect(signals.locator('[data-signal="jailBroken"]')).toContainText('jailbroken');
    await expect(signals.locator('[data-signal="threat"]')).toContainText('compromised');
    await expect(signals.locator('[data-signal="disabled"]')).toContainText('account is disabled');
    await expect(signals.locator('[data-signal="noRecentAction"]')).toBeVisible();
    await expect(panel).toContainText('+49 1511 2345678');
    await expect(panel).toContainText('+49 1722 9876543');
    await expect(panel.getByTestId('caller-manager')).toContainText('+49 1701 5554321');

    // A call-back on the registered alternate mobile: the browser sends the number's ref, the server records the
    // last digits it read again from Graph.
    const verify = panel.getByTestId('verification');
    await verify.getByLabel('Called back on a number of record').check();
    await verify.getByRole('radio', { name: /\+49 1722 9876543/ }).check();
    await verify.getByTestId('record-verification').click();
    const recorded = verify.getByTestId('verification-recorded');
    await expect(recorded).toContainText('called back on the number ending 6543');
    const verificationId = await recorded.getAttribute('data-verification-id');
    expect(verificationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(verificationRecord(verificationId ?? '')).toMatchObject({
      method: 'callBack',
      verified: 1,
      subject_upn: JUERGEN,
    });
    expect(verificationRecord(verificationId ?? '')?.evidence).not.toContain('9876543');

    await dialog.getByLabel('Ticket reference').fill('INC-4711');
    await dialog.getByTestId('confirm-action').click();
    await expect(dialog.getByTestId('action-result')).toHaveAttribute('data-result', 'accepted');
    expect(await postsFor(d)).toHaveLength(1);
    const intent = auditRecords(d.id).find((r) => r.kind === 'intent');
    expect(intent?.verification_id).toBe(verificationId);
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Opened again: the action just taken is a signal now.
    const again = await openDialog(page, d, 'Remove passcode');
    await expect(
      again.getByTestId('caller-signals').locator('[data-signal="recentAction"]'),
    ).toContainText('1 passcode action on this user’s devices in the last 30 days');
    await again.getByRole('button', { name: 'Cancel' }).click();

    // A device in Zoë's list that she only enrolled: the panel is about its primary user, whom the caller must be.
    const [ipad] = await emulator.devices({ deviceName: 'Shared iPad Reception' });
    if (!ipad) throw new Error('no Shared iPad Reception in the seed');
    const box = page.getByRole('searchbox', { name: 'Search devices' });
    await box.fill('zoe.obrien@contoso.com');
    await box.press('Enter');
    const row = page.getByTestId('device-row').filter({ hasText: 'Shared iPad Reception' });
    const primaryName = (await row.locator('td:nth-child(2) div').first().textContent()) ?? '';
    expect(primaryName).not.toBe('');
    const ipadDialog = await openDialog(page, ipad, 'Remove passcode');
    await expect(ipadDialog.getByRole('list', { name: 'Warnings' })).toContainText(
      `its primary user is ${primaryName}`,
    );
    const ipadPanel = ipadDialog.getByTestId('caller-panel');
    await expect(ipadPanel.getByTestId('caller-profile')).toContainText(primaryName);
    await expect(ipadPanel.getByTestId('caller-profile')).not.toContainText('Zoë');
  });

  test('an agent who may read none of it sees "not available" with the reason, never "no risk"', async ({
    page,
  }) => {
    const d = await juergensIphone();
    await signIn(page, DEMO_ACCOUNTS.readOnly);
    await findBySerial(page, d);
    const dialog = await openDialog(page, d, 'Remove passcode');
    const panel = dialog.getByTestId('caller-panel');
    for (const part of ['profile', 'manager', 'phoneMethods', 'risk'])
      await expect(unavailable(panel, part), part).toHaveAttribute(
        'data-reason',
        'consentRequired',
      );
    await expect(unavailable(panel, 'phoneMethods')).toContainText(
      'Not available: your sign-in does not carry the permission to read registered methods',
    );
    await expect(unavailable(panel, 'risk')).toContainText('This is not “no risk”.');
    await expect(panel.locator('[data-signal="userRisk"]')).toHaveCount(0);
    // The device's own signals come with the device, which this agent may read.
    await expect(panel.locator('[data-signal="jailBroken"]')).toBeVisible();
    // Asked for on the click, incrementally: Entra ID's admin approval page, since nobody granted them to him.
    const popupPromise = page.waitForEvent('popup');
    await panel.getByRole('button', { name: 'Ask for the permissions' }).click();
    const popup = await popupPromise;
    await expect(popup.getByRole('heading', { name: 'Need admin approval' })).toBeVisible();
    await expect(popup.getByText('UserAuthenticationMethod.Read.All')).toBeVisible();
    await popup
      .getByRole('link', { name: 'Return to the application without granting access' })
      .click();
    await expect(panel.getByTestId('caller-consent-refused')).toHaveText(
      'The permissions were not granted: an administrator must grant them to your account.',
    );
    await expect(unavailable(panel, 'risk')).toHaveAttribute('data-reason', 'consentRequired');
  });
});

test.describe('in German', () => {
  test.use({ locale: 'de-DE' });

  test('the panel and its "not available" in German', async ({ page }) => {
    const d = await juergensIphone();
    await signIn(page, DEMO_ACCOUNTS.helpdesk);
    await findBySerial(page, d, 'Geräte suchen');
    const dialog = page.getByRole('alertdialog');
    await page
      .getByRole('button', { name: new RegExp(`^Kennung entfernen: .*${d.serialNumber}`) })
      .click();
    await expect(dialog).toBeVisible();
    const panel = dialog.getByTestId('caller-panel');
    await expect(
      panel.getByRole('heading', { name: 'Anrufende Person', exact: true }),
    ).toBeVisible();
    await expect(panel.getByTestId('caller-account')).toHaveText('Deaktiviert');
    await expect(panel.locator('[data-signal="userRisk"]')).toContainText(
      'Benutzerrisiko hoch (Status: gefährdet)',
    );
    await expect(panel.locator('[data-signal="threat"]')).toContainText('kompromittiert');
    await expect(panel.getByTestId('verification')).toContainText(
      'Wie wurde die anrufende Person überprüft?',
    );
  });

  test('an agent who may read none of it: "Nicht verfügbar", never "kein Risiko"', async ({
    page,
  }) => {
    const d = await juergensIphone();
    await signIn(page, DEMO_ACCOUNTS.readOnly);
    await findBySerial(page, d, 'Geräte suchen');
    await page
      .getByRole('button', { name: new RegExp(`^Kennung entfernen: .*${d.serialNumber}`) })
      .click();
    const none = page.getByRole('alertdialog').getByTestId('caller-panel');
    await expect(unavailable(none, 'risk')).toContainText('Nicht verfügbar');
    await expect(unavailable(none, 'risk')).toContainText('Das heißt nicht „kein Risiko“.');
    await expect(none.locator('[data-signal="userRisk"]')).toHaveCount(0);
  });
});
