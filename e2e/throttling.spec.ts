// The passcode action under Graph throttling, end to end: the emulator answers 429 (Retry-After 1 s) to 30 % of all
// Graph requests while several passcode actions run at once through the console's server action. Each 429 closes
// the console's shared throttle gate for a second; no action may fail because of that, and none may be sent twice.
import { DEMO_ACCOUNTS } from '../emulator/constants';
import { confirm, findBySerial, freshDevice } from './actions';
import { auditRecords } from './audit';
import { emulator, type EmulatedDevice } from './emulator';
import { expect, test } from './fixtures';
import { passcodeActionId, postServerAction } from './server-action';
import { signIn } from './sign-in';

const ACTIONS = 20;
const AT_ONCE = 5;

test.beforeEach(async () => {
  await emulator.reset();
});

test('with 429 (Retry-After 1 s) on 30 % of Graph requests, no passcode action fails because the gate was closed for a second, and none is sent twice', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  // The agent's own request, as the browser sends it (input and the agent's Graph token), then the same for other
  // devices: several agents at once, as far as Graph and the console's gate can tell.
  const first = await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' });
  await signIn(page, DEMO_ACCOUNTS.helpdesk);
  await findBySerial(page, first);
  const sent = page.waitForRequest(
    (r) => r.method() === 'POST' && r.headers()['next-action'] === passcodeActionId(),
  );
  const dialog = await confirm(page, first, 'Remove passcode', 'INC-9100');
  const body = (await sent).postData() ?? '';
  await expect(dialog.getByTestId('action-result')).toHaveAttribute('data-result', 'accepted');
  const devices: EmulatedDevice[] = [];
  for (let i = 0; i < ACTIONS; i++)
    devices.push(await freshDevice({ mode: 'iosAutomatedEnrollment', scenario: 'online' }));
  await page.close(); // nothing of the tab's own polling in the figures

  await emulator.clearRequests();
  await emulator.faults({ rate: 0.3, rateStatuses: [429] });
  const queue = devices.values();
  const agent = async () => {
    for (const d of queue) {
      const res = await postServerAction(request, body.replaceAll(first.id, d.id));
      expect(res.status()).toBe(200);
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: AT_ONCE }, agent));
  const seconds = (Date.now() - started) / 1000;
  await emulator.clearFaults();

  // How each ended, from the audit trail (the outcome record, with Graph's or the gate's code).
  const ended = devices.map((d) => {
    const outcome = auditRecords(d.id).find((r) => r.kind === 'outcome');
    return { outcome: outcome?.outcome ?? 'none', code: outcome?.detail?.split(':')[0] ?? null };
  });
  const tally = new Map<string, number>();
  for (const e of ended) {
    const key = e.outcome === 'accepted' ? e.outcome : `${e.outcome} (${e.code})`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  const log = await emulator.requests();
  const posts = log.filter((e) => e.method === 'POST');
  console.log(
    `throttling, end to end: ${ACTIONS} actions, ${AT_ONCE} at a time, ${seconds.toFixed(1)} s: ${[
      ...tally,
    ]
      .map(([k, n]) => `${n} ${k}`)
      .join(
        ', ',
      )}; Graph saw ${log.length} requests (${log.filter((e) => e.status === 429).length} answered 429), ${posts.length} POSTs (${posts.filter((e) => e.status === 429).length} answered 429)`,
  );

  // None failed: not because the gate was closed (graphWaiting), nor because Graph answered a read 429.
  expect(ended.filter((e) => e.outcome !== 'accepted' && e.outcome !== 'unknown')).toEqual([]);
  // Exactly once: Graph queued at most one action per device (its random 429s come before handling), one for
  // each accepted request; a POST answered 429 was sent again only once; "unknown" only where Graph's last answer
  // to that device's POST was a 429.
  for (const [i, d] of devices.entries()) {
    const mine = posts.filter((p) => p.path.includes(d.id));
    expect(mine.length).toBeLessThanOrEqual(2);
    expect(await emulator.actions(d.id)).toHaveLength(ended[i]?.outcome === 'accepted' ? 1 : 0);
    if (ended[i]?.outcome === 'unknown') expect(mine.at(-1)?.status).toBe(429);
  }
});
