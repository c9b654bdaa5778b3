// Issue 8/11, keyboard: arrow-down from the search box into the results, one Tab stop for the sort headers, the
// single-key shortcuts (/ j k Enter r t ?), and a focus ring that stands out on every background. Issue 16/17: a
// shift of callers by keyboard alone, the shortcuts from a row's button, the skip link to the tray two Tabs after
// the search box, the ticket field in view from the first key typed after `r`, and the result's Close in view, on a
// phone too.
import type { Locator, Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../emulator/constants';
import { actionButton, freshDevice, openTray, trayItem } from './actions';
import { emulator } from './emulator';
import { expect, test } from './fixtures';
import { signIn } from './sign-in';

test.beforeEach(async ({ page }) => {
  await emulator.reset();
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
});

const rows = (page: Page) => page.getByTestId('device-row');

async function searchFor(page: Page, text: string, expected: string) {
  const box = page.getByRole('searchbox', { name: 'Search devices' });
  await box.fill(text);
  await box.press('Enter');
  await expect(page.getByTestId('results-status')).toHaveText(expected);
}

test('arrow-down moves from the search box into the results; j and k move; Enter opens the device', async ({
  page,
}) => {
  await searchFor(page, 'zoe.obrien@contoso.com', 'All 3 matching devices are shown.');
  await page.getByRole('searchbox', { name: 'Search devices' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(rows(page).nth(0)).toBeFocused();
  await page.keyboard.press('j');
  await expect(rows(page).nth(1)).toBeFocused();
  await page.keyboard.press('j');
  await expect(rows(page).nth(2)).toBeFocused();
  await page.keyboard.press('k');
  await expect(rows(page).nth(1)).toBeFocused();
  const name = (await rows(page).nth(1).getByRole('link').textContent()) ?? '';
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
});

test('the sort headers are one Tab stop; arrows move between them and Enter sorts', async ({
  page,
}) => {
  await searchFor(page, 'zoe.obrien@contoso.com', 'All 3 matching devices are shown.');
  const headers = page.getByRole('columnheader').getByRole('button');
  await expect(headers).toHaveCount(7);
  await expect(headers.and(page.locator('[tabindex="0"]'))).toHaveCount(1);
  // Tab from the last filter reaches the header once, and the next Tab leaves the header row.
  await page.getByRole('combobox', { name: 'Last sync' }).focus();
  await page.keyboard.press('Tab');
  await expect(headers.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(headers.nth(2)).toBeFocused();
  await page.keyboard.press('End');
  await expect(headers.nth(6)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('columnheader', { name: /Last sync/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('thead') === null)).toBe(true);
  await page.keyboard.press('Shift+Tab');
  await expect(headers.nth(6)).toBeFocused(); // the header row remembers its column
});

test('r opens the confirm dialog of the selected device, from the list and from the device page; focus comes back', async ({
  page,
}) => {
  const d = await freshDevice({ mode: 'iosAutomatedEnrollment' });
  await searchFor(page, d.serialNumber, 'The one matching device is shown.');
  await page.getByRole('searchbox', { name: 'Search devices' }).press('ArrowDown');
  await expect(rows(page).nth(0)).toBeFocused();
  await page.keyboard.press('r');
  const dialog = page.getByRole('alertdialog');
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(
    `Remove passcode on “${d.deviceName}”?`,
  );
  await expect(dialog.getByLabel('Ticket reference')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(actionButton(page, d, 'Remove passcode')).toBeFocused();

  // On a phone, from the device page: the dialog opens at its top (what will happen, what to check), the ticket field
  // focused below the fold; the first key typed brings it into view above the footer.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/devices/${d.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(d.deviceName);
  await page.keyboard.press('r');
  await expect(page.getByRole('alertdialog').getByRole('heading', { level: 2 })).toHaveText(
    `Remove passcode on “${d.deviceName}”?`,
  );
  await expect(dialog.getByTestId('caller-profile')).toBeVisible();
  await expect(dialog.getByRole('heading', { level: 2 })).toBeInViewport({ ratio: 1 });
  await expect(dialog.getByLabel('Ticket reference')).toBeFocused();
  // While the dialog is open, its keys are its own: r types into the ticket field.
  await page.keyboard.press('r');
  await expect(page.getByRole('alertdialog').getByLabel('Ticket reference')).toHaveValue('R');
  await expectAboveFooter(dialog.getByLabel('Ticket reference'), dialog);
  // The result view's Close is in the sticky footer: on the phone's screen with the view's body scrolled to its top.
  await dialog.getByLabel('Ticket reference').fill('INC-4301');
  await page.keyboard.press('Enter');
  const close = dialog.getByRole('button', { name: 'Close' });
  await expect(close).toBeFocused();
  await dialog.evaluate((el) => el.scrollTo(0, 0));
  await expect(close).toBeInViewport({ ratio: 1 });
});

test('t shows and collapses the tray; ? lists every shortcut; / goes to the search box', async ({
  page,
}) => {
  await openTray(page);
  await expect(page.locator('#actions-tray')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search devices' }).blur(); // it has the focus on arrival, and takes letters
  await page.keyboard.press('t');
  await expect(page.locator('#actions-tray')).toHaveCount(0);
  await page.keyboard.press('t');
  await expect(page.locator('#actions-tray')).toBeVisible();

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  for (const key of ['/', 'j', 'k', 'Enter', 'r', 't', '?'])
    await expect(
      help.locator('kbd', { hasText: new RegExp(`^${key.replace(/[?/]/, '\\$&')}$`) }),
    ).toHaveCount(1);
  await expect(help).toContainText(
    'Start the passcode action of the selected or open device (through its confirm dialog)',
  );
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  await page.getByTestId('shortcuts-open').blur();
  // The closed dialog hands the keyboard back a moment after it leaves the page: press again until it has.
  await expect(async () => {
    await page.keyboard.press('/');
    await expect(page.getByRole('searchbox', { name: 'Search devices' })).toBeFocused({
      timeout: 1_000,
    });
  }).toPass({ timeout: 10_000 });
});

test('three callers in a row by keyboard only', async ({ page }) => {
  const callers = [
    await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' }),
    await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' }),
    await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' }),
  ];
  const box = page.getByRole('searchbox', { name: 'Search devices' });
  const dialog = page.getByRole('alertdialog');
  await expect(box).toBeFocused(); // where the page puts the agent on arrival
  for (const [i, d] of callers.entries()) {
    // From the last caller's action button (where Close left the focus), with no pause: `/` takes the search box
    // and selects what it held, so not one letter of the next serial is lost or lands elsewhere.
    if (i > 0) await page.keyboard.press('/');
    await page.keyboard.type(d.serialNumber);
    await page.keyboard.press('Enter');
    await expect(box).toHaveValue(d.serialNumber);
    await expect(page.getByTestId('results-status')).toHaveText(
      'The one matching device is shown.',
    );
    await expect(dialog).toHaveCount(0); // Enter searched; it did not reopen the last caller's dialog
    await expect(rows(page)).toContainText(d.serialNumber);
    await page.keyboard.press('ArrowDown');
    if (i === 1) {
      // Tab to the row's button and Enter: the button's Enter opens the dialog, not the row's (the device page).
      await page.keyboard.press('Tab');
      await expect(actionButton(page, d, 'Remove passcode')).toBeFocused();
      await page.keyboard.press('Enter');
    } else {
      await page.keyboard.press('r');
    }
    await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(
      `Remove passcode on “${d.deviceName}”?`,
    );
    await expect(dialog.getByText(d.serialNumber, { exact: true })).toBeVisible();
    await expect(dialog.getByLabel('Ticket reference')).toBeFocused();
    await page.keyboard.type(`inc-${4201 + i}`);
    if (i === 0) await expectAboveFooter(dialog.getByLabel('Ticket reference'), dialog);
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(
      `Remove passcode: Intune accepted the request for “${d.deviceName}”`,
    );
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(actionButton(page, d, 'Remove passcode')).toBeFocused();
    expect(new URL(page.url()).pathname).toBe('/');
  }
  for (const d of callers)
    await expect(trayItem(page, d)).toContainText(`INC-${4201 + callers.indexOf(d)}`);

  // The shortcuts work from the button too: t collapses the tray. Two Tabs forwards from the search box, where the
  // page puts the agent, a skip link that shows only with the focus opens the tray again and takes the keyboard into
  // it, past the filters and the results.
  const skip = page.getByTestId('skip-to-tray-from-search');
  await page.keyboard.press('t');
  await expect(page.locator('#actions-tray')).toHaveCount(0);
  expect((await skip.boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);
  await page.keyboard.press('/');
  await expect(box).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Search', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await expect(skip).toHaveText('Skip to actions tray');
  await expect(skip).toBeInViewport({ ratio: 1 });
  expect((await skip.boundingBox())?.width ?? 0).toBeGreaterThan(100);
  await page.keyboard.press('Enter');
  await expect(page.locator('#actions-tray')).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('#actions-tray') !== null)).toBe(
    true,
  );

  // The next caller at 1280×720 with the tray open: arrowing down the list, the selected row is never under the tray.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.keyboard.press('/');
  await page.keyboard.press('Backspace'); // `/` selected the last serial: the whole list
  await page.keyboard.press('Enter');
  await expect(rows(page).nth(7)).toBeVisible();
  const tray = page.getByTestId('actions-tray-panel');
  for (let i = 0; i < 7; i++) {
    await page.keyboard.press('ArrowDown');
    const focused = page.locator('[data-testid="device-row"]:focus');
    await expect(focused).toHaveCount(1);
    const [row, bar] = [await focused.boundingBox(), await tray.boundingBox()];
    expect((row?.y ?? 0) + (row?.height ?? 0), `row ${i + 1} above the tray`).toBeLessThanOrEqual(
      bar?.y ?? 0,
    );
  }
});

/** The field is wholly on screen and above the dialog's footer (where Confirm is), not hidden under it. */
async function expectAboveFooter(field: Locator, dialog: Locator) {
  await expect(field).toBeInViewport({ ratio: 1 });
  const [f, footer] = [
    await field.boundingBox(),
    await dialog.getByTestId('confirm-action').boundingBox(),
  ];
  expect((f?.y ?? 0) + (f?.height ?? 0)).toBeLessThanOrEqual(footer?.y ?? 0);
}

/** The focused element's outline, and its contrast with what is behind it (WCAG 2.4.11/1.4.11: at least 3:1). */
async function focusRing(target: Locator) {
  // Colours change with a transition (hover and focus styles): read them once it has ended, not half-way.
  await target.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
  return target.evaluate((el) => {
    // Tailwind's colours are lab()/oklch(): let the browser turn any CSS colour into sRGB bytes.
    const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    const rgb = (c: string) => {
      if (!ctx) return [];
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = c;
      ctx.fillRect(0, 0, 1, 1);
      const [r = 0, g = 0, b = 0, a = 0] = ctx.getImageData(0, 0, 1, 1).data;
      return [r, g, b, a / 255];
    };
    const lum = ([r = 0, g = 0, b = 0]: number[]) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const style = getComputedStyle(el);
    let behind = 'rgb(255, 255, 255)';
    // With a positive offset the ring is drawn on the parent's background; with a negative one, on the element's.
    for (
      let p: Element | null = parseFloat(style.outlineOffset) < 0 ? el : el.parentElement;
      p;
      p = p.parentElement
    ) {
      const bg = getComputedStyle(p).backgroundColor;
      const parts = rgb(bg);
      if (parts.length >= 3 && (parts[3] ?? 1) === 1) {
        behind = bg;
        break;
      }
    }
    const [a, b] = [lum(rgb(style.outlineColor)), lum(rgb(behind))];
    return {
      style: style.outlineStyle,
      width: parseFloat(style.outlineWidth),
      contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
    };
  });
}

test('the focus ring stands out on every background: dark header, page, list, tray', async ({
  page,
}) => {
  await searchFor(page, 'zoe.obrien@contoso.com', 'All 3 matching devices are shown.');
  await openTray(page);
  const targets = [
    page.getByTestId('tray-toggle'),
    page.getByTestId('shortcuts-open'),
    page.getByRole('combobox', { name: 'Language' }),
    page.getByRole('button', { name: 'Sign out' }),
    page.getByRole('searchbox', { name: 'Search devices' }),
    page.getByRole('combobox', { name: 'Platform' }),
    page.getByRole('columnheader').getByRole('button').first(),
    rows(page).first(),
    rows(page).first().getByRole('button').first(),
    page.getByTestId('tray-collapse'),
  ];
  for (const target of targets) {
    await target.focus();
    await page.keyboard.press('Shift');
    const ring = await focusRing(target);
    expect(ring.style, await target.evaluate((el) => el.outerHTML.slice(0, 80))).toBe('solid');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    expect(
      ring.contrast,
      await target.evaluate((el) => el.outerHTML.slice(0, 80)),
    ).toBeGreaterThanOrEqual(3);
  }
});
