// VERIFY_CALLER=required end to end (security.md case 24), on a console of its own sharing this worker's audit
// database: an empty Confirm marks the missing verification with the ticket and moves the focus to it, first in the
// form's order; Confirm without a verification is refused before Graph and the dialog says why (English and German); a
// forged server-action call without one, or naming a forged id or another agent's, sends nothing (0 POSTs); with
// this agent's recent verification of the device's user the action goes, and the device page and the activity page
// show how the caller was verified.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import type { APIRequestContext, Browser } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../emulator/constants';
import { consoleEnv, E2E } from '../playwright.config';
import { findBySerial, freshDevice, postsFor } from './actions';
import { auditRecords } from './audit';
import { emulator, type EmulatedDevice } from './emulator';
import { expect, test } from './fixtures';
import { passcodeActionId, postServerAction } from './server-action';
import { signIn } from './sign-in';
import { recordVerification } from './verifications';

const origin = E2E.requiredOrigin;
let server: ChildProcess | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const log = createWriteStream(E2E.requiredLogFiles()[0] ?? '');
  server = spawn(process.execPath, ['.next/standalone/server.js'], {
    env: { ...process.env, ...consoleEnv, VERIFY_CALLER: 'required', PORT: new URL(origin).port },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  await expect
    .poll(
      () =>
        fetch(`${origin}/api/health`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 60_000 },
    )
    .toBe(200);
});

test.afterAll(async () => {
  const s = server;
  if (!s || s.exitCode !== null || s.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    s.once('exit', () => resolve());
    s.kill('SIGTERM');
  });
});

test.beforeEach(async () => {
  await emulator.reset();
});

const WORDS = {
  en: {
    search: 'Search devices',
    action: 'Remove passcode',
    serial: 'serial',
    ticket: 'Ticket reference',
    refused: 'Nothing was sent: record how you verified the caller first',
    needs: 'Verify the caller before you confirm.',
    missing: 'Still missing before Confirm: how the caller was verified and the ticket reference.',
  },
  de: {
    search: 'Geräte suchen',
    action: 'Kennung entfernen',
    serial: 'Seriennummer',
    ticket: 'Ticketnummer',
    refused:
      'Es wurde nichts gesendet: Erfassen Sie zuerst, wie Sie die anrufende Person überprüft haben',
    needs: 'Überprüfen Sie die anrufende Person, bevor Sie bestätigen.',
    missing:
      'Vor dem Bestätigen fehlt noch: wie die anrufende Person überprüft wurde und die Ticketnummer.',
  },
} as const;

/** Confirm in the dialog at the `required` console, in `lang`; the server action's body as the browser sent it. */
async function confirmAt(
  browser: Browser,
  lang: keyof typeof WORDS,
  d: EmulatedDevice,
  ticket: string,
) {
  const words = WORDS[lang];
  const context = await browser.newContext({
    baseURL: origin,
    locale: lang === 'de' ? 'de-DE' : 'en-GB',
  });
  const page = await context.newPage();
  await signIn(page, DEMO_ACCOUNTS.helpdesk, origin);
  await findBySerial(page, d, words.search);
  await page
    .getByRole('button', {
      name: `${words.action}: ${d.deviceName}, ${words.serial} ${d.serialNumber}`,
    })
    .click();
  const dialog = page.getByRole('alertdialog');
  // An empty Confirm, once the server's policy is on screen: the choice of method is marked with the ticket, its
  // message tied to it, both in the list of what is missing, and the focus on its first option (first in the form).
  await expect(dialog.getByTestId('verification-policy')).toHaveAttribute('data-mode', 'required');
  await dialog.getByTestId('confirm-action').click();
  const methods = dialog.getByTestId('verification-methods');
  await expect(methods).toHaveAttribute('aria-invalid', 'true');
  await expect(methods).toHaveAccessibleDescription(words.needs);
  await expect(dialog.getByLabel(words.ticket)).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByTestId('form-missing')).toHaveText(words.missing);
  await expect(methods.getByRole('radio').first()).toBeFocused();
  await expect(methods.getByRole('radio').first()).toBeInViewport({ ratio: 1 });
  await dialog.getByLabel(words.ticket).fill(ticket);
  // A part being fixed is no longer marked: the ticket's mark goes as it is typed, the verification's stays, and one
  // missing part left needs no list.
  await expect(dialog.getByLabel(words.ticket)).not.toHaveAttribute('aria-invalid', 'true');
  await expect(methods).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByTestId('form-missing')).toHaveCount(0);
  const sent = page.waitForRequest(
    (r) => r.method() === 'POST' && r.headers()['next-action'] === passcodeActionId(),
  );
  await dialog.getByTestId('confirm-action').click();
  const body = (await sent).postData() ?? '';
  const refusal = dialog.locator('[data-result="verificationRequired"]');
  await expect(refusal).toContainText(words.refused);
  // The server's refusal is the truth the form shows: the verification stays marked; the ticket no longer is.
  await expect(methods).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel(words.ticket)).not.toHaveAttribute('aria-invalid', 'true');
  return { page, body };
}

/** The browser's body with the input changed: what a forged call sends. */
function forged(body: string, change: Record<string, string>): string {
  const args = JSON.parse(body) as [Record<string, unknown>, ...unknown[]];
  return JSON.stringify([{ ...args[0], ...change }, ...args.slice(1)]);
}

const send = (request: APIRequestContext, body: string) =>
  postServerAction(request, body, origin, origin);

const lastDetail = (d: EmulatedDevice) =>
  auditRecords(d.id)
    .filter((r) => r.kind === 'outcome')
    .at(-1)?.detail;

test('required: Confirm without a verification is refused before Graph, in English and German', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const en = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
  const de = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
  await confirmAt(browser, 'en', en, 'INC-7001');
  await confirmAt(browser, 'de', de, 'INC-7002');
  for (const d of [en, de]) {
    expect(await postsFor(d)).toEqual([]);
    expect(lastDetail(d)).toMatch(/^verificationRequired: missing;/);
  }
});

test("required: forged calls without a verification, with a forged id or another agent's send nothing; this agent's recent one goes, and is shown", async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const d = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
  const { page, body } = await confirmAt(browser, 'en', d, 'INC-7003');
  // The refused attempt names the agent as Graph verified them: the oid a verification of theirs carries.
  const oid = (auditRecords(d.id)[0] as unknown as { actor_oid: string }).actor_oid;
  const other = (o: string) =>
    recordVerification({
      agent: { oid: o, upn: o === oid ? DEMO_ACCOUNTS.helpdesk : DEMO_ACCOUNTS.admin, name: null },
      subjectUserId: d.userId,
      deviceId: d.id,
      verified: true,
      evidence: {
        method: 'callBack',
        phoneLast: '4567',
        phoneSource: 'mobilePhone',
        phoneType: null,
      },
    });

  expect((await send(request, body)).status()).toBe(200);
  expect(lastDetail(d)).toMatch(/^verificationRequired: missing;/);
  expect((await send(request, forged(body, { verificationId: randomUUID() }))).status()).toBe(200);
  expect(lastDetail(d)).toMatch(/^verificationRequired: unknown;/);
  const someoneElses = other(randomUUID());
  expect((await send(request, forged(body, { verificationId: someoneElses }))).status()).toBe(200);
  expect(lastDetail(d)).toMatch(/^verificationRequired: otherAgent;/);
  expect(await postsFor(d)).toEqual([]);

  const own = other(oid);
  expect((await send(request, forged(body, { verificationId: own }))).status()).toBe(200);
  await expect.poll(async () => (await postsFor(d)).length).toBe(1);
  const outcome = auditRecords(d.id)
    .filter((r) => r.kind === 'outcome')
    .at(-1);
  expect(outcome?.outcome).toBe('accepted');
  expect((outcome as unknown as { verification_id: string }).verification_id).toBe(own);

  // What the server recorded is what the device page and the activity page show.
  await page.goto(`/devices/${d.id}`);
  await expect(page.getByTestId('action-verification').first()).toContainText(
    'Caller verification: call-back on …4567',
  );
  await page.goto('/activity?ticket=INC-7003');
  const row = page
    .getByTestId('activity-row')
    .filter({ has: page.getByTestId('activity-verification').filter({ hasText: '…4567' }) });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('activity-verification')).toHaveAttribute('data-method', 'callBack');
});
