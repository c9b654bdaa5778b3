// The console's log lines as an operator's log shipper reads them: one JSON object a line, with time, level, route,
// client-request-id and agent oid, and no credential or passcode whatever a caller hands the logger.
import { describe, expect, it } from 'vitest';
import { consoleEntry } from './console-bridge';
import { noteAgentFromAcceptedToken, routePattern, runWithLogContext } from './context';
import { createLogger } from './logger';

function capture() {
  const lines: string[] = [];
  const logger = createLogger(
    {
      write: (s: string) => {
        lines.push(s);
      },
    },
    'info',
  );
  return {
    logger,
    lines,
    entries: () =>
      lines
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const OID = '0f6e2a4b-1c3d-4e5f-8a9b-0c1d2e3f4a5b';
const JWT = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({ oid: OID, upn: 'helpdesk@contoso.com' })}.c2lnbmF0dXJl`;

describe('the logger', () => {
  it("never writes the Verified ID app's client secret or a callback's api key, at the top or nested", () => {
    const { logger, lines } = capture();
    logger.info(
      {
        client_secret: 'app-secret-value',
        clientSecret: 'app-secret-value',
        headers: { 'api-key': 'callback-key-value' },
        apiKey: 'callback-key-value',
      },
      'verified id',
    );
    expect(lines.join('')).not.toMatch(/app-secret-value|callback-key-value/);
  });

  it('writes one JSON line with an ISO time, the level by name and the message', () => {
    const { logger, lines, entries } = capture();
    logger.warn('Graph did not accept a request');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith('\n')).toBe(true);
    expect(entries()[0]).toMatchObject({ level: 'warn', msg: 'Graph did not accept a request' });
    expect(String(entries()[0]?.time)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('keeps CR and LF of a message inside the JSON string: the line cannot be split into a forged one', () => {
    const { logger, lines, entries } = capture();
    logger.error('Unexpected token "\r\nFORGED level=info msg=admin"');
    expect(
      lines
        .join('')
        .split(/\r\n|\r|\n/)
        .filter(Boolean),
    ).toHaveLength(1);
    expect(entries()[0]?.msg).toBe('Unexpected token "\r\nFORGED level=info msg=admin"');
  });

  it("carries the request's route and client-request-id, and the agent's oid once Graph accepted the token", async () => {
    const { logger, entries } = capture();
    await runWithLogContext(
      { route: '/api/devices', clientRequestId: 'c0ffee00-0000-4000-8000-000000000001' },
      async () => {
        logger.info('before Graph answered');
        noteAgentFromAcceptedToken(JWT);
        await Promise.resolve();
        logger.info('after');
      },
    );
    logger.info('outside any request');
    const [before, after, outside] = entries();
    expect(before).toMatchObject({
      route: '/api/devices',
      clientRequestId: 'c0ffee00-0000-4000-8000-000000000001',
    });
    expect(before).not.toHaveProperty('oid');
    expect(after).toMatchObject({ route: '/api/devices', oid: OID });
    expect(outside).not.toHaveProperty('route');
  });

  it('names no agent for an opaque token or one without an object id', () => {
    const { logger, entries } = capture();
    runWithLogContext(
      { route: '/api/actions', clientRequestId: 'c0ffee00-0000-4000-8000-000000000002' },
      () => {
        noteAgentFromAcceptedToken('opaque-token');
        noteAgentFromAcceptedToken(`${b64({ alg: 'none' })}.${b64({ oid: 'not a guid' })}.`);
        logger.info('x');
      },
    );
    expect(entries()[0]).not.toHaveProperty('oid');
  });

  it('redacts credentials and passcodes by key, at any of the first three levels', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        authorization: `Bearer ${JWT}`,
        passcode: '48213377',
        headers: { cookie: 'session=abc', 'set-cookie': 'x=1' },
        req: { headers: { Authorization: 'Bearer abc.def.ghi' } },
        result: { passcode: '11112222' },
        accessToken: 'secret-token-value',
      },
      'a request',
    );
    const line = lines.join('');
    for (const secret of [
      '48213377',
      '11112222',
      'session=abc',
      'x=1',
      'secret-token-value',
      'abc.def.ghi',
      'eyJ',
      'Bearer ',
    ])
      expect(line).not.toContain(secret);
    expect(line).toContain('[redacted]');
  });

  it("scrubs a bearer credential or a JWT from any text, a framework's message or stack included", () => {
    const { logger, lines } = capture();
    const err = new Error(`fetch failed for Authorization: Bearer ${JWT}`);
    logger.error({ err }, `token ${JWT} refused`);
    const line = lines.join('');
    expect(line).not.toContain('eyJ');
    expect(line).not.toContain('Bearer ');
    expect(JSON.parse(line)).toMatchObject({ msg: 'token [redacted jwt] refused' });
  });
});

describe('console output of the framework', () => {
  it("becomes one message, without Next's marker and colours, and keeps an error apart", () => {
    const err = new SyntaxError('Unexpected token');
    expect(consoleEntry([' \u001b[31m\u001b[1m⨯\u001b[22m\u001b[39m', err])).toEqual({
      err,
      msg: 'Unexpected token',
    });
    expect(consoleEntry(['%s: %d devices', 'search', 3])).toEqual({ msg: 'search: 3 devices' });
    expect(consoleEntry([' ✓', 'Ready in 12ms'])).toEqual({ msg: 'Ready in 12ms' });
    expect(consoleEntry(['`origin` header with value `evil.example`'])).toEqual({
      msg: '`origin` header with value `evil.example`',
    });
  });
});

describe('route patterns', () => {
  it("group a route's lines whatever the id in its path", () => {
    expect(routePattern(`/api/actions/${OID}/passcode`)).toBe('/api/actions/[id]/passcode');
    expect(routePattern('/api/devices')).toBe('/api/devices');
  });
});
