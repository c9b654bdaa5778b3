// The approver's side of four-eyes (issue 15/17): /approvals lists the requests waiting for a decision, soonest
// expiry first, with the header's badge; a request's page shows what the requester saw and takes a decision with a
// reason (too short: nothing decided); afterwards the state is shown and the list has moved it. The requester sees
// no buttons on their own request, and why. Someone without the Approver role sees their own requests and who can
// decide them. axe finds nothing serious in English (light) and German (dark); the page fits 390 px. The requests
// are written into the audit database as the store writes them (e2e/approvals.ts): the request path has its specs.
import type { Browser, Locator, Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../emulator/constants';
import { freshDevice } from './actions';
import { seedPendingApproval, signedInOid, withdrawSeeded } from './approvals';
import { expectAccessible } from './axe';
import type { EmulatedDevice } from './emulator';
import { expect, test } from './fixtures';
import { signIn } from './sign-in';

const { approver } = DEMO_ACCOUNTS;

/** The helpdesk agent signed in in a browser of their own (the requester), and their object id. */
async function requesterTab(
  browser: Browser,
  locale = 'en-GB',
): Promise<{ page: Page; oid: string }> {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  return { page, oid: await signedInOid(page, DEMO_ACCOUNTS.helpdesk) };
}

const left: string[] = [];
test.afterEach(() => {
  withdrawSeeded(left.splice(0));
});

/** A pending request by the helpdesk agent, ended after the test. */
function seed(requesterOid: string, device: EmulatedDevice, minutes?: number) {
  const s = seedPendingApproval(
    { oid: requesterOid, upn: DEMO_ACCOUNTS.helpdesk },
    device,
    minutes,
  );
  left.push(s.id);
  return s;
}

const card = (within: Page | Locator, id: string) => within.locator(`[data-approval-id="${id}"]`);

test('an approver sees waiting requests soonest first, decides one with a reason, and the list follows', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const requester = await requesterTab(browser);
  const device = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
  await signIn(page, approver, '', { at: '/approvals' }); // the console opens its database for the list
  await expect(page.getByTestId('approvals-scope')).toHaveAttribute('data-approver', 'true');
  const later = seed(requester.oid, device, 50);
  const sooner = seed(requester.oid, device, 20);

  // Live: both appear without a reload, in the open list, the one expiring sooner first.
  const open = page.getByTestId('approvals-open');
  await expect(card(open, sooner.id)).toBeVisible({ timeout: 15_000 });
  await expect(card(open, later.id)).toBeVisible();
  const ids = await open
    .getByTestId('approval-card')
    .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-approval-id')));
  expect(ids.indexOf(sooner.id)).toBeLessThan(ids.indexOf(later.id));
  await expect(card(open, sooner.id)).toContainText(device.serialNumber);
  await expect(card(open, sooner.id)).toContainText(sooner.ticket);
  await expect(card(open, sooner.id)).toContainText(sooner.reason);
  await expect(card(open, sooner.id).getByTestId('approval-expiry')).toContainText('in 20 minutes');
  // The header's link carries the count of requests waiting for this approver.
  const link = page.getByRole('navigation').getByRole('link', { name: /^Approvals/ });
  await expect(link).toHaveAttribute('aria-current', 'page');
  await expect(link.getByTestId('approvals-badge')).toBeVisible();
  await expectAccessible(page, 'approvals list (en)');

  // By keyboard to the request's page.
  await card(open, sooner.id).getByRole('link').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/approvals/${sooner.id}$`));
  const detail = page.getByTestId('approval-detail');
  await expect(detail.getByTestId('approval-state')).toHaveText('Waiting for a decision');
  await expect(detail.getByTestId('approval-reason')).toHaveText(sooner.reason);
  await expect(detail).toContainText('Every passcode action needs approval here.');
  await expect(detail.getByTestId('approval-device')).toContainText(device.serialNumber);
  await expect(detail.getByTestId('approval-user')).toBeVisible();
  await expect(detail.getByTestId('approval-requester-recent')).toBeVisible();
  await expect(detail.getByTestId('action-verification')).toBeVisible();
  await expectAccessible(page, 'approval request (en)');

  // A reason too short decides nothing.
  const reason = detail.getByRole('textbox', { name: 'Reason for your decision' });
  await reason.fill('ok');
  await detail.getByRole('button', { name: 'Approve' }).click();
  await expect(detail.getByRole('alert')).toHaveText(
    'Give a reason of at least 10 characters; nothing was decided.',
  );
  await expect(detail.getByTestId('approval-state')).toHaveText('Waiting for a decision');

  await reason.fill('Spoke to the caller on the number of record');
  await detail.getByRole('button', { name: 'Approve' }).click();
  await expect(detail.getByTestId('approval-decided')).toHaveText(
    'You approved this request. The requester can now send it once, before it expires.',
  );
  await expect(detail.getByTestId('approval-state')).toHaveText('Approved');
  await expect(detail.getByTestId('approval-decision-record')).toContainText(
    'Spoke to the caller on the number of record',
  );
  await expect(detail.getByRole('button', { name: 'Approve' })).toHaveCount(0);

  await page.getByRole('link', { name: 'All approval requests' }).click();
  await expect(card(page.getByTestId('approvals-decided'), sooner.id)).toHaveAttribute(
    'data-state',
    'approved',
  );
  await expect(card(page.getByTestId('approvals-open'), sooner.id)).toHaveCount(0);

  // The requester: their own request, no decision, and why.
  await requester.page.goto(`/approvals/${later.id}`);
  const own = requester.page.getByTestId('approval-detail');
  await expect(own.getByTestId('approval-cannot-decide')).toHaveText(
    'You requested this; another approver must decide.',
  );
  await expect(own.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await expect(own.getByRole('button', { name: 'Deny' })).toHaveCount(0);
  await requester.page.context().close();
});

test('in German (dark), the list and a request read in German and axe finds nothing serious', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const requester = await requesterTab(browser, 'de-DE');
  await requester.page.context().close();
  const device = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
  const context = await browser.newContext({ locale: 'de-DE', colorScheme: 'dark' });
  const page = await context.newPage();
  await signIn(page, approver, '', { at: '/approvals' });
  await expect(page.getByRole('heading', { level: 1, name: 'Freigaben' })).toBeVisible();
  const seeded = seed(requester.oid, device);
  await expect(card(page.getByTestId('approvals-open'), seeded.id)).toContainText(
    'Wartet auf Entscheidung',
    { timeout: 15_000 },
  );
  await expectAccessible(page, 'approvals list (de)');
  await page.goto(`/approvals/${seeded.id}`);
  const detail = page.getByTestId('approval-detail');
  await expect(detail).toContainText('Hier braucht jede Kennungsaktion eine Freigabe.');
  await expect(detail.getByRole('button', { name: 'Genehmigen' })).toBeVisible();
  await expect(detail.getByRole('button', { name: 'Ablehnen' })).toBeVisible();
  await expectAccessible(page, 'approval request (de)');
  await context.close();
});

test('without the Approver role: their own requests, who can decide, empty states that say what will appear; fits 390 px', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, DEMO_ACCOUNTS.viewer, '', { at: '/approvals' });
  await expect(page.getByTestId('approvals-scope')).toHaveText(
    /Only agents holding the console’s Approver app role \(PasscodeDesk\.Approver\) can approve or deny them/,
  );
  await expect(page.getByTestId('approvals-open').getByTestId('approvals-empty')).toHaveText(
    /^None of your requests is waiting\. When a passcode action needs approval, your request appears here/,
  );
  await expect(page.getByTestId('approvals-decided').getByTestId('approvals-empty')).toBeVisible();
  await expect(page.getByTestId('approvals-badge')).toHaveCount(0);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page, 'approvals list without the role (en, 390 px)');
});
