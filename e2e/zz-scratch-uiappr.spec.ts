import type { Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../emulator/constants';
import { freshDevice } from './actions';
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { signIn } from './sign-in';
import type { ApprovalView } from '../lib/shared/trust/approval';

function view(id: string, d: { id: string; deviceName: string; serialNumber: string; userPrincipalName: string }, over: Partial<ApprovalView> = {}): ApprovalView {
  const now = Date.now();
  return {
    id, subject: 'action', state: 'pending', createdAt: new Date(now - 60_000).toISOString(),
    expiresAt: new Date(now + 20 * 60_000).toISOString(),
    device: { id: d.id, name: d.deviceName, serialNumber: d.serialNumber },
    deviceUser: { id: null, upn: d.userPrincipalName, name: 'Some User' },
    kind: 'resetDevicePasscode', graphAction: 'resetPasscode', revealOf: null, ticket: 'INC0012345',
    reason: 'Caller locked out before a flight to Oslo', because: ['all', 'group'],
    requester: { upn: 'helpdesk@contoso.com', name: 'Hanna Berger' }, verification: null, decision: null,
    sentAt: null, approversNotified: null, mine: false, canDecide: true, ...over,
  };
}

async function mock(page: Page, approvals: ApprovalView[], approver: boolean) {
  await page.route('**/api/approvals', (r) => r.fulfill({ json: { approvals, approver, openForMe: approvals.filter(a=>a.canDecide).length } }));
  await page.route('**/api/approvals/*', (r) => {
    const id = r.request().url().split('/').pop();
    const a = approvals.find((x) => x.id === id);
    return a ? r.fulfill({ json: { approval: a, requesterRecent: [] } }) : r.fulfill({ status: 404, json: { error: { code: 'notFound', message: 'x', status: 404 } } });
  });
}

for (const locale of ['en-GB', 'de-DE']) {
  test(`scratch ${locale}`, async ({ browser }) => {
    test.setTimeout(120_000);
    const d = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    const list = [
      view('11111111-1111-4111-8111-111111111111', d),
      view('22222222-2222-4222-8222-222222222222', d, { mine: true, canDecide: false, expiresAt: new Date(Date.now() + 5 * 60_000).toISOString() }),
      view('33333333-3333-4333-8333-333333333333', d, { state: 'denied', canDecide: false, decision: { by: { upn: 'admin@contoso.com', name: 'Alex Admin' }, at: new Date().toISOString(), reason: 'No ticket in the queue for this' } }),
    ];
    await mock(page, list, true);
    await signIn(page, DEMO_ACCOUNTS.helpdesk);
    await page.goto('/approvals');
    await expect(page.getByTestId('approval-card')).toHaveCount(3);
    await page.screenshot({ path: `/tmp/uiappr-list-${locale}.png`, fullPage: true });
    await expectAccessible(page, 'list');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `/tmp/uiappr-list-390-${locale}.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('/approvals/11111111-1111-4111-8111-111111111111');
    await expect(page.getByTestId('approval-device')).toContainText(d.serialNumber);
    await expect(page.getByTestId('approval-user').locator('[data-testid=caller-signals], [data-testid=caller-no-user]').first()).toBeVisible();
    await page.screenshot({ path: `/tmp/uiappr-detail-${locale}.png`, fullPage: true });
    await expectAccessible(page, 'detail');
    await page.getByRole('textbox').first().fill('ok');
    await page.getByRole('button', { name: /^(Approve|Genehmigen)$/ }).click();
    await expectAccessible(page, 'detail short');
    await page.getByRole('textbox').first().fill('A reason long enough here');
    await page.getByRole('button', { name: /^(Approve|Genehmigen)$/ }).click();
    await expect(page.getByTestId('approval-decide-error')).toBeVisible();
    await page.screenshot({ path: `/tmp/uiappr-detail-error-${locale}.png`, fullPage: true });
    await expectAccessible(page, 'detail error');
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow2 = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow2).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `/tmp/uiappr-detail-390-${locale}.png`, fullPage: true });
    await page.goto('/approvals/22222222-2222-4222-8222-222222222222');
    await expect(page.getByTestId('approval-cannot-decide')).toBeVisible();
    console.log('cannot:', await page.getByTestId('approval-cannot-decide').textContent());
    await context.close();
  });
}
