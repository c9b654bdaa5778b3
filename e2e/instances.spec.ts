// Several instances behind a load balancer: two console servers of the same build on different ports, one
// PostgreSQL (started here, as the store tests start theirs), the suite's emulator. The same action confirmed on
// both at the same moment reaches Graph once and the other agent is told who got there first; the per-agent rate
// limit, Graph's Retry-After and the ticket webhook's outbox hold across both; /api/health answers for each.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { Browser, Page } from '@playwright/test';
import { Client } from 'pg';
import { DEMO_ACCOUNTS } from '../emulator/constants';
import { SHARED_REFRESH_MS } from '../lib/shared/timing';
import { consoleEnv, E2E } from '../playwright.config';
import { startTestPostgres, type TestPostgres } from '../test-support/postgres';
import { emulator, type EmulatedDevice } from './emulator';
import { expect, test } from './fixtures';
import { signIn } from './sign-in';

const SECRET = 'instances-test-webhook-secret-0123456789';
const ACTION_LIMIT = 3;

interface Delivery {
  eventId: string;
  status: number;
  signatureOk: boolean;
  body: { actionId: string; state: string; ticket: string | null };
}

let pg: TestPostgres;
let databaseUrl: string;
let receiver: Server;
const deliveries: Delivery[] = [];
let failuresLeft = 2;
const consoles: ChildProcess[] = [];

async function waitForHealth(origin: string): Promise<void> {
  const until = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${origin} never became healthy`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  pg = await startTestPostgres();
  databaseUrl = await pg.createDatabase('instances');
  // A ticket system's webhook receiver that is down for its first two deliveries.
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const timestamp = String(req.headers['x-passcodedesk-timestamp'] ?? '');
      const signatureOk =
        req.headers['x-passcodedesk-signature'] ===
        `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${raw}`).digest('hex')}`;
      const status = failuresLeft > 0 ? 503 : 204;
      if (failuresLeft > 0) failuresLeft--;
      deliveries.push({
        eventId: String(req.headers['x-passcodedesk-event-id'] ?? ''),
        status,
        signatureOk,
        body: JSON.parse(raw) as Delivery['body'],
      });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const address = receiver.address();
  const hookUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/passcode-desk`;
  for (const [i, origin] of E2E.instanceOrigins.entries()) {
    const log = createWriteStream(E2E.instanceLogFiles()[i] ?? '');
    const child = spawn(process.execPath, ['.next/standalone/server.js'], {
      env: {
        ...process.env,
        ...consoleEnv,
        PORT: new URL(origin).port,
        DATABASE_URL: databaseUrl,
        TICKET_WEBHOOK_URL: hookUrl,
        TICKET_WEBHOOK_SECRET: SECRET,
        TICKET_WEBHOOK_RETRY_SECONDS: '1',
        ACTION_RATE_LIMIT: String(ACTION_LIMIT),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    consoles.push(child);
  }
  await Promise.all(E2E.instanceOrigins.map(waitForHealth));
});

test.afterAll(async () => {
  for (const c of consoles) c.kill('SIGTERM');
  receiver?.close();
  pg?.stop();
});

test.beforeEach(async () => {
  await emulator.reset();
  await emulator.timings({ pickupMs: 1000, completeMs: 1000 });
});

/** One agent's browser, signed in at one instance. */
async function agentAt(browser: Browser, origin: string, upn: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: origin });
  const page = await context.newPage();
  await signIn(page, upn, origin);
  // The first page of devices has loaded: no read of this agent's is still on its way when a test sets a fault.
  await expect(page.getByTestId('results-status')).toHaveText(/shown/, { timeout: 30_000 });
  return page;
}

async function openDialogFor(page: Page, d: EmulatedDevice, label: string, ticket: string) {
  const box = page.getByRole('searchbox', { name: 'Search devices' });
  await box.fill(d.serialNumber);
  await box.press('Enter');
  await expect(page.getByTestId('device-row')).toHaveCount(1);
  await page
    .getByRole('button', { name: `${label}: ${d.deviceName}, serial ${d.serialNumber}` })
    .click();
  const dialog = page.getByRole('alertdialog');
  await dialog.getByLabel('Ticket reference').fill(ticket);
  return dialog;
}

const freshDevices = async (n: number) => {
  const ds = (
    await emulator.devices({
      scopeTag: 'EMEA',
      mode: 'androidFullyManaged',
      scenario: 'online',
      limit: '500',
    })
  ).filter(
    // A seeded phone with a retire pending offers no passcode action at all.
    (d) =>
      d.managementState === 'managed' &&
      /^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9]{8,14}$/.test(d.serialNumber),
  );
  // Devices the main suite leaves alone: from the end of the list.
  return ds.slice(-n);
};

test('health: each instance reports its database reachable, migrations current and configuration valid, no secret', async () => {
  for (const origin of E2E.instanceOrigins) {
    const res = await fetch(`${origin}/api/health`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({
      status: 'ok',
      checks: {
        configuration: { ok: true },
        database: { ok: true, dialect: 'postgres' },
        migrations: { ok: true, pending: [] },
      },
    });
    expect(text).not.toContain(databaseUrl);
    expect(text).not.toContain(SECRET);
    expect(text).not.toMatch(/postgres:\/\//);
  }
});

test('the same action on both instances at the same moment: one POST reaches Graph, the other agent is told who got there first', async ({
  browser,
}) => {
  const [d] = await freshDevices(1);
  if (!d) throw new Error('no device');
  const [a, b] = await Promise.all([
    agentAt(browser, E2E.instanceOrigins[0]!, DEMO_ACCOUNTS.helpdesk),
    agentAt(browser, E2E.instanceOrigins[1]!, DEMO_ACCOUNTS.admin),
  ]);
  const dialogs = [
    await openDialogFor(a, d, 'Reset passcode', 'INC-7001'),
    await openDialogFor(b, d, 'Reset passcode', 'INC-7002'),
  ];
  await emulator.clearRequests();
  await Promise.all(dialogs.map((dlg) => dlg.getByTestId('confirm-action').click()));
  const texts = await Promise.all(
    dialogs.map(async (dlg) => {
      await expect(dlg.getByTestId('action-result')).toContainText(
        /accepted the request|Already requested/,
      );
      return (await dlg.getByTestId('action-result').textContent()) ?? '';
    }),
  );
  expect(texts.filter((t) => t.includes('accepted the request'))).toHaveLength(1);
  const loser = texts.find((t) => t.includes('Already requested')) ?? '';
  expect(loser).toMatch(
    /Already requested by (Hanna Berger|Alex Moreau) at .* for ticket INC-700[12]/,
  );
  const posts = (await emulator.requests({ method: 'POST' })).filter((e) => e.path.includes(d.id));
  expect(posts).toHaveLength(1);
  await a.context().close();
  await b.context().close();
});

test('the per-agent rate limit counts on both instances together', async ({ browser }) => {
  const devices = await freshDevices(ACTION_LIMIT + 3);
  const pages = [
    await agentAt(browser, E2E.instanceOrigins[0]!, DEMO_ACCOUNTS.guest),
    await agentAt(browser, E2E.instanceOrigins[1]!, DEMO_ACCOUNTS.guest),
  ];
  // The guest agent has not acted on these instances yet: ACTION_LIMIT actions, alternating instances, go through.
  for (let i = 0; i < ACTION_LIMIT; i++) {
    const page = pages[i % 2]!;
    const dialog = await openDialogFor(page, devices[i + 1]!, 'Reset passcode', `INC-71${i}`);
    await dialog.getByTestId('confirm-action').click();
    await expect(dialog.getByTestId('action-result')).toContainText('accepted the request');
    await page.keyboard.press('Escape');
  }
  await emulator.clearRequests();
  const page = pages[ACTION_LIMIT % 2]!;
  const dialog = await openDialogFor(
    page,
    devices[ACTION_LIMIT + 1]!,
    'Reset passcode',
    'INC-7199',
  );
  await dialog.getByTestId('confirm-action').click();
  await expect(
    dialog.getByText(/You have requested 3 passcode actions in the last 10 minutes/),
  ).toBeVisible();
  await expect(dialog.getByText(/Nothing was sent. Try again in 10 min/)).toBeVisible();
  expect(await emulator.requests({ method: 'POST' })).toEqual([]);
  for (const p of pages) await p.context().close();
});

test("Graph's Retry-After seen by one instance holds the other instance's searches too", async ({
  browser,
}) => {
  const [a, b] = await Promise.all([
    agentAt(browser, E2E.instanceOrigins[0]!, DEMO_ACCOUNTS.helpdesk),
    agentAt(browser, E2E.instanceOrigins[1]!, DEMO_ACCOUNTS.admin),
  ]);
  await emulator.clearRequests();
  await emulator.faults({
    rules: [
      { method: 'GET', path: 'managedDevices$', status: 429, count: 1, retryAfterSeconds: 6 },
    ],
  });
  const search = async (p: Page, q: string) => {
    const box = p.getByRole('searchbox', { name: 'Search devices' });
    await box.fill(q);
    await box.press('Enter');
  };
  await search(a, 'iPad');
  await expect(a.getByTestId('throttle-status')).toContainText(
    'Microsoft Graph asked us to slow down',
  );
  const throttledAt =
    (await emulator.requests({ path: 'managedDevices$' })).find((e) => e.status === 429)?.at ?? 0;
  expect(throttledAt).toBeGreaterThan(0);
  // The other instance's agent searches during the wait: held on the server, nothing reaches Graph until it ends.
  // An instance reads the shared gate at most once per SHARED_REFRESH_MS, so it learns of the wait within that
  // interval: the agent searches after it.
  await new Promise((resolve) => setTimeout(resolve, SHARED_REFRESH_MS + 100));
  await search(b, 'Pixel');
  await expect(b.getByTestId('throttle-status')).toContainText(
    'Microsoft Graph asked us to slow down',
  );
  await expect(b.getByTestId('results-status')).toHaveText(
    /devices? shown|matching devices? (are|is) shown/,
    { timeout: 30_000 },
  );
  const pixel = (await emulator.requests({ path: 'managedDevices$' })).filter((e) =>
    /pixel/i.test(decodeURIComponent(e.query)),
  );
  expect(pixel.length).toBeGreaterThan(0);
  for (const e of pixel) expect(e.at - throttledAt).toBeGreaterThanOrEqual(6000);
  await a.context().close();
  await b.context().close();
});

test('the webhook outbox: a receiver down twice gets every state change exactly once by event id, from either instance', async () => {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    // Every state change the instances recorded is in the outbox; wait until all are delivered.
    await expect
      .poll(
        async () =>
          Number(
            (await db.query('SELECT count(*) AS n FROM webhook_outbox WHERE delivered_at IS NULL'))
              .rows[0].n,
          ),
        { timeout: 60_000 },
      )
      .toBe(0);
    const { rows } = await db.query<{ event_id: string; attempts: number }>(
      'SELECT event_id, attempts FROM webhook_outbox',
    );
    expect(rows.length).toBeGreaterThanOrEqual(ACTION_LIMIT + 2); // at least an outcome per accepted action
    const accepted = deliveries.filter((d) => d.status === 204);
    expect(deliveries.filter((d) => d.status === 503)).toHaveLength(2);
    expect(accepted.map((d) => d.eventId).sort()).toEqual(rows.map((r) => r.event_id).sort());
    expect(new Set(accepted.map((d) => d.eventId)).size).toBe(accepted.length);
    expect(deliveries.every((d) => d.signatureOk)).toBe(true);
    expect(accepted.some((d) => d.body.state === 'accepted')).toBe(true);
    expect(JSON.stringify(deliveries.map((d) => d.body))).not.toMatch(/"passcode"/);
  } finally {
    await db.end();
  }
});
