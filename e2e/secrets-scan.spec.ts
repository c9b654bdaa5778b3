// Runs after the whole end-to-end suite (its own Playwright project, which depends on the suite's): everything the
// run left behind is scanned for secrets (security.md case 22). The console servers' logs, the audit trail, and every
// page and API answer the browser received hold no access token (`eyJ…`), no `Bearer ` credential and no temporary
// passcode; the one answer allowed to carry a passcode is the reveal route's, and the only tokens the browser ever
// holds come from MSAL's own token requests to the identity provider, which are not the console's answers.
import { expect, test } from './fixtures';
import {
  auditDump,
  generatedPasscodes,
  recordedAnswers,
  serverLogs,
  type RecordedAnswer,
} from './secrets';

const REVEAL = /^\/api\/actions\/[0-9a-f-]{36}\/passcode$/;
const GUID = /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/;

/** Where a passcode stands as a number of its own (not inside a longer run of digits, such as a timestamp). */
const hasPasscode = (text: string, passcodes: string[]) => {
  // One expression for all of them (a scan of every answer and log of the run, once per text, not once per passcode).
  const any =
    passcodeFinders.get(passcodes) ?? new RegExp(`(?<!\\d)(?:${passcodes.join('|')})(?!\\d)`, 'g');
  passcodeFinders.set(passcodes, any);
  return [...new Set(text.match(any) ?? [])];
};
const passcodeFinders = new WeakMap<string[], RegExp>();

const JWT_SHAPED = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+/;

/**
 * `eyJ` begins any base64 of a JSON object, a JWT's parts among them. Two such values are not secrets and pass when
 * they decode to exactly their shape with nothing token-shaped inside: the console's paging cursor
 * ({"v":1,"links":[…],"via":…}; Graph's opaque $skiptoken in a link may be base64 too, never a JWT), MSAL's own
 * request state ({"id":…,"meta":{"interactionType":…}}), which the identity provider's sign-out sends back in the URL
 * and the page echoes in its router data, and a claims challenge ({"access_token":{"nbf":…}}) that Graph's 401 names
 * in WWW-Authenticate and the console hands to MSAL so the next token satisfies it: a demand, not a credential.
 * Standard base64 (the claims challenge's alphabet) is matched as well as base64url, so `+` or `/` cannot cut a value
 * short and hide what follows.
 */
function tokensIn(text: string): string[] {
  // A PNG image (the Verified ID QR code the Request Service answers) is binary in base64: `eyJ` turns up inside one
  // by chance (about once in 260 000 characters) and decodes to no JSON. Images are set aside, not scanned.
  const scanned = text.replace(
    /data:image\/png;base64,[A-Za-z0-9+/]+={0,2}/g,
    'data:image/png;base64,',
  );
  return (scanned.match(/eyJ[A-Za-z0-9_\-+/]*={0,2}/g) ?? []).filter((b64) => {
    try {
      const decoded = Buffer.from(b64, 'base64').toString('utf8');
      const value = JSON.parse(decoded) as Record<string, unknown>;
      const keys = Object.keys(value).sort().join(',');
      const isCursor = /^links,v(,via)?$/.test(keys) && value.v === 1 && Array.isArray(value.links);
      const isMsalState =
        keys === 'id,meta' && typeof value.id === 'string' && typeof value.meta === 'object';
      const isClaimsChallenge =
        keys === 'access_token' &&
        typeof value.access_token === 'object' &&
        value.access_token !== null;
      return (
        !(isCursor || isMsalState || isClaimsChallenge) ||
        JWT_SHAPED.test(decoded) ||
        decoded.includes('Bearer ')
      );
    } catch {
      return true;
    }
  });
}

test('22: logs, audit records and every answer of a full end-to-end run hold no token and no passcode', async () => {
  const passcodes = generatedPasscodes();
  const answers = recordedAnswers();
  const logs = serverLogs();
  const audit = auditDump();
  // The run produced what is scanned: passcodes were generated and revealed, pages and API answers were received.
  expect(passcodes.length).toBeGreaterThan(0);
  const path = (a: RecordedAnswer) => new URL(a.url).pathname;
  const reveals = answers.filter((a) => REVEAL.test(path(a)));
  expect(
    reveals.filter((a) => hasPasscode(a.body, passcodes).length > 0).length,
    'the scan recognises a passcode where it is allowed',
  ).toBeGreaterThan(0);
  expect(answers.filter((a) => a.contentType.startsWith('text/html')).length).toBeGreaterThan(10);
  expect(answers.filter((a) => path(a).startsWith('/api/')).length).toBeGreaterThan(50);

  // Every log line is JSON, with the time and the level; a request's lines name its route and client-request-id.
  const lines = logs.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
  expect(lines.length).toBeGreaterThan(50);
  // Checked line by line in plain code and asserted once (thousands of lines; an expect per line cost seconds).
  const malformed: string[] = [];
  const entries = lines.map((line) => {
    let entry: Record<string, unknown> = {};
    try {
      entry = JSON.parse(line) as Record<string, unknown>;
    } catch {
      malformed.push(`not a JSON log line: ${line.slice(0, 200)}`);
      return entry;
    }
    if (typeof entry.time !== 'string' || !/^\d{4}-\d\d-\d\dT/.test(entry.time))
      malformed.push(`no time: ${line.slice(0, 200)}`);
    if (typeof entry.level !== 'string') malformed.push(`no level: ${line.slice(0, 200)}`);
    if (
      entry.route !== undefined &&
      entry.source !== 'request' &&
      !(typeof entry.clientRequestId === 'string' && GUID.test(entry.clientRequestId))
    )
      malformed.push(`no client-request-id: ${line.slice(0, 200)}`);
    return entry;
  });
  expect(malformed).toEqual([]);
  expect(
    entries.some(
      (e) => e.route === '/api/devices' && typeof e.oid === 'string' && GUID.test(e.oid),
    ),
    'a line names the agent',
  ).toBe(true);

  // No token and no passcode anywhere else.
  for (const [where, text] of [
    ['server logs', logs],
    ['audit records', audit],
  ] as const) {
    expect(text.match(/eyJ[A-Za-z0-9_-]{0,20}/g) ?? [], `${where}: eyJ`).toEqual([]);
    expect(text.includes('Bearer '), `${where}: "Bearer "`).toBe(false);
    expect(hasPasscode(text, passcodes), `${where}: passcodes`).toEqual([]);
  }
  const leaks = answers
    .filter((a) => !REVEAL.test(path(a)))
    .flatMap((a) => [
      ...tokensIn(a.body).map((t) => `${a.status} ${path(a)}: ${t.slice(0, 24)}…`),
      ...(a.body.includes('Bearer ') ? [`${a.status} ${path(a)}: Bearer`] : []),
      ...hasPasscode(a.body, passcodes).map((p) => `${a.status} ${path(a)}: passcode ${p}`),
    ]);
  expect(leaks).toEqual([]);
});
