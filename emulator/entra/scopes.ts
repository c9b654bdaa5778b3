// Scope strings as Entra ID treats them for Microsoft Graph: bare names and `https://graph.microsoft.com/`
// URIs mean the same permission; `.default` means "everything consented"; OIDC scopes are not permissions.
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
export const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);

/**
 * The delegated Graph permissions this emulator knows (Graph's published ones that the console and its tests
 * use). Entra refuses a scope Graph does not publish (AADSTS70011); every one here needs an administrator's
 * consent except User.Read, so a user who lacks a grant meets the admin approval page (AADSTS90094).
 */
export const GRAPH_PERMISSIONS: ReadonlySet<string> = new Set(
  [
    'User.Read',
    'User.ReadBasic.All',
    'User.Read.All',
    'Directory.Read.All',
    'DeviceManagementManagedDevices.Read.All',
    'DeviceManagementManagedDevices.ReadWrite.All',
    'DeviceManagementManagedDevices.PrivilegedOperations.All',
    'DeviceManagementApps.Read.All',
    'DeviceManagementApps.ReadWrite.All',
    // Intune's RBAC: what the signed-in agent's role allows (getEffectivePermissions), known before acting.
    'DeviceManagementRBAC.Read.All',
    'DeviceManagementRBAC.ReadWrite.All',
    // The caller's profile, manager, registered phone methods and Identity Protection risk (trust.md).
    'UserAuthenticationMethod.Read.All',
    'IdentityRiskyUser.Read.All',
    // Group membership for stricter policies, and the owner's notification by mail.
    'GroupMember.Read.All',
    'Mail.Send',
    'Mail.Send.Shared',
  ].map((s) => s.toLowerCase()),
);

export interface ParsedScopes {
  oidc: string[];
  /** Bare Graph permission names, e.g. `DeviceManagementManagedDevices.Read.All`. */
  graph: string[];
  wantsDefault: boolean;
  /** Scopes for a resource this emulator does not serve, or that Graph does not publish. */
  foreign: string[];
}

export function parseScopes(raw: string | undefined): ParsedScopes {
  const parsed: ParsedScopes = { oidc: [], graph: [], wantsDefault: false, foreign: [] };
  for (const scope of (raw ?? '').split(/\s+/).filter(Boolean)) {
    if (OIDC_SCOPES.has(scope.toLowerCase())) {
      parsed.oidc.push(scope.toLowerCase());
      continue;
    }
    const bare = scope.startsWith(`${GRAPH_RESOURCE}/`)
      ? scope.slice(GRAPH_RESOURCE.length + 1)
      : scope.includes('://')
        ? null
        : scope;
    if (bare === null || (bare !== '.default' && !GRAPH_PERMISSIONS.has(bare.toLowerCase())))
      parsed.foreign.push(scope);
    else if (bare === '.default') parsed.wantsDefault = true;
    else parsed.graph.push(bare);
  }
  return parsed;
}

/** The consented Graph permissions a token gets: all of them, as Entra v2 does, once every requested one is consented. */
export function missingConsent(requested: ParsedScopes, consented: readonly string[]): string[] {
  const lower = new Set(consented.map((s) => s.toLowerCase()));
  return requested.graph.filter((s) => !lower.has(s.toLowerCase()));
}

export function graphScopeUris(bare: readonly string[]): string[] {
  return bare.map((s) => `${GRAPH_RESOURCE}/${s}`);
}
