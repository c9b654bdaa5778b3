// Verified ID with Face Check, end to end against the emulated Request Service. The first test is the agent's real
// UI: "Verify with Verified ID" in the passcode dialog's verification form starts a presentation request, the caller
// presents a credential in the emulator's demo wallet, the Request Service's callback decides, and the form shows the
// verification the server wrote, which the confirmed action then carries. The other tests drive what the component
// drives (the start route, the wallet, the status route) directly, to check the server's refusals.
import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { DEMO_ACCOUNTS } from '../emulator/constants';
import { E2E } from '../playwright.config';
import { actionButton, findBySerial, freshDevice, openDialog } from './actions';
import { emulator, type EmulatedDevice } from './emulator';
import { expect, test } from './fixtures';
import { signIn } from './sign-in';

// Nothing a test before this one left on this worker's emulator (a fault rule it set and could not clear because it
// failed) may decide these tests.
test.beforeEach(async () => {
  await emulator.clearFaults();
});

const WALLET = `${E2E.emulatorOrigin}/verifiedid/wallet`;

/** Signs in as the helpdesk agent, searches the device, and keeps the Graph token the console's page sent. */
async function agentToken(page: Page, d: EmulatedDevice): Promise<string> {
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  const read = page.waitForRequest(
    (r) => r.url().includes('/api/devices') && !!r.headers().authorization,
  );
  await findBySerial(page, d);
  const header = (await read).headers().authorization ?? '';
  return header.replace(/^Bearer /, '');
}

/** "Verify with Verified ID", as the component asks for it: the console's own origin, the agent's token. */
async function start(request: APIRequestContext, deviceId: string, token: string) {
  const res = await request.post('/api/verified-id/requests', {
    headers: { Authorization: `Bearer ${token}`, Origin: E2E.consoleOrigin },
    data: { deviceId },
  });
  expect(res.status()).toBe(200);
  const body = (await res.json()) as {
    status: string;
    requestId: string;
    qrCode: string;
    url: string;
  };
  expect(body.status).toBe('started');
  expect(body.qrCode).toMatch(/^data:image\/png;base64,iVBOR/);
  expect(body.url).toMatch(/^openid-vc:\/\/\?request_uri=/);
  return body.requestId;
}

interface Status {
  status: string;
  failure: string | null;
  score: number | null;
  threshold: number;
  verification: { id: string; verified: boolean; evidence: Record<string, unknown> } | null;
}
async function status(
  request: APIRequestContext,
  requestId: string,
  token: string,
): Promise<Status> {
  const res = await request.get(`/api/verified-id/requests/${requestId}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(res.status()).toBe(200);
  return (await res.json()) as Status;
}

/** The caller's side: open the request in the demo wallet and present as `upn` with a Face Check score. */
async function present(page: Page, requestId: string, upn: string, score: number) {
  await page.goto(WALLET);
  await page.getByLabel('Open a request by its id').fill(requestId);
  await page.getByRole('button', { name: 'Open' }).click();
  await page.getByLabel('Present as (user principal name)').fill(upn);
  await page.getByLabel('Face Check score (0–100)').fill(String(score));
  await page.getByRole('button', { name: 'Share' }).click();
  return page.getByTestId('verifier-status');
}

function verificationsOf(requestId: string): { verified: number; evidence: string }[] {
  const db = new Database(join(E2E.dataDir, 'audit.sqlite'), {
    readonly: true,
    fileMustExist: true,
  });
  try {
    return (
      db.prepare('SELECT verified, evidence FROM caller_verifications').all() as {
        verified: number;
        evidence: string;
      }[]
    ).filter((r) => (JSON.parse(r.evidence) as { requestId?: string }).requestId === requestId);
  } finally {
    db.close();
  }
}

test("the device user's credential with a good Face Check verifies; a replayed callback is refused", async ({
  page,
  request,
  context,
}) => {
  const d = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
  const token = await agentToken(page, d);
  const dialog = await openDialog(page, d, 'Remove passcode');
  const verify = dialog.getByTestId('caller-panel').getByTestId('verification');
  await verify.getByRole('button', { name: 'Verify with Verified ID' }).click();
  const progress = verify.getByTestId('verified-id-progress');
  await expect(progress.getByRole('img', { name: /^QR code for the caller/ })).toHaveAttribute(
    'src',
    /^data:image\/png;base64,iVBOR/,
  );
  await expect(progress).toContainText('Face Check must score at least 70.');
  await expect(progress.getByTestId('verified-id-status')).toHaveAttribute(
    'data-status',
    'waiting',
  );
  const requestId = (await progress.getAttribute('data-request-id')) ?? '';
  expect(requestId).not.toBe('');

  const wallet = await context.newPage();
  await expect(await present(wallet, requestId, d.userPrincipalName, 91.5)).toHaveText('200');
  // The component polls the status, and hands the verification the server wrote to the form, which shows it.
  const recorded = verify.getByTestId('verification-recorded');
  await expect(recorded).toHaveAttribute('data-method', 'verifiedId');
  await expect(recorded).toContainText('Verified ID, Face Check 91.5 (threshold 70).');
  await expect(verify.getByTestId('verified-id-check')).toBeHidden();
  const verificationId = (await recorded.getAttribute('data-verification-id')) ?? '';
  expect(await status(request, requestId, token)).toMatchObject({
    status: 'verified',
    failure: null,
    score: 91.5,
    verification: {
      id: verificationId,
      verified: true,
      evidence: { method: 'verifiedId', requestId, score: 91.5, threshold: 70, failure: null },
    },
  });

  // The same callback again, byte for byte with its api key: refused as a replay, nothing more recorded.
  const replay = await fetch(`${E2E.emulatorOrigin}/_emulator/verified-id/replay-last-callback`, {
    method: 'POST',
  });
  expect(await replay.json()).toMatchObject({ requestId, status: 409 });
  expect(verificationsOf(requestId)).toHaveLength(1);
  expect((await status(request, requestId, token)).verification?.id).toBe(verificationId);

  // The action carries the verification: the result view names it with the score against the threshold.
  await dialog.getByLabel('Ticket reference').fill(`VID-${randomInt(100_000_000, 1_000_000_000)}`);
  await dialog.getByTestId('confirm-action').click();
  await expect(dialog.getByTestId('action-result')).toHaveAttribute('data-result', 'accepted');
  const shown = dialog.getByTestId('action-verification');
  await expect(shown).toHaveAttribute('data-method', 'verifiedId');
  await expect(shown).toContainText(
    'Caller verification: Verified ID, Face Check 91.5 (threshold 70); by Hanna Berger, ',
  );
});

test("another user's credential is refused as a subject mismatch", async ({
  page,
  request,
  context,
}) => {
  const d = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
  const other = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
  expect(other.userPrincipalName.toLowerCase()).not.toBe(d.userPrincipalName.toLowerCase());
  const token = await agentToken(page, d);
  const requestId = await start(request, d.id, token);
  const wallet = await context.newPage();
  await expect(await present(wallet, requestId, other.userPrincipalName, 97)).toHaveText('200');
  await expect.poll(async () => (await status(request, requestId, token)).status).toBe('failed');
  expect(await status(request, requestId, token)).toMatchObject({
    failure: 'subjectMismatch',
    verification: { verified: false, evidence: { failure: 'subjectMismatch' } },
  });
  expect(verificationsOf(requestId)).toEqual([expect.objectContaining({ verified: 0 })]);
});

test('a Face Check score below the threshold is refused', async ({ page, request, context }) => {
  const d = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
  const token = await agentToken(page, d);
  const requestId = await start(request, d.id, token);
  const wallet = await context.newPage();
  await expect(await present(wallet, requestId, d.userPrincipalName, 55)).toHaveText('200');
  await expect.poll(async () => (await status(request, requestId, token)).status).toBe('failed');
  expect(await status(request, requestId, token)).toMatchObject({
    failure: 'lowScore',
    score: 55,
    verification: { verified: false },
  });
});

test.describe('in German', () => {
  test.use({ locale: 'de-DE' });

  test('a Face Check score below the threshold is shown as refused in the dialog, with the score in German, and nothing is recorded in the form', async ({
    page,
    context,
  }) => {
    const d = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
    await signIn(page, DEMO_ACCOUNTS.helpdesk);
    await findBySerial(page, d, 'Geräte suchen');
    await actionButton(page, d, 'Kennung entfernen', 'Seriennummer').click();
    const dialog = page.getByRole('alertdialog');
    const verify = dialog.getByTestId('caller-panel').getByTestId('verification');
    await verify.getByRole('button', { name: 'Mit Verified ID prüfen' }).click();
    const progress = verify.getByTestId('verified-id-progress');
    await expect(progress.getByRole('img', { name: /^QR-Code, den die anrufende/ })).toBeVisible();
    await expect(progress).toContainText('Face Check muss mindestens 70 erreichen.');
    const requestId = (await progress.getAttribute('data-request-id')) ?? '';
    expect(requestId).not.toBe('');

    const wallet = await context.newPage();
    await expect(await present(wallet, requestId, d.userPrincipalName, 55.5)).toHaveText('200');
    await expect(progress.getByTestId('verified-id-status')).toHaveAttribute(
      'data-status',
      'failed',
    );
    await expect(progress.getByTestId('verified-id-status')).toHaveText(
      'Nicht bestätigt: Der Face-Check-Wert liegt unter der Schwelle.',
    );
    await expect(progress.getByTestId('verified-id-score')).toHaveText(
      'Face-Check-Wert 55,5 (Schwelle 70)',
    );
    await expect(progress.getByRole('img')).toBeHidden();
    await expect(progress.getByRole('button', { name: 'Neu starten' })).toBeVisible();
    // The server wrote the failed verification; the form records nothing, so the agent can still verify otherwise.
    await expect(verify.getByTestId('verification-recorded')).toHaveCount(0);
    await expect(verify.getByTestId('record-verification')).toBeVisible();
    expect(verificationsOf(requestId)).toEqual([expect.objectContaining({ verified: 0 })]);
  });
});

test('a forged callback without the api key is refused, and records nothing', async ({
  page,
  request,
}) => {
  const d = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
  const token = await agentToken(page, d);
  const requestId = await start(request, d.id, token);
  const forged = await request.post('/api/verified-id/callback', {
    data: { requestId, requestStatus: 'presentation_verified', state: 'guessed' },
  });
  expect(forged.status()).toBe(401);
  expect((await status(request, requestId, token)).status).toBe('waiting');
  expect(verificationsOf(requestId)).toHaveLength(0);
});
