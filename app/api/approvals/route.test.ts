// GET /api/approvals and GET /api/approvals/{id}, and GET /api/actions/{id} for a request not yet sent: against a
// real emulator over HTTP and the console's own store. The token is proven by Graph; the Approver role needs an ID
// token that verifies (a forged one gives nothing); a request is shown to its requester, and hidden from any other
// agent exactly as an id that does not exist.
import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '@/emulator/constants';
import type { ActionStatus } from '@/lib/shared/actions/types';
import type { ApiErrorBody } from '@/lib/shared/errors';
import type { ApprovalList, ApprovalView } from '@/lib/shared/trust/approval';
import { SCOPES, startEmulatorServer, type EmulatorServer } from '@/test-support/emulator-server';

type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;
let server: EmulatorServer;
let list: Handler<Record<string, never>>;
let one: Handler<{ id: string }>;
let action: Handler<{ id: string }>;
let requestApproval: (token: string) => Promise<string>;

beforeAll(async () => {
  server = await startEmulatorServer({ devices: 40, users: 30 });
  ({ GET: list } = await import('./route'));
  ({ GET: one } = await import('./[id]/route'));
  ({ GET: action } = await import('../actions/[id]/route'));
  const [{ getApprovalStore, getAuditStore }, { recordApprovalStep }] = await Promise.all([
    import('@/lib/server/store'),
    import('@/lib/server/approvals/trail'),
  ]);
  // A request as the `send` path writes it: the row, and its first step in the trail.
  requestApproval = async (token) => {
    const claims = decodeJwt(token);
    const requester = {
      oid: String(claims.oid),
      upn: String(claims.upn),
      name: String(claims.name),
      tenant: String(claims.tid),
    };
    const row = await (
      await getApprovalStore()
    ).create({
      id: randomUUID(),
      subject: 'action',
      requester,
      device: {
        id: randomUUID(),
        name: 'CFO-iPhone',
        serialNumber: 'SN-1',
        userId: null,
        userUpn: 'cfo@contoso.com',
        userName: 'Carla CFO',
      },
      actionKind: 'removePasscode',
      graphAction: 'resetPasscode',
      revealOf: null,
      ticket: 'INC-4242',
      reason: 'Locked out before the board meeting',
      verificationId: null,
      because: ['all'],
      ttlMinutes: 60,
    });
    await recordApprovalStep(
      await getAuditStore(),
      row,
      'approvalRequested',
      requester,
      row.reason,
    );
    return row.id;
  };
});
afterAll(() => server.stop());

const helpdesk = () => server.token(DEMO_ACCOUNTS.helpdesk, [SCOPES.read, SCOPES.privileged]);
const admin = () => server.token(DEMO_ACCOUNTS.admin, [SCOPES.read, SCOPES.privileged]);
const get = async <T, P>(
  handler: Handler<P>,
  url: string,
  params: P,
  headers: Record<string, string>,
) => {
  const res = await handler(new Request(`http://localhost${url}`, { headers }), {
    params: Promise.resolve(params),
  });
  return { status: res.status, body: (await res.json()) as T & Partial<ApiErrorBody> };
};
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('GET /api/approvals', () => {
  it('asks for a token, and gives the Approver role to no ID token that does not verify', async () => {
    expect((await get(list, '/api/approvals', {}, {})).status).toBe(401);
    const token = await helpdesk();
    const id = await requestApproval(token);
    const { status, body } = await get<ApprovalList, Record<string, never>>(
      list,
      '/api/approvals',
      {},
      { ...bearer(token), 'x-id-token': 'forged.id.token' },
    );
    expect(status).toBe(200);
    expect(body.approver).toBe(false);
    expect(body.openForMe).toBe(0);
    expect(body.approvals.find((a) => a.id === id)).toMatchObject({
      state: 'pending',
      mine: true,
      canDecide: false,
      requester: { upn: DEMO_ACCOUNTS.helpdesk },
    });
  });

  it("lists nobody else's requests to an agent without the role", async () => {
    const id = await requestApproval(await helpdesk());
    const { body } = await get<ApprovalList, Record<string, never>>(
      list,
      '/api/approvals',
      {},
      bearer(await admin()),
    );
    expect(body.approvals.map((a) => a.id)).not.toContain(id);
  });
});

describe('GET /api/approvals/{id}', () => {
  it('shows the request to its requester; to any other agent it is as unknown as a forged id', async () => {
    const token = await helpdesk();
    const id = await requestApproval(token);
    const mine = await get<
      { approval: ApprovalView; requesterRecent: ActionStatus[] },
      { id: string }
    >(one, `/api/approvals/${id}`, { id: id.toUpperCase() }, bearer(token));
    expect(mine.status).toBe(200);
    expect(mine.body.approval).toMatchObject({ id, mine: true, ticket: 'INC-4242' });
    expect(Array.isArray(mine.body.requesterRecent)).toBe(true);
    const other = await get(one, `/api/approvals/${id}`, { id }, bearer(await admin()));
    const forged = await get(one, '/api/approvals/x', { id: randomUUID() }, bearer(token));
    expect([other.status, forged.status]).toEqual([404, 404]);
    expect(other.body.error?.code).toBe('approvalNotFound');
    expect(other.body.error?.message).toBe(forged.body.error?.message);
    const bad = await get(one, '/api/approvals/x', { id: '../devices' }, bearer(token));
    expect([bad.status, bad.body.error?.code]).toEqual([400, 'invalidApprovalId']);
  });
});

describe('GET /api/actions/{id} for a request not yet sent', () => {
  it('answers by the request id, waiting for approval, without reading the device from Graph', async () => {
    const token = await helpdesk();
    const id = await requestApproval(token);
    const { status, body } = await get<ActionStatus, { id: string }>(
      action,
      `/api/actions/${id}`,
      { id },
      bearer(token),
    );
    // The device id is made up: a read of it from Graph would have answered 404.
    expect(status).toBe(200);
    expect(body).toMatchObject({
      actionId: id,
      state: 'awaitingApproval',
      terminal: false,
      ticket: 'INC-4242',
      approval: { id, state: 'pending', mine: true },
    });
  });
});
