// The passcode action as the helpdesk agent sees it in Chromium, over 10 actions (iOS Remove passcode, online
// devices): (1) from the click on Confirm to the dialog showing "accepted" (the privileged token, the server
// action, its Graph read and POST, the audit records, the render); (2) from the moment the emulator's device is
// done (its request time + pickup + completion, emulator timings set to 2 s + 4 s) to the tray showing "done"
// (the tray's poll schedule, the status route, the render). Median and p95 of each. Needs `npm run build`; run
// with `npm run bench:action-ui`.
import type { Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../emulator/constants';
import { startEmulator, summary } from './lib';
import { installActionProbes, type ActionProbeState } from './support/action-probes';
import { launchChromium, redirectUrisOf, signInInBrowser } from './support/browser';
import { startConsole } from './support/console-server';
import { emulatorControl, type ControlledDevice } from './support/emulator-control';
import { Figures, fmt } from './support/figures';
import { KEEP_NAMES_SHIM } from './support/page-probes';

const EMULATOR_PORT = 4986;
const CONSOLE_PORT = 3987;
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const TIMINGS = { pickupMs: 2000, completeMs: 4000 };
/** Serials the search recognises as serials (letters and digits, 8 to 14): one row each. */
const SERIAL = /^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9]{8,14}$/;

async function runAction(page: Page, d: ControlledDevice, ticket: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Search devices' });
  await box.fill(d.serialNumber);
  await box.press('Enter');
  await page.getByTestId('device-row').filter({ hasText: d.serialNumber }).first().waitFor();
  await page
    .getByRole('button', { name: `Remove passcode: ${d.deviceName}, serial ${d.serialNumber}` })
    .click();
  const dialog = page.getByRole('alertdialog');
  await dialog.getByLabel('Ticket reference').fill(ticket);
  await dialog.getByTestId('confirm-action').click();
  await dialog
    .locator('[data-testid="action-result"][data-result="accepted"]')
    .waitFor({ timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Close' }).click();
}

async function main() {
  const figures = new Figures('action-ui');
  const consoleOrigin = `http://localhost:${CONSOLE_PORT}`;
  const emu = await startEmulator(EMULATOR_PORT, [], {
    redirectUris: redirectUrisOf(consoleOrigin),
  });
  const control = emulatorControl(emu.origin);
  const app = await startConsole({
    port: CONSOLE_PORT,
    emulatorOrigin: emu.origin,
    emulatorPort: EMULATOR_PORT,
  });
  const browser = await launchChromium();
  try {
    await control.timings(TIMINGS);
    const devices = (
      await control.devices({
        scopeTag: 'EMEA',
        mode: 'iosAutomatedEnrollment',
        scenario: 'online',
        limit: '200',
      })
    )
      .filter((d) => SERIAL.test(d.serialNumber))
      .slice(0, RUNS);
    if (devices.length < RUNS) throw new Error('not enough online iOS devices in EMEA');
    const page = await (
      await browser.newContext({ viewport: { width: 1440, height: 900 } })
    ).newPage();
    await page.addInitScript(KEEP_NAMES_SHIM);
    await page.addInitScript(installActionProbes);
    await signInInBrowser(page, consoleOrigin, DEMO_ACCOUNTS.helpdesk);

    const doneAt = new Map<string, number>();
    for (const [i, d] of devices.entries()) {
      await runAction(page, d, `INC-${7000 + i}`);
      const action = (await control.actions(d.id)).at(-1);
      if (!action) throw new Error(`no action reached the emulator for ${d.id}`);
      // The action id is the POST's client-request-id; the device is done pickup + completion after the request.
      doneAt.set(
        action.clientRequestId,
        Date.parse(action.requestedAt) + TIMINGS.pickupMs + TIMINGS.completeMs,
      );
    }
    for (const id of doneAt.keys()) {
      await page
        .locator(`[data-testid="tray-item"][data-action-id="${id}"][data-state="done"]`)
        .waitFor({ timeout: 90_000 });
    }
    await page.waitForTimeout(200);
    const state = (await page.evaluate(() => window.__actions)) as ActionProbeState;
    const confirmToAccepted = state.accepted
      .map((a, i) => a - (state.confirmClicks[i] ?? NaN))
      .filter(Number.isFinite);
    const doneToTray = [...doneAt]
      .map(([id, at]) => (state.trayDone[id] ?? NaN) - at)
      .filter(Number.isFinite);
    const c = summary(confirmToAccepted);
    const t = summary(doneToTray);
    console.log(
      `confirm → "accepted" shown: ${confirmToAccepted.map((x) => x.toFixed(0)).join(', ')} ms`,
    );
    console.log(
      `emulator done → tray "done" shown: ${doneToTray.map((x) => x.toFixed(0)).join(', ')} ms`,
    );
    figures.push({
      id: 'action.confirmToAccepted',
      label: `Confirm → "accepted" shown, median (${c.n} actions, Chromium)`,
      value: c.median,
      unit: 'ms',
      detail: `p95 ${fmt.ms(c.p95)}, min ${fmt.ms(c.min)}, max ${fmt.ms(c.max)}`,
    });
    figures.push({
      id: 'action.doneToTray',
      label: `Emulator done → tray "done" shown, median (${t.n} actions)`,
      value: t.median,
      unit: 'ms',
      detail: `p95 ${fmt.ms(t.p95)}, min ${fmt.ms(t.min)}, max ${fmt.ms(t.max)}; device done ${(TIMINGS.pickupMs + TIMINGS.completeMs) / 1000} s after the POST; the tray polls 3, 6, 10, 15 … s after the request`,
    });
  } finally {
    await browser.close();
    await app.stop();
    await emu.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
