// The passcode action that really unlocks each device, as agents use it against the emulator: Remove passcode on
// iOS, Reset passcode on Android Enterprise (device and work profile) with the one-time reveal of the temporary
// passcode, Recover Windows Hello PIN on Windows 10 Mobile, the reason where no action exists, Intune's own
// refusals, the audit trail, and the cases security.md lists for the browser (numbers in the names).
import type { Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../emulator/constants';
import { E2E } from '../playwright.config';
import { confirm, findBySerial, freshDevice, openDialog, postsFor, trayItem } from './actions';
import { auditRecords } from './audit';
import { expectAccessible } from './axe';
import { recordClipboard } from './clipboard';
import { emulator, type EmulatedDevice } from './emulator';
import { expect, test } from './fixtures';
import { auditDump, serverLogs } from './secrets';
import { signIn, signInWithSession } from './sign-in';

// Each test sets its own stage (below) on fresh devices, so this file's tests are shared out among the workers
// like files are: the suite's longest file (over three minutes on a loaded machine) would otherwise bound the suite's end on one worker.
test.describe.configure({ mode: 'parallel' });

test.beforeEach(async () => {
  await emulator.reset();
  await emulator.timings({ pickupMs: 1500, completeMs: 1500 });
});

/** The sequence number of the last request that reached the emulator (0: none yet). */
const lastSeq = async () => (await emulator.requests()).at(-1)?.seq ?? 0;

/**
 * Waits until the tray has read the device's action results from Graph twice since `seq`. The tray asks again
 * only once it has its previous answer, so by the second read the page holds an answer Graph gave after `seq`:
 * what the tray shows then is what it makes of that answer, with no sleep and nothing left in flight.
 */
async function trayHasReadSince(
  d: EmulatedDevice,
  seq: number,
  clock?: Page['clock'],
): Promise<void> {
  await expect
    .poll(
      async () => {
        // With the page's clock installed, the tray's next poll is minutes away in page time: each look brings it
        // (a timer fires at most once per fast-forward), and the server's shared read (SHARED_READ_MS, real time)
        // decides whether that poll reaches Graph.
        if (clock) await clock.fastForward('05:00');
        return (
          await emulator.requests({
            method: 'GET',
            path: `managedDevices/${d.id}$`,
            since: String(seq),
          })
        ).filter((e) => decodeURIComponent(e.query).includes('deviceActionResults')).length;
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThanOrEqual(2);
}

test("16: iOS: Remove passcode accepted (204), pending then done, in the tray and on the device page, audited with Graph's request-id and ours", async ({
  page,
}) => {
  const d = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await findBySerial(page, d);
  const dialog = await openDialog(page, d, 'Remove passcode');
  // What will happen, the Graph action, and what to check, before anything is sent.
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(
    `Remove passcode on “${d.deviceName}”?`,
  );
  await expect(dialog.getByTestId('action-effect')).toContainText(
    'ask the user to set a new passcode when prompted',
  );
  await expect(dialog.getByTestId('graph-action')).toHaveText('Graph action: resetPasscode');
  await expect(dialog).toContainText(d.serialNumber);
  await expect(dialog).toContainText(d.userPrincipalName);
  await expect(dialog.getByTestId('confirm-action')).toHaveClass(/bg-red-700/);
  await dialog.getByTestId('confirm-action').click();
  await expect(dialog.getByText('Enter the ticket reference.')).toBeVisible(); // required, checked before any request
  await dialog.getByLabel('Ticket reference').fill('INC-1001');
  await dialog.getByLabel('Note (optional)').fill('Caller verified by phone');
  await dialog.getByTestId('confirm-action').click();

  // One result view with one Close button, which has focus.
  const result = dialog.getByTestId('action-result');
  await expect(result).toHaveAttribute('data-result', 'accepted');
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(
    `Remove passcode: Intune accepted the request for “${d.deviceName}”`,
  );
  await expect(dialog.getByTestId('action-request-id')).toHaveText(/^[0-9a-f-]{36}$/);
  await expect(dialog.getByTestId('tell-caller')).toContainText('set a new passcode');
  await expect(dialog.getByRole('button', { name: 'Close' })).toHaveCount(1);
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Close' }).click();

  await expect(trayItem(page, d)).toHaveAttribute('data-state', /pending|active/);
  await expect(trayItem(page, d)).toContainText('Remove passcode');
  await expect(trayItem(page, d)).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  await expect(page.getByTestId('tray-announcement')).toContainText(
    `${d.deviceName} (INC-1001): Done`,
  );
  await expect(trayItem(page, d).getByTestId('show-passcode')).toHaveCount(0); // an iOS removal has no passcode to show

  await page.getByTestId('device-row').getByRole('link', { name: d.deviceName }).click();
  await expect(page.getByTestId('device-action')).toContainText(
    /Remove passcode requested at \d\d:\d\d GMT\+\d by Hanna Berger, ticket INC-1001: done\./,
  );

  const posts = await postsFor(d);
  expect(posts.map((p) => p.path)).toEqual([
    `/v1.0/deviceManagement/managedDevices/${d.id}/resetPasscode`,
  ]);
  const records = auditRecords(d.id);
  expect(records.map((r) => [r.kind, r.outcome ?? r.action_state])).toEqual([
    ['intent', null],
    ['outcome', 'accepted'],
    ...records.slice(2).map((r) => ['observation', r.action_state]),
  ]);
  expect(records.at(-1)?.action_state).toBe('done');
  expect(records[0]).toMatchObject({
    ticket: 'INC-1001',
    actor_upn: DEMO_ACCOUNTS.helpdesk,
    actor_verified: 1,
    client_request_id: posts[0]?.clientRequestId,
  });
  expect(records[1]?.graph_request_id).toMatch(/^[0-9a-f-]{36}$/);
});

test('Android fully managed: Reset passcode, then the temporary passcode in a focused panel at 1280×800, grouped for reading aloud, copied whole, shown once to the requester, hidden after 60 s, nowhere else', async ({
  page,
  context,
}) => {
  const d = await freshDevice({ mode: 'androidFullyManaged', scenario: 'online' });
  const bodies: { url: string; text: string }[] = [];
  context.on('response', (res) => {
    void res.text().then(
      (text) => bodies.push({ url: res.url(), text }),
      () => undefined,
    );
  });
  await page.setViewportSize({ width: 1280, height: 800 }); // where the tray's reveal once fell below the edge
  await context.grantPermissions(['clipboard-write'], { origin: E2E.consoleOrigin });
  await recordClipboard(page);
  await page.clock.install();
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await findBySerial(page, d);
  const dialog = await openDialog(page, d, 'Reset passcode');
  // Where the passcode will really appear.
  await expect(dialog.getByTestId('action-effect')).toContainText(
    'When the device reports back, a temporary passcode is offered in the actions tray and on the device page (Show passcode); read it only to the caller on this ticket',
  );
  await dialog.getByLabel('Ticket reference').fill('INC-2001');
  await dialog.getByTestId('confirm-action').click();
  await expect(dialog.getByTestId('action-result')).toHaveAttribute('data-result', 'accepted');
  await dialog.getByRole('button', { name: 'Close' }).click();

  const item = trayItem(page, d);
  await expect(item).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  const show = item.getByTestId('show-passcode');
  await show.click();
  const expected = (await emulator.actions(d.id)).at(-1)?.passcode ?? 'none';
  expect(expected).toMatch(/^\d{8}$/);
  // A focused panel over the page, the digits whole on screen, in two groups of four; Copy takes them without the space.
  const panel = page.getByRole('dialog', { name: `Temporary passcode for “${d.deviceName}”` });
  const value = panel.getByTestId('passcode-value');
  await expect(value).toHaveText(`${expected.slice(0, 4)} ${expected.slice(4)}`);
  await expect(value).toBeInViewport({ ratio: 1 });
  await expect(value).toHaveCSS('font-family', /mono/i);
  await expect(panel.getByTestId('passcode-countdown')).toHaveText(/Hides in (60|59|58) s/);
  const copy = panel.getByTestId('copy-passcode');
  await expect(copy).toHaveText('Copy passcode');
  await expect(copy).toBeFocused();
  // axe on the revealed passcode in English and the light scheme (the work profile's test scans German and dark).
  await expectAccessible(page, 'the revealed temporary passcode (en, light)');
  await copy.click();
  await expect.poll(() => page.evaluate(() => window.__copied?.at(-1))).toBe(expected);
  await expect(copy).toHaveText('Copied');

  await page.clock.fastForward('01:01');
  await expect(panel).toHaveCount(0);
  await expect(page.getByTestId('passcode-value')).toHaveCount(0);
  await expect(show).toBeFocused(); // back where the agent was
  expect(await page.content()).not.toContain(expected);

  // The passcode left the server in one answer, the reveal's; never in a page, another API answer, a log line or the audit.
  await expect
    .poll(() => bodies.filter((b) => b.url.endsWith('/passcode')).length)
    .toBeGreaterThan(0);
  const carrying = bodies
    .filter((b) => expected && b.text.includes(expected))
    .map((b) => new URL(b.url).pathname);
  expect(new Set(carrying)).toEqual(
    new Set([expect.stringMatching(/^\/api\/actions\/[0-9a-f-]{36}\/passcode$/)]),
  );
  expect(serverLogs()).not.toContain(expected);
  expect(auditDump()).not.toContain(expected);
  const reveal = auditRecords(d.id).find((r) => r.kind === 'reveal');
  expect(reveal).toMatchObject({
    outcome: 'accepted',
    actor_upn: DEMO_ACCOUNTS.helpdesk,
    detail: `passcode shown to ${DEMO_ACCOUNTS.helpdesk}`,
  });
});

test('Android work profile: Reset work profile passcode, with its own words, then done with a passcode to show', async ({
  page,
}) => {
  const d = await freshDevice({ mode: 'androidPersonalWorkProfile', scenario: 'online' });
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await findBySerial(page, d);
  const dialog = await openDialog(page, d, 'Reset work profile passcode');
  await expect(dialog.getByTestId('action-effect')).toContainText(
    'resets the work profile passcode',
  );
  await dialog.getByLabel('Ticket reference').fill('INC-3001');
  await dialog.getByTestId('confirm-action').click();
  await expect(dialog.getByTestId('tell-caller')).toContainText('unlock the work profile');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(trayItem(page, d)).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  await expect(trayItem(page, d).getByTestId('show-passcode')).toBeVisible();
  // The revealed passcode in German and the dark scheme, scanned by axe (the fully managed test scans en, light).
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await trayItem(page, d).getByTestId('show-passcode').click();
  await expect(page.getByRole('dialog').getByTestId('passcode-value')).toHaveText(/^\d{4} \d{4}$/);
  await expectAccessible(page, 'the revealed temporary passcode (de, dark)');
  expect(auditRecords(d.id)[0]).toMatchObject({
    action_name: 'resetPasscode',
    action_kind: 'resetWorkProfilePasscode',
  });
});

test('Windows 10 Mobile: Recover Windows Hello PIN posts recoverPasscode, then done', async ({
  page,
}) => {
  const d = await freshDevice({ mode: 'windowsMobile' });
  await emulator.setScenario(d.id, { scenario: 'online' });
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await findBySerial(page, d);
  const dialog = await openDialog(page, d, 'Recover Windows Hello PIN');
  await expect(dialog.getByTestId('graph-action')).toHaveText('Graph action: recoverPasscode');
  await dialog.getByLabel('Ticket reference').fill('INC-4001');
  await dialog.getByTestId('confirm-action').click();
  await expect(dialog.getByTestId('action-result')).toHaveAttribute('data-result', 'accepted');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(trayItem(page, d)).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  expect((await postsFor(d)).map((p) => p.path)).toEqual([
    `/v1.0/deviceManagement/managedDevices/${d.id}/recoverPasscode`,
  ]);
});

test('macOS and Android device administrator show the reason, and no button', async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  const cases = [
    {
      mode: 'macos',
      reason: "macOS: Intune has no passcode action for Macs. Use the Mac's recovery key procedure",
    },
    {
      mode: 'androidDeviceAdmin',
      reason: 'Google removed passcode reset for device administrator from Android 7.0 on',
    },
  ];
  for (const c of cases) {
    const d = await freshDevice({ mode: c.mode });
    await findBySerial(page, d);
    const row = page.getByTestId('device-row');
    await expect(row.getByRole('button')).toHaveCount(0);
    await expect(row.getByTestId('no-passcode-action')).toHaveAttribute(
      'title',
      new RegExp(c.reason.replace(/[.()']/g, '.')),
    );
    // r on its row says why nothing opens, instead of doing nothing.
    await page.getByRole('searchbox', { name: 'Search devices' }).press('ArrowDown');
    await page.keyboard.press('r');
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    await expect(
      page
        .locator('[data-sonner-toast]')
        .filter({ hasText: new RegExp(c.reason.replace(/[.()']/g, '.')) }),
    ).toContainText('No passcode action');
    await row.getByRole('link', { name: d.deviceName }).click();
    await expect(page.getByTestId('no-passcode-action')).toContainText(c.reason);
    await expect(page.getByRole('main').getByRole('button', { name: /passcode|PIN/ })).toHaveCount(
      0,
    );
    await page.goto('/');
  }
});

test("a 400 for an unsupported platform (recoverPasscode everywhere, on a Mac) shows Intune's unwrapped message and its Operation ID", async ({
  page,
}) => {
  const d = await freshDevice({ mode: 'macos', scenario: 'online' });
  await signIn(page, DEMO_ACCOUNTS.helpdesk, E2E.everywhereOrigin);
  await findBySerial(page, d);
  const dialog = await openDialog(page, d, 'Recover passcode (recoverPasscode)');
  await expect(dialog).toContainText(
    'Microsoft documents recoverPasscode only for Windows 10 Mobile phones',
  );
  await dialog.getByLabel('Ticket reference').fill('INC-5001');
  await dialog.getByTestId('confirm-action').click();
  const result = dialog.getByTestId('action-result');
  await expect(result).toContainText(
    'Intune refused the request. Intune said: “An error has occurred',
  );
  await expect(result).not.toContainText('_version');
  await expect(dialog.getByTestId('action-operation-id')).toHaveText(/^[0-9a-f-]{36}$/);
  await expect(dialog.getByTestId('action-request-id')).toHaveText(/^[0-9a-f-]{36}$/);
  expect(auditRecords(d.id).at(-1)).toMatchObject({
    outcome: 'rejected',
    action_name: 'recoverPasscode',
  });
});

test("by the emulator's other switch, an unsupported platform accepts (204) and then ends as not supported", async ({
  page,
}) => {
  const d = await freshDevice({ mode: 'macos', scenario: 'online' });
  await emulator.unsupportedAction('acceptedThenNotSupported');
  await signIn(page, DEMO_ACCOUNTS.helpdesk, E2E.everywhereOrigin);
  await findBySerial(page, d);
  await confirm(page, d, 'Recover passcode (recoverPasscode)', 'INC-5002');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Close' }).click();
  await expect(trayItem(page, d)).toHaveAttribute('data-state', 'notSupported', {
    timeout: 20_000,
  });
});

test('a wipe started after the request: the tray says why the action is not progressing', async ({
  page,
}) => {
  // A wipe pending before the request blocks it (e2e/v1-contract.spec.ts); one started in the admin center after
  // Intune accepted the request holds it back. The device picks actions up after 30 s, so the wipe comes first.
  await emulator.timings({ pickupMs: 30_000, completeMs: 1500 });
  const d = await freshDevice({ mode: 'androidFullyManaged', scenario: 'online' });
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await findBySerial(page, d);
  await confirm(page, d, 'Reset passcode', 'INC-6001');
  await expect(page.getByRole('alertdialog').getByTestId('action-result')).toHaveAttribute(
    'data-result',
    'accepted',
  );
  await emulator.managementState(d.id, 'wipePending'); // issued in the admin center after the request
  // The result view still open follows the server's word: no unlock is coming, and why.
  const tell = page.getByRole('alertdialog').getByTestId('tell-caller');
  await expect(tell).toHaveAttribute('data-advice', 'held', { timeout: 15_000 });
  await expect(tell).toContainText('Tell the caller not to wait for an unlock');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Close' }).click();
  await expect(trayItem(page, d).locator('[data-hint="precedence"]')).toHaveText(
    'A wipe is pending on this device: Intune ignores the passcode action until it completes.',
  );
  const beforeMinute = await lastSeq();
  await emulator.advanceClock(60_000); // long enough for an online device to have carried it out
  // Intune holds the action behind the wipe, and the tray, having read that since, still shows it pending.
  expect((await emulator.actions(d.id)).at(-1)?.state).toBe('pending');
  await trayHasReadSince(d, beforeMinute);
  await expect(trayItem(page, d)).toHaveAttribute('data-state', 'pending');
  await page.getByTestId('device-row').getByRole('link', { name: d.deviceName }).click();
  await expect(page.locator('[data-warning="managementPending"]')).toContainText(
    'A wipe is pending on this device',
  );
});

test('another agent cannot reveal the passcode (403), and the refusal is audited', async ({
  page,
  browser,
}) => {
  const d = await freshDevice({ mode: 'androidCorporateWorkProfile', scenario: 'online' });
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await findBySerial(page, d);
  // The row's decision is v1.0's alone, which cannot tell a corporate work profile: "Reset passcode", in neutral
  // words; the dialog reads the device's mode from beta before Confirm (e2e/v1-contract.spec.ts).
  await confirm(page, d, 'Reset passcode', 'INC-7001');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Close' }).click();
  await expect(trayItem(page, d)).toHaveAttribute('data-state', 'done', { timeout: 20_000 });

  const other = await browser.newContext();
  const adminPage = await other.newPage();
  await signIn(adminPage, DEMO_ACCOUNTS.admin, '', { at: `/devices/${d.id}` });
  await expect(adminPage.getByTestId('device-action')).toContainText(
    'by Hanna Berger, ticket INC-7001: done',
  );
  const answer = adminPage.waitForResponse((r) => r.url().endsWith('/passcode'));
  await adminPage.getByTestId('show-passcode').click();
  expect((await answer).status()).toBe(403);
  await expect(adminPage.getByRole('main').getByRole('alert')).toHaveText(
    'Only the agent who requested this action may see its temporary passcode.',
  );
  await expect(adminPage.getByTestId('passcode-value')).toHaveCount(0);
  expect(auditRecords(d.id).find((r) => r.kind === 'reveal')).toMatchObject({
    outcome: 'denied',
    actor_upn: DEMO_ACCOUNTS.admin,
  });
  await other.close();
});

test('an offline device stays pending, and once it is overdue the tray says why and what the caller can do', async ({
  page,
}) => {
  const d = await freshDevice({ mode: 'androidFullyManaged', scenario: 'offline' });
  await page.clock.install();
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await findBySerial(page, d);
  const dialog = await confirm(page, d, 'Reset passcode', 'INC-3003');
  await expect(dialog.getByTestId('action-result')).toHaveAttribute('data-result', 'accepted');
  // The caller is promised no time: the device has been silent for days.
  await expect(dialog.getByTestId('tell-caller')).toContainText(
    /This device last checked in \d+ days ago: it is carried out only once the device is back online, so promise the caller no time\./,
  );
  await dialog.getByRole('button', { name: 'Close' }).click();
  const item = trayItem(page, d);
  await expect(item.locator('[data-hint="expected"]')).toBeVisible();
  await expect(item.locator('[data-hint="offline"]')).toHaveCount(0); // not at once
  const beforeHour = await lastSeq();
  await emulator.advanceClock(3_600_000); // an hour passes at Intune; the device does not check in
  // It missed its usual check-in long ago: overdue three minutes after the request, with Android's own advice.
  await page.clock.fastForward('03:05');
  await expect(item.locator('[data-hint="offline"]')).toContainText(
    /^No answer from the device 3 minutes after the request; its last check-in was .+ What the caller can do while it is locked: keep it switched on and charging, connected by mobile data or to a Wi-Fi network it already knows\. Restarting the phone makes it check in with Intune\./,
  );
  expect((await emulator.actions(d.id)).at(-1)?.state).toBe('pending');
  // One poller per action (the tracker): the page's clock brings its next reads, so two reads follow the hour.
  await trayHasReadSince(d, beforeHour, page.clock);
  await expect(item).toHaveAttribute('data-state', 'pending');
});

test('4: the read-only agent is asked for consent (incremental) and refused; nothing is posted', async ({
  page,
}) => {
  const d = await freshDevice({ mode: 'androidFullyManaged', scenario: 'online' });
  await signIn(page, DEMO_ACCOUNTS.readOnly);
  await findBySerial(page, d);
  // Known before the ticket: consent is missing (an administrator's, not a role), in the row and in the dialog.
  await expect(page.getByTestId('agent-access')).toHaveText("Needs an admin's consent");
  const dialog = await openDialog(page, d, 'Reset passcode');
  await expect(dialog.getByTestId('dialog-agent-access')).toContainText(
    'Ask an administrator to consent to it for Passcode Desk',
  );
  await dialog.getByLabel('Ticket reference').fill('INC-4004');
  const popupPromise = page.waitForEvent('popup');
  await dialog.getByTestId('confirm-action').click();
  const popup = await popupPromise;
  await expect(popup.getByRole('heading', { name: 'Need admin approval' })).toBeVisible();
  await expect(
    popup.getByText('DeviceManagementManagedDevices.PrivilegedOperations.All'),
  ).toBeVisible();
  await popup
    .getByRole('link', { name: 'Return to the application without granting access' })
    .click();
  // Plain words, no permission identifier and no MSAL error text (issue 8/11).
  await expect(dialog.getByTestId('action-result')).toHaveText(
    'Your account may not remove or reset passcodes: the permission was not granted. Ask an administrator to consent to it for Passcode Desk.',
  );
  expect(await postsFor(d)).toHaveLength(0);
});

test("5: Graph's 403 for a device outside the agent's Intune scope says 'not allowed for this device'", async ({
  page,
}) => {
  const d = await freshDevice({ mode: 'androidFullyManaged', scenario: 'online' });
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await findBySerial(page, d);
  await emulator.setScenario(d.id, { scenario: 'online', scopeTag: 'AMER' }); // the device moved region since it was listed
  const dialog = await confirm(page, d, 'Reset passcode', 'INC-5005');
  await expect(dialog.getByTestId('action-result')).toContainText(
    'Not allowed for this device. Your Intune role does not cover this',
  );
  await expect(dialog.getByTestId('action-request-id')).toHaveText(/^[0-9a-f-]{36}$/);
  expect(await postsFor(d)).toHaveLength(0);
});

test("12: a 429 that Graph returns after carrying out the action: the console looks after Graph's results delay, sees it, and sends nothing again", async ({
  page,
}) => {
  const d = await freshDevice({ mode: 'androidFullyManaged', scenario: 'online' });
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await findBySerial(page, d);
  // A gateway in front of Graph answers 429 although Intune queued the action; Graph shows it in
  // deviceActionResults only after its delay (the emulator's default, 5 s, longer than Retry-After).
  await emulator.faults({
    rules: [
      {
        method: 'POST',
        path: 'resetPasscode$',
        status: 429,
        count: 1,
        retryAfterSeconds: 1,
        afterHandling: true,
      },
    ],
  });
  const dialog = await confirm(page, d, 'Reset passcode', 'INC-6006');
  await expect(dialog.getByTestId('action-result')).toHaveAttribute('data-result', 'accepted', {
    timeout: 25_000,
  });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(trayItem(page, d)).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  const posts = await postsFor(d);
  expect(posts.map((p) => p.status)).toEqual([429]);
  expect(await emulator.actions(d.id)).toHaveLength(1);
  const records = auditRecords(d.id);
  expect(records.slice(0, 2).map((r) => r.outcome)).toEqual([null, 'accepted']);
  expect(records[1]?.detail).toMatch(/carried out although Graph answered 429; not sent again/);
  expect(records.at(-1)?.action_state).toBe('done');
  expect(records[0]?.client_request_id).toBe(posts[0]?.clientRequestId);
});

test("12: a 429 from Graph's own throttling: one retry after Retry-After, with the same client-request-id; one action", async ({
  page,
}) => {
  const d = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await findBySerial(page, d);
  await emulator.faults({
    rules: [
      { method: 'POST', path: 'resetPasscode$', status: 429, count: 1, retryAfterSeconds: 1 },
    ],
  });
  const dialog = await confirm(page, d, 'Remove passcode', 'INC-6007');
  // The server looks for the action (Graph's results delay) before it sends again: seconds in which the dialog says
  // how long it has waited, and never takes the agent's own request, recorded meanwhile, for an earlier one.
  await expect(dialog.getByTestId('action-waiting')).toHaveText(
    /^Waiting for Microsoft Graph: \d+ s so far\. When Intune is busy the console waits for it \(usually at most 18 s\) and never sends the request twice/,
  );
  await expect(dialog.getByTestId('dialog-recent-action')).toHaveCount(0);
  await expect(dialog.getByLabel('Why request it again?')).toHaveCount(0);
  await expect(dialog.getByTestId('action-result')).toHaveAttribute('data-result', 'accepted', {
    timeout: 25_000,
  });
  const posts = await postsFor(d);
  expect(posts.map((p) => p.status)).toEqual([429, 204]);
  expect(posts[1]?.clientRequestId).toBe(posts[0]?.clientRequestId);
  expect(await emulator.actions(d.id)).toHaveLength(1);
});

test('13: a 503 leads to "unknown, verifying", then the observed state, with exactly one POST', async ({
  page,
}) => {
  const d = await freshDevice({ mode: 'androidFullyManaged', scenario: 'online' });
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await findBySerial(page, d);
  await emulator.faults({
    rules: [{ method: 'POST', path: 'resetPasscode$', status: 503, count: 1, afterHandling: true }],
  });
  const dialog = await confirm(page, d, 'Reset passcode', 'INC-7007');
  await expect(dialog.getByTestId('action-result')).toHaveAttribute('data-result', 'unknown');
  await expect(dialog).toContainText('unknown, verifying');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(trayItem(page, d)).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  expect(await postsFor(d)).toHaveLength(1);
  const outcomes = auditRecords(d.id).map((r) => r.outcome ?? r.action_state);
  expect(outcomes.slice(0, 2)).toEqual([null, 'unknown']);
  expect(outcomes.at(-1)).toBe('done');
});

test('14: a double-click on Confirm sends one resetPasscode POST', async ({ page }) => {
  const d = await freshDevice({ mode: 'androidFullyManaged', scenario: 'online' });
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await findBySerial(page, d);
  const dialog = await openDialog(page, d, 'Reset passcode');
  await dialog.getByLabel('Ticket reference').fill('INC-8008');
  await dialog.getByTestId('confirm-action').dblclick();
  await expect(dialog.getByTestId('action-result')).toHaveAttribute('data-result', 'accepted');
  expect(await postsFor(d)).toHaveLength(1);
  expect(await emulator.actions(d.id)).toHaveLength(1);
});

test('14, 15: Confirm in two tabs sends one resetPasscode POST; the second tab is told who asked first', async ({
  page,
  context,
}) => {
  const d = await freshDevice({ mode: 'androidFullyManaged', scenario: 'online' });
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  const other = await context.newPage();
  await signInWithSession(other);
  const dialogs = [];
  for (const p of [page, other]) {
    await findBySerial(p, d);
    const dialog = await openDialog(p, d, 'Reset passcode');
    await dialog.getByLabel('Ticket reference').fill('INC-9009');
    dialogs.push(dialog);
  }
  await Promise.all(dialogs.map((dlg) => dlg.getByTestId('confirm-action').click()));
  const texts = await Promise.all(
    dialogs.map(async (dlg) => {
      await expect(dlg.getByTestId('action-result')).toContainText(
        /accepted the request|Already requested/,
      );
      return dlg.getByTestId('action-result').textContent();
    }),
  );
  expect(texts.filter((t) => t?.includes('accepted the request'))).toHaveLength(1);
  expect(texts.find((t) => t?.includes('Already requested'))).toMatch(
    /Already requested by Hanna Berger at .* for ticket INC-9009/,
  );
  expect(await postsFor(d)).toHaveLength(1);
});

test('reloading the page mid-action keeps tracking it', async ({ page }) => {
  await emulator.timings({ pickupMs: 4000, completeMs: 2000 });
  const d = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await findBySerial(page, d);
  const dialog = await confirm(page, d, 'Remove passcode', 'INC-1010');
  await expect(dialog.getByTestId('action-result')).toHaveAttribute('data-result', 'accepted');
  await page.reload();
  await expect(trayItem(page, d)).toHaveAttribute('data-state', 'pending');
  await expect(trayItem(page, d)).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  expect(await postsFor(d)).toHaveLength(1);
});
