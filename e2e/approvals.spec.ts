// Four-eyes end to end (issue 15/17), on a console of its own with APPROVAL_REQUIRED (the Executives group, the
// removePasscode kind, reveals) sharing this worker's audit database: a request waits instead of posting and the
// approvers' group is e-mailed; an approver in a second browser approves and the requester sends exactly one POST;
// a denial with its reason; an expiry; the requester cannot approve their own (page and forged call); an approval
// for device A sends nothing to device B or as another kind; a reveal under approval, once; and a denial in German.
// Every test asserts what the requester sees and what reached the emulator (exact POST counts). The tray reads a
// waiting request again every 15 s (APPROVAL_POLL_MS), so a decision reaches it within 25 s.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import type { APIRequestContext, Browser, Locator, Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../emulator/constants';
import { DEMO_GROUPS } from '../emulator/tenant/groups';
import { consoleEnv, E2E } from '../playwright.config';
import { findBySerial, freshDevice, postsFor, trayItem } from './actions';
import { approvalRow, expireApproval, releaseGuard, withdrawSeeded } from './approvals';
import { lastCopied, recordClipboard } from './clipboard';
import { emulator, type EmulatedDevice } from './emulator';
import { expect, test } from './fixtures';
import { passcodeActionId, postServerAction, serverActionId } from './server-action';
import { signIn } from './sign-in';

const origin = E2E.approvalOrigin;
const APPROVER_NAME = 'Priya Raman';
const APPROVERS_MAIL = 'passcode-approvers@contoso.com';
let server: ChildProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const log = createWriteStream(E2E.approvalLogFiles()[0] ?? '');
  server = spawn(process.execPath, ['.next/standalone/server.js'], {
    env: {
      ...process.env,
      ...consoleEnv,
      APPROVAL_REQUIRED: `${DEMO_GROUPS.executives},removePasscode,reveal`,
      APPROVAL_NOTIFY_TO: DEMO_GROUPS.approvers,
      PORT: new URL(origin).port,
    },
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

// Requests a test leaves waiting are withdrawn after it, so later specs on this worker's database do not list them.
const left: string[] = [];
// Named devices other specs confirm on too: the guard this spec's send leaves is let go after the test.
const guarded: string[] = [];
test.afterEach(() => {
  withdrawSeeded(left.splice(0));
  for (const id of guarded.splice(0)) releaseGuard(id);
});

const WORDS = {
  en: {
    locale: 'en-GB',
    search: 'Search devices',
    remove: 'Remove passcode',
    reset: 'Reset passcode',
    serial: 'serial',
    ticket: 'Ticket reference',
    reason: 'Reason for the approver',
    decisionReason: 'Reason for your decision',
    approve: 'Approve',
    deny: 'Deny',
    waiting: 'Waiting for approval · expires',
    until: "The request waits for a second agent's approval until",
  },
  de: {
    locale: 'de-DE',
    search: 'Geräte suchen',
    remove: 'Kennung entfernen',
    reset: 'Kennung zurücksetzen',
    serial: 'Seriennummer',
    ticket: 'Ticketnummer',
    reason: 'Begründung für die Freigabe',
    decisionReason: 'Begründung Ihrer Entscheidung',
    approve: 'Genehmigen',
    deny: 'Ablehnen',
    waiting: 'Wartet auf Freigabe · läuft ab um',
    until: 'Die Anfrage wartet bis',
  },
} as const;
type Lang = keyof typeof WORDS;

/** A browser of its own, signed in at the four-eyes console as `upn`. */
async function tab(browser: Browser, upn: string, lang: Lang = 'en'): Promise<Page> {
  const context = await browser.newContext({ baseURL: origin, locale: WORDS[lang].locale });
  const page = await context.newPage();
  await signIn(page, upn, origin);
  return page;
}

/** A ticket of this run (the default rule: letters, a dash, digits). */
const newTicket = () => `INC-${String(Date.now()).slice(-6)}`;

/** "14:32" of an instant, as the console shows a time (Berlin, 24 h). */
const hhmm = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Europe/Berlin',
  }).format(new Date(iso));

interface Requested {
  id: string;
  ticket: string;
  reason: string;
  /** The server action's body as the browser sent it: [input, accessToken]. */
  body: string;
  dialog: Locator;
  /** What the dialog said before Confirm: why a second agent must approve. */
  notice: string;
}

/**
 * The requester asks for `d`'s passcode removal in the dialog: the policy is shown before Confirm, the reason goes
 * to the approver, and Request approval answers that the request waits (nothing posted).
 */
async function requestApproval(
  page: Page,
  d: EmulatedDevice,
  lang: Lang = 'en',
): Promise<Requested> {
  const words = WORDS[lang];
  await page.goto('/');
  await findBySerial(page, d, words.search);
  await page
    .getByRole('button', {
      name: `${words.remove}: ${d.deviceName}, ${words.serial} ${d.serialNumber}`,
    })
    .click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog.getByTestId('approval-notice')).toBeVisible();
  const notice = (await dialog.getByTestId('approval-notice').textContent()) ?? '';
  const ticket = newTicket();
  const reason = `Caller locked out at the airport, ticket ${ticket}`;
  await dialog.getByLabel(words.ticket).fill(ticket);
  await dialog.getByLabel(words.reason).fill(reason);
  const sent = page.waitForRequest(
    (r) => r.method() === 'POST' && r.headers()['next-action'] === passcodeActionId(),
  );
  await dialog.getByTestId('confirm-action').click();
  const body = (await sent).postData() ?? '';
  const pending = dialog.locator('[data-result="approvalPending"]');
  await expect(pending).toBeVisible();
  const id = (await pending.getAttribute('data-approval-id')) ?? '';
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  left.push(id);
  const row = approvalRow(id);
  expect(row?.status).toBe('pending');
  await expect(dialog.getByTestId('approval-pending-until')).toContainText(
    `${words.until} ${hhmm(row?.expires_at ?? '')}`,
  );
  return { id, ticket, reason, body, dialog, notice };
}

/** The approver opens the request from /approvals and decides it with a reason. */
async function decide(
  page: Page,
  r: Requested,
  decision: 'approve' | 'deny',
  why: string,
  lang: Lang = 'en',
): Promise<Locator> {
  const words = WORDS[lang];
  await page.goto('/approvals');
  await page
    .getByTestId('approvals-open')
    .locator(`[data-approval-id="${r.id}"]`)
    .getByRole('link')
    .click();
  await expect(page).toHaveURL(new RegExp(`/approvals/${r.id}$`));
  const detail = page.getByTestId('approval-detail');
  await expect(detail.getByTestId('approval-reason')).toHaveText(r.reason);
  await expect(detail).toContainText(r.ticket);
  await detail.getByRole('textbox', { name: words.decisionReason }).fill(why);
  await detail
    .getByRole('button', { name: decision === 'approve' ? words.approve : words.deny })
    .click();
  await expect(detail.getByTestId('approval-decided')).toBeVisible();
  return detail;
}

/** The browser's body with the input changed: what a forged call sends. */
function forged(body: string, change: Record<string, string>): string {
  const args = JSON.parse(body) as [Record<string, unknown>, ...unknown[]];
  return JSON.stringify([{ ...args[0], ...change }, ...args.slice(1)]);
}

/** A forged passcode-action call at the four-eyes console; its answer as text (the result's JSON is in it). */
async function send(request: APIRequestContext, body: string): Promise<string> {
  const res = await postServerAction(request, body, origin, origin);
  expect(res.status()).toBe(200);
  return res.text();
}

const refusedFor = (problem: string) =>
  new RegExp(`"status":"approvalRefused".*"problem":"${problem}"`);

test("a device of a protected group's user waits for approval (0 POSTs, approvers e-mailed); approved in a second browser, the requester sends exactly one POST, and the approver is shown", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  // Zoë O'Brien is in Executives: her current iPhone (of two same-named ones, the one that synced lately).
  const zoes = (await emulator.devices({ user: 'zoe.obrien@contoso.com', limit: '10' }))
    .filter((x) => x.deviceName === "Zoë's iPhone")
    .sort((a, b) => Date.parse(b.lastSyncDateTime) - Date.parse(a.lastSyncDateTime));
  const d = zoes[0];
  if (!d) throw new Error("no Zoë's iPhone in the emulator");
  guarded.push(d.id);
  const requester = await tab(browser, DEMO_ACCOUNTS.helpdesk);
  await requester.context().grantPermissions(['clipboard-write'], { origin });
  await recordClipboard(requester);
  const approver = await tab(browser, DEMO_ACCOUNTS.approver);

  const r = await requestApproval(requester, d);
  // Asked before Confirm, with the group among the reasons (her iPhone's kind, removePasscode, is listed too).
  expect(r.notice).toContain("the device's user is in a group protected by four-eyes");
  await expect(r.dialog.getByTestId('approval-notice')).toHaveCount(0);
  await expect(r.dialog).toContainText(`Approval requested: Remove passcode on ${d.deviceName}`);
  await expect(r.dialog.getByTestId('approvers-notified')).toHaveAttribute('data-notified', 'sent');
  // The waiting view's Close sits in the dialog's sticky footer: on screen at 1280×720 with the body at its top.
  await requester.setViewportSize({ width: 1280, height: 720 });
  await r.dialog.evaluate((el) => el.scrollTo(0, 0));
  await expect(r.dialog.getByRole('button', { name: 'Close' })).toBeInViewport({ ratio: 1 });
  await r.dialog.getByRole('button', { name: 'Close' }).click();
  const item = trayItem(requester, d);
  await expect(item).toHaveAttribute('data-state', 'awaitingApproval');
  await expect(item.getByTestId('approval-step')).toContainText(WORDS.en.waiting);
  expect(await postsFor(d)).toEqual([]);

  // The approvers' group got one e-mail about it: device, ticket and reason, a link that only opens the page, and no
  // passcode, token or acting link.
  const mails = (await emulator.mail(APPROVERS_MAIL)).filter((m) => m.content.includes(r.ticket));
  expect(mails).toHaveLength(1);
  const mail = mails[0]!;
  expect(mail.toRecipients.map((t) => t.address)).toEqual([APPROVERS_MAIL]);
  // The group's members got it: the approver (Priya Raman's mailbox) among them.
  expect(
    (await emulator.mail('priya.raman@contoso.com')).filter((m) => m.content.includes(r.ticket)),
  ).toHaveLength(1);
  expect(mail.subject).toContain(d.deviceName);
  expect(mail.content).toContain(d.serialNumber);
  expect(mail.content).toContain(r.reason);
  expect(mail.content).not.toMatch(/eyJ|Bearer /);
  for (const url of mail.content.match(/https?:\/\/[^\s"'<>)]+/g) ?? []) {
    expect(url.replace(/[.,;]$/, '')).toBe(`${origin}/approvals`);
  }

  // The approver sees what the requester saw (the policy's reason: the protected group) and approves.
  await approver.goto(`/approvals/${r.id}`);
  const seen = approver.getByTestId('approval-detail');
  await expect(seen.getByTestId('approval-device')).toContainText(d.serialNumber);
  await expect(seen.getByTestId('approval-user')).toContainText("Zoë O'Brien");
  const detail = await decide(approver, r, 'approve', 'Called Zoë back on her number of record');
  await expect(detail.getByTestId('approval-state')).toHaveText('Approved');

  // The requester's tray says so (and a toast), offers Send now; one POST, under the request's id.
  await expect(item).toHaveAttribute('data-state', 'approved', { timeout: 25_000 });
  await expect(
    requester.locator('[data-sonner-toast]').filter({ hasText: `approved by ${APPROVER_NAME}` }),
  ).toBeVisible();
  await expect(item.getByTestId('approval-step')).toContainText(
    `Approved by ${APPROVER_NAME}: Called Zoë back on her number of record`,
  );
  expect(await postsFor(d)).toEqual([]);
  await item.getByTestId('send-approved').click();
  await expect.poll(async () => (await postsFor(d)).length).toBe(1);
  const [post] = await postsFor(d);
  expect(post?.clientRequestId).toBe(r.id);
  await expect(item).not.toHaveAttribute('data-state', 'approved');
  await requester.waitForTimeout(1500);
  expect(await postsFor(d)).toHaveLength(1);
  expect(approvalRow(r.id)?.status).toBe('sent');

  // The activity page and Copy for ticket name the approver.
  await requester.goto(`/activity?ticket=${r.ticket}`);
  const row = requester.getByTestId('activity-row').filter({ hasText: d.serialNumber });
  await expect(row.getByTestId('activity-approval')).toContainText(`approved by ${APPROVER_NAME}`);
  await row.getByTestId('copy-for-ticket').click();
  expect(await lastCopied(requester)).toContain(`approved by ${APPROVER_NAME}`);
  await requester.context().close();
  await approver.context().close();
});

test("a denial with a reason: the requester's tray shows it and the approver's reason, no Send, 0 POSTs", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const d = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
  const requester = await tab(browser, DEMO_ACCOUNTS.helpdesk);
  const approver = await tab(browser, DEMO_ACCOUNTS.approver);
  const r = await requestApproval(requester, d);
  await r.dialog.getByRole('button', { name: 'Close' }).click();
  const why = 'The caller could not be verified on any number';
  const detail = await decide(approver, r, 'deny', why);
  await expect(detail.getByTestId('approval-state')).toHaveText('Denied');

  const item = trayItem(requester, d);
  await expect(item).toHaveAttribute('data-state', 'approvalDenied', { timeout: 25_000 });
  await expect(item.getByTestId('approval-step')).toHaveText(`Denied by ${APPROVER_NAME}: ${why}`);
  await expect(item.getByTestId('send-approved')).toHaveCount(0);
  expect(await postsFor(d)).toEqual([]);
  expect(approvalRow(r.id)?.status).toBe('denied');
  // The device's timeline says how the request ended, not only that it was requested.
  await requester.goto(`/devices/${d.id}`);
  await expect(
    requester.getByTestId('device-timeline').getByTestId('timeline-approval'),
  ).toContainText(`denied by ${APPROVER_NAME}`);
  await requester.context().close();
  await approver.context().close();
});

test('an expired request: the tray says so, and a forged send with it is refused (expired), 0 POSTs', async ({
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const d = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
  const requester = await tab(browser, DEMO_ACCOUNTS.helpdesk);
  const r = await requestApproval(requester, d);
  await r.dialog.getByRole('button', { name: 'Close' }).click();
  const item = trayItem(requester, d);
  await expect(item).toHaveAttribute('data-state', 'awaitingApproval');

  // Time travel: its expiry moved into the past in the database, rather than waiting an hour.
  expireApproval(r.id);
  await item.getByTestId('check-now').click();
  await expect(item).toHaveAttribute('data-state', 'approvalExpired', { timeout: 25_000 });
  await expect(item.getByTestId('approval-step')).toContainText('Expired at');
  await expect(item.getByTestId('send-approved')).toHaveCount(0);

  expect(await send(request, forged(r.body, { approvalId: r.id }))).toMatch(refusedFor('expired'));
  expect(await postsFor(d)).toEqual([]);
  await requester.context().close();
});

test('the requester cannot approve their own: no buttons on the page and why, a forged decision refused (ownRequest), sending it refused (notApproved), 0 POSTs', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const d = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
  // The approver may request too: here they are the requester.
  const own = await tab(browser, DEMO_ACCOUNTS.approver);
  const r = await requestApproval(own, d);
  await r.dialog.getByRole('button', { name: 'Close' }).click();

  const [read] = await Promise.all([
    own.waitForRequest((q) => q.url().endsWith(`/api/approvals/${r.id}`)),
    own.goto(`/approvals/${r.id}`),
  ]);
  const detail = own.getByTestId('approval-detail');
  await expect(detail.getByTestId('approval-cannot-decide')).toHaveText(
    'You requested this; another approver must decide.',
  );
  await expect(detail.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await expect(detail.getByRole('button', { name: 'Deny' })).toHaveCount(0);

  // Forged with their own tokens (an ID token that does carry the Approver role): refused, still pending.
  const accessToken = (read.headers()['authorization'] ?? '').replace(/^Bearer /, '');
  const idToken = read.headers()['x-id-token'] ?? '';
  expect(accessToken).toMatch(/^eyJ/);
  expect(idToken).toMatch(/^eyJ/);
  const decision = await postServerAction(
    request,
    JSON.stringify([
      { approvalId: r.id, decision: 'approve', reason: 'I approve my own request, surely' },
      accessToken,
      idToken,
    ]),
    origin,
    origin,
    serverActionId('decideApproval'),
  );
  expect(decision.status()).toBe(200);
  expect(await decision.text()).toMatch(/"status":"refused".*"problem":"ownRequest"/);
  expect(approvalRow(r.id)?.status).toBe('pending');

  expect(await send(request, forged(r.body, { approvalId: r.id }))).toMatch(
    refusedFor('notApproved'),
  );
  expect(await postsFor(d)).toEqual([]);

  // Withdrawn from the tray: it ends, nothing sent.
  await own.goto('/');
  const item = trayItem(own, d);
  await item.getByTestId('withdraw-approval').click();
  await expect(item).toHaveAttribute('data-state', 'approvalWithdrawn');
  expect(approvalRow(r.id)?.status).toBe('withdrawn');
  expect(await postsFor(d)).toEqual([]);
  await own.context().close();
});

test("an approval for device A sends nothing to device B or as another kind (mismatch, 0 POSTs), and still sends A's once", async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const a = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
  const b = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
  const requester = await tab(browser, DEMO_ACCOUNTS.helpdesk);
  const approver = await tab(browser, DEMO_ACCOUNTS.approver);
  const r = await requestApproval(requester, a);
  await r.dialog.getByRole('button', { name: 'Close' }).click();
  await decide(approver, r, 'approve', 'Verified by call-back on the number of record');
  const item = trayItem(requester, a);
  await expect(item).toHaveAttribute('data-state', 'approved', { timeout: 25_000 });

  expect(await send(request, forged(r.body, { approvalId: r.id, deviceId: b.id }))).toMatch(
    refusedFor('mismatch'),
  );
  expect(
    await send(request, forged(r.body, { approvalId: r.id, kind: 'resetDevicePasscode' })),
  ).toMatch(refusedFor('mismatch'));
  expect(await postsFor(a)).toEqual([]);
  expect(await postsFor(b)).toEqual([]);
  expect(approvalRow(r.id)?.status).toBe('approved');

  await item.getByTestId('send-approved').click();
  await expect.poll(async () => (await postsFor(a)).length).toBe(1);
  expect((await postsFor(a))[0]?.clientRequestId).toBe(r.id);
  expect(await postsFor(b)).toEqual([]);
  await requester.context().close();
  await approver.context().close();
});

test('a reveal that needs approval: Show passcode asks for it with a reason; once approved the passcode is shown once, and a second reveal with the same approval is refused', async ({
  browser,
  request,
}) => {
  test.setTimeout(150_000);
  // An Android reset is not covered (neither its kind nor its user's group): it is sent at once; its reveal is.
  const d = await freshDevice({ mode: 'androidFullyManaged', scenario: 'online' });
  const requester = await tab(browser, DEMO_ACCOUNTS.helpdesk);
  const approver = await tab(browser, DEMO_ACCOUNTS.approver);
  await findBySerial(requester, d);
  await requester
    .getByRole('button', { name: `Reset passcode: ${d.deviceName}, serial ${d.serialNumber}` })
    .click();
  const dialog = requester.getByRole('alertdialog');
  const ticket = newTicket();
  await dialog.getByLabel('Ticket reference').fill(ticket);
  await dialog.getByTestId('confirm-action').click();
  await expect(dialog.getByTestId('action-result')).toHaveAttribute('data-result', 'accepted');
  await dialog.getByRole('button', { name: 'Close' }).click();
  expect(await postsFor(d)).toHaveLength(1);
  const item = trayItem(requester, d);
  await expect(item).toHaveAttribute('data-state', 'done', { timeout: 30_000 });

  // Show passcode: the server wants an approval; the item asks for a reason and requests it.
  await item.getByTestId('show-passcode').click();
  const ask = item.getByTestId('reveal-approval');
  await expect(ask).toHaveAttribute('data-approval', 'none');
  await expect(requester.getByTestId('passcode-value')).toHaveCount(0);
  const reason = `The user needs the temporary passcode now, ${ticket}`;
  await ask.getByLabel('Reason for the approver').fill(reason);
  await ask.getByRole('button', { name: 'Request approval' }).click();
  await expect(ask).toHaveAttribute('data-approval', 'pending');
  await expect(ask).toContainText(WORDS.en.waiting);
  const mails = (await emulator.mail(APPROVERS_MAIL)).filter((m) => m.content.includes(reason));
  expect(mails).toHaveLength(1);
  const expected = (await emulator.actions(d.id)).at(-1)?.passcode ?? '';
  expect(expected).toMatch(/^\d{8}$/);
  expect(mails[0]?.content).not.toContain(expected);

  // The approver finds it among the open requests and approves it.
  await approver.goto('/approvals');
  const card = approver
    .getByTestId('approvals-open')
    .getByTestId('approval-card')
    .filter({ hasText: reason });
  await expect(card).toHaveCount(1);
  const id = (await card.getAttribute('data-approval-id')) ?? '';
  left.push(id);
  await decide(
    approver,
    { id, ticket, reason, body: '', dialog: card, notice: '' },
    'approve',
    'Caller verified, go ahead',
  );

  // Show passcode again: shown, under that approval, once.
  await item.getByTestId('show-passcode').click();
  // In the focused panel, grouped for reading aloud.
  await expect(requester.getByTestId('passcode-value')).toHaveText(
    `${expected.slice(0, 4)} ${expected.slice(4)}`,
  );
  expect(approvalRow(id)?.status).toBe('sent');
  await requester.getByRole('dialog').getByRole('button', { name: 'Hide now' }).click();
  const [again] = await Promise.all([
    requester.waitForRequest((q) => q.url().includes('/passcode')),
    item.getByTestId('show-passcode').click(),
  ]);
  await expect(item.getByTestId('reveal-approval')).toHaveAttribute('data-approval', 'none');
  await expect(requester.getByTestId('passcode-value')).toHaveCount(0);
  // Named outright, the used approval is refused.
  const token = again.headers()['authorization'] ?? '';
  const reused = await request.get(
    `${origin}/api/actions/${await item.getAttribute('data-action-id')}/passcode?approvalId=${id}`,
    { headers: { Authorization: token } },
  );
  expect(reused.status()).toBe(403);
  const refusal = await reused.text();
  expect(refusal).toContain('approvalRefused');
  expect(refusal).toContain('alreadySent');
  expect(refusal).not.toContain(expected);
  expect(await postsFor(d)).toHaveLength(1);
  await requester.context().close();
  await approver.context().close();
});

test.describe('in German', () => {
  test('a denial reads in German: the dialog, the approver’s page and the tray with the reason, 0 POSTs', async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const d = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
    const requester = await tab(browser, DEMO_ACCOUNTS.helpdesk, 'de');
    const approver = await tab(browser, DEMO_ACCOUNTS.approver, 'de');
    const r = await requestApproval(requester, d, 'de');
    expect(r.notice).toContain('Ein zweiter Bearbeiter muss dies freigeben');
    await expect(r.dialog).toContainText(
      `Freigabe angefordert: Kennung entfernen auf ${d.deviceName}`,
    );
    await expect(r.dialog).toContainText('An Intune wurde noch nichts gesendet.');
    await r.dialog.getByRole('button', { name: 'Schließen' }).click();
    const item = trayItem(requester, d);
    await expect(item.getByTestId('approval-step')).toContainText(WORDS.de.waiting);

    const why = 'Die anrufende Person war nicht erreichbar';
    const detail = await decide(approver, r, 'deny', why, 'de');
    await expect(detail.getByTestId('approval-state')).toHaveText('Abgelehnt');
    await expect(item).toHaveAttribute('data-state', 'approvalDenied', { timeout: 25_000 });
    await expect(item.getByTestId('approval-step')).toHaveText(
      `Abgelehnt von ${APPROVER_NAME}: ${why}`,
    );
    await expect(item.getByTestId('send-approved')).toHaveCount(0);
    expect(await postsFor(d)).toEqual([]);
    await requester.context().close();
    await approver.context().close();
  });
});
