// Scope strings as Entra ID treats them for Microsoft Graph: bare names and `https://graph.microsoft.com/`
// URIs mean the same permission; `.default` means "everything consented"; OIDC scopes are not permissions.
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
export const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);

export interface ParsedScopes {
  oidc: string[];
  /** Bare Graph permission names, e.g. `DeviceManagementManagedDevices.Read.All`. */
  graph: string[];
  wantsDefault: boolean;
  /** Scopes for a resource this emulator does not serve. */
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
    if (bare === null) parsed.foreign.push(scope);
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
