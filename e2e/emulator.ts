// The emulator's control API, for end-to-end tests to set the stage and to read what reached "Graph".
import { E2E } from '../playwright.config';

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`http://127.0.0.1:${E2E.emulatorPort}/_emulator${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  if (!res.ok) throw new Error(`emulator ${method} ${path}: ${res.status} ${await res.text()}`);
  return (res.status === 204 ? null : await res.json()) as T;
}

export interface EmulatedDevice {
  id: string;
  deviceName: string;
  userPrincipalName: string;
  /** The device's primary user's object id (what a caller verification is about). */
  userId: string;
  operatingSystem: string;
  serialNumber: string;
  imei: string;
  scopeTag: string;
  scenario: string;
  mode: string;
  osVersion: string;
  lastSyncDateTime: string;
  managementState: string;
}

export interface LoggedRequest {
  seq: number;
  at: number;
  method: string;
  path: string;
  query: string;
  clientRequestId: string | null;
  /** Graph's request-id for it (what the console shows the agent). */
  requestId: string;
  status: number;
  outcome: string;
  user: string | null;
}

/** One message the emulated Exchange accepted through sendMail (GET /_emulator/mail). */
export interface SentMail {
  from: { address: string; name: string | null };
  toRecipients: { address: string; name: string | null }[];
  subject: string;
  content: string;
  sentAt: string;
}

export const emulator = {
  reset: () => call('POST', '/reset'),
  /** What sendMail accepted, oldest first; only mail to `to` when given. */
  mail: async (to?: string) =>
    (
      await call<{ messages: SentMail[] }>(
        'GET',
        `/mail${to ? `?to=${encodeURIComponent(to)}` : ''}`,
      )
    ).messages,
  preferredLanguage: (user: string, preferredLanguage: string | null) =>
    call('PUT', `/users/${encodeURIComponent(user)}/preferred-language`, { preferredLanguage }),
  devices: async (query: Record<string, string>) =>
    (await call<{ devices: EmulatedDevice[] }>('GET', `/devices?${new URLSearchParams(query)}`))
      .devices,
  quirks: (quirks: Record<string, unknown>) => call('PUT', '/quirks', quirks),
  faults: (faults: Record<string, unknown>) => call('PUT', '/faults', faults),
  requests: async (query: Record<string, string> = {}) =>
    (await call<{ entries: LoggedRequest[] }>('GET', `/requests?${new URLSearchParams(query)}`))
      .entries,
  clearRequests: () => call('DELETE', '/requests'),
  clearFaults: () => call('DELETE', '/faults'),
  advanceClock: (ms: number) => call('POST', '/clock', { advanceMs: ms }),
  /** The emulator's clock (epoch ms), which tests move on: tokens expire by it. */
  clockNow: async () => Date.parse((await call<{ now: string }>('GET', '/clock')).now),
  timings: (t: { pickupMs?: number; completeMs?: number }) => call('PUT', '/timings', t),
  /** The device contacts Intune now (by the emulator's clock): its last sync is then. */
  checkIn: (id: string) => call('POST', `/devices/${id}/check-in`),
  setScenario: (id: string, body: { scenario: string; scopeTag?: string }) =>
    call('PUT', `/devices/${id}/scenario`, body),
  actions: async (deviceId?: string) =>
    (
      await call<{
        actions: {
          deviceId: string;
          actionName: string;
          clientRequestId: string;
          state: string;
          passcode: string | null;
        }[];
      }>('GET', `/actions${deviceId ? `?deviceId=${deviceId}` : ''}`)
    ).actions,
  behaviour: (
    b: Partial<{
      nextLinkRewritten: boolean;
      actionResultsEmptyInLists: boolean;
      actionResultsDelayMs: number;
      opaqueAccessTokens: boolean;
      spaRefreshTokenHours: number;
      thirdPartyCookiesBlocked: boolean;
      /** 'beta': /v1.0 sends beta's enum values too (default 'declared': only v1.0's members). */
      v1EnumValues: 'declared' | 'beta';
    }>,
  ) => call('PUT', '/behaviour', b),
  claimsChallenge: (upn: string, enabled: boolean) =>
    call('PUT', `/users/${encodeURIComponent(upn)}/claims-challenge`, { enabled }),
  unsupportedAction: (answer: 'badRequest' | 'acceptedThenNotSupported') =>
    call('PUT', '/unsupported-action', { answer }),
  /** Intune Multi Admin Approval: the actions whose POST Intune answers 403 ApprovalRequired (a reset clears it). */
  multiAdminApproval: (actions: ('resetPasscode' | 'recoverPasscode')[]) =>
    call('PUT', '/tenant/multiAdminApproval', { actions }),
  managementState: (id: string, managementState: string) =>
    call('PUT', `/devices/${id}/management-state`, { managementState }),
  /** A remote action another admin started in the admin center; answers the remoteActionAudit. */
  adminCenterAction: (
    id: string,
    body: { action: string; initiatedBy: string; minutesAgo?: number; actionState?: string },
  ) =>
    call<{ id: string; action: string; actionState: string; requestDateTime: string }>(
      'POST',
      `/devices/${id}/admin-center-actions`,
      body,
    ),
};
