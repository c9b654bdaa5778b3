import { describe, expect, it } from 'vitest';
import {
  graphErrorFromResponse,
  isIntuneApprovalRequired,
  parseRetryAfter,
  unwrapIntuneMessage,
} from './errors';

describe('Graph error normalisation', () => {
  it('keeps status, code, message, request-id, client-request-id and date', async () => {
    const res = new Response(
      JSON.stringify({
        error: {
          code: 'Forbidden',
          message: 'No.',
          innerError: {
            'request-id': 'rid-body',
            date: '2026-11-28T10:00:00',
            'client-request-id': 'crid',
          },
        },
      }),
      { status: 403, headers: { 'request-id': 'rid-header', 'client-request-id': 'crid' } },
    );
    const e = await graphErrorFromResponse(res, 'crid');
    expect(e.kind).toBe('http');
    expect(e.info()).toMatchObject({
      status: 403,
      code: 'Forbidden',
      message: 'No.',
      requestId: 'rid-header',
      clientRequestId: 'crid',
      date: '2026-11-28T10:00:00',
    });
  });

  it("unwraps Intune's JSON-in-a-string messages, once or twice wrapped, keeping the Operation and Activity IDs", async () => {
    const human =
      'An error has occurred - Operation ID (for customer support): 0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0 - Activity ID: 11111111-2222-4333-8444-555555555555 - Url: https://fef.msua06.manage.microsoft.com/x';
    const once = JSON.stringify({
      _version: 3,
      Message: human,
      CustomApiErrorPhrase: '',
      RetryAfter: null,
    });
    const twice = JSON.stringify({
      ErrorCode: 'BadRequest',
      Message: once,
      Target: null,
      Details: null,
    });
    expect(unwrapIntuneMessage(twice)).toEqual({
      text: 'An error has occurred',
      errorCode: 'BadRequest',
      operationId: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
      activityId: '11111111-2222-4333-8444-555555555555',
    });
    expect(unwrapIntuneMessage(once)).toMatchObject({
      text: 'An error has occurred',
      errorCode: null,
      operationId: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
    });
    expect(unwrapIntuneMessage('{not json')).toMatchObject({
      text: '{not json',
      operationId: null,
    });
    expect(unwrapIntuneMessage('plain')).toMatchObject({ text: 'plain', errorCode: null });
    const res = new Response(JSON.stringify({ error: { code: 'BadRequest', message: twice } }), {
      status: 400,
      headers: { 'request-id': 'r' },
    });
    expect((await graphErrorFromResponse(res, 'c')).info()).toMatchObject({
      status: 400,
      code: 'BadRequest',
      message: 'An error has occurred',
      operationId: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
    });
  });

  it("keeps Multi Admin Approval's approval code from x-msft-approval-code, and does not call its 403 a refusal of rights", async () => {
    const body = (code: string) =>
      JSON.stringify({ error: { code, message: 'x', innerError: { 'request-id': 'rid' } } });
    const maa = await graphErrorFromResponse(
      new Response(body('ApprovalRequired'), {
        status: 403,
        headers: { 'x-msft-approval-code': 'b0c1d2e3-f4a5-4b6c-8d7e-9f0a1b2c3d4e' },
      }),
      'crid',
    );
    expect(maa.approvalCode).toBe('b0c1d2e3-f4a5-4b6c-8d7e-9f0a1b2c3d4e');
    expect(isIntuneApprovalRequired(maa)).toBe(true);
    expect(maa.info().reason).toBeNull();
    // The code without the header (Intune did not send one) is still Multi Admin Approval, with no code to quote.
    const noHeader = await graphErrorFromResponse(
      new Response(body('ApprovalRequired'), { status: 403 }),
      'crid',
    );
    expect([noHeader.approvalCode, isIntuneApprovalRequired(noHeader)]).toEqual([null, true]);
    const rbac = await graphErrorFromResponse(
      new Response(body('Forbidden'), { status: 403 }),
      'crid',
    );
    expect([rbac.approvalCode, isIntuneApprovalRequired(rbac), rbac.info().reason]).toEqual([
      null,
      false,
      'outsideScope',
    ]);
  });

  it("copes with a body that is not Graph's (a proxy's HTML page)", async () => {
    const e = await graphErrorFromResponse(
      new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
      'c1',
    );
    expect(e.info()).toMatchObject({
      status: 502,
      code: 'Http502',
      requestId: null,
      clientRequestId: 'c1',
    });
    expect(e.message).toMatch(/502/);
  });

  it('reads Retry-After as seconds (fractional too) or as a date, and ignores nonsense', () => {
    expect(parseRetryAfter('2.128')).toBe(2.128);
    expect(parseRetryAfter('7')).toBe(7);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
    const now = Date.parse('2026-11-28T10:00:00Z');
    expect(parseRetryAfter('Sat, 28 Nov 2026 10:00:05 GMT', now)).toBe(5);
  });

  it('extracts the claims of a claims challenge', async () => {
    const res = new Response('{}', {
      status: 401,
      headers: {
        'www-authenticate':
          'Bearer realm="", error="insufficient_claims", claims="eyJhY2Nlc3NfdG9rZW4iOnt9fQ=="',
      },
    });
    expect((await graphErrorFromResponse(res, 'c')).claimsChallenge).toBe(
      'eyJhY2Nlc3NfdG9rZW4iOnt9fQ==',
    );
  });
});
