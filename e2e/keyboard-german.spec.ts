// Issue 8/11, must hold: a complete passcode action done with the keyboard alone, in German: sign in through the
// identity provider, search, move into the results, open the dialog with r, type the ticket, confirm, close, and
// follow the action in the tray until it is done, and reach its Done toast (Alt+T). No mouse event anywhere.
import type { Locator } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../emulator/constants';
import { freshDevice } from './actions';
import { emulator } from './emulator';
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';

// German in the dark scheme: the Done toast at the end is scanned by axe there (the tray test scans it in light).
test.use({ locale: 'de-DE', colorScheme: 'dark' });

test.beforeEach(async () => {
  await emulator.reset();
});

test('a complete passcode action with the keyboard alone: sign in, find, confirm, follow it to done', async ({
  page,
}) => {
  await emulator.timings({ pickupMs: 1500, completeMs: 1500 });
  const d = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
  const tabTo = async (target: Locator) => {
    for (let i = 0; i < 20 && !(await target.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    await expect(target).toBeFocused();
  };

  await page.goto('/');
  await tabTo(page.getByRole('button', { name: 'Anmelden' }));
  await page.keyboard.press('Enter');
  await tabTo(
    page.getByRole('button', { name: new RegExp(DEMO_ACCOUNTS.helpdesk.replace('.', '\\.')) }),
  );
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('agent-name')).toHaveText('Hanna Berger');

  const search = page.getByRole('searchbox', { name: 'Geräte suchen' });
  await expect(search).toBeFocused();
  await page.keyboard.type(d.serialNumber);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('results-status')).toHaveText(
    'Das einzige passende Gerät wird angezeigt.',
  );
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('device-row').first()).toBeFocused();
  await page.keyboard.press('r');
  const dialog = page.getByRole('alertdialog');
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(
    `Kennung entfernen auf „${d.deviceName}“?`,
  );
  await expect(dialog.getByLabel('Ticketnummer')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByText('Geben Sie die Ticketnummer ein.')).toBeVisible();
  await page.keyboard.type('inc-4711'); // upper-cased as typed
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(
    `Kennung entfernen: Intune hat die Anforderung für „${d.deviceName}“ angenommen`,
  );
  await expect(dialog.getByRole('button', { name: 'Schließen' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(
    page.getByRole('button', {
      name: `Kennung entfernen: ${d.deviceName}, Seriennummer ${d.serialNumber}`,
    }),
  ).toBeFocused();

  const item = page.getByTestId('tray-item').filter({ hasText: d.serialNumber });
  await expect(item).toContainText('Kennung entfernen · Ticket INC-4711');
  await expect(item).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  await expect(item.locator('[data-hint="done"]')).toHaveText(
    'Abgeschlossen: Die Kennung ist entfernt. Sagen Sie der anrufenden Person, dass das Telefon entsperrt ist und sie eine neue Kennung festlegen soll, wenn es danach fragt.',
  );
  await expect(page.getByTestId('tray-announcement')).toHaveText(
    `${d.deviceName} (INC-4711): Abgeschlossen`,
  );
  // The toast says it too; Alt+T (the toaster's own key) takes the keyboard to it and holds it on screen, fully faded
  // in, while axe scans it in German and the dark scheme.
  const toast = page
    .locator('[data-sonner-toast]')
    .filter({ hasText: '(INC-4711): Abgeschlossen' });
  await expect(toast).toBeVisible();
  await page.keyboard.press('Alt+KeyT');
  await expect(toast).toHaveCSS('opacity', '1');
  await expectAccessible(page, 'the Done toast (de, dark)');
});
