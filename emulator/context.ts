// What every emulator route needs: the tenant and its indexes, the app registration it serves, its signing
// key and clock, the sign-in state, and the switches tests turn (quirks, throttling, faults). One context
// per emulator instance, so tests can run several at once.
import type { ControllableClock } from './clock';
import type { SigningKey } from './entra/keys';
import type { OpaqueGrant } from './entra/tokens';
import { DeviceIndexes } from './graph/candidates';
import type { FaultInjector } from './graph/faults';
import type { SentMail } from './graph/mail';
import type { RequestLog } from './graph/request-log';
import type { Throttler } from './graph/throttle';
import type { ActionStore } from './intune/actions';
import type { AuditEventLog } from './intune/audit-events';
import type { EmulatorSettings } from './settings';
import type { DirectoryUser, StoredDevice, Tenant } from './tenant/types';

export type EmulatorMode = 'standalone' | 'demo' | 'test';

export interface AppRegistration {
  clientId: string;
  displayName: string;
  /** Single-page application redirect URIs; Entra matches them exactly. */
  redirectUris: string[];
}

export interface PendingLogin {
  params: Record<string, string>;
  expiresAt: number;
}

export interface IssuedCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  nonce: string | undefined;
  userId: string;
  sid: string;
  scope: string;
  claims: string | undefined;
  /** When the sign-in behind the code happened (emulator ms). */
  signedInAt: number;
  expiresAt: number;
  redeemed: boolean;
}

export interface RefreshGrant {
  clientId: string;
  userId: string;
  sid: string;
  /** When the sign-in behind it happened (emulator ms): a SPA's refresh token expires 24 hours later. */
  signedInAt: number;
  /** Client capabilities the app declared at sign-in (xms_cc), carried into renewed access tokens. */
  capabilities: string[];
}

export interface Session {
  userId: string;
  sid: string;
  /** When the person signed in interactively (emulator ms). */
  signedInAt: number;
}

export interface TenantIndex {
  deviceById: Map<string, StoredDevice>;
  devicesByUser: Map<string, StoredDevice[]>;
  /** Users by object id and by lower-case UPN. */
  userByKey: Map<string, DirectoryUser>;
  /** Equality indexes for `$filter=prop eq '…'`, built on first use. */
  filterIndexes: DeviceIndexes;
}

export interface EmulatorContext {
  /** The emulator's public origin (http://localhost:4010): issuer and endpoints are built from it. */
  origin: string;
  mode: EmulatorMode;
  tenant: Tenant;
  index: TenantIndex;
  app: AppRegistration;
  key: SigningKey;
  clock: ControllableClock;
  accessTokenLifetimeSeconds: number;
  pendingLogins: Map<string, PendingLogin>;
  codes: Map<string, IssuedCode>;
  refreshTokens: Map<string, RefreshGrant>;
  sessions: Map<string, Session>;
  /** Opaque access tokens issued while that switch was on, and what each stands for. */
  opaqueTokens: Map<string, OpaqueGrant>;
  settings: EmulatorSettings;
  actions: ActionStore;
  /** Intune's own audit log of the remote actions it accepted. */
  auditEvents: AuditEventLog;
  throttler: Throttler;
  faults: FaultInjector;
  requestLog: RequestLog;
  /** Mail sent through sendMail (the demo mailbox). */
  mail: SentMail;
  /** Back to the seeded tenant and default settings (keys, sessions and tokens stay valid). */
  reset(): void;
}

function listUnder(devicesByUser: Map<string, StoredDevice[]>, userId: string, d: StoredDevice) {
  const list = devicesByUser.get(userId);
  if (list) list.push(d);
  else devicesByUser.set(userId, [d]);
}

export function indexTenant(tenant: Tenant): TenantIndex {
  const deviceById = new Map<string, StoredDevice>();
  const devicesByUser = new Map<string, StoredDevice[]>();
  for (const d of tenant.devices) {
    deviceById.set(d.graph.id, d);
    // Listed under its primary user, and under whoever enrolled it for them (graph-intune.md: "the UPN on the device
    // can differ from its primary user"; users report enrolled devices in /users/{id}/managedDevices).
    listUnder(devicesByUser, d.graph.userId, d);
    if (d.enrolledBy && d.enrolledBy.id !== d.graph.userId)
      listUnder(devicesByUser, d.enrolledBy.id, d);
  }
  const userByKey = new Map<string, DirectoryUser>();
  for (const u of tenant.users) {
    userByKey.set(u.id, u);
    userByKey.set(u.userPrincipalName.toLowerCase(), u);
  }
  return { deviceById, devicesByUser, userByKey, filterIndexes: new DeviceIndexes(tenant.devices) };
}
