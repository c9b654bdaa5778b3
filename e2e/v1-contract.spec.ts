// The console on Microsoft's v1.0 contract (issue 18): v1.0 declares no value for Android Enterprise's modes, AOSP or
// account-driven User Enrollment, so the server reads the deciding fields from beta where v1.0 cannot tell, and
// falls back to neutral words when beta fails. Run with the emulator's default (v1.0 sends only its own enum
// members) and with "beta values on v1.0" (what Microsoft really sends there is undocumented). A wipe or retire
// pending blocks the passcode action on the row, in the dialog and on the device page, and the server refuses a
// forged call before any POST (security.md 23).
import type { Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../emulator/constants';
import { actionButton, findBySerial, freshDevice, postsFor } from './actions';
import { auditRecords } from './audit';
import { emulator, type EmulatedDevice } from './emulator';
import { expect, test } from './fixtures';
import { passcodeActionId, postServerAction } from './server-action';
import { signIn } from './sign-in';

type Kind = 'resetDevicePasscode' | 'resetWorkProfilePasscode' | 'resetAndroidPasscode';
/** What the confirm dialog says each kind does (its first words are enough to tell them apart). */
const EFFECT: Record<Kind, string> = {
  resetDevicePasscode: 'Intune resets the device passcode',
  resetWorkProfilePasscode: 'Intune resets the work profile passcode',
  resetAndroidPasscode:
    "Reset passcode: the device's or the work profile's, depending on how it is enrolled",
};
const LABEL: Record<Kind, string> = {
  resetDevicePasscode: 'Reset passcode',
  resetWorkProfilePasscode: 'Reset work profile passcode',
  resetAndroidPasscode: 'Reset passcode',
};

interface Case {
  mode: string;
  /** What the list offers, decided from v1.0's answer alone (no beta read per row). */
  row: { declared: Kind; beta: Kind };
  /** What the dialog offers once the server has read the device again (with beta where v1.0 cannot tell). */
  exact: Kind;
}
const CASES: Case[] = [
  {
    mode: 'androidFullyManaged',
    row: { declared: 'resetAndroidPasscode', beta: 'resetDevicePasscode' },
    exact: 'resetDevicePasscode',
  },
  {
    mode: 'androidDedicated',
    row: { declared: 'resetAndroidPasscode', beta: 'resetDevicePasscode' },
    exact: 'resetDevicePasscode',
  },
  {
    mode: 'androidCorporateWorkProfile',
    row: { declared: 'resetAndroidPasscode', beta: 'resetWorkProfilePasscode' },
    exact: 'resetWorkProfilePasscode',
  },
  {
    mode: 'androidPersonalWorkProfile',
    row: { declared: 'resetWorkProfilePasscode', beta: 'resetWorkProfilePasscode' },
    exact: 'resetWorkProfilePasscode',
  },
  {
    mode: 'androidAosp',
    row: { declared: 'resetAndroidPasscode', beta: 'resetDevicePasscode' },
    exact: 'resetDevicePasscode',
  },
];

const betaReads = async (d: EmulatedDevice) =>
  (await emulator.requests({ method: 'GET' })).filter(
    (e) => e.path.startsWith('/beta/') && e.path.includes(d.id),
  );

/** Opens the device's dialog from its row and waits until the server's exact plan is in (Confirm enabled). */
async function openChecked(page: Page, d: EmulatedDevice, label: string) {
  await actionButton(page, d, label).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('plan-checking')).toHaveCount(0);
  return dialog;
}

for (const v1EnumValues of ['declared', 'beta'] as const) {
  test.describe(`v1.0 sending ${v1EnumValues === 'declared' ? "only its own enum members (Microsoft's contract)" : "beta's values"}`, () => {
    test.beforeEach(async () => {
      await emulator.reset();
      await emulator.behaviour({ v1EnumValues });
    });

    test('fully managed, dedicated, corporate and personal work profile, AOSP: each gets the right action and words', async ({
      page,
    }) => {
      await signIn(page, DEMO_ACCOUNTS.helpdesk);
      for (const c of CASES) {
        const d = await freshDevice({ mode: c.mode, scenario: 'online' });
        await findBySerial(page, d);
        // The row: the server's v1.0 decision, never refused as device administrator (AOSP included).
        const row = page.getByTestId('device-row');
        await expect(row.getByTestId('no-passcode-action')).toHaveCount(0);
        const button = actionButton(page, d, LABEL[c.row[v1EnumValues]]);
        await expect(button, c.mode).toHaveAttribute('data-action-kind', c.row[v1EnumValues]);
        // The dialog: the server's exact decision, read again as it opens.
        const dialog = await openChecked(page, d, LABEL[c.row[v1EnumValues]]);
        await expect(dialog.getByTestId('action-effect'), c.mode).toContainText(EFFECT[c.exact]);
        await expect(dialog.getByTestId('graph-action')).toHaveText('Graph action: resetPasscode');
        await expect(dialog.getByTestId('confirm-action')).toHaveText(LABEL[c.exact]);
        await dialog.getByRole('button', { name: 'Cancel' }).click();
        // One beta read where v1.0 could not tell the mode (the dialog's); none where v1.0 could.
        const v1Tells = v1EnumValues === 'beta' || c.mode === 'androidPersonalWorkProfile';
        expect((await betaReads(d)).length, c.mode).toBe(v1Tells ? 0 : 1);
      }
    });

    test('the device page shows the exact action; Confirm sends one resetPasscode, recorded as the exact kind', async ({
      page,
    }) => {
      const d = await freshDevice({ mode: 'androidFullyManaged', scenario: 'online' });
      await signIn(page, DEMO_ACCOUNTS.helpdesk);
      await findBySerial(page, d);
      await page.getByTestId('device-row').getByRole('link', { name: d.deviceName }).click();
      await expect(page).toHaveURL(new RegExp(`/devices/${d.id}$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(d.deviceName);
      const button = actionButton(page, d, 'Reset passcode');
      await expect(button).toHaveAttribute('data-action-kind', 'resetDevicePasscode');
      const dialog = await openChecked(page, d, 'Reset passcode');
      await dialog.getByLabel('Ticket reference').fill('INC-1818');
      await dialog.getByTestId('confirm-action').click();
      await expect(dialog.getByTestId('action-result')).toHaveAttribute('data-result', 'accepted');
      await expect(dialog.getByTestId('tell-caller')).toContainText('unlock the device');
      expect((await postsFor(d)).map((p) => p.path)).toEqual([
        `/v1.0/deviceManagement/managedDevices/${d.id}/resetPasscode`,
      ]);
      expect(auditRecords(d.id)[0]).toMatchObject({
        kind: 'intent',
        action_kind: 'resetDevicePasscode',
      });
    });
  });
}

test.describe('beta failing', () => {
  test.beforeEach(async () => {
    await emulator.reset();
    await emulator.faults({
      rules: [{ method: 'GET', path: '^/beta/deviceManagement/managedDevices/', status: 503 }],
    });
  });
  test.afterEach(async () => {
    await emulator.clearFaults();
  });

  test('v1.0 cannot tell the mode and beta fails: neutral words everywhere, and the same resetPasscode is sent', async ({
    page,
  }) => {
    await signIn(page, DEMO_ACCOUNTS.helpdesk);
    for (const mode of ['androidFullyManaged', 'androidCorporateWorkProfile', 'androidAosp']) {
      const d = await freshDevice({ mode, scenario: 'online' });
      await findBySerial(page, d);
      const dialog = await openChecked(page, d, 'Reset passcode');
      await expect(dialog.getByTestId('action-effect'), mode).toContainText(
        EFFECT.resetAndroidPasscode,
      );
      if (mode !== 'androidAosp') {
        await dialog.getByRole('button', { name: 'Cancel' }).click();
        continue;
      }
      await dialog.getByLabel('Ticket reference').fill('INC-1819');
      await dialog.getByTestId('confirm-action').click();
      await expect(dialog.getByTestId('action-result')).toHaveAttribute('data-result', 'accepted');
      await expect(dialog.getByTestId('tell-caller')).toContainText(
        'on the lock screen, or when opening a work app',
      );
      expect((await postsFor(d)).map((p) => p.path.split('/').at(-1))).toEqual(['resetPasscode']);
      expect(auditRecords(d.id)[0]).toMatchObject({ action_kind: 'resetAndroidPasscode' });
    }
  });
});

test.describe('a wipe or retire pending blocks the passcode action (security.md 23)', () => {
  test.beforeEach(async () => {
    await emulator.reset();
  });

  const WORDS = {
    wipePending: ['Intune will ignore a passcode action', 'about to be erased', 'Tell the caller'],
    retirePending: [
      'Intune will ignore a passcode action',
      'released from management',
      'Tell the caller',
    ],
  } as const;

  test('the row and the device page say why and what to tell the caller, and offer no action', async ({
    page,
  }) => {
    await signIn(page, DEMO_ACCOUNTS.helpdesk);
    for (const state of ['wipePending', 'retirePending'] as const) {
      const d = await freshDevice({ mode: 'androidFullyManaged', scenario: 'online' });
      await emulator.managementState(d.id, state);
      await findBySerial(page, d);
      const row = page.getByTestId('device-row');
      const none = row.getByTestId('no-passcode-action');
      await expect(none).toHaveAttribute('data-reason', state);
      for (const words of WORDS[state])
        await expect(none).toHaveAttribute('title', new RegExp(words));
      await expect(row.getByRole('button', { name: /Reset/ })).toHaveCount(0);

      await page.goto(`/devices/${d.id}`);
      const reason = page.getByTestId('no-passcode-action');
      await expect(reason).toHaveAttribute('data-reason', state);
      for (const words of WORDS[state]) await expect(reason).toContainText(words);
      await expect(page.getByRole('button', { name: /Reset passcode/ })).toHaveCount(0);
      await page.goto('/');
    }
  });

  test('a wipe started after the list was read: the dialog says so and offers no Confirm', async ({
    page,
  }) => {
    const d = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
    await signIn(page, DEMO_ACCOUNTS.helpdesk);
    await findBySerial(page, d);
    await emulator.managementState(d.id, 'wipePending'); // in the admin center, while the agent reads the list
    await actionButton(page, d, 'Remove passcode').click();
    const dialog = page.getByRole('alertdialog');
    const blocked = dialog.getByTestId('dialog-no-action');
    await expect(blocked).toHaveAttribute('data-reason', 'wipePending');
    for (const words of WORDS.wipePending) await expect(blocked).toContainText(words);
    await expect(dialog.getByTestId('confirm-action')).toHaveCount(0);
    await expect(dialog.getByLabel('Ticket reference')).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await postsFor(d)).toEqual([]);
  });

  test('a forged server-action call for a wipe- or retire-pending device is refused before any POST, and audited', async ({
    page,
    request,
  }) => {
    const own = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
    const wiping = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
    const retiring = await freshDevice({ mode: 'androidFullyManaged', scenario: 'online' });
    await emulator.managementState(wiping.id, 'wipePending');
    await emulator.managementState(retiring.id, 'retirePending');
    // The agent's own request, as the browser sends it: its body carries the input and the agent's Graph token.
    await signIn(page, DEMO_ACCOUNTS.helpdesk);
    await findBySerial(page, own);
    const dialog = await openChecked(page, own, 'Remove passcode');
    await dialog.getByLabel('Ticket reference').fill('INC-1820');
    const sent = page.waitForRequest(
      (r) => r.method() === 'POST' && r.headers()['next-action'] === passcodeActionId(),
    );
    await dialog.getByTestId('confirm-action').click();
    const body = (await sent).postData() ?? '';
    await expect(dialog.getByTestId('action-result')).toHaveAttribute('data-result', 'accepted');
    expect(body).toContain(own.id);

    for (const [d, kind, state] of [
      [wiping, 'removePasscode', 'wipePending'],
      [retiring, 'resetDevicePasscode', 'retirePending'],
    ] as const) {
      const forged = body.replace(own.id, d.id).replace('removePasscode', kind);
      const res = await postServerAction(request, forged);
      expect(res.status()).toBe(200);
      expect(await res.text()).toContain('notAvailable');
      expect(await postsFor(d)).toEqual([]);
      expect(auditRecords(d.id).map((r) => [r.kind, r.outcome, r.detail])).toEqual([
        ['intent', null, null],
        ['outcome', 'refused', `notAvailable: ${state}`],
      ]);
    }
  });
});
