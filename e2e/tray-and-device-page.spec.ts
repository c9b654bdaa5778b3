// Issue 8/11, "The tray and the device page": the tray docks without covering the page and remembers being
// collapsed; its items tell same-named devices apart and say what to do next; "Check now"; the device page shows
// an action from the moment it is requested, the user's other same-named devices, and a link into Intune; a device
// outside the agent's scope is said to be so, without "Try again".
import type { Page } from '@playwright/test';
import { DEMO_ACCOUNTS, TENANT_ID } from '../emulator/constants';
import { SHARED_READ_MS } from '../lib/shared/timing';
import { E2E } from '../playwright.config';
import {
  actionButton,
  confirm,
  findBySerial,
  freshDevice,
  openDialog,
  openTray,
  trayItem,
} from './actions';
import { expectAccessible } from './axe';
import { emulator } from './emulator';
import { expect, test } from './fixtures';
import { signIn, signInWithSession } from './sign-in';

// Each test sets its own stage (below) on fresh devices, so this file's tests are shared out among the workers
// like files are: one of the suite's longest files would otherwise bound the suite's end on one worker.
test.describe.configure({ mode: 'parallel' });

test.beforeEach(async () => {
  await emulator.reset();
  await emulator.timings({ pickupMs: 1500, completeMs: 1500 });
});

/**
 * Interactive elements of the page that the tray's box overlaps, after scrolling the page to its end: only the part
 * of each element its scrolling ancestors let show counts (a row scrolled out of the list is not covered).
 */
async function coveredByTray(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    window.scrollTo(0, document.documentElement.scrollHeight);
    const tray = document.getElementById('actions-tray')?.getBoundingClientRect();
    if (!tray) return ['no tray'];
    const shown = (el: Element) => {
      let { left, top, right, bottom } = el.getBoundingClientRect();
      for (let p = el.parentElement; p; p = p.parentElement) {
        if (getComputedStyle(p).overflow === 'visible') continue;
        const c = p.getBoundingClientRect();
        left = Math.max(left, c.left);
        top = Math.max(top, c.top);
        right = Math.min(right, c.right);
        bottom = Math.min(bottom, c.bottom);
      }
      return {
        left,
        top,
        right: Math.min(right, window.innerWidth),
        bottom: Math.min(bottom, window.innerHeight),
      };
    };
    return [...document.querySelectorAll('main button, main a, main input, main select')].flatMap(
      (el) => {
        const r = shown(el);
        if (r.right <= r.left || r.bottom <= r.top) return [];
        const overlaps =
          r.left < tray.right && r.right > tray.left && r.top < tray.bottom && r.bottom > tray.top;
        return overlaps
          ? [(el.getAttribute('aria-label') ?? el.textContent ?? el.tagName).trim()]
          : [];
      },
    );
  });
}

for (const [width, height, dock] of [
  [1920, 1080, 'side'],
  [1280, 720, 'bottom'],
  [390, 844, 'bottom'],
] as const) {
  test(`at ${width}×${height} the tray docks at the ${dock} and covers no button of the page`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await signIn(page, DEMO_ACCOUNTS.helpdesk, '', { at: '/?q=zoe.obrien%40contoso.com' });
    await expect(
      page.getByTestId('device-row').or(page.getByTestId('device-card')).first(),
    ).toBeVisible();
    await openTray(page);
    const tray = page.locator('#actions-tray');
    await expect(tray).toBeVisible();
    const box = await tray.boundingBox();
    if (dock === 'side') expect(box?.x).toBeGreaterThan(width / 2);
    else expect((box?.y ?? 0) + (box?.height ?? 0)).toBeCloseTo(height, 0);
    expect(await coveredByTray(page)).toEqual([]);
  });
}

test('the tray: collapsed while the agent has none, opened by an action; collapsed, the badge follows it to its end and its toast keeps clear of the header; the choice stays; a settled item is one line', async ({
  page,
  context,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await emulator.timings({ pickupMs: 4000, completeMs: 1000 }); // under way long enough to be seen so
  const d = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
  const ticket = 'INC-7501';
  // The agent's list holds only this test's action: other tests on the worker act as the same agent.
  await context.route(/\/api\/actions$/, async (route) => {
    const response = await route.fetch();
    const { actions } = (await response.json()) as { actions: { ticket: string | null }[] };
    await route.fulfill({
      response,
      json: { actions: actions.filter((a) => a.ticket === ticket) },
    });
  });
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  const badge = page.getByTestId('tray-toggle');
  await expect(badge).toHaveText('Actions (0)');
  await expect(badge).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('#actions-tray')).toHaveCount(0);

  // An action: the tray opens by itself, its item open while it is under way.
  await findBySerial(page, d);
  const dialog = await confirm(page, d, 'Remove passcode', ticket);
  await expect(dialog.getByTestId('action-result')).toHaveAttribute('data-result', 'accepted');
  // The result view's Close sits in the dialog's sticky footer: wholly on screen at 1280×720 with the view's body
  // scrolled to its top (on a phone: keyboard.spec.ts).
  const close = dialog.getByRole('button', { name: 'Close' });
  await dialog.evaluate((el) => el.scrollTo(0, 0));
  await expect(close).toBeInViewport({ ratio: 1 });
  await close.click();
  await expect(page.locator('#actions-tray')).toBeVisible();
  await expect(badge).toHaveText(/^Actions \(1\)\s*1 under way$/);
  const item = trayItem(page, d);
  await expect(item.getByTestId('tray-item-toggle')).toHaveAttribute('aria-expanded', 'true');

  // Collapsed, the tracker still follows the action: the badge stops counting it and the toast says it is done.
  await page.getByTestId('tray-collapse').click();
  await expect(page.locator('#actions-tray')).toHaveCount(0);
  await expect(badge).toHaveAttribute('aria-expanded', 'false');
  await expect(badge).toHaveText('Actions (1)', { timeout: 20_000 });
  await expect(page.getByTestId('tray-under-way')).toHaveCount(0);
  const toast = page.locator('[data-sonner-toast]').filter({ hasText: `(${ticket}): Done` });
  await expect(toast).toBeVisible();
  const [toastBox, badgeBox] = [await toast.boundingBox(), await badge.boundingBox()];
  if (!toastBox || !badgeBox) throw new Error('no toast or badge box');
  const apart =
    toastBox.x >= badgeBox.x + badgeBox.width ||
    toastBox.x + toastBox.width <= badgeBox.x ||
    toastBox.y >= badgeBox.y + badgeBox.height ||
    toastBox.y + toastBox.height <= badgeBox.y;
  expect(apart, JSON.stringify({ toastBox, badgeBox })).toBe(true);
  // axe with the toast on screen, fully faded in (sonner keeps a toast while the pointer is on it): its colours pass.
  await toast.hover();
  await expect(toast).toHaveCSS('opacity', '1');
  await expectAccessible(page, 'the Done toast over the device list');

  await page.reload();
  await expect(page.getByTestId('tray-toggle')).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('#actions-tray')).toHaveCount(0);
  const other = await context.newPage();
  await signInWithSession(other);
  await expect(other.getByTestId('tray-toggle')).toHaveAttribute('aria-expanded', 'false');
  await page.getByTestId('tray-toggle').click();
  await expect(page.locator('#actions-tray')).toBeVisible();
  await expect(page.getByTestId('tray-toggle')).toHaveAttribute('aria-expanded', 'true');

  // Done, with nothing left for the agent: one line, and the tray no taller than that.
  const disclosure = item.getByTestId('tray-item-toggle');
  await expect(disclosure).toHaveAttribute('aria-expanded', 'false');
  await expect(item).toContainText(`Remove passcode · ticket ${ticket}`);
  await expect(item.getByTestId('tray-device')).toBeHidden();
  expect((await page.locator('#actions-tray').boundingBox())?.height).toBeLessThanOrEqual(96);
  await disclosure.click();
  await expect(disclosure).toHaveAttribute('aria-expanded', 'true');
  await expect(item.getByTestId('tray-device')).toBeVisible();
  await expect(item.getByTestId('tray-device')).toContainText(d.serialNumber);
});

test('three calls at 1280×720: a toast waits while a dialog is open; a shown passcode stays one line after a reload; one item open and the tray within a quarter of the screen', async ({
  page,
  context,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const android = await freshDevice({ mode: 'androidFullyManaged', scenario: 'online' });
  const iphones = [
    await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' }),
    await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' }),
    await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' }),
  ] as const;
  // The agent's list holds only this test's actions: other tests on the worker act as the same agent.
  await context.route(/\/api\/actions$/, async (route) => {
    const response = await route.fetch();
    const { actions } = (await response.json()) as { actions: { ticket: string | null }[] };
    await route.fulfill({
      response,
      json: { actions: actions.filter((a) => a.ticket?.startsWith('INC-76')) },
    });
  });
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await findBySerial(page, android);
  await (
    await confirm(page, android, 'Reset passcode', 'INC-7600')
  )
    .getByRole('button', { name: 'Close' })
    .click();

  // The next caller's dialog is open when the Android reset ends: the live region says so, the toast waits.
  await findBySerial(page, iphones[0]);
  const dialog = await openDialog(page, iphones[0], 'Remove passcode');
  await expect(page.getByTestId('tray-announcement')).toContainText(
    '(INC-7600): Done. The temporary passcode is ready: Show passcode in the actions tray.',
    { timeout: 20_000 },
  );
  const toasts = page.locator('[data-sonner-toast]');
  const dialogBox = await dialog.boundingBox();
  if (!dialogBox) throw new Error('no dialog box');
  for (const box of await Promise.all((await toasts.all()).map((t) => t.boundingBox())))
    if (box)
      expect(
        box.x >= dialogBox.x + dialogBox.width ||
          box.x + box.width <= dialogBox.x ||
          box.y >= dialogBox.y + dialogBox.height ||
          box.y + box.height <= dialogBox.y,
        JSON.stringify({ box, dialogBox }),
      ).toBe(true);
  await expect(toasts).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  const toast = toasts.filter({ hasText: '(INC-7600): Done' });
  await expect(toast).toBeVisible();
  // A long device name breaks between words (and hyphenates), not anywhere.
  await expect(toast).toHaveCSS('overflow-wrap', 'break-word');
  await expect(toast).toHaveCSS('hyphens', 'auto');

  // The passcode shown once: after a reload the server says so, and its item stays one line with Show passcode inside.
  const item = trayItem(page, android);
  // The item the tray opened by itself shows Show passcode without scrolling the tray's list.
  await expect(item.getByTestId('show-passcode')).toBeInViewport({ ratio: 1 });
  await item.getByTestId('show-passcode').click();
  const panel = page.getByRole('dialog', {
    name: `Temporary passcode for “${android.deviceName}”`,
  });
  await panel.getByRole('button', { name: 'Hide now' }).click();
  await expect(panel).toHaveCount(0);
  await page.reload();
  await expect(item).toHaveAttribute('data-state', 'done');
  await expect(item.getByTestId('tray-item-toggle')).toHaveAttribute('aria-expanded', 'false');
  await expect(item.getByTestId('show-passcode')).toBeHidden();
  await item.getByTestId('tray-item-toggle').click();
  await expect(item.getByTestId('show-passcode')).toBeVisible();

  // Three more calls under way: only the newest item is open, the rest one line each with their state; the tray stays
  // within a quarter of the screen and covers no button of the page.
  await emulator.timings({ pickupMs: 600_000, completeMs: 1000 });
  for (const [i, d] of iphones.entries()) {
    await findBySerial(page, d);
    await (
      await confirm(page, d, 'Remove passcode', `INC-760${i + 1}`)
    )
      .getByRole('button', { name: 'Close' })
      .click();
  }
  await expect(page.getByTestId('tray-under-way')).toHaveText('3 under way');
  for (const [i, d] of iphones.entries()) {
    await expect(trayItem(page, d)).toHaveAttribute('data-state', 'pending');
    await expect(trayItem(page, d)).toHaveAttribute('data-open', String(i === 2));
  }
  const trayBox = await page.locator('#actions-tray').boundingBox();
  expect(trayBox?.height).toBeLessThanOrEqual(720 * 0.25);
  expect(await coveredByTray(page)).toEqual([]);
});

test('two "Zoë\'s iPhone" items are told apart: user, serial, action, ticket, and a link to each device', async ({
  page,
}) => {
  const iphones = (await emulator.devices({ user: 'zoe.obrien@contoso.com', limit: '10' })).filter(
    (d) => d.deviceName === "Zoë's iPhone",
  );
  expect(iphones).toHaveLength(2);
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  for (const [i, d] of iphones.entries()) {
    await findBySerial(page, d);
    const dialog = await confirm(page, d, 'Remove passcode', `INC-77${i}`);
    await expect(dialog.getByTestId('action-result')).toHaveAttribute('data-result', 'accepted');
    await dialog.getByRole('button', { name: 'Close' }).click();
  }
  for (const [i, d] of iphones.entries()) {
    // This test's item of the device, by its ticket: an earlier spec on this worker (four-eyes) may have left one.
    const item = trayItem(page, d).filter({ hasText: `ticket INC-77${i}` });
    await expect(item.getByTestId('tray-device')).toHaveText(`Zoë O'Brien · ${d.serialNumber}`);
    await expect(item).toContainText(`Remove passcode · ticket INC-77${i}`);
    await expect(
      item.getByRole('link', { name: `Zoë's iPhone, serial ${d.serialNumber}` }),
    ).toHaveAttribute('href', `/devices/${d.id}`);
  }
  const [first] = iphones;
  await trayItem(page, first!).filter({ hasText: 'ticket INC-770' }).getByRole('link').click();
  await expect(page).toHaveURL(`/devices/${first!.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Zoë's iPhone");
});

test("each end state says what to do next: failed with Intune's code, not confirmed until when, done with what to tell the caller", async ({
  page,
}) => {
  const failing = await freshDevice({ mode: 'androidFullyManaged', scenario: 'failing' });
  const unknown = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'offline' });
  const online = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await findBySerial(page, failing);
  await (
    await confirm(page, failing, 'Reset passcode', 'INC-7101')
  )
    .getByRole('button', { name: 'Close' })
    .click();
  await findBySerial(page, unknown);
  await emulator.faults({
    rules: [{ method: 'POST', path: 'resetPasscode$', status: 503, count: 1 }],
  }); // refused before it was carried out
  await (
    await confirm(page, unknown, 'Remove passcode', 'INC-7102')
  )
    .getByRole('button', { name: 'Close' })
    .click();
  await findBySerial(page, online);
  await (
    await confirm(page, online, 'Remove passcode', 'INC-7103')
  )
    .getByRole('button', { name: 'Close' })
    .click();

  const failed = trayItem(page, failing);
  await expect(failed).toHaveAttribute('data-state', 'failed', { timeout: 20_000 });
  await expect(failed.locator('[data-hint="failed"]')).toContainText(
    /no passcode policy is enforced .* Intune error code -?\d+ \(0x[0-9a-f]+\)\. What to try:/,
  );
  const verifying = trayItem(page, unknown);
  await expect(verifying).toHaveAttribute('data-state', 'verifying');
  await expect(verifying.locator('[data-hint="verifying"]')).toHaveText(
    /The console is checking the device's action results in Intune until \w{3} \d{1,2}, \d{4}, \d\d:\d\d GMT\+\d; after that it shows the action as not confirmed\.$/,
  );
  const done = trayItem(page, online);
  await expect(done).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  await expect(done.locator('[data-hint="done"]')).toHaveText(
    'Done: the passcode is removed. Tell the caller the phone is unlocked and to set a new passcode when it asks.',
  );
  await expect(done.getByTestId('check-now')).toHaveCount(0);
});

test('not supported says which action fits instead', async ({ page }) => {
  const mac = await freshDevice({ mode: 'macos', scenario: 'online' });
  await emulator.unsupportedAction('acceptedThenNotSupported');
  await signIn(page, DEMO_ACCOUNTS.helpdesk, E2E.everywhereOrigin);
  await findBySerial(page, mac);
  await (
    await confirm(page, mac, 'Recover passcode (recoverPasscode)', 'INC-7201')
  )
    .getByRole('button', { name: 'Close' })
    .click();
  const item = trayItem(page, mac);
  await expect(item).toHaveAttribute('data-state', 'notSupported', { timeout: 20_000 });
  await expect(item.locator('[data-hint="notSupported"]')).toHaveText(
    /^Intune says this device does not support the action\. macOS: Intune has no passcode action for Macs\./,
  );
});

test('"Check now" reads the action at once, between polls', async ({ page }) => {
  await emulator.timings({ pickupMs: 600_000, completeMs: 1000 }); // the device takes its time: pending it stays
  // Graph shows a new action at once here (its usual delay has tests of its own), so what "Check now" reads is the
  // device's news, not the delay.
  await emulator.behaviour({ actionResultsDelayMs: 0 });
  const d = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
  await page.clock.install();
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await findBySerial(page, d);
  await (
    await confirm(page, d, 'Remove passcode', 'INC-7301')
  )
    .getByRole('button', { name: 'Close' })
    .click();
  const item = trayItem(page, d);
  await expect(item).toHaveAttribute('data-state', 'pending');
  // Time stops in the page (no poll comes), then the device carries the action out at Intune. A second ahead: on a
  // busy machine the page's clock can pass a nearer point before the pause reaches it (pauseAt cannot go back).
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1000));
  await emulator.timings({ pickupMs: 50, completeMs: 50 });
  await expect.poll(async () => (await emulator.actions(d.id)).at(-1)?.state).toBe('done');
  // The server shares one read of a device among its trackers for SHARED_READ_MS: let the last one age out.
  await new Promise((resolve) => setTimeout(resolve, SHARED_READ_MS + 100));
  await expect(item).toHaveAttribute('data-state', 'pending');
  await item
    .getByRole('button', { name: `Check now: ${d.deviceName}, serial ${d.serialNumber}` })
    .click();
  // Only react-query's zero-delay notifications need the clock; the next poll is seconds away.
  await expect
    .poll(async () => {
      await page.clock.runFor(20);
      return item.getAttribute('data-state');
    })
    .toBe('done');
});

test('the device page shows the action under way as soon as it is requested, who asked, and the same-named sibling', async ({
  page,
}) => {
  const [oldPhone, newPhone] = (
    await emulator.devices({ user: 'zoe.obrien@contoso.com', limit: '10' })
  ).filter((d) => d.deviceName === "Zoë's iPhone");
  if (!oldPhone || !newPhone) throw new Error('Zoë has two iPhones in the seed');
  const offline = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'offline' });
  await signIn(page, DEMO_ACCOUNTS.helpdesk, '', { at: `/devices/${newPhone.id}` });
  const siblings = page.getByTestId('siblings');
  await expect(siblings.getByRole('heading')).toHaveText(
    "Other devices of this user named “Zoë's iPhone”",
  );
  await expect(
    siblings.getByRole('link', { name: `Zoë's iPhone, serial ${oldPhone.serialNumber}` }),
  ).toHaveAttribute('href', `/devices/${oldPhone.id}`);
  await expect(page.locator('[data-warning="sameName"]')).toContainText(
    "2 devices named “Zoë's iPhone” for this user",
  );
  const intune = page.getByTestId('open-in-intune');
  await expect(intune).toHaveAttribute(
    'href',
    `https://intune.microsoft.com/${TENANT_ID}/#view/Microsoft_Intune_Devices/DeviceSettingsMenuBlade/~/overview/mdmDeviceId/${newPhone.id}`,
  );
  await expect(intune).toHaveAttribute('target', '_blank');
  await expect(intune).toHaveAttribute('rel', /noopener/);
  await expect(intune).toHaveAccessibleName(
    `Open in Intune: Zoë's iPhone, serial ${newPhone.serialNumber} (new tab)`,
  );

  await page.goto(`/devices/${offline.id}`);
  await expect(page.getByText('No remote actions recorded for this device.')).toBeVisible();
  const dialog = await confirm(page, offline, 'Remove passcode', 'INC-7401');
  await dialog.getByRole('button', { name: 'Close' }).click();
  const ours = page.getByTestId('history-ours');
  await expect(ours).toContainText('Remove passcode (resetPasscode)');
  await expect(ours).toContainText('Pending');
  await expect(ours).toContainText('Hanna Berger, ticket INC-7401');
  await expect(page.getByText('No remote actions recorded for this device.')).toHaveCount(0);
  // Not at once: the advice for an offline device waits until it is overdue (e2e/passcode-action.spec.ts).
  await expect(
    page.getByTestId('device-action').locator('..').locator('[data-hint="expected"]'),
  ).toContainText('usually carries it out within minutes');
  await expect(actionButton(page, offline, 'Remove passcode')).toBeVisible();
});

test('a user whose devices are all outside the agent\'s scope is said to be so, and a device refused with 403 offers no "Try again"', async ({
  page,
}) => {
  const amer = await emulator.devices({ scopeTag: 'AMER', limit: '200' });
  let outsider: string | undefined;
  for (const upn of new Set(amer.map((d) => d.userPrincipalName))) {
    const theirs = await emulator.devices({ user: upn, limit: '20' });
    if (theirs.length > 0 && theirs.every((d) => d.scopeTag !== 'EMEA')) {
      outsider = upn;
      break;
    }
  }
  if (!outsider) throw new Error('no user with devices outside EMEA only');
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  const box = page.getByRole('searchbox', { name: 'Search devices' });
  await box.fill(outsider);
  await box.press('Enter');
  await expect(page.locator('[data-empty="outsideScope"]')).toHaveText(
    `${outsider} is in the directory, but none of their devices is within the scope of your Intune role (scope tags), or they have none. Ask an Intune administrator, or hand the ticket to the team that covers this user.`,
  );
  await expect(page.getByText('Check the spelling')).toHaveCount(0);

  await page.goto(`/devices/${amer[0]?.id}`);
  const alert = page.getByRole('alert').filter({ hasText: 'This device could not be loaded.' });
  await expect(alert).toContainText(
    'Your Intune role does not cover this: the device is outside its scope tags',
  );
  await expect(alert.getByRole('button', { name: 'Copy details' })).toBeVisible();
  await expect(alert.getByRole('button', { name: 'Try again' })).toHaveCount(0);
});
