// The approvers' e-mail against a fake Graph (fetch answered here): to an address or a group's mail, from
// NOTIFY_FROM when set, in the requester's language, with a link to look and nothing that acts, no passcode, no
// token; what became of it is kept on the request, and a failure is kept with Graph's code, never thrown.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TENANT_ID } from '@/emulator/constants';
import type { ApprovalRow } from '@/lib/server/store/approvals';
import { notifyApprovers, type ApproversNotified } from './notify-approvers';

interface Seen {
  method: string;
  path: string;
  query: string;
  auth: string | null;
  body: unknown;
}
let seen: Seen[] = [];
/** How the fake Graph answers sendMail: 202, or an error of Graph's shape. */
let sendAnswer: { status: number; code?: string } = { status: 202 };
let groupMail: string | null = 'approvers@contoso.com';

const GROUP = '0b7d2f4e-5a61-4c3b-8e9f-1d2c3b4a5e6f';
const graphError = (status: number, code: string) =>
  new Response(
    JSON.stringify({
      error: {
        code,
        message: 'Graph said no.',
        innerError: {
          date: '2026-12-02T15:00:00',
          'request-id': 'rid-err',
          'client-request-id': 'c',
        },
      },
    }),
    { status, headers: { 'content-type': 'application/json', 'request-id': 'rid-err' } },
  );

beforeEach(() => {
  seen = [];
  sendAnswer = { status: 202 };
  groupMail = 'approvers@contoso.com';
  vi.stubGlobal('fetch', async (input: URL | string, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const headers = new Headers(init.headers);
    seen.push({
      method: init.method ?? 'GET',
      path: url.pathname,
      query: url.search,
      auth: headers.get('authorization'),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : null,
    });
    if (url.pathname === `/v1.0/groups/${GROUP}`)
      return Response.json(
        { mail: groupMail, displayName: 'Passcode approvers' },
        { headers: { 'request-id': 'rid-group' } },
      );
    if (url.pathname.endsWith('/sendMail')) {
      if (sendAnswer.status !== 202) return graphError(sendAnswer.status, sendAnswer.code ?? 'x');
      return new Response(null, { status: 202, headers: { 'request-id': 'rid-mail' } });
    }
    return graphError(404, 'Request_ResourceNotFound');
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** A token of the console's tenant, unsigned (the console only reads its shape; Graph is the fake here). */
const token = (scopes: string) => {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({
    aud: 'https://graph.microsoft.com',
    tid: TENANT_ID,
    exp: Math.floor(Date.now() / 1000) + 3600,
    scp: scopes,
    oid: '11111111-1111-4111-8111-111111111111',
    upn: 'helpdesk@contoso.com',
    name: 'Hanna Berger',
  })}.sig`;
};
const row: ApprovalRow = {
  id: '3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a99',
  subject: 'action',
  created_at: '2026-12-02T14:00:00.000Z',
  expires_at: '2026-12-02T15:00:00.000Z',
  requester_oid: '11111111-1111-4111-8111-111111111111',
  requester_upn: 'helpdesk@contoso.com',
  requester_name: 'Hanna Berger',
  requester_tenant: TENANT_ID,
  device_id: '8b5e2c1a-4f7d-4e39-a6b0-3c9d1e7f5a24',
  device_name: 'CFO-iPhone',
  device_serial: 'F17XK2',
  device_user_id: '22222222-2222-4222-8222-222222222222',
  device_user_upn: 'cfo@contoso.com',
  device_user_name: 'Clara Finanz',
  action_kind: 'removePasscode',
  graph_action: 'resetPasscode',
  reveal_of: null,
  ticket: 'INC-2700',
  reason: 'CFO locked out before the board meeting',
  verification_id: null,
  because: '["group"]',
  status: 'pending',
  decided_at: null,
  approver_oid: null,
  approver_upn: null,
  approver_name: null,
  decision_reason: null,
  sent_at: null,
  notify_status: null,
  notify_code: null,
  notify_request_id: null,
};
const run = (
  env: { APPROVAL_NOTIFY_TO?: string; NOTIFY_FROM?: string },
  t = token('Mail.Send Mail.Send.Shared'),
  locale: 'en' | 'de' = 'en',
) => {
  const recorded: ApproversNotified[] = [];
  return notifyApprovers(row, t, {
    approvals: {
      notified: async (_id, n) => {
        recorded.push(n);
      },
    },
    env: { AUTH_TENANT_ID: TENANT_ID, ...env },
    locale,
    consoleOrigin: 'https://desk.contoso.com',
  }).then((result) => ({ result, recorded }));
};
const sentMessage = () => {
  const post = seen.find((s) => s.path.endsWith('/sendMail'));
  const body = post?.body as {
    message: {
      subject: string;
      body: { content: string };
      toRecipients: { emailAddress: { address: string } }[];
    };
  };
  return body.message;
};

describe("the approvers' e-mail", () => {
  it('to a configured address, as the requester: who, what, why, until when, and where to look', async () => {
    const t = token('Mail.Send');
    const { result, recorded } = await run({ APPROVAL_NOTIFY_TO: 'it-approvers@contoso.com' }, t);
    expect(result).toEqual({ status: 'sent', requestId: 'rid-mail' });
    expect(recorded).toEqual([result]);
    expect(seen.map((s) => [s.method, s.path])).toEqual([['POST', '/v1.0/me/sendMail']]);
    expect(seen[0]?.auth).toBe(`Bearer ${t}`);
    const mail = sentMessage();
    expect(mail.toRecipients[0]?.emailAddress.address).toBe('it-approvers@contoso.com');
    expect(mail.subject).toBe('Approval requested: remove the passcode on “CFO-iPhone”');
    const text = mail.body.content;
    for (const fact of [
      'Hanna Berger (helpdesk@contoso.com)',
      'CFO-iPhone (serial number F17XK2)',
      'Clara Finanz (cfo@contoso.com)',
      'INC-2700',
      'CFO locked out before the board meeting',
      '2026-12-02 15:00 (UTC)',
      'https://desk.contoso.com/approvals',
    ])
      expect(text).toContain(fact);
    // A link to look only: no request id in it, nothing that approves, and never the token.
    expect(text.match(/https?:\/\/\S+/g)).toEqual(['https://desk.contoso.com/approvals']);
    expect(text).not.toContain(row.id);
    expect(JSON.stringify(mail)).not.toContain(t);
  });

  it("to a group's mail, read from Graph, and from NOTIFY_FROM when set; in German for a German requester", async () => {
    const { result } = await run(
      { APPROVAL_NOTIFY_TO: GROUP, NOTIFY_FROM: 'desk@contoso.com' },
      undefined,
      'de',
    );
    expect(result.status).toBe('sent');
    expect(seen.map((s) => [s.method, s.path, s.query])).toEqual([
      ['GET', `/v1.0/groups/${GROUP}`, '?%24select=mail%2CdisplayName'],
      ['POST', '/v1.0/users/desk%40contoso.com/sendMail', ''],
    ]);
    const mail = sentMessage();
    expect(mail.toRecipients[0]?.emailAddress.address).toBe('approvers@contoso.com');
    expect(mail.subject).toBe('Freigabe erbeten: Code entfernen auf „CFO-iPhone“');
    expect(mail.body.content).toContain('Begründung: CFO locked out before the board meeting');
  });

  it('not configured: nothing sent, and recorded as such', async () => {
    const { result, recorded } = await run({});
    expect(result).toEqual({ status: 'notConfigured' });
    expect(recorded).toEqual([{ status: 'notConfigured' }]);
    expect(seen).toEqual([]);
  });

  it("Graph refusing the send is kept with Graph's code and request-id, and not thrown", async () => {
    sendAnswer = { status: 403, code: 'ErrorAccessDenied' };
    const { result, recorded } = await run({ APPROVAL_NOTIFY_TO: 'it-approvers@contoso.com' });
    expect(result).toEqual({ status: 'failed', code: 'ErrorAccessDenied', requestId: 'rid-err' });
    expect(recorded).toEqual([result]);
  });

  it('a group without mail, or a token without Mail.Send, fails in words without a send', async () => {
    groupMail = null;
    expect((await run({ APPROVAL_NOTIFY_TO: GROUP })).result).toEqual({
      status: 'failed',
      code: 'noRecipient',
      requestId: null,
    });
    seen = [];
    const { result } = await run(
      { APPROVAL_NOTIFY_TO: 'it-approvers@contoso.com' },
      token('DeviceManagementManagedDevices.PrivilegedOperations.All'),
    );
    expect(result).toEqual({ status: 'failed', code: 'consentRequired', requestId: null });
    expect(seen).toEqual([]);
  });

  it('a store that cannot keep the result does not fail the request', async () => {
    const result = await notifyApprovers(row, token('Mail.Send'), {
      approvals: {
        notified: () => Promise.reject(new Error('database away')),
      },
      env: { AUTH_TENANT_ID: TENANT_ID, APPROVAL_NOTIFY_TO: 'it-approvers@contoso.com' },
      locale: 'en',
      consoleOrigin: null,
    });
    expect(result.status).toBe('sent');
    expect((sentMessage().body.content.match(/https?:\/\//g) ?? []).length).toBe(0);
  });
});
