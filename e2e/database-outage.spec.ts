// Issue 13/17, "When the console's own database fails": two console instances on one PostgreSQL, which is stopped
// (as an administrator's restart or a failover would) and started again. While it is down, Confirm says plainly that
// the console cannot record the action and so sent nothing (and Graph sees no POST); /api/health names the database,
// not a knock-on migration failure; neither instance logs an uncaught exception or the connection's secret. Once it
// is back, both instances serve an action again without being restarted.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../emulator/constants';
import { consoleEnv, E2E } from '../playwright.config';
import { startTestPostgres, type TestPostgres } from '../test-support/postgres';
import { actionButton, findBySerial, freshDevice, postsFor } from './actions';
import { emulator, type EmulatedDevice } from './emulator';
import { expect, test } from './fixtures';
import { signIn } from './sign-in';

const NOT_RECORDED =
  "The console cannot record this action right now, so it sent nothing to Intune. Try again in a minute; if it persists, tell the console's administrators.";

let pg: TestPostgres;
const consoles: ChildProcess[] = [];
const origins = E2E.instanceOrigins;
const logFiles = E2E.outageLogFiles();

async function health(origin: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${origin}/api/health`);
  return { status: res.status, body: await res.json() };
}

async function waitForHealth(origin: string): Promise<void> {
  await expect
    .poll(
      () =>
        health(origin).then(
          (h) => h.status,
          () => 0,
        ),
      { timeout: 60_000 },
    )
    .toBe(200);
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  pg = await startTestPostgres();
  const databaseUrl = await pg.createDatabase('outage');
  for (const [i, origin] of origins.entries()) {
    const log = createWriteStream(logFiles[i] ?? '');
    const child = spawn(process.execPath, ['.next/standalone/server.js'], {
      env: { ...process.env, ...consoleEnv, PORT: new URL(origin).port, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    consoles.push(child);
  }
  await Promise.all(origins.map(waitForHealth));
});

test.afterAll(async () => {
  await Promise.all(
    consoles.map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.exitCode !== null || c.signalCode !== null) return resolve();
          c.once('exit', () => resolve());
          c.kill('SIGTERM');
        }),
    ),
  );
  pg?.stop();
});

test.beforeEach(async () => {
  await emulator.reset();
});

/** What each language calls what the test clicks and reads. */
const WORDS = {
  en: {
    search: 'Search devices',
    action: 'Remove passcode',
    serial: 'serial',
    ticket: 'Ticket reference',
    notRecorded: NOT_RECORDED,
  },
  de: {
    search: 'Geräte suchen',
    action: 'Kennung entfernen',
    serial: 'Seriennummer',
    ticket: 'Ticketnummer',
    notRecorded:
      'Die Konsole kann diese Aktion gerade nicht protokollieren und hat deshalb nichts an Intune gesendet.',
  },
} as const;

/** One agent's browser, signed in at one instance, with the confirm dialog for `d` open and the ticket filled in. */
async function dialogAt(
  browser: Browser,
  origin: string,
  upn: string,
  lang: keyof typeof WORDS,
  d: EmulatedDevice,
  ticket: string,
): Promise<{ page: Page; dialog: Locator; words: (typeof WORDS)[keyof typeof WORDS] }> {
  const words = WORDS[lang];
  const context = await browser.newContext({
    baseURL: origin,
    locale: lang === 'de' ? 'de-DE' : 'en-GB',
  });
  const page = await context.newPage();
  await signIn(page, upn, origin);
  await findBySerial(page, d, words.search);
  await actionButton(page, d, words.action, words.serial).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.getByLabel(words.ticket).fill(ticket);
  return { page, dialog, words };
}

const logOf = (i: number) => readFileSync(logFiles[i] ?? '', 'utf8');
const jsonLines = (log: string) =>
  log
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

test('database stopped: Confirm explains that nothing was sent, health names the database; restarted: both instances serve again', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const devices = [
    await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' }),
    await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' }),
  ];
  // One agent reads English, the other German.
  const at = await Promise.all([
    dialogAt(browser, origins[0]!, DEMO_ACCOUNTS.helpdesk, 'en', devices[0]!, 'INC-8800'),
    dialogAt(browser, origins[1]!, DEMO_ACCOUNTS.admin, 'de', devices[1]!, 'INC-8801'),
  ]);
  // Each instance has just used the database (the health check reads it), so each holds idle connections, which a
  // database restart ends under it: the moment the pool used to turn into an uncaught exception.
  for (const origin of origins) expect((await health(origin)).status).toBe(200);
  await emulator.clearRequests();

  pg.halt();
  for (const { dialog, words } of at) {
    await dialog.getByTestId('confirm-action').click();
    await expect(dialog.getByTestId('action-result')).toContainText(words.notRecorded);
    await expect(dialog.locator('[data-result="storeUnavailable"]')).toBeVisible();
  }
  expect(await emulator.requests({ method: 'POST' })).toEqual([]);
  // Finding a device needs Graph, not the console's database: the search still works.
  const { page: english } = at[0]!;
  await english.keyboard.press('Escape');
  await findBySerial(english, devices[1]!);

  for (const origin of origins) {
    const h = await health(origin);
    expect(h.status).toBe(503);
    expect(h.body).toMatchObject({
      status: 'failing',
      checks: {
        configuration: { ok: true },
        database: { ok: false, dialect: 'postgres', error: expect.stringMatching(/ECONNREFUSED/) },
        // Not checked while the database cannot be reached: not "failed".
        migrations: { ok: null, pending: [] },
      },
    });
    expect(JSON.stringify(h.body)).not.toMatch(/postgres:\/\//);
  }
  for (const i of [0, 1]) {
    const log = logOf(i);
    expect(log, `instance ${i}`).not.toMatch(/uncaughtException/i);
    expect(log, `instance ${i}`).not.toMatch(/secretKey/i);
    // The lost connections are logged once, at warn, with the database's code and message only.
    const lost = jsonLines(log).filter(
      (e) => e.source === 'audit-db' && e.event === 'connectionLost',
    );
    expect(lost, `instance ${i}`).toHaveLength(1);
    expect(lost[0]).toMatchObject({ level: 'warn', code: '57P01' });
  }

  pg.startAgain();
  // The same instances (never restarted), the German agent in the same dialog: Confirm again goes through, once
  // per device.
  await findBySerial(english, devices[0]!);
  await actionButton(english, devices[0]!, 'Remove passcode').click();
  await at[0]!.dialog.getByLabel('Ticket reference').fill('INC-8800');
  for (const { dialog } of at) {
    await dialog.getByTestId('confirm-action').click();
    await expect(dialog.getByTestId('action-result')).toHaveAttribute('data-result', 'accepted');
  }
  for (const d of devices) expect(await postsFor(d)).toHaveLength(1);
  for (const origin of origins) await waitForHealth(origin);
  for (const c of consoles) expect(c.exitCode).toBeNull();
  for (const i of [0, 1]) {
    expect(logOf(i)).not.toMatch(/uncaughtException/i);
    expect(logOf(i)).not.toMatch(/secretKey/i);
  }
  for (const { page } of at) await page.context().close();
});
