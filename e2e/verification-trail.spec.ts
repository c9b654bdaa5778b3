// The caller verification an action rests on, end to end through the real UI (issue 19): recorded in the dialog's
// verification form (a call-back on the user's number of record in English, the manager's confirmation in German),
// then shown wherever an agent looks at the action: the result view, the tray, the device page, "Copy for ticket"
// and both activity exports, with the number's last digits only. The suite's console runs VERIFY_CALLER=off, where
// recording is optional but still recorded and carried with the action.
import { randomInt } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../emulator/constants';
import { E2E } from '../playwright.config';
import { findBySerial, freshDevice, trayItem } from './actions';
import { lastCopied, recordClipboard } from './clipboard';
import { emulator, type EmulatedDevice } from './emulator';
import { downloaded, parseCsv } from './exports';
import { expect, test } from './fixtures';
import { signIn } from './sign-in';

const WORDS = {
  en: {
    search: 'Search devices',
    action: 'Remove passcode',
    serial: 'serial',
    ticket: 'Ticket reference',
    close: 'Close',
    cancel: 'Cancel',
    callBack: 'Called back on a number of record',
    managerCallBack: 'The manager confirmed, called on the manager’s number',
    noUserNumbers: 'No number of record to call back',
    noManagerNumbers: 'No manager’s number of record',
  },
  de: {
    search: 'Geräte suchen',
    action: 'Kennung entfernen',
    serial: 'Seriennummer',
    ticket: 'Ticketnummer',
    close: 'Schließen',
    cancel: 'Abbrechen',
    callBack: 'Rückruf unter einer hinterlegten Nummer',
    managerCallBack:
      'Die vorgesetzte Person hat bestätigt; angerufen unter ihrer hinterlegten Nummer',
    noUserNumbers: 'Keine hinterlegte Nummer für einen Rückruf',
    noManagerNumbers: 'Keine hinterlegte Nummer der vorgesetzten Person',
  },
} as const;
type Lang = keyof typeof WORDS;
type Method = 'callBack' | 'managerCallBack';

/** What the server keeps of a number: its last four digits (lib/server/trust/numbers-of-record.ts). */
const lastFour = (number: string) => number.replace(/\D/g, '').slice(-4);
/** A ticket no other action of this run carries, so the activity page's ticket filter finds this action alone. */
const newTicket = () => `VT-${randomInt(100_000_000, 1_000_000_000)}`;
const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test.beforeEach(async () => {
  await emulator.reset();
  await emulator.timings({ pickupMs: 1000, completeMs: 1000 });
});

/**
 * Opens the passcode dialog of a fresh device whose user (or whose manager, for managerCallBack) has a number of
 * record, and picks the method. The seeded directory gives most users numbers and a manager, not all: a device whose
 * form offers no number is cancelled and the next one tried, so the test never depends on which devices earlier
 * tests in this worker took.
 */
async function dialogWithNumbers(page: Page, lang: Lang, method: Method) {
  const words = WORDS[lang];
  for (let attempt = 0; attempt < 8; attempt++) {
    const d = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
    await findBySerial(page, d, words.search);
    await page
      .getByRole('button', {
        name: `${words.action}: ${d.deviceName}, ${words.serial} ${d.serialNumber}`,
      })
      .click();
    const dialog = page.getByRole('alertdialog');
    const verify = dialog.getByTestId('caller-panel').getByTestId('verification');
    await verify.getByLabel(words[method]).check();
    // The numbers offered for the chosen method: each a radio labelled with the number, then its kind.
    const choices = verify
      .locator('label')
      .filter({ has: page.getByRole('radio', { name: /^\+\d/ }) });
    const none = verify.getByText(
      method === 'callBack' ? words.noUserNumbers : words.noManagerNumbers,
    );
    await expect(choices.first().or(none)).toBeVisible();
    if ((await choices.count()) > 0) return { d, dialog, verify, choice: choices.first() };
    await dialog.getByRole('button', { name: words.cancel }).click();
    await expect(dialog).toBeHidden();
  }
  throw new Error(`no fresh device whose form offers a number for ${method}`);
}

/** Records the method on the chosen number; what the form says the server recorded, and the number's last digits. */
async function record(verify: Locator, choice: Locator) {
  const number = /^\+[\d ]*\d/.exec(await choice.innerText())?.[0] ?? '';
  expect(number).not.toBe('');
  await choice.getByRole('radio').check();
  await verify.getByTestId('record-verification').click();
  const recorded = verify.getByTestId('verification-recorded');
  await expect(recorded).toBeVisible();
  const id = (await recorded.getAttribute('data-verification-id')) ?? '';
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  return { recorded, id, last: lastFour(number), number };
}

async function confirmWith(dialog: Locator, lang: Lang, ticket: string) {
  await dialog.getByLabel(WORDS[lang].ticket).fill(ticket);
  await dialog.getByTestId('confirm-action').click();
  await expect(dialog.getByTestId('action-result')).toHaveAttribute('data-result', 'accepted');
}

/** Both exports of the activity page as filtered by ticket: the one row each holds. */
async function exportedRows(page: Page) {
  const [csvFile] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-csv').click(),
  ]);
  const [header, ...records] = parseCsv((await downloaded(csvFile)).replace(/^\uFEFF/, ''));
  expect(records).toHaveLength(1);
  const csv = Object.fromEntries((header ?? []).map((h, i) => [h, records[0]?.[i] ?? '']));
  const [jsonlFile] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-jsonl').click(),
  ]);
  const lines = (await downloaded(jsonlFile)).trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  const json = JSON.parse(lines[0] ?? '{}') as Record<string, string | null>;
  return { csv, json };
}

/** The same verification in both exports: method, evidence (last digits only), agent, its id. */
function expectExported(
  rows: { csv: Record<string, string>; json: Record<string, string | null> },
  expected: { method: Method; evidence: RegExp; id: string; number: string },
) {
  for (const row of [rows.csv, rows.json]) {
    expect(row.verification_method).toBe(expected.method);
    expect(row.verification_verified).toBe('true');
    expect(row.verification_evidence).toMatch(expected.evidence);
    expect(row.verification_evidence).not.toContain(expected.number.replace(/\D/g, '').slice(-7));
    expect(row.verification_agent_upn).toBe(DEMO_ACCOUNTS.helpdesk);
    expect(row.verification_time_utc).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
    expect(row.verification_id).toBe(expected.id);
  }
}

async function openActivity(page: Page, ticket: string, d: EmulatedDevice) {
  await page.goto(`/activity?ticket=${ticket}`);
  const row = page.getByTestId('activity-row').filter({ hasText: d.deviceName });
  await expect(row).toHaveCount(1);
  return row;
}

test('a call-back on the user\'s number of record is shown in the result view, the tray, the device page, "Copy for ticket" and both exports', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-write'], { origin: E2E.consoleOrigin });
  await recordClipboard(page);
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  const { d, dialog, verify, choice } = await dialogWithNumbers(page, 'en', 'callBack');
  await expect(verify.getByTestId('verification-policy')).toHaveAttribute('data-mode', 'off');
  const v = await record(verify, choice);
  await expect(v.recorded).toContainText(`called back on the number ending ${v.last}`);
  await expect(v.recorded).toHaveAttribute('data-method', 'callBack');

  const ticket = newTicket();
  await confirmWith(dialog, 'en', ticket);
  const line = `Caller verification: call-back on …${v.last}; by Hanna Berger, `;
  const shown = dialog.getByTestId('action-verification');
  await expect(shown).toContainText(line);
  await expect(shown).toHaveAttribute('data-method', 'callBack');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await expect(trayItem(page, d).getByTestId('action-verification')).toContainText(line);

  await page.goto(`/devices/${d.id}`);
  await expect(page.getByTestId('history-ours').getByTestId('action-verification')).toContainText(
    line,
  );

  const row = await openActivity(page, ticket, d);
  await expect(row.getByTestId('activity-verification')).toHaveAttribute('data-method', 'callBack');
  await expect(row.getByTestId('activity-verification')).toContainText(
    `call-back on …${v.last}; by Hanna Berger, `,
  );
  await row.getByTestId('copy-for-ticket').click();
  const copied = await lastCopied(page);
  expect(copied).toContain(`\n${line}`);
  expect(copied).toContain(`Ticket: ${ticket}`);
  expect(copied).not.toContain(v.number.replace(/\D/g, '').slice(-7));

  expectExported(await exportedRows(page), {
    method: 'callBack',
    evidence: new RegExp(`^call-back on …${v.last} \\(\\w+\\)$`),
    id: v.id,
    number: v.number,
  });
});

test.describe('in German', () => {
  test.use({ locale: 'de-DE' });

  test('the manager\'s confirmation by call-back is shown in German in the result view, the tray, the device page and "Copy for ticket", and in both exports', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-write'], { origin: E2E.consoleOrigin });
    await recordClipboard(page);
    await signIn(page, DEMO_ACCOUNTS.helpdesk);
    const { d, dialog, verify, choice } = await dialogWithNumbers(page, 'de', 'managerCallBack');
    const manager =
      (await dialog.getByTestId('caller-manager').locator('p').first().textContent())?.split(
        ' · ',
      )[0] ?? '';
    expect(manager).not.toBe('');
    const v = await record(verify, choice);
    await expect(v.recorded).toContainText(
      `${manager} hat bestätigt, angerufen unter der Nummer mit der Endung ${v.last}.`,
    );
    await expect(v.recorded).toHaveAttribute('data-method', 'managerCallBack');

    const ticket = newTicket();
    await confirmWith(dialog, 'de', ticket);
    const line = `Überprüfung der anrufenden Person: ${manager} hat per Rückruf unter …${v.last} bestätigt; von Hanna Berger, `;
    await expect(dialog.getByTestId('action-verification')).toContainText(line);
    await dialog.getByRole('button', { name: 'Schließen' }).click();

    await expect(trayItem(page, d).getByTestId('action-verification')).toContainText(line);

    await page.goto(`/devices/${d.id}`);
    await expect(page.getByTestId('history-ours').getByTestId('action-verification')).toContainText(
      line,
    );

    const row = await openActivity(page, ticket, d);
    await expect(row.getByTestId('activity-verification')).toContainText(
      `${manager} hat per Rückruf unter …${v.last} bestätigt; von Hanna Berger, `,
    );
    await row.getByTestId('copy-for-ticket').click();
    const copied = await lastCopied(page);
    expect(copied).toContain(`\n${line}`);
    expect(copied).toContain(`Ticket: ${ticket}`);

    // The exports are data for auditors' scripts: the same words in every language.
    expectExported(await exportedRows(page), {
      method: 'managerCallBack',
      evidence: new RegExp(
        `^manager ${escaped(manager)} \\([0-9a-f-]{36}\\) confirmed on a call-back on …${v.last} \\(\\w+\\)$`,
      ),
      id: v.id,
      number: v.number,
    });
  });
});
