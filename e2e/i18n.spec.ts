// German and English: the language follows the browser's Accept-Language, can be switched in the header, is
// remembered for the browser, and sets <html lang>; URLs carry no locale. Plurals, dates with the time zone and
// relative times follow the language; validation messages and the console's own error codes are translated,
// while Graph's own message stays as Graph wrote it.
import { DEMO_ACCOUNTS } from '../emulator/constants';
import { freshDevice } from './actions';
import { emulator } from './emulator';
import { expect, test } from './fixtures';
import { signIn } from './sign-in';

const searchFor = async (page: import('@playwright/test').Page, label: string, text: string) => {
  const box = page.getByRole('searchbox', { name: label });
  await box.fill(text);
  await box.press('Enter');
};

test.beforeEach(async () => {
  await emulator.reset();
});

test.describe('a German browser', () => {
  test.use({ locale: 'de-DE' });

  test("gets German from Accept-Language: words, plurals, Intune's terms, dates with time zone and relative times", async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.getByRole('button', { name: 'Anmelden' })).toBeVisible();
    await signIn(page, DEMO_ACCOUNTS.helpdesk);

    await searchFor(page, 'Geräte suchen', 'zoe.obrien@contoso.com');
    await expect(page).toHaveURL(/\/\?q=zoe\.obrien%40contoso\.com$/); // no locale in the URL
    await expect(
      page.getByText('Suche nach den Geräten eines Benutzers per E-Mail oder UPN'),
    ).toBeVisible();
    await expect(page.getByTestId('results-status')).toHaveText(
      'Alle 3 passenden Geräte werden angezeigt.',
    );
    await expect(page.getByRole('columnheader', { name: /Letzte Synchronisierung/ })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: /Konformität/ })).toBeVisible();
    const iphones = page.getByTestId('device-row').filter({ hasText: "Zoë's iPhone" });
    await expect(
      iphones.getByRole('button', { name: /^Kennung entfernen: Zoë's iPhone, Seriennummer \w+$/ }),
    ).toHaveCount(2);
    await expect(iphones.first().locator('[data-warning="sameName"]')).toHaveAttribute(
      'title',
      /^2 Geräte namens „Zoë's iPhone“ für diesen Benutzer/,
    );
    await expect(
      page.getByTestId('device-row').getByTestId('last-sync-relative').first(),
    ).toHaveText(/^vor \d+ \S+$/);
    await expect(page.getByTestId('device-row').locator('time').first()).toHaveText(
      /^\d{1,2}\. \S+ \d{4}$/,
    );

    // One device: the singular.
    const phone = await freshDevice({ mode: 'iosAutomatedEnrollment' });
    await searchFor(page, 'Geräte suchen', phone?.serialNumber ?? 'none');
    await expect(page.getByTestId('results-status')).toHaveText(
      'Das einzige passende Gerät wird angezeigt.',
    );

    // The device page: German labels, a date with the Berlin time zone, and how long ago.
    await page.getByTestId('device-row').getByRole('link').click();
    await expect(page.getByRole('heading', { name: 'Aktionsverlauf' })).toBeVisible();
    await expect(
      page.getByText('Für dieses Gerät sind keine Remoteaktionen verzeichnet.'),
    ).toBeVisible();
    const lastSync = page
      .locator('dt', { hasText: 'Letzte Synchronisierung' })
      .locator('xpath=following-sibling::dd[1]');
    await expect(lastSync).toHaveText(
      /^\d{1,2}\. \S+ \d{4}, \d\d:\d\d (MEZ|MESZ) \(vor \d+ \S+\)$/,
    );
    // Graph's enum values in words from the catalog, not Graph's raw names.
    const field = (label: string) =>
      page.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
    await expect(field('Registrierungstyp')).toHaveText(
      'Automatisierte Apple-Registrierung mit Benutzeraffinität',
    );
    await expect(field('Verwaltungsstatus')).toHaveText('Verwaltet');
  });

  test('validation and the confirm dialog speak German', async ({ page }) => {
    const d = await freshDevice({ mode: 'iosAutomatedEnrollment' });
    await signIn(page, DEMO_ACCOUNTS.helpdesk);
    await searchFor(page, 'Geräte suchen', d.serialNumber);
    await page
      .getByRole('button', {
        name: `Kennung entfernen: ${d.deviceName}, Seriennummer ${d.serialNumber}`,
      })
      .click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(
      `Kennung entfernen auf „${d.deviceName}“?`,
    );
    await expect(dialog.getByTestId('graph-action')).toHaveText('Graph-Aktion: resetPasscode');
    await dialog.getByTestId('confirm-action').click();
    await expect(dialog.getByText('Geben Sie die Ticketnummer ein.')).toBeVisible();
    await dialog.getByLabel('Ticketnummer').fill('Anruf');
    await dialog.getByTestId('confirm-action').click();
    await expect(dialog.getByText('Die Ticketnummer muss wie INC-12345 aussehen.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await expect(dialog).toHaveCount(0);
  });

  test("the console's own errors are German; Graph's message stays as Graph wrote it", async ({
    page,
  }) => {
    const [outside] = await emulator.devices({ scopeTag: 'AMER', limit: '1' });
    await signIn(page, DEMO_ACCOUNTS.helpdesk, '', { at: `/devices/${outside?.id}` });
    const alert = page
      .getByRole('alert')
      .filter({ hasText: 'Dieses Gerät konnte nicht geladen werden.' });
    await expect(alert).toContainText(
      'Ihre Intune-Rolle deckt das nicht ab: Das Gerät liegt außerhalb ihrer Bereichsmarkierungen',
    );
    await expect(alert).toContainText('Meldung von Microsoft Graph: ');
    await expect(alert.getByRole('button', { name: 'Details kopieren' })).toBeVisible();

    await page.goto('/?stale=3');
    const invalid = page
      .getByRole('alert')
      .filter({ hasText: 'Diese Suche kann nicht ausgeführt werden.' });
    await expect(invalid).toContainText('Wählen Sie 7, 14, 30 oder 90 Tage.');
  });
});

test('the language can be switched in the header, keeps the page as it is, and is remembered', async ({
  page,
  context,
}) => {
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await searchFor(page, 'Search devices', 'zoe.obrien@contoso.com');
  await expect(page.getByTestId('results-status')).toHaveText('All 3 matching devices are shown.');

  await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
  await expect(page.getByTestId('results-status')).toHaveText(
    'Alle 3 passenden Geräte werden angezeigt.',
  );
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page).toHaveURL(/\/\?q=zoe\.obrien%40contoso\.com$/);
  await expect(page.getByRole('searchbox', { name: 'Geräte suchen' })).toHaveValue(
    'zoe.obrien@contoso.com',
  );
  expect((await context.cookies()).find((c) => c.name === 'NEXT_LOCALE')).toMatchObject({
    value: 'de',
    httpOnly: true,
    sameSite: 'Lax',
  });

  // Remembered over the English Accept-Language: a reload and a new tab are German.
  await page.reload();
  await expect(page.getByTestId('results-status')).toHaveText(
    'Alle 3 passenden Geräte werden angezeigt.',
  );
  const other = await context.newPage();
  await other.goto('/');
  await expect(other.locator('html')).toHaveAttribute('lang', 'de');
  await expect(other.getByRole('button', { name: 'Anmelden' })).toBeVisible(); // a new tab signs in on its own (sessionStorage)

  await page.getByRole('combobox', { name: 'Sprache' }).selectOption('en');
  await expect(page.getByTestId('results-status')).toHaveText('All 3 matching devices are shown.');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
