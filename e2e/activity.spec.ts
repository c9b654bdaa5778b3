// The activity page (issue 10/11): the audit trail with its filters in the URL, keyset paging, both exports parsed
// and checked row by row, an agent seeing only their own actions and the Auditor app role seeing everyone's, in
// English and German; "Copy for ticket"; a ticket system's deep link pre-filling the dialog.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { DEMO_ACCOUNTS, TENANT_ID } from '../emulator/constants';
import { E2E } from '../playwright.config';
import { actionButton, findBySerial, freshDevice, trayItem } from './actions';
import { lastCopied, recordClipboard } from './clipboard';
import { downloaded, parseCsv } from './exports';
import { emulator } from './emulator';
import { expect, test } from './fixtures';
import { signIn } from './sign-in';

interface Agent {
  oid: string;
  upn: string;
  name: string;
}
const HELPDESK: Agent = {
  oid: '4a1f7c52-9e3b-4d8a-b6c1-2f5e8d9a0b11',
  upn: DEMO_ACCOUNTS.helpdesk,
  name: 'Hanna Berger',
};
const ADMIN: Agent = {
  oid: '6c3f9e74-b05d-4fac-98e3-4b7a0fbc2d33',
  upn: DEMO_ACCOUNTS.admin,
  name: 'Alex Moreau',
};
/** A device-name prefix only this spec's rows carry, so the rest of the suite's actions stay out of its counts. */
const PREFIX = `Audit${randomUUID().slice(0, 6)}`;
const HELPDESK_ROWS = 120;
const ADMIN_ROWS = 5;
const FORMULA = '=HYPERLINK("http://evil.example","click")';

interface Seeded {
  actionId: string;
  ticket: string;
  outcome: string;
  deviceName: string;
  at: string;
  actor: Agent;
}
const seeded: Seeded[] = [];

/** Writes past actions into the console's audit database, as earlier days of work would have left them. */
function seedTrail() {
  const db = new Database(join(E2E.dataDir, 'audit.sqlite'));
  db.pragma('busy_timeout = 5000');
  const insert =
    db.prepare(`INSERT INTO audit_records (id, action_id, kind, recorded_at, action_name, action_kind, device_id,
    device_name, device_serial, device_user_upn, device_user_name, ticket, actor_oid, actor_upn, actor_name, actor_tenant,
    actor_verified, outcome, action_state, graph_request_id, client_request_id, http_status)
    VALUES (@id, @actionId, @kind, @at, 'resetPasscode', 'removePasscode', @deviceId, @deviceName, @serial, 'zoe.obrien@contoso.com',
    'Zoë O''Brien', @ticket, @oid, @upn, @name, @tenant, 1, @outcome, @state, @requestId, @actionId, @status)`);
  const t0 = Date.parse('2026-10-01T08:00:00Z');
  db.transaction(() => {
    for (let i = 0; i < HELPDESK_ROWS + ADMIN_ROWS; i++) {
      const actor = i < HELPDESK_ROWS ? HELPDESK : ADMIN;
      const actionId = randomUUID();
      const at = new Date(t0 + i * 3_600_000).toISOString();
      const outcome = i % 7 === 0 ? 'denied' : 'accepted';
      const deviceName = i === 3 ? `${PREFIX} evil` : `${PREFIX}-${String(i).padStart(3, '0')}`;
      const common = {
        actionId,
        deviceId: randomUUID(),
        deviceName,
        serial: `SN${1000 + i}`,
        ticket: `AUD-${1000 + i}`,
        oid: actor.oid,
        upn: actor.upn,
        name: i === 3 ? FORMULA : actor.name,
        tenant: TENANT_ID,
        requestId: null,
        status: null,
        state: null,
        outcome: null,
      };
      insert.run({ ...common, id: randomUUID(), kind: 'intent', at });
      insert.run({
        ...common,
        id: randomUUID(),
        kind: 'outcome',
        at,
        outcome,
        requestId: `req-${i}`,
        status: outcome === 'accepted' ? 204 : 403,
      });
      if (outcome === 'accepted')
        insert.run({ ...common, id: randomUUID(), kind: 'observation', at, state: 'done' });
      seeded.push({ actionId, ticket: common.ticket, outcome, deviceName, at, actor });
    }
  })();
  db.close();
}

test.beforeAll(async () => {
  // The console migrated its database at start-up; a healthy answer says so before the trail is seeded beside it.
  expect((await fetch(`${E2E.consoleOrigin}/api/health`)).status).toBe(200);
  seedTrail();
});

const newestFirst = (rows: Seeded[]) => [...rows].sort((a, b) => b.at.localeCompare(a.at));
const rowsOn = (page: Page) => page.getByTestId('activity-row');

test('an agent sees only their own actions, newest first, in keyset pages, with the filters in the URL', async ({
  page,
}) => {
  await signIn(page, DEMO_ACCOUNTS.helpdesk, '', { at: `/activity?device=${PREFIX}` });
  await expect(page.getByRole('heading', { name: 'Activity' })).toBeVisible();
  await expect(page.getByTestId('activity-scope')).toHaveAttribute('data-scope', 'own');
  // No agent filter for an agent: they see their own actions only.
  await expect(page.getByLabel('Agent (UPN)')).toHaveCount(0);
  await expect(rowsOn(page)).toHaveCount(50);
  await expect(page.getByTestId('activity-status')).toHaveText(
    '50 actions shown; older ones follow.',
  );
  await page.getByTestId('activity-more').click();
  await expect(rowsOn(page)).toHaveCount(100);
  await page.getByTestId('activity-more').click();
  await expect(rowsOn(page)).toHaveCount(HELPDESK_ROWS);
  await expect(page.getByTestId('activity-status')).toHaveText(
    `All ${HELPDESK_ROWS} matching actions are shown.`,
  );
  await expect(page.getByTestId('activity-more')).toHaveCount(0);
  const tickets = await page.getByTestId('activity-ticket').allTextContents();
  expect(tickets).toEqual(
    newestFirst(seeded.filter((s) => s.actor === HELPDESK)).map((s) => s.ticket),
  );
  await expect(page.getByTestId('activity-agent').filter({ hasText: 'Alex Moreau' })).toHaveCount(
    0,
  );

  // Filters through the form land in the URL; a reload (or a pasted link) shows the same rows.
  await page.getByLabel('Outcome').selectOption('denied');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(new RegExp(`device=${PREFIX}&outcome=denied`));
  const denied = seeded.filter((s) => s.actor === HELPDESK && s.outcome === 'denied');
  await expect(rowsOn(page)).toHaveCount(denied.length);
  await page.reload();
  await expect(rowsOn(page)).toHaveCount(denied.length);
  await expect(page.getByLabel('Outcome')).toHaveValue('denied');
  for (const outcome of await page.getByTestId('activity-outcome').allTextContents())
    expect(outcome).toBe('Denied');
  await page.getByLabel('Ticket', { exact: true }).fill('AUD-1014');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(rowsOn(page)).toHaveCount(1);
  await page.goBack();
  await expect(rowsOn(page)).toHaveCount(denied.length);
  // A time range: 1 October (UTC) holds the first 16 hours of the seeded actions.
  await page.goto(`/activity?device=${PREFIX}&from=2026-10-01&to=2026-10-01`);
  await expect(rowsOn(page)).toHaveCount(16);
  // Another agent's UPN in the URL does not widen what an agent sees.
  await page.goto(`/activity?device=${PREFIX}&agent=${encodeURIComponent(DEMO_ACCOUNTS.admin)}`);
  await expect(page.getByTestId('activity-status')).toHaveText(
    'No passcode action matches these filters.',
  );
});

test('both exports hold exactly the filtered actions, row by row; CSV cells that would run as formulas are neutralised', async ({
  page,
}) => {
  await signIn(page, DEMO_ACCOUNTS.helpdesk, '', { at: `/activity?device=${PREFIX}` });
  await expect(rowsOn(page)).toHaveCount(50);
  const expected = newestFirst(seeded.filter((s) => s.actor === HELPDESK));

  const [csvFile] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-csv').click(),
  ]);
  expect(csvFile.suggestedFilename()).toMatch(/^passcode-desk-activity-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await downloaded(csvFile);
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const [header, ...records] = parseCsv(csv.slice(1));
  expect(header?.slice(0, 5)).toEqual([
    'time_utc',
    'agent_upn',
    'agent_name',
    'device_id',
    'device_name',
  ]);
  const col = (name: string) => header?.indexOf(name) ?? -1;
  expect(records).toHaveLength(expected.length);
  records.forEach((r, i) => {
    const s = expected[i]!;
    expect(r[col('action_id')]).toBe(s.actionId);
    expect(r[col('ticket')]).toBe(s.ticket);
    expect(r[col('outcome')]).toBe(s.outcome);
    expect(r[col('time_utc')]).toBe(s.at);
    expect(r[col('device_name')]).toBe(s.deviceName);
    expect(r[col('agent_upn')]).toBe(DEMO_ACCOUNTS.helpdesk);
    expect(r[col('final_state')]).toBe(s.outcome === 'accepted' ? 'done' : '');
    expect(r[col('serial_number')]).toMatch(/^SN1\d{3}$/);
  });
  const evil = records.find((r) => r[col('device_name')] === `${PREFIX} evil`);
  expect(evil?.[col('agent_name')]).toBe(`'${FORMULA}`);

  const [jsonlFile] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-jsonl').click(),
  ]);
  const lines = (await downloaded(jsonlFile))
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, string | null>);
  expect(lines).toHaveLength(expected.length);
  lines.forEach((l, i) => {
    expect(l.action_id).toBe(expected[i]!.actionId);
    expect(l.ticket).toBe(expected[i]!.ticket);
    expect(l.outcome).toBe(expected[i]!.outcome);
  });
  // JSON is data for programs: the formula stays as it was written.
  expect(lines.find((l) => l.device_name === `${PREFIX} evil`)?.agent_name).toBe(FORMULA);
});

test("the Auditor app role sees everyone's actions, read-only, and can filter by agent", async ({
  page,
}) => {
  await signIn(page, DEMO_ACCOUNTS.auditor, '', { at: `/activity?device=${PREFIX}` });
  await expect(page.getByTestId('activity-scope')).toHaveAttribute('data-scope', 'all');
  await expect(page.getByTestId('activity-scope')).toHaveText(/as an auditor: read-only/);
  for (let shown = 50; shown < HELPDESK_ROWS + ADMIN_ROWS; shown += 50) {
    await expect(rowsOn(page)).toHaveCount(shown);
    await page.getByTestId('activity-more').click();
  }
  await expect(rowsOn(page)).toHaveCount(HELPDESK_ROWS + ADMIN_ROWS);
  await expect(page.getByTestId('activity-agent').filter({ hasText: 'Alex Moreau' })).toHaveCount(
    ADMIN_ROWS,
  );
  await page.getByLabel('Agent (UPN)').fill(DEMO_ACCOUNTS.admin.toUpperCase());
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(rowsOn(page)).toHaveCount(ADMIN_ROWS);
  // Read-only: the auditor's role has no remote tasks; the activity offers nothing that changes a device.
  await expect(page.getByRole('button', { name: /Remove passcode|Reset passcode/ })).toHaveCount(0);
});

test('the Auditor role counts only from a verified ID token naming the same person as the access token', async ({
  page,
}) => {
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  const [read] = await Promise.all([
    page.waitForRequest((r) => r.url().includes('/api/activity?')),
    page.goto(`/activity?device=${PREFIX}`),
  ]);
  await expect(rowsOn(page)).toHaveCount(50);
  // The helpdesk agent's own access token, with a forged ID token claiming the role: still only her own actions.
  const token = (read.headers()['authorization'] ?? '').replace(/^Bearer /, '');
  expect(token).not.toBe('');
  // Her real ID token, as the browser sends it, gives her own scope too: she holds no app role.
  expect(read.headers()['x-id-token']).toMatch(/^eyJ/);
  const header = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT' })).toString('base64url');
  const claims = Buffer.from(
    JSON.stringify({
      oid: HELPDESK.oid,
      tid: TENANT_ID,
      roles: ['PasscodeDesk.Auditor'],
      aud: 'x',
      exp: 4_102_444_800,
    }),
  ).toString('base64url');
  const forged = `${header}.${claims}.${Buffer.from('not a signature').toString('base64url')}`;
  const res = await page.request.get(`/api/activity?device=${PREFIX}`, {
    headers: { Authorization: `Bearer ${token}`, 'X-Id-Token': forged },
  });
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { scope: string; rows: { agent: { upn: string } }[] };
  expect(body.scope).toBe('own');
  expect(body.rows.every((r) => r.agent.upn === DEMO_ACCOUNTS.helpdesk)).toBe(true);
  // Without a token at all: refused before anything is read.
  expect((await page.request.get('/api/activity')).status()).toBe(401);
  expect((await page.request.get('/api/activity/export?format=csv')).status()).toBe(401);
});

test.describe('in German', () => {
  test.use({ locale: 'de-DE' });
  test('the page, its filters and its outcomes read in German', async ({ page }) => {
    await signIn(page, DEMO_ACCOUNTS.auditor, '', {
      at: `/activity?device=${PREFIX}&outcome=denied`,
    });
    await expect(page.getByRole('heading', { name: 'Aktivität' })).toBeVisible();
    await expect(page.getByTestId('activity-scope')).toHaveText(/nur lesend/);
    await expect(page.getByRole('columnheader', { name: 'Ergebnis' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Filter anwenden' })).toBeVisible();
    await expect(rowsOn(page).first()).toBeVisible();
    for (const outcome of await page.getByTestId('activity-outcome').allTextContents())
      expect(outcome).toBe('Verweigert');
    await expect(page.getByRole('button', { name: /^CSV exportieren$/ })).toBeVisible();
  });

  test('one action reads naturally; Copy for ticket writes German dates with the finish; a part-typed date is refused', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-write'], { origin: E2E.consoleOrigin });
    await recordClipboard(page);
    // Seeded: accepted, and the device reported it done an hour after the trail starts.
    const one = seeded[1];
    await signIn(page, DEMO_ACCOUNTS.auditor, '', {
      at: `/activity?device=${one?.deviceName ?? ''}`,
    });
    await expect(rowsOn(page)).toHaveCount(1);
    await expect(page.getByTestId('activity-status')).toHaveText(
      '1 passende Aktion wird angezeigt.',
    );
    await rowsOn(page).getByTestId('copy-for-ticket').click();
    const text = await lastCopied(page);
    expect(text).toMatch(
      /^Angefordert: 1\. Okt\. 2026, 11:00:00 MESZ \(2026-10-01 09:00:00 UTC\)$/m,
    );
    expect(text).toMatch(/^Beendet: 1\. Okt\. 2026, 11:00:00 MESZ \(2026-10-01 09:00:00 UTC\)$/m);
    expect(text).toContain(`Aktions-ID und Client-Anforderungs-ID: ${one?.actionId}`);
    expect(text).not.toMatch(/^Client-Anforderungs-ID:/m);

    await expectPartDateRefused(
      page,
      'Von',
      'Filter anwenden',
      'Geben Sie das vollständige Datum (Tag, Monat und Jahr) so ein, wie das Feld es zeigt, oder lassen Sie das Feld leer.',
    );
  });
});

test('a date typed only in part is refused with words that match the field, not applied as no date', async ({
  page,
}) => {
  await signIn(page, DEMO_ACCOUNTS.helpdesk, '', { at: `/activity?device=${PREFIX}` });
  await expect(rowsOn(page).first()).toBeVisible();
  await expectPartDateRefused(
    page,
    'From',
    'Apply filters',
    'Enter the whole date (day, month and year) as the field shows it, or leave the field empty.',
  );
  // A whole date picked or typed is what the field gives: it lands in the URL as the day.
  await page.getByLabel('From').fill('2026-10-02');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/from=2026-10-02/);
  await expect(dateError(page)).toHaveCount(0);
});

/** The filters' date error (Next's route announcer is an alert too). */
const dateError = (page: Page) => page.getByRole('alert').and(page.locator('#activity-date-error'));

/** Types only the first part of a date into a date field (as the browser shows it) and applies the filters. */
async function expectPartDateRefused(page: Page, field: string, apply: string, message: string) {
  const url = page.url();
  const input = page.getByLabel(field, { exact: true });
  await input.click();
  await page.keyboard.type('12');
  expect(await input.inputValue()).toBe('');
  await page.getByRole('button', { name: apply }).click();
  await expect(dateError(page)).toHaveText(message);
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  expect(message).not.toMatch(/YYYY|JJJJ/);
  expect(page.url()).toBe(url);
}

/**
 * How a toast's text lies: on how many lines, and which words (if any) the browser split across two lines other
 * than after a hyphen of their own (where a name may wrap, as in any text).
 */
async function wordsSplitAcrossLines(
  title: ReturnType<Page['locator']>,
): Promise<{ lines: number; split: string[] }> {
  return title.evaluate((el) => {
    // A device name as long as Intune allows, in words of a usual length, as the toast shows it.
    el.textContent =
      'Remove passcode on Accounting-Surface-Laptop-Studio Hanna-Bergers-Dienst-iPhone Zoës-iPad-Mini-Sechs (INC-4242): Done';
    const node = el.firstChild;
    if (!node) return { lines: 0, split: ['(no text)'] };
    const range = document.createRange();
    const lines = new Set<number>();
    const split: string[] = [];
    let at = 0;
    const top = (from: number) => {
      range.setStart(node, from);
      range.setEnd(node, from + 1);
      return Math.round(range.getBoundingClientRect().top);
    };
    for (const word of (node.textContent ?? '').split(' ')) {
      for (let k = 0; k < word.length; k++) {
        lines.add(top(at + k));
        if (k > 0 && top(at + k) !== top(at + k - 1) && word[k - 1] !== '-')
          split.push(`${word.slice(0, k)}|${word.slice(k)}`);
      }
      at += word.length + 1;
    }
    return { lines: lines.size, split };
  });
}

test('a ticket system\'s deep link fills in the ticket; the action is on the activity page with its ids, and "Copy for ticket" has them all', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-write'], { origin: E2E.consoleOrigin });
  await recordClipboard(page);
  await emulator.timings({ pickupMs: 1000, completeMs: 1000 });
  const d = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
  await signIn(page, DEMO_ACCOUNTS.helpdesk, '', { at: `/?ticket=inc-4242&q=${d.serialNumber}` });
  await expect(page.getByTestId('device-row')).toHaveCount(1);
  await actionButton(page, d, 'Remove passcode').click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog.getByLabel('Ticket reference')).toHaveValue('INC-4242');
  await dialog.getByTestId('confirm-action').click();
  await expect(dialog.getByTestId('action-result')).toHaveAttribute('data-result', 'accepted');
  await dialog.getByRole('button', { name: 'Close' }).click();
  // Searching on keeps the ticket for the rest of the visit.
  await findBySerial(page, d);
  await expect(page).toHaveURL(/ticket=inc-4242/i);
  // The device's answer, as the tray saw it, is the final state the activity page shows.
  await expect(trayItem(page, d)).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  // Its toast wraps a long device name at spaces, never inside a word (16/17).
  const toastTitle = page
    .locator('[data-sonner-toast]')
    .filter({ hasText: d.deviceName })
    .locator('[data-title]');
  await expect(toastTitle).toBeVisible();
  const wrapped = await wordsSplitAcrossLines(toastTitle);
  expect(wrapped.split).toEqual([]);
  expect(wrapped.lines).toBeGreaterThan(1);

  const post = (await emulator.requests({ method: 'POST' })).find((e) => e.path.includes(d.id));
  await page.goto('/activity?ticket=INC-4242');
  const row = rowsOn(page).filter({ hasText: d.deviceName });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('activity-outcome')).toHaveText('Accepted');
  await expect(row.getByTestId('activity-final-state')).toHaveAttribute('data-state', 'done');
  await expect(row.getByTestId('activity-request-id')).toHaveText(/^[0-9a-f-]{36}$/);
  await row.getByTestId('copy-for-ticket').click();
  const text = await lastCopied(page);
  expect(text.split('\n')[0]).toBe('Passcode Desk: Remove passcode');
  expect(text).toContain(`Device: ${d.deviceName} (serial ${d.serialNumber})`);
  expect(text).toContain(`User: `);
  expect(text).toContain(d.userPrincipalName);
  expect(text).toContain('Action: Remove passcode (Microsoft Graph resetPasscode)');
  expect(text).toContain('Agent: Hanna Berger (helpdesk@contoso.com)');
  expect(text).toContain('Ticket: INC-4242');
  // The dates in the locale's order with the month in words and a 24-hour time, never 12/02/2026; and when the
  // device reported the action done (16/17).
  const STAMP =
    /[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{2}:\d{2}:\d{2} \S+ \(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC\)$/m;
  expect(text).toMatch(new RegExp(`^Requested: ${STAMP.source}`, 'm'));
  expect(text).toMatch(new RegExp(`^Finished: ${STAMP.source}`, 'm'));
  expect(text).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{4}/);
  // The action id is the POST's client-request-id: one line, the id printed once.
  expect(text).toContain(`Action id and client-request-id: ${post?.clientRequestId}`);
  expect(text.split(post?.clientRequestId ?? '-').length).toBe(2);
  expect(text).toMatch(/Graph request-id: [0-9a-f-]{36}/);
  expect(text).not.toMatch(/eyJ|Bearer /);
});
