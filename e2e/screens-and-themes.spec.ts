// Issue 8/11, screens and themes: no horizontal scroll at 1280×720 and 1920×1080; at 390 px the list is cards
// and the filters sit behind a button; light and dark follow the system, can be chosen, are remembered, and the
// theme is on the page before the app's scripts run (no flash); the Last sync column shows a date and how long ago.
// Issue 16/17: at 1280 and 1366 px, in English and German, the activity table fits (its other facts in a row
// detail) with tickets on one line, the device table cuts off no OS version and no header, a device without a
// passcode action says why in its row, and a phone's header is one row, leaving the cards the screen.
import type { Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../emulator/constants';
import { confirm, findBySerial, freshDevice } from './actions';
import { emulator } from './emulator';
import { expect, test } from './fixtures';
import { signIn } from './sign-in';

test.beforeEach(async () => {
  await emulator.reset();
});

/** How far the page and the list scroll sideways (0 = not at all), and what sticks out when they do. */
const horizontalOverflow = async (page: Page) => {
  const found = await page.evaluate(() => {
    const doc = document.documentElement;
    const scroller = document.querySelector('[data-testid="results-scroll"]');
    const culprits = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > doc.clientWidth + 1)
      .slice(0, 5)
      .map(
        (el) =>
          `${el.tagName} ${el.getAttribute('data-testid') ?? ''} ${(el.textContent ?? '').slice(0, 40)}`,
      );
    return {
      page: doc.scrollWidth - doc.clientWidth,
      list: scroller ? scroller.scrollWidth - scroller.clientWidth : 0,
      culprits,
    };
  });
  // Every caller expects the page not to scroll sideways; when it does, fail here, naming what sticks out.
  expect(found.page, `elements beyond the right edge: ${found.culprits.join(' | ')}`).toBe(0);
  return found.page === 0 && found.list === 0 ? { page: 0, list: 0 } : found;
};

/** What the device table cuts off: OS cells and header labels wider than their column (a truncated text is too). */
const cutOffInDeviceTable = (page: Page) =>
  page.evaluate(() =>
    [
      ...document.querySelectorAll('[data-testid="device-os"]'),
      ...document.querySelectorAll('thead th'),
    ]
      .filter((el) => el.scrollWidth > el.clientWidth)
      .map((el) => el.textContent),
  );

/** The activity table as the agent sees it: its column headers beyond the screen's edge, tickets on two lines. */
const activityLayout = (page: Page) =>
  page.evaluate(() => {
    const edge = document.documentElement.clientWidth;
    const headers = [...document.querySelectorAll('[data-testid="activity-column"]')];
    const lines = (el: Element) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    };
    return {
      headers: headers.map((h) => h.textContent),
      offScreen: headers
        .filter((h) => h.getBoundingClientRect().right > edge || h.scrollWidth > h.clientWidth)
        .map((h) => h.textContent),
      brokenTickets: [...document.querySelectorAll('[data-testid="activity-ticket"]')]
        .filter((td) => lines(td) > 1)
        .map((td) => td.textContent),
    };
  });

/** On /activity: every column on screen, Copy for ticket first, tickets whole, a row's detail one click away. */
async function expectActivityFits(
  page: Page,
  serial: string,
  words: { copy: string; requestId: string },
) {
  const row = page.getByTestId('activity-row').filter({ hasText: serial });
  await expect(row).toHaveCount(1);
  const layout = await activityLayout(page);
  expect(layout.headers[0]).toBe(words.copy);
  expect(layout.offScreen).toEqual([]);
  expect(layout.brokenTickets).toEqual([]);
  await expect(row.getByTestId('copy-for-ticket')).toBeInViewport();
  const toggle = row.getByTestId('activity-details-toggle');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const detail = row.getByTestId('activity-detail');
  await expect(detail.getByText(words.requestId)).toBeVisible();
  await expect(detail.getByTestId('activity-request-id')).toHaveText(/^[0-9a-f-]{36}$/);
  await toggle.click();
  await expect(detail).toBeHidden();
  expect((await horizontalOverflow(page)).page).toBe(0);
}

for (const [width, height] of [
  [1280, 720],
  [1920, 1080],
] as const) {
  test(`no horizontal scroll at ${width}×${height}, on the list and on the device page`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await emulator.timings({ pickupMs: 500, completeMs: 500 });
    await signIn(page, DEMO_ACCOUNTS.helpdesk);
    await expect(page.getByTestId('results-status')).toHaveText(/devices shown/);
    expect(await horizontalOverflow(page)).toEqual({ page: 0, list: 0 });
    // The longest thing a row can hold: a failed request's guard line, with its screen-reader tail.
    const failing = await freshDevice({ mode: 'androidFullyManaged', scenario: 'failing' });
    await findBySerial(page, failing);
    await (
      await confirm(page, failing, 'Reset passcode', `INC-${width}1`)
    )
      .getByRole('button', { name: 'Close' })
      .click();
    await expect(page.getByTestId('device-row').getByTestId('recent-action')).toHaveAttribute(
      'data-state',
      'failed',
      { timeout: 20_000 },
    );
    expect(await horizontalOverflow(page)).toEqual({ page: 0, list: 0 });
    // A Windows PC's build number and a Mac's reason for no passcode action, whole in their rows.
    const pc = await freshDevice({ mode: 'windowsDesktop' });
    const mac = await freshDevice({ mode: 'macos' });
    await findBySerial(page, pc);
    await expect(page.getByTestId('device-os')).toContainText(pc.osVersion);
    expect(await cutOffInDeviceTable(page)).toEqual([]);
    await findBySerial(page, mac);
    await expect(page.getByTestId('no-passcode-action-reason')).toHaveText(
      'Mac: use the FileVault recovery key',
    );
    await expect(page.getByTestId('no-passcode-action-reason')).toBeVisible();

    const [zoe] = await emulator.devices({ user: 'zoe.obrien@contoso.com', limit: '1' });
    await page.goto(`/devices/${zoe?.id}`);
    await expect(page.getByRole('heading', { name: 'Action history' })).toBeVisible();
    expect(await horizontalOverflow(page)).toEqual({ page: 0, list: 0 });

    await page.goto('/activity');
    await expectActivityFits(page, failing.serialNumber, {
      copy: 'For the ticket',
      requestId: 'Graph request-id',
    });
    if (width !== 1280) return;
    // The laptop sizes agents work at, in both languages (German words are the longest).
    await page.setViewportSize({ width: 1366, height: 768 });
    await expectActivityFits(page, failing.serialNumber, {
      copy: 'For the ticket',
      requestId: 'Graph request-id',
    });
    await page.getByTestId('locale-switcher').selectOption('de');
    await expect(page.getByRole('heading', { name: 'Aktivität' })).toBeVisible();
    await expectActivityFits(page, failing.serialNumber, {
      copy: 'Für das Ticket',
      requestId: 'Graph-Anforderungs-ID',
    });
    await page.setViewportSize({ width, height });
    await expectActivityFits(page, failing.serialNumber, {
      copy: 'Für das Ticket',
      requestId: 'Graph-Anforderungs-ID',
    });
    await page.goto('/');
    await findBySerial(page, pc, 'Geräte suchen');
    await expect(
      page.getByRole('columnheader', { name: 'Betriebssystem und Version' }),
    ).toBeVisible();
    expect(await cutOffInDeviceTable(page)).toEqual([]);
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(await cutOffInDeviceTable(page)).toEqual([]);
  });
}

test('at 390 px the list is cards (device, user, serial, last sync, action) and the filters sit behind a button', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  const box = page.getByRole('searchbox', { name: 'Search devices' });
  await box.fill('zoe.obrien@contoso.com');
  await box.press('Enter');
  await expect(page.getByTestId('results-status')).toHaveText('All 3 matching devices are shown.');
  await expect(page.getByRole('table')).toHaveCount(0);
  const cards = page.getByTestId('device-card');
  await expect(cards).toHaveCount(3);
  const iphone = cards.filter({ hasText: "Zoë's iPhone" }).first();
  await expect(iphone.getByRole('link', { name: "Zoë's iPhone" })).toBeVisible();
  await expect(iphone).toContainText("Zoë O'Brien");
  await expect(iphone).toContainText('Serial number');
  await expect(iphone).toContainText('Last sync');
  await expect(iphone.getByTestId('last-sync-relative')).toHaveText(/ago\)$/);
  await expect(
    iphone.getByRole('button', { name: /^Remove passcode: Zoë's iPhone, serial / }),
  ).toBeVisible();
  expect((await horizontalOverflow(page)).page).toBe(0);

  // The header is one row (places and settings behind Menu), so the cards keep the screen: with the tray
  // collapsed to its badge, two and a half of them at least.
  const tray = page.getByTestId('tray-toggle');
  if ((await tray.getAttribute('aria-expanded')) === 'true') await tray.click();
  await expect(tray).toHaveAttribute('aria-expanded', 'false');
  expect((await page.locator('header').boundingBox())?.height).toBeLessThanOrEqual(64);
  const inView = await page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="device-card"]')]
      .map((card) => {
        const r = card.getBoundingClientRect();
        return Math.max(0, Math.min(r.bottom, window.innerHeight) - Math.max(r.top, 0)) / r.height;
      })
      .reduce((sum, shown) => sum + shown, 0),
  );
  expect(inView).toBeGreaterThanOrEqual(2.5);
  const menu = page.getByTestId('header-menu');
  await expect(page.getByRole('link', { name: 'Activity' })).toBeHidden();
  await menu.click();
  await expect(page.getByRole('link', { name: 'Activity' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Theme' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();
  await expect(page.getByRole('link', { name: 'Activity' })).toBeHidden();

  const toggle = page.getByTestId('filters-toggle');
  await expect(page.getByRole('combobox', { name: 'Platform' })).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('combobox', { name: 'Platform' }).selectOption('ios');
  await expect(page.getByTestId('results-status')).toHaveText('All 2 matching devices are shown.');
  await expect(toggle).toHaveText(/^Filters \(1 on\)/);

  // The keys work on cards as on rows.
  await box.focus();
  await box.press('ArrowDown');
  await expect(cards.first()).toBeFocused();
  await page.keyboard.press('j');
  await expect(cards.nth(1)).toBeFocused();
});

test('at 1440 px the filters show without a button, and Last sync reads as a date with how long ago beneath it', async ({
  page,
}) => {
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await expect(page.getByTestId('filters-toggle')).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Platform' })).toBeVisible();
  const box = page.getByRole('searchbox', { name: 'Search devices' });
  await box.fill('zoe.obrien@contoso.com');
  await box.press('Enter');
  await expect(page.getByTestId('results-status')).toHaveText('All 3 matching devices are shown.');
  const cell = page.getByTestId('device-row').first().getByRole('cell').nth(6);
  await expect(cell.locator('time')).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
  await expect(cell.locator('time')).toHaveAttribute(
    'title',
    /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d\d:\d\d GMT\+\d$/,
  );
  await expect(cell.getByTestId('last-sync-relative')).toHaveText(
    /^(\d+ \w+|yesterday|last \w+) ago$|^\d+ \w+ ago$/,
  );
});

const backgroundIsDark = (page: Page) =>
  page.evaluate(() => {
    const ctx = document.createElement('canvas').getContext('2d');
    if (!ctx) return null;
    ctx.fillStyle = getComputedStyle(document.body).backgroundColor;
    ctx.fillRect(0, 0, 1, 1);
    const [r = 0, g = 0, b = 0] = ctx.getImageData(0, 0, 1, 1).data;
    return (r + g + b) / 3 < 80;
  });

test("the theme follows the system, is there before the app's scripts run, can be chosen and is remembered", async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  // Hold the app's scripts back: what is on screen meanwhile is server HTML and the inline theme script only.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const appScript = (url: URL) =>
    url.pathname.startsWith('/_next/static/') && url.pathname.endsWith('.js');
  await page.route(appScript, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/', { waitUntil: 'commit' });
  await expect(page.locator('header')).toBeAttached();
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  expect(await backgroundIsDark(page)).toBe(true);
  release();

  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
  await expect(page.locator('html')).toHaveClass(/\blight\b/);
  expect(await backgroundIsDark(page)).toBe(false);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/\blight\b/); // the choice beats the dark system
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('light');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('system');
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveClass(/\blight\b/); // and follows the system as it changes
});
