// What every emulator route needs: the tenant, the app registration it serves, its signing key and clock,
// and the in-memory sign-in state. One context per emulator instance, so tests can run several at once.
import type { Clock } from './clock';
import type { SigningKey } from './entra/keys';
import type { Tenant } from './tenant/types';

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
  expiresAt: number;
  redeemed: boolean;
}

export interface RefreshGrant {
  clientId: string;
  userId: string;
  sid: string;
}

export interface Session {
  userId: string;
  sid: string;
}

export interface EmulatorContext {
  /** The emulator's public origin (http://localhost:4010): issuer and endpoints are built from it. */
  origin: string;
  tenant: Tenant;
  app: AppRegistration;
  key: SigningKey;
  clock: Clock;
  accessTokenLifetimeSeconds: number;
  pendingLogins: Map<string, PendingLogin>;
  codes: Map<string, IssuedCode>;
  refreshTokens: Map<string, RefreshGrant>;
  sessions: Map<string, Session>;
}
