// What the console servers write to their logs: one JSON object per line, so no byte of a request can start a line
// and pass for a log entry of its own (issue 12's "log lines can be forged"), each naming its request and agent.
import { randomBytes } from 'node:crypto';
import { expect, test } from './fixtures';
import { serverLogs } from './secrets';
import { postServerAction } from './server-action';

/** The log's lines, split wherever a terminal or a log shipper would start a new one. */
const lines = (log: string) => log.split(/\r\n|\r|\n/);

test('log forging: a malformed server-action body with CR/LF never starts a log line', async ({ request }) => {
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
