// The delegated Microsoft Graph permissions the console asks for. The resource is Graph's, also when the
// tokens come from the local emulator, because the same build must work against Microsoft.
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';

export const GRAPH_SCOPES = {
  readDevices: `${GRAPH_RESOURCE}/DeviceManagementManagedDevices.Read.All`,
  privilegedOperations: `${GRAPH_RESOURCE}/DeviceManagementManagedDevices.PrivilegedOperations.All`,
  /** Lets the server ask Graph who a token belongs to (GET /me) when it cannot read the token itself. */
  userRead: `${GRAPH_RESOURCE}/User.Read`,
  /** Intune's own audit log (GET /deviceManagement/auditEvents), as Microsoft documents it; asked for when first shown. */
  auditLog: `${GRAPH_RESOURCE}/DeviceManagementApps.Read.All`,
  /** The owner's e-mail: the device user's mail address and preferredLanguage (GET /users/{id}). */
  userReadAll: `${GRAPH_RESOURCE}/User.Read.All`,
  /** The owner's e-mail sent as the agent (POST /me/sendMail). */
  mailSend: `${GRAPH_RESOURCE}/Mail.Send`,
  /** The owner's e-mail sent from a shared mailbox the agent may send as (POST /users/{NOTIFY_FROM}/sendMail). */
  mailSendShared: `${GRAPH_RESOURCE}/Mail.Send.Shared`,
} as const;

/**
 * What the owner's e-mail needs in the token the agent confirms with: none when it is off; the owner's profile and
 * Mail.Send (as the agent) or Mail.Send.Shared (from NOTIFY_FROM). The bare names are what Graph puts in `scp`.
 */
export function notificationScopes(o: { enabled: boolean; from: string | null }): string[] {
  if (!o.enabled) return [];
  return [GRAPH_SCOPES.userReadAll, o.from ? GRAPH_SCOPES.mailSendShared : GRAPH_SCOPES.mailSend];
}

/** A scope's bare permission name, as in a token's `scp` claim. */
export function bareScope(scope: string): string {
  return scope.startsWith(`${GRAPH_RESOURCE}/`) ? scope.slice(GRAPH_RESOURCE.length + 1) : scope;
}

/** What sign-in asks for: reading devices and who you are. The privileged scope is requested when an action needs it. */
export const SIGN_IN_SCOPES = [GRAPH_SCOPES.readDevices, GRAPH_SCOPES.userRead];
