// The passcode action's server action is a public POST endpoint (security.md): what happens to a request that does
// not come from the console's own pages, or that is larger than the action needs. Counted where it matters: the
// POSTs that reached "Graph" (the emulator's request log) and the attempts in the audit trail.
import type { Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../emulator/constants';
import { E2E } from '../playwright.config';
import { SHOWCASE_USER } from './actions';
import { auditRecords, intentCount } from './audit';
import { emulator, type EmulatedDevice } from './emulator';
import { expect, test } from './fixtures';
import { passcodeActionId, postServerAction } from './server-action';
import { signIn } from './sign-in';

const used = new Set<string>();
async function freshDevices(n: number): Promise<EmulatedDevice[]> {
  const devices = await emulator.devices({
    scopeTag: 'EMEA',
    limit: '500',
    mode: 'iosAutomatedEnrollment',
    scenario: 'online',
  });
  const fresh = devices
    .filter(
      (x) =>
        !used.has(x.id) &&
        x.managementState === 'managed' &&
        x.userPrincipalName !== SHOWCASE_USER &&
        auditRecords(x.id).length === 0 &&
        /^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9]{8,14}$/.test(x.serialNumber),
    )
    .slice(0, n);
  if (fresh.length < n) throw new Error('not enough fresh devices');
  for (const d of fresh) used.add(d.id);
  return fresh;
}

const graphPosts = async (d: EmulatedDevice) =>
  (await emulator.requests({ method: 'POST' })).filter((e) => e.path.includes(d.id));

async function openDialog(page: Page, d: EmulatedDevice) {
  const box = page.getByRole('searchbox', { name: 'Search devices' });
  await box.fill(d.serialNumber);
  await box.press('Enter');
  await expect(page.getByTestId('device-row')).toHaveCount(1);
  await page
    .getByRole('button', { name: `Remove passcode: ${d.deviceName}, serial ${d.serialNumber}` })
    .click();
  const dialog = page.getByRole('alertdialog');
  await dialog.getByLabel('Ticket reference').fill('INC-6006');
  return dialog;
}

test.beforeEach(async () => {
  await emulator.reset();
});

test('6: a server action POST from another origin is not executed, even with a valid token', async ({
  page,
  request,
}) => {
  const [own, foreign, control] = await freshDevices(3);
  if (!own || !foreign || !control) throw new Error('unreachable');
  // The agent's own request, as the browser sends it: its body carries the input and the agent's Graph token.
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  const dialog = await openDialog(page, own);
  const sent = page.waitForRequest(
    (r) => r.method() === 'POST' && r.headers()['next-action'] === passcodeActionId(),
  );
  await dialog.getByTestId('confirm-action').click();
  const body = (await sent).postData() ?? '';
  await expect(dialog.getByTestId('action-result')).toHaveAttribute('data-result', 'accepted');
  expect(body).toContain(own.id);
  const forDevice = (d: EmulatedDevice) => body.replace(own.id, d.id);

  // Replayed from another origin, from an opaque origin, and with no Origin at all: refused, nothing reaches Graph
  // and nothing is attempted (not even an audited refusal).
  const intents = intentCount();
  for (const origin of [
    'http://evil.example',
    `http://127.0.0.1:${E2E.consolePort}`,
    'null',
    null,
  ]) {
    const res = await postServerAction(request, forDevice(foreign), origin);
    expect(res.status(), `Origin: ${origin}`).toBe(403);
    expect(await res.text()).toBe(
      "Refused: requests that change something must come from this console's own pages.",
    );
  }
  expect(await graphPosts(foreign)).toHaveLength(0);
  expect(auditRecords(foreign.id)).toEqual([]);
  expect(intentCount()).toBe(intents);

  // The same request from the console's own origin is carried out: it was the origin that stopped the others.
  const res = await postServerAction(request, forDevice(control));
  expect(res.status()).toBe(200);
  await expect.poll(async () => (await graphPosts(control)).length).toBe(1);
  expect(await graphPosts(own)).toHaveLength(1);
});

test('6: a cross-site form posting to the server action from a browser is refused', async ({
  page,
}) => {
  const intents = intentCount();
  // A page of another origin submits a form to the console, as a CSRF attempt would (the emulator's page stands in).
  await page.goto(`${E2E.emulatorOrigin}/_emulator/health`);
  const answer = page.waitForResponse(
    (r) => r.url() === `${E2E.consoleOrigin}/` && r.request().method() === 'POST',
  );
  await page.evaluate(
    ([action, target]) => {
      const form = document.createElement('form');
      form.method = 'POST';
      form.enctype = 'multipart/form-data';
      form.action = target ?? '';
      const field = document.createElement('input');
      field.name = `$ACTION_ID_${action}`;
      form.append(field);
      document.body.append(form);
      form.submit();
    },
    [passcodeActionId(), `${E2E.consoleOrigin}/`],
  );
  expect((await answer).status()).toBe(403);
  await expect(
    page.getByText(
      "Refused: requests that change something must come from this console's own pages.",
    ),
  ).toBeVisible();
  expect(intentCount()).toBe(intents);
});

test("a request body over the server action's limit is refused (413) and the dialog says so; nothing is sent", async ({
  page,
}) => {
  const [d] = await freshDevices(1);
  if (!d) throw new Error('unreachable');
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  const dialog = await openDialog(page, d);
  // The browser's request, grown past the limit on its way (what a very large token would do).
  await page.route(`${E2E.consoleOrigin}/**`, async (route) => {
    const req = route.request();
    if (req.method() !== 'POST' || !req.headers()['next-action']) return route.fallback();
    return route.continue({ postData: `${req.postData() ?? ''}${' '.repeat(17 * 1024)}` });
  });
  const answer = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.url().startsWith(E2E.consoleOrigin),
  );
  await dialog.getByTestId('confirm-action').click();
  expect((await answer).status()).toBe(413);
  await expect(
    dialog.getByText(
      'The request was larger than the console accepts (16 KB), so nothing was sent to Intune.',
    ),
  ).toBeVisible();
  expect(await graphPosts(d)).toHaveLength(0);
  expect(auditRecords(d.id)).toEqual([]);
});
