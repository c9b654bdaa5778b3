// What the console servers write to their logs: one JSON object per line, so no byte of a request can start a line
// and pass for a log entry of its own (issue 12's "log lines can be forged"), each naming its request and agent.
import { randomBytes } from 'node:crypto';
import { DEMO_ACCOUNTS } from '../emulator/constants';
import { expect, test } from './fixtures';
import { serverLogs } from './secrets';
import { postServerAction } from './server-action';
import { signIn } from './sign-in';

/** The log's lines, split wherever a terminal or a log shipper would start a new one. */
const lines = (log: string) => log.split(/\r\n|\r|\n/);

test('log forging: a malformed server-action body with CR/LF never starts a log line', async ({
  request,
}) => {
  // Short, because the framework quotes only the first characters of a body it cannot parse.
  const marker = `F${randomBytes(4).toString('hex')}`;
  const res = await postServerAction(request, `\r\n${marker} level=info msg="admin signed in"`);
  expect(res.status()).toBeGreaterThanOrEqual(400);
  // The refusal is logged (the marker reaches the log), but only inside a JSON string, never at a line's start.
  await expect.poll(() => serverLogs().includes(marker)).toBe(true);
  const forged = lines(serverLogs()).filter((l) => l.startsWith(marker));
  expect(forged).toEqual([]);
  const carrying = lines(serverLogs()).filter((l) => l.includes(marker));
  for (const line of carrying) expect(() => JSON.parse(line) as unknown, line).not.toThrow();
});

test("a search is logged as one JSON line with its route, client-request-id and the agent's oid, and no token", async ({
  page,
}) => {
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  const answer = page.waitForResponse(
    (r) => new URL(r.url()).pathname === '/api/devices' && r.status() === 200,
  );
  const box = page.getByRole('searchbox', { name: 'Search devices' });
  await box.fill('zoe.obrien@contoso.com');
  await box.press('Enter');
  const id = (await answer).headers()['client-request-id'] ?? '';
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  const entryFor = () =>
    lines(serverLogs())
      .filter((l) => l.includes(id))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((e) => e.msg === 'answered');
  await expect.poll(entryFor).toMatchObject({
    level: 'info',
    route: '/api/devices',
    clientRequestId: id,
    method: 'GET',
    status: 200,
    oid: expect.stringMatching(/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/),
    time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
  });
  const line = lines(serverLogs()).find((l) => l.includes(id)) ?? '';
  expect(line).not.toContain('eyJ');
  expect(line).not.toContain('zoe.obrien'); // the search itself (a query string) is not logged
});
